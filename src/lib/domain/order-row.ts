// The flattened row the order list shows and filters: derived from an Order plus its merged registers.
// It is what the Dexie index stores, so it must stay plain, small and rebuildable from the documents.
import type { Order, Catalog } from './schemas';
import { displayStatus, type DisplayStatus, type Status } from './status';
import { resolveLww, resolveStatus, type StationEntry } from './registers';
import { shipmentId } from './ids';

export interface OrderRow {
  id: string;
  shipmentId: string;
  shard: string;
  platform: string;
  shopId: string;
  orderNo: string;
  recipientName: string;
  phone: string;
  /** Last four digits of the phone, masked or not: what packers search by. */
  phoneTail: string;
  province: string;
  city: string;
  district: string;
  itemsSummary: string;
  itemCount: number;
  skus: string[];
  amount: number;
  paidAt: number;
  courierId: string;
  trackingNo: string;
  status: Status;
  display: DisplayStatus;
  held: boolean;
  priority: number;
  tags: string[];
  memo: string;
  buyerMessage: string;
  refund: string;
  presale: boolean;
  /** Import findings that need a person (see AUDIT_FLAGS); any of them shows the order as an exception. */
  flags: string[];
  /** Shipping labels printed for this order's shipment, on every station (per-station counters summed). */
  labelPrints: number;
  /** Lower-cased text the search box matches: order number, name, phone, SKUs, tracking number. */
  haystack: string;
}

/** Registers of one order, grouped by field (`memo`, `hold`, `priority`, `status`, `tag:<name>`). */
export type OrderRegisters = Map<string, StationEntry[]>;

export function phoneTail(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.slice(-4);
}

export function itemsSummary(order: Order): string {
  const first = order.lines[0];
  const label = `${first.title}${first.spec ? ' ' + first.spec : ''} ×${first.qty}`;
  return order.lines.length > 1 ? `${label} +${order.lines.length - 1}` : label;
}

/**
 * Import findings that send an order to the exception queue (异常订单). Masked phones and privacy numbers are
 * normal platform practice and only informational; these need someone to look.
 */
export const AUDIT_FLAGS: ReadonlySet<string> = new Set(['address_unresolved', 'sku_unmapped', 'id_doubtful', 'phone_missing', 'recipient_hidden', 'lines_from_summary', 'platform_changed_after_print']);

/** Per-station print counters: field `printed:<document>`, each station writing its own running count. */
export const printedField = (document: string): string => `printed:${document}`;
export const sumCounter = (entries: StationEntry[]): number => entries.reduce((n, e) => n + (typeof e.v === 'number' ? e.v : 0), 0);

export function toOrderRow(order: Order, shard: string, regs: OrderRegisters | undefined, flagKinds: readonly string[] = []): OrderRow {
  const get = (f: string) => resolveLww(regs?.get(f) ?? []);
  const memo = get('memo');
  const hold = get('hold');
  const prio = get('priority');
  // A tracking number entered or scanned at a station wins over the one the platform file carried.
  const tracking = get('tracking')?.v as { courierId?: string; trackingNo?: string } | undefined;
  const status = resolveStatus(regs?.get('status') ?? [], 'pending_audit');
  const held = hold ? hold.v === true : false;
  const tags: string[] = [];
  if (regs) for (const [f, entries] of regs) if (f.startsWith('tag:') && resolveLww(entries)?.v === true) tags.push(f.slice(4));
  tags.sort();
  const cancelled = order.refund === 'refunded';
  const skus = order.lines.map((l) => l.sku || l.platformSku);
  const row: OrderRow = {
    id: order.id,
    shipmentId: shipmentId([], order.id),
    shard,
    platform: order.platform,
    shopId: order.shopId,
    orderNo: order.orderNo,
    recipientName: order.recipient.name,
    phone: order.recipient.phone,
    phoneTail: phoneTail(order.recipient.phone),
    province: order.recipient.address.province,
    city: order.recipient.address.city,
    district: order.recipient.address.district,
    itemsSummary: itemsSummary(order),
    itemCount: order.lines.reduce((n, l) => n + l.qty, 0),
    skus,
    amount: order.paid,
    paidAt: order.paidAt,
    courierId: tracking ? (tracking.courierId ?? '') : (order.courierId ?? ''),
    trackingNo: tracking ? (tracking.trackingNo ?? '') : (order.trackingNo ?? ''),
    status,
    display: displayStatus({ status, held, exception: flagKinds.some((k) => AUDIT_FLAGS.has(k)), cancelled }),
    held,
    priority: typeof prio?.v === 'number' ? prio.v : 0,
    tags,
    memo: typeof memo?.v === 'string' ? memo.v : order.sellerMemo,
    buyerMessage: order.buyerMessage,
    refund: order.refund,
    presale: order.presale,
    flags: [...new Set(flagKinds)].sort(),
    labelPrints: sumCounter(regs?.get(printedField('label')) ?? []),
    haystack: ''
  };
  row.haystack = [row.orderNo, row.recipientName, row.phone, ...skus, row.trackingNo].join('\n').toLowerCase();
  return row;
}

export type CatalogNames = Pick<Catalog, 'shops' | 'couriers'>;
