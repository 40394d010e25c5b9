// Pick list aggregation (拣货单): a batch of shipments becomes one row per SKU and warehouse location with the
// total quantity, sorted in walking order (by location), so a picker passes each shelf once. Pure: the same
// batch gives the same rows on every station.
import type { Order, Shipment, Sku } from '../domain/schemas';

export interface PickRow {
  index: number;
  location: string;
  sku: string;
  name: string;
  spec: string;
  qty: number;
  /** How many of the batch's shipments need this SKU. */
  shipments: number;
  barcode: string;
}

export interface PickBatch {
  id: string;
  shipmentCount: number;
  rows: PickRow[];
}

export interface PickListInput {
  id: string;
  shipments: readonly Shipment[];
  orders: readonly Order[];
  skus: readonly Sku[];
}

/** Catalog specs are `label:value;label:value`; a picker reads the values. */
const specValues = (spec: string): string =>
  spec
    .split(';')
    .map((p) => p.slice(p.indexOf(':') + 1))
    .filter(Boolean)
    .join(' ');

const collator = new Intl.Collator('en', { numeric: true });

export function aggregatePickList(input: PickListInput): PickBatch {
  const orders = new Map(input.orders.map((o) => [o.id, o]));
  const skus = new Map(input.skus.map((s) => [s.code, s]));
  const rows = new Map<string, Omit<PickRow, 'index' | 'shipments'> & { shipmentIds: Set<string> }>();
  for (const shipment of input.shipments) {
    for (const part of shipment.parts) {
      const order = orders.get(part.orderId);
      if (!order) throw new Error(`pick list ${input.id}: shipment ${shipment.id} holds order ${part.orderId}, which was not given`);
      const line = order.lines.find((l) => l.lineNo === part.lineNo);
      if (!line) throw new Error(`pick list ${input.id}: order ${order.id} has no line ${part.lineNo}`);
      const sku = line.sku ? skus.get(line.sku) : undefined;
      const code = line.sku || line.platformSku;
      const location = sku?.location ?? '';
      const key = `${location}\t${code}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          location,
          sku: code,
          name: sku?.name ?? line.title,
          spec: sku ? specValues(sku.spec) : line.spec,
          qty: 0,
          barcode: sku?.barcodes[0] ?? '',
          shipmentIds: new Set()
        };
        rows.set(key, row);
      }
      row.qty += part.qty;
      row.shipmentIds.add(shipment.id);
    }
  }
  const sorted = [...rows.values()].sort(
    (a, b) => Number(!a.location) - Number(!b.location) || collator.compare(a.location, b.location) || collator.compare(a.sku, b.sku)
  );
  return {
    id: input.id,
    shipmentCount: input.shipments.length,
    rows: sorted.map(({ shipmentIds, ...r }, i) => ({ ...r, index: i + 1, shipments: shipmentIds.size }))
  };
}
