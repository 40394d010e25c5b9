import { describe, expect, test } from 'vitest';
import { pickListContext } from './batch-documents';
import { builtinTemplate } from './builtin-templates';
import { layoutTemplate } from './layout';
import { defaultProfile, targetFor } from './profiles';
import type { PrintContext } from './fields';
import { fixtureContext, fixturePickContext } from './test-fixtures';

const HZ = { id: 'wh-hz', name: '杭州仓', address: { province: '浙江省', city: '杭州市', district: '余杭区', detail: '仓前街道 1 号' } };

/** The shipments of the hand-made pick batch (test-fixtures), each as the engine builds its print context. */
function twoShipments(): PrintContext[] {
  const ctx = { ...fixtureContext(), warehouse: HZ };
  const order = ctx.orders![0];
  const second = { ...order, id: 'taobao:tb-xiaolu:2345678901234567891', orderNo: '2345678901234567891', lines: order.lines.slice(0, 2) };
  const other = { ...ctx, orders: [second], shipment: { ...ctx.shipment!, id: 'shp-7f3b', parts: second.lines.map((l) => ({ orderId: second.id, lineNo: l.lineNo, qty: l.qty })) } };
  return [ctx, other];
}

describe('pick list of a batch', () => {
  test('sums the batch shipments by SKU and location, as the hand-made pick batch does', () => {
    const pick = pickListContext(twoShipments(), 'PK20251121-01');
    expect(pick.batch).toEqual(fixturePickContext().batch);
    expect(pick.station).toEqual(fixtureContext().station);
    expect(pick.warehouse?.id).toBe('wh-hz');
  });

  test('a batch from two warehouses names none on the pick list', () => {
    const [a, b] = twoShipments();
    const pick = pickListContext([a, { ...b, warehouse: { ...HZ, id: 'wh-other' } }], 'b1');
    expect(pick.warehouse).toBeUndefined();
  });

  test('lays out on the A4 pick list with one row per SKU and location', () => {
    const pick = pickListContext(twoShipments(), 'PK1');
    const layout = layoutTemplate(builtinTemplate('pick-list-a4'), pick, targetFor(defaultProfile('escpos')));
    const texts = layout.pages[0].items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));
    expect(texts.join('\n')).toContain('批次 PK1  包裹 2  SKU 3  件数 7');
  });

  test('contexts without shipments cannot make a pick list', () => {
    expect(() => pickListContext([], 'b')).toThrow(/at least one shipment/);
    expect(() => pickListContext([{ ...fixtureContext(), shipment: undefined }], 'b')).toThrow(/needs its shipment/);
  });
});
