import { describe, expect, it } from 'vitest';
import { shipmentCatalog, unweighedLines, wholeOrderShipment } from './shipment';
import { makeOrder } from './test-factories';
import { generateCatalog } from './demo/generate';

describe('whole-order shipments', () => {
  const catalog = generateCatalog(1);
  const cat = shipmentCatalog(catalog);
  const [a, b] = catalog.skus;

  it('holds every line of the order with its quantity and is named after the order', () => {
    const order = makeOrder({ lines: [{ sku: a.code, qty: 2 }, { sku: b.code, qty: 1 }] });
    const s = wholeOrderShipment(order, cat);
    expect(s.id).toBe(`s:${order.id}`);
    expect(s.parts).toEqual([
      { orderId: order.id, lineNo: 1, qty: 2 },
      { orderId: order.id, lineNo: 2, qty: 1 }
    ]);
  });

  it('weighs the lines from the catalog and ships from the shop’s warehouse', () => {
    const shop = catalog.shops.find((s) => s.warehouseId === 'wh-gz')!;
    const order = makeOrder({ shopId: shop.id, lines: [{ sku: a.code, qty: 3 }, { sku: 'UNMAPPED', qty: 1 }] });
    const s = wholeOrderShipment(order, cat);
    expect(s.expectedWeight).toBe(a.weight * 3);
    expect(s.warehouseId).toBe('wh-gz');
    expect(unweighedLines(order, cat)).toBe(1);
  });

  it('falls back to the first warehouse for a shop without one', () => {
    expect(wholeOrderShipment(makeOrder({ shopId: 'unknown-shop' }), cat).warehouseId).toBe(catalog.warehouses[0].id);
  });
});
