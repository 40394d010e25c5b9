import { describe, expect, test } from 'vitest';
import { createDemoContext, demoOrders, generateCatalog } from '../domain/demo/generate';
import type { Shipment } from '../domain/schemas';
import { aggregatePickList } from './pick-list';
import { FIXTURE_SKUS, fixtureContext, fixturePickContext } from './test-fixtures';

describe('pick list', () => {
  test('sums each SKU over the batch, one row per location, in walking order', () => {
    const batch = fixturePickContext().batch!;
    expect(batch.shipmentCount).toBe(2);
    expect(batch.rows.map((r) => [r.index, r.location, r.sku, r.qty, r.shipments, r.spec])).toEqual([
      [1, 'A-03-07', 'SKU-10001', 4, 2, '白色 L'],
      [2, 'C-11-02', 'SKU-10002', 2, 2, '雾蓝'],
      [3, 'D-02-15', 'SKU-10003', 1, 1, '黑色 1米']
    ]);
  });

  test('unmapped lines are listed last under their platform SKU and title', () => {
    const ctx = fixtureContext();
    const order = { ...ctx.orders![0], lines: ctx.orders![0].lines.map((l, i) => (i === 0 ? { ...l, sku: '' } : l)) };
    const rows = aggregatePickList({ id: 'b', shipments: [ctx.shipment!], orders: [order], skus: FIXTURE_SKUS }).rows;
    expect(rows[rows.length - 1]).toMatchObject({ location: '', sku: order.lines[0].platformSku, name: '纯棉圆领短袖T恤', qty: 2 });
  });

  test('a shipment whose order is missing names both', () => {
    const ctx = fixtureContext();
    expect(() => aggregatePickList({ id: 'b', shipments: [ctx.shipment!], orders: [], skus: [] })).toThrow(/pick list b: shipment shp-7f3a holds order taobao:tb-xiaolu/);
  });

  test('a demo batch of 300 orders keeps every unit', () => {
    const catalog = generateCatalog(7);
    const orders = demoOrders(createDemoContext({ seed: 7, catalog, now: Date.UTC(2025, 10, 21) }), 0, 300);
    const shipments: Shipment[] = orders.map((o) => ({ id: `s-${o.id}`, parts: o.lines.map((l) => ({ orderId: o.id, lineNo: l.lineNo, qty: l.qty })), warehouseId: 'wh-hz', expectedWeight: 0, mergedFrom: [] }));
    const batch = aggregatePickList({ id: 'demo', shipments, orders, skus: catalog.skus });
    const units = orders.reduce((s, o) => s + o.lines.reduce((t, l) => t + l.qty, 0), 0);
    expect(batch.rows.reduce((s, r) => s + r.qty, 0)).toBe(units);
    expect(new Set(batch.rows.map((r) => `${r.location}|${r.sku}`)).size).toBe(batch.rows.length);
    const located = batch.rows.filter((r) => r.location).map((r) => r.location);
    expect(located).toEqual([...located].sort(new Intl.Collator('en', { numeric: true }).compare));
  });
});
