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
