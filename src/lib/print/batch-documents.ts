// The documents one print batch can carry and how each is made from the batch's shipments: a waybill label
// and a packing slip per shipment, one pick list for the whole batch (aggregated by SKU and location). Pure:
// the app layer (app/print-batch.ts) sends what this plans to a printer or to system print.
import type { PrintContext } from './fields';
import { aggregatePickList } from './pick-list';
import type { DocumentKind } from './queue/journal';
import type { Template } from './template';

/** In the order a batch prints them: the picker's list first, then labels, then the slips that go in the box. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['pick-list', 'label', 'packing-slip'];

/** The template kind that makes each document (a label is a waybill template). */
export const TEMPLATE_KIND: Readonly<Record<DocumentKind, Template['kind']>> = { label: 'waybill', 'packing-slip': 'packing-slip', 'pick-list': 'pick-list' };

/** Whether a document is printed once per shipment (label, slip) or once per batch (pick list). */
export const perShipment = (kind: DocumentKind): boolean => kind !== 'pick-list';

/**
 * The pick list's one context: every shipment's lines summed by SKU and location (the catalog SKUs travel
 * with the shipment contexts), with the batch id, station and print time of the batch.
 */
export function pickListContext(contexts: readonly PrintContext[], batchId: string): PrintContext {
  const first = contexts[0];
  if (!first) throw new Error('a pick list needs at least one shipment');
  const shipments = contexts.flatMap((c) => (c.shipment ? [c.shipment] : []));
  if (shipments.length !== contexts.length) throw new Error('a pick list is made from shipments: every print context needs its shipment');
  const orders = new Map(contexts.flatMap((c) => c.orders ?? []).map((o) => [o.id, o]));
  const warehouses = new Set(contexts.map((c) => c.warehouse?.id));
  return {
    printedAt: first.printedAt,
    station: first.station,
    timeZoneOffsetMinutes: first.timeZoneOffsetMinutes,
    warehouse: warehouses.size === 1 ? first.warehouse : undefined,
    skus: first.skus,
    batch: aggregatePickList({ id: batchId, shipments, orders: [...orders.values()], skus: [...(first.skus?.values() ?? [])] })
  };
}
