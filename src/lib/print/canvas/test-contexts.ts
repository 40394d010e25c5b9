// Test-only print contexts for batches: the hand-written fixture with numbered tracking numbers (stable bytes),
// and demo shipments with varied Chinese names, addresses and 1–5 lines (what measurements run on).
import { demoTrackingNo } from '../../domain/demo/catalog';
import { createDemoContext, demoOrders, generateCatalog } from '../../domain/demo/generate';
import { Rng } from '../../domain/demo/rng';
import type { PrintContext } from '../fields';
import { fixtureContext } from '../test-fixtures';

export function numberedContexts(n: number): PrintContext[] {
  const base = fixtureContext();
  return Array.from({ length: n }, (_, i) => ({ ...base, trackingNo: `SF14${String(1_000_000_000 + i)}` }));
}

export function demoContexts(n: number, seed = 11): PrintContext[] {
  const catalog = generateCatalog(seed);
  const orders = demoOrders(createDemoContext({ seed, catalog, now: Date.UTC(2025, 10, 21) }), 0, n);
  const rng = new Rng(seed);
  const skus = new Map(catalog.skus.map((s) => [s.code, s]));
  return orders.map((order) => {
    const courier = catalog.couriers[rng.int(0, catalog.couriers.length - 1)];
    return {
      printedAt: Date.UTC(2025, 10, 21, 6, 30),
      station: { id: 'st-01', name: '打包台1' },
      orders: [order],
      shop: catalog.shops.find((s) => s.id === order.shopId),
      courier,
      trackingNo: demoTrackingNo(rng, courier.id),
      routing: { bigPen: `${order.recipient.address.city}${order.recipient.address.district}`, sortCode: `${rng.int(100, 999)}-W${rng.int(10, 99)}-${rng.int(0, 99)}`, hub: `${order.recipient.address.province}转运中心` },
      weightGrams: rng.int(100, 5000),
      skus
    };
  });
}
