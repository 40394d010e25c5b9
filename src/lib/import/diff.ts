// A newer export against what is stored: which orders are new, which changed and how, which are the same.
// The platform may change an order's recipient/address, memos, refund state, lines (and with them the
// amounts), presale flag and tracking; it never changes who bought or when, so those are kept from the
// stored order. An update is only applied to an order not yet printed (the caller's `isPrinted` says,
// e.g. from the shipment's print count or status); a printed or shipped order that the platform changed is a
// conflict for a human, never overwritten. Lines compare by what the platform sent (our SKU mapping on a
// stored line is kept when the platform SKU is unchanged). Importing the same file twice yields only
// `unchanged`.
import type { Order, OrderLine } from '../domain/schemas';

export type ChangedField = 'recipient' | 'buyerMessage' | 'sellerMemo' | 'refund' | 'lines' | 'amounts' | 'presale' | 'tracking';

export interface OrderUpdate {
  id: string;
  before: Order;
  /** The stored order with the platform's changes applied. */
  after: Order;
  changed: ChangedField[];
}

export interface DiffResult {
  new: Order[];
  updated: OrderUpdate[];
  unchanged: string[];
  /** Changed by the platform but already printed: shown to a human, not applied. */
  conflicts: OrderUpdate[];
}

export interface DiffOptions {
  existing: ReadonlyMap<string, Order>;
  incoming: readonly Order[];
  isPrinted: (order: Order) => boolean;
}

const sameAddress = (a: Order['recipient']['address'], b: Order['recipient']['address']): boolean =>
  a.province === b.province && a.city === b.city && a.district === b.district && a.detail === b.detail && (a.postcode ?? '') === (b.postcode ?? '');

const sameLine = (a: OrderLine, b: OrderLine): boolean =>
  a.lineNo === b.lineNo && a.platformSku === b.platformSku && a.title === b.title && a.spec === b.spec && a.qty === b.qty && a.price === b.price;

function changes(before: Order, incoming: Order): ChangedField[] {
  const out: ChangedField[] = [];
  const r0 = before.recipient;
  const r1 = incoming.recipient;
  if (r0.name !== r1.name || r0.phone !== r1.phone || !sameAddress(r0.address, r1.address)) out.push('recipient');
  if (before.buyerMessage !== incoming.buyerMessage) out.push('buyerMessage');
  if (before.sellerMemo !== incoming.sellerMemo) out.push('sellerMemo');
  if (before.refund !== incoming.refund) out.push('refund');
  if (before.lines.length !== incoming.lines.length || before.lines.some((l, i) => !sameLine(l, incoming.lines[i]))) out.push('lines');
  if (before.goodsTotal !== incoming.goodsTotal || before.shippingFee !== incoming.shippingFee || before.discount !== incoming.discount || before.paid !== incoming.paid)
    out.push('amounts');
  if (before.presale !== incoming.presale) out.push('presale');
  if ((incoming.trackingNo ?? '') !== '' && (before.trackingNo !== incoming.trackingNo || before.courierId !== incoming.courierId)) out.push('tracking');
  return out;
}

function applyChanges(before: Order, incoming: Order): Order {
  const skuOf = new Map(before.lines.map((l) => [l.platformSku, l.sku]));
  const after: Order = {
    ...before,
    recipient: incoming.recipient,
    buyerMessage: incoming.buyerMessage,
    sellerMemo: incoming.sellerMemo,
    refund: incoming.refund,
    lines: incoming.lines.map((l) => (l.sku === '' && skuOf.get(l.platformSku) ? { ...l, sku: skuOf.get(l.platformSku)! } : l)),
    goodsTotal: incoming.goodsTotal,
    shippingFee: incoming.shippingFee,
    discount: incoming.discount,
    paid: incoming.paid,
    presale: incoming.presale
  };
  if (incoming.trackingNo) {
    after.trackingNo = incoming.trackingNo;
    if (incoming.courierId) after.courierId = incoming.courierId;
  }
  return after;
}

export function diffAgainst(opts: DiffOptions): DiffResult {
  const out: DiffResult = { new: [], updated: [], unchanged: [], conflicts: [] };
  for (const order of opts.incoming) {
    const before = opts.existing.get(order.id);
    if (!before) {
      out.new.push(order);
      continue;
    }
    const changed = changes(before, order);
    if (!changed.length) {
      out.unchanged.push(order.id);
      continue;
    }
    const update: OrderUpdate = { id: order.id, before, after: applyChanges(before, order), changed };
    (opts.isPrinted(before) ? out.conflicts : out.updated).push(update);
  }
  return out;
}
