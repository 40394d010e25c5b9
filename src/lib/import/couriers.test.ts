import { describe, expect, it } from 'vitest';
import { DEMO_COURIERS } from '../domain/demo/catalog';
import { PLATFORMS } from '../domain/schemas';
import { COURIER_IDS, courierIdFromName, courierName } from './couriers';

describe('courier names per platform', () => {
  it('names every catalog courier on every platform', () => {
    expect([...COURIER_IDS].sort()).toEqual(DEMO_COURIERS.map((c) => c.id).sort());
    for (const p of PLATFORMS) for (const id of COURIER_IDS) expect(courierName(p, id), `${p}/${id}`).toBeTruthy();
  });

  it('reads any platform\'s spelling back to the courier id', () => {
    for (const p of PLATFORMS) for (const id of COURIER_IDS) expect(courierIdFromName(courierName(p, id)!)).toBe(id);
    expect(courierIdFromName('中通')).toBe('zto');
    expect(courierIdFromName(' 顺丰 速运 ')).toBe('sf');
    expect(courierIdFromName('J&T Express')).toBe('jt');
    expect(courierIdFromName('某某快运')).toBeUndefined();
  });
});
