import { describe, expect, it } from 'vitest';
import { EditRefused, MEMO_MAX, planEdit } from './edits';
import { toOrderRow } from './order-row';
import { entry, makeOrder, regs } from './test-factories';

const order = makeOrder();
const rowWith = (r?: Parameters<typeof regs>[0]) => toOrderRow(order, 'shard', r ? regs(r) : undefined);

describe('planning an edit', () => {
  it('writes the memo, cut to the maximum length', () => {
    expect(planEdit({ edit: { orderId: order.id, field: 'memo', value: 'x'.repeat(MEMO_MAX + 20) }, order, row: rowWith() })).toEqual([
      { entity: order.id, field: 'memo', value: 'x'.repeat(MEMO_MAX) }
    ]);
  });

  it('adds and removes only the tags that changed', () => {
    const row = rowWith({ 'tag:加急': [entry('A', 1, true)], 'tag:VIP': [entry('A', 1, true)] });
    const writes = planEdit({ edit: { orderId: order.id, field: 'tags', value: ['VIP', '易碎'] }, order, row });
    expect(writes).toEqual([
      { entity: order.id, field: 'tag:易碎', value: true },
      { entity: order.id, field: 'tag:加急', value: false }
    ]);
  });

  it('writes status against the shipment and refuses to go backwards', () => {
    const row = rowWith({ status: [entry('A', 1, 'printed')] });
    expect(planEdit({ edit: { orderId: order.id, field: 'status', value: 'packed' }, order, row })).toEqual([{ entity: `s:${order.id}`, field: 'status', value: 'packed' }]);
    expect(() => planEdit({ edit: { orderId: order.id, field: 'status', value: 'ready' }, order, row })).toThrow(EditRefused);
  });

  it('refuses to hold a shipped order, clamps priority to 0–3', () => {
    const shipped = rowWith({ status: [entry('A', 1, 'shipped')] });
    expect(() => planEdit({ edit: { orderId: order.id, field: 'hold', value: true }, order, row: shipped })).toThrow(/can no longer be held/);
    expect(planEdit({ edit: { orderId: order.id, field: 'priority', value: 9 }, order, row: rowWith() })[0].value).toBe(3);
  });
});

describe('tracking numbers typed or scanned at a station', () => {
  const couriers = new Map([['sf', { id: 'sf', name: '顺丰', nameEn: 'SF Express', trackingPattern: '^SF\\d{12,13}$' }]]);

  it('stores a number that fits the courier, normalised, and it replaces the platform’s on the row', () => {
    const writes = planEdit({ edit: { orderId: order.id, field: 'tracking', value: { courierId: 'sf', trackingNo: ' sf 1234 5678 9012 ' } }, order, row: rowWith(), couriers });
    expect(writes).toEqual([{ entity: order.id, field: 'tracking', value: { courierId: 'sf', trackingNo: 'SF123456789012' } }]);
    const row = rowWith({ tracking: [entry('A', 1, writes[0].value)] });
    expect([row.courierId, row.trackingNo]).toEqual(['sf', 'SF123456789012']);
    expect(row.haystack).toContain('sf123456789012');
  });

  it('refuses a number that does not fit the courier, a missing courier, and changes after shipping', () => {
    const plan = (courierId: string, trackingNo: string, row = rowWith()) => () => planEdit({ edit: { orderId: order.id, field: 'tracking', value: { courierId, trackingNo } }, order, row, couriers });
    expect(plan('sf', 'YT1234567890123')).toThrow(/does not look like a SF Express/);
    expect(plan('', 'SF123456789012')).toThrow(/choose the courier/);
    expect(plan('sf', 'SF123456789012', rowWith({ status: [entry('A', 1, 'shipped')] }))).toThrow(/has shipped/);
  });
});
