// Orders become shipments, the unit that is printed, packed and weighed. For now each order becomes one
// shipment of all its lines; merge and split will build other shipments from the same parts and link them.
import { shipmentId } from './ids';
import type { Catalog, Order, Shipment } from './schemas';

export interface ShipmentCatalog {
  skuWeight: Map<string, number>;
  shopWarehouse: Map<string, string>;
  fallbackWarehouse: string;
}

export function shipmentCatalog(catalog: Pick<Catalog, 'skus' | 'shops' | 'warehouses'>): ShipmentCatalog {
  return {
    skuWeight: new Map(catalog.skus.map((s) => [s.code, s.weight])),
    shopWarehouse: new Map(catalog.shops.flatMap((s) => (s.warehouseId ? [[s.id, s.warehouseId] as const] : []))),
    fallbackWarehouse: catalog.warehouses[0]?.id ?? ''
  };
}

/** The one shipment of a whole order: every line, the shop's warehouse, the weight from the catalog (grams). */
export function wholeOrderShipment(order: Order, cat: ShipmentCatalog): Shipment {
  return {
    id: shipmentId([], order.id),
    parts: order.lines.map((l) => ({ orderId: order.id, lineNo: l.lineNo, qty: l.qty })),
    warehouseId: cat.shopWarehouse.get(order.shopId) ?? cat.fallbackWarehouse,
    expectedWeight: order.lines.reduce((g, l) => g + (cat.skuWeight.get(l.sku) ?? 0) * l.qty, 0),
    mergedFrom: []
  };
}

/** Lines whose SKU has no catalog weight: the expected weight is a lower bound until they are mapped. */
export const unweighedLines = (order: Order, cat: ShipmentCatalog): number => order.lines.filter((l) => !cat.skuWeight.has(l.sku)).length;
