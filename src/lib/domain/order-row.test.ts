import { describe, expect, it } from 'vitest';
import { itemsSummary, phoneTail, toOrderRow } from './order-row';
import { tagField } from './registers';
import { entry, makeOrder, regs } from './test-factories';

const SHARD = 'orders-20251120-3';

describe('toOrderRow without registers', () => {
  it('flattens the order: ids, recipient, amounts, courier and the platform memo', () => {
    const order = makeOrder({ sellerMemo: '老客户', courierId: 'zto', trackingNo: '73123456789012', lines: [{ qty: 2 }, { sku: '', platformSku: 'P-unmapped', qty: 1 }] });
    const row = toOrderRow(order, SHARD, undefined);
    expect(row).toMatchObject({
      id: order.id,
      shipmentId: `s:${order.id}`,
      shard: SHARD,
      recipientName: '张伟',
      phoneTail: '1234',
      province: '浙江省',
      itemCount: 3,
      skus: ['SKU-10001', 'P-unmapped'],
      amount: order.paid,
      courierId: 'zto',
      trackingNo: '73123456789012',
      status: 'pending_audit',
      display: 'pending_audit',
      held: false,
      priority: 0,
      tags: [],
      memo: '老客户'
    });
  });

  it('shows a refunded order as cancelled', () => {
    expect(toOrderRow(makeOrder({ refund: 'refunded' }), SHARD, undefined).display).toBe('cancelled');
    expect(toOrderRow(makeOrder({ refund: 'requested' }), SHARD, undefined).display).toBe('pending_audit');
  });

  it('builds a lower-case haystack of order no, name, phone, SKUs and tracking number', () => {
    const row = toOrderRow(makeOrder({ orderNo: '#1001', trackingNo: 'SF1234567890123', courierId: 'sf' }), SHARD, undefined);
    for (const part of ['#1001', '张伟', '138****1234', 'sku-10001', 'sf1234567890123']) expect(row.haystack).toContain(part);
    expect(row.haystack).toBe(row.haystack.toLowerCase());
  });
});

describe('toOrderRow with registers', () => {
  const order = makeOrder({ sellerMemo: '平台备注' });

  it('lets the latest memo register override the platform memo, even when it clears it', () => {
    expect(toOrderRow(order, SHARD, regs({ memo: [entry('A', 1, '发顺丰'), entry('B', 2, '改发中通')] })).memo).toBe('改发中通');
    expect(toOrderRow(order, SHARD, regs({ memo: [entry('A', 5, '')] })).memo).toBe('');
    expect(toOrderRow(order, SHARD, regs({})).memo).toBe('平台备注');
  });

  it('holds by the latest hold register across stations and shows on_hold', () => {
    const held = toOrderRow(order, SHARD, regs({ hold: [entry('A', 100, false), entry('B', 200, true)] }));
    expect(held.held).toBe(true);
    expect(held.display).toBe('on_hold');
    const released = toOrderRow(order, SHARD, regs({ hold: [entry('B', 200, true), entry('A', 300, false)] }));
    expect(released.held).toBe(false);
    expect(released.display).toBe('pending_audit');
  });

  it('keeps tags added on different stations and drops a tag removed later elsewhere', () => {
    const row = toOrderRow(
      order,
      SHARD,
      regs({
        [tagField('加急')]: [entry('A', 100, true)],
        [tagField('赠品')]: [entry('B', 110, true)],
        [tagField('缺货')]: [entry('A', 100, true), entry('B', 200, false)],
        [tagField('复核')]: [entry('B', 200, false), entry('A', 300, true)]
      })
    );
    expect(row.tags).toEqual(['加急', '复核', '赠品'].sort());
  });

  it('takes the latest numeric priority and ignores non-numbers', () => {
    expect(toOrderRow(order, SHARD, regs({ priority: [entry('A', 1, 5), entry('B', 2, 9)] })).priority).toBe(9);
    expect(toOrderRow(order, SHARD, regs({ priority: [entry('A', 1, 'high')] })).priority).toBe(0);
  });

  it('merges status registers by max, so a later lower write does not move it back', () => {
    const row = toOrderRow(order, SHARD, regs({ status: [entry('A', 100, 'printed'), entry('B', 200, 'ready')] }));
    expect(row.status).toBe('printed');
    expect(row.display).toBe('printed');
  });
});

describe('row helpers', () => {
  it('phoneTail takes the last four digits of full, masked and privacy numbers', () => {
    expect(phoneTail('13812345678')).toBe('5678');
    expect(phoneTail('138****1234')).toBe('1234');
    expect(phoneTail('17012345678-0917')).toBe('0917');
    expect(phoneTail('17012345678转0917')).toBe('0917');
  });

  it('itemsSummary names the first line and counts the others', () => {
    expect(itemsSummary(makeOrder({ lines: [{ qty: 2 }] }))).toBe('纯棉圆领短袖T恤 颜色分类:白色;尺码:L ×2');
    expect(itemsSummary(makeOrder({ lines: [{ spec: '' }, {}, {}] }))).toBe('纯棉圆领短袖T恤 ×1 +2');
  });
});

describe('import findings on a row', () => {
  it('sends an order with an audit finding to the exception queue, but not for a masked phone alone', () => {
    const o = makeOrder();
    expect(toOrderRow(o, 's', undefined, ['phone_masked']).display).toBe('pending_audit');
    const flagged = toOrderRow(o, 's', undefined, ['phone_masked', 'address_unresolved', 'address_unresolved']);
    expect(flagged.display).toBe('exception');
    expect(flagged.flags).toEqual(['address_unresolved', 'phone_masked']);
  });
});
