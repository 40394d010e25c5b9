// Rows to validated orders. Rows (parse-rows.ts) are grouped by order number; each order-level field is
// read once per order from the first row that has it, line fields come from every row. Taobao's two files
// meet here: 订单报表 rows give the order, 宝贝报表 rows its lines. The invariant: a rejected row never produces
// a half order. If any row of an order is rejected, the whole order is rejected and its other rows are
// listed too, saying why. Every built order is checked with the domain's zod Order schema.
//
// Ids: orderId(platform, shopId, orderNo). shopId is the `shopId` option when given (the seller picked the
// shop on the import page), else the file's shop column resolved through `shops` (by id or name), else that
// column's text, else "default". The same file therefore gives the same ids on every station.
// Statuses: unpaid orders are skipped (not errors); shipped orders are skipped unless `keepShipped`; a closed
// order that was paid is imported as refunded, so a newer export can update an order already stored; one
// that was never paid is skipped. A missing payment time falls back to the creation time (cash on delivery).
// An order found in two files of the same kind (overlapping exports) is taken from the first and flagged.
import { orderId } from '../domain/ids';
import { Order, type OrderLine, type Platform, type Shop, type SkuMapping } from '../domain/schemas';
import { normaliseAddress, parseAddress, type AddressParts } from './address';
import { checkIdCell, classifyPhone, type PhoneKind } from './cleaning';
import { formatImport, msg, reasonOf, type ImportText } from './messages';
import { courierIdFromName } from './couriers';
import type { ImportField } from './presets/index';
import { parseSource, rowNumber, type Got, type Rejected, type Row, type SourceTable } from './parse-rows';
import { classifyRefund, classifyStage, parseCents, parseDateTime, parseFlag, parseQty, type OrderStage } from './values';

export type { Rejected, SourceTable } from './parse-rows';

export interface Skipped {
  file: string;
  row: number;
  orderNo: string;
  code: 'unpaid' | 'shipped' | 'closed_unpaid';
  reason: string;
  text: ImportText;
}

export type OrderFlagKind =
  | 'phone_masked'
  | 'phone_privacy_ext'
  | 'phone_missing'
  | 'recipient_hidden'
  | 'address_unresolved'
  | 'lines_from_summary'
  | 'sku_unmapped'
  | 'id_doubtful'
  | 'courier_unknown'
  | 'duplicate_source';

export interface OrderFlag {
  kind: OrderFlagKind;
  /** In Chinese (what stations before 2026-11 stored); `text` says it in any language (formatImport). */
  detail: string;
  text?: ImportText;
  file: string;
  row: number;
}

export interface BuildOptions {
  platform?: Platform;
  shopId?: string;
  shops?: readonly Shop[];
  skuMappings?: readonly SkuMapping[];
  /** Our SKU codes: a platform outer id (商家编码) equal to one of them maps the line directly. */
  skuCodes?: Iterable<string>;
  keepShipped?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildResult {
  orders: Order[];
  rejected: Rejected[];
  skipped: Skipped[];
  flags: Record<string, OrderFlag[]>;
  stats: { rows: number; orders: number; lines: number; rejectedOrders: number; skippedOrders: number };
}

/** Shown as the recipient when the platform withholds it (PDD and Douyin privacy exports). */
export const HIDDEN_RECIPIENT = '（平台加密）';

const CHINA = /^(cn|chn|china|中国|中国大陆|中华人民共和国)$/i;

interface Group {
  orderNo: string;
  heads: Row[];
  lines: Row[];
  headFile?: string;
  lineFile?: string;
  duplicates: Set<string>;
}

/** Order-level fields of one order, each read from the first head row that has it (see parse-rows.ts). */
class OrderFields {
  readonly errors: Rejected[] = [];
  constructor(private readonly heads: readonly Row[]) {}

  private reject(r: Row, g: Got, code: string, text: ImportText): void {
    this.errors.push({ file: r.src.table.file, row: r.row, column: g.header, value: g.value, code, reason: formatImport(text), text });
  }

  text(field: ImportField): string | undefined {
    for (const r of this.heads) {
      const v = r.fields.text(field);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  got(field: ImportField): Got | undefined {
    for (const r of this.heads) {
      const g = r.fields.first(field);
      if (g) return g;
    }
    return undefined;
  }

  num(field: ImportField, parse: typeof parseCents): number | undefined {
    for (const r of this.heads) {
      if (!r.fields.first(field)) continue;
      return rowNumber(r.fields, field, parse, (g, code, text) => this.reject(r, g, code, text));
    }
    return undefined;
  }

  time(field: ImportField): number | undefined {
    return this.num(field, (s) => parseDateTime(s));
  }

  phone(): { phone: string; kind: PhoneKind } | undefined {
    for (const r of this.heads)
      for (const g of r.fields.all('phone')) {
        const p = classifyPhone(g.value);
        if (!p.ok) this.reject(r, g, p.code, p.text);
        else if (p.kind !== 'empty') return p;
      }
    return undefined;
  }

  header(field: ImportField, fallback: string): string {
    return this.heads[0]?.fields.header(field) || fallback;
  }
}

function group(sources: readonly SourceTable[], opts: BuildOptions, rejected: Rejected[]): { groups: Map<string, Group>; cut: Set<Row>; total: number } {
  const groups = new Map<string, Group>();
  const cut = new Set<Row>();
  const total = sources.reduce((n, s) => n + s.table.rows.length, 0);
  let done = 0;
  const tick = () => {
    if (++done % 10_000 === 0) opts.onProgress?.(done, total);
  };
  for (const src of sources) {
    const rows = parseSource(src, tick);
    const file = src.table.file;
    for (const r of rows) {
      if (!r.orderNo) {
        rejected.push(...r.errors);
        continue;
      }
      let g = groups.get(r.orderNo);
      if (!g) groups.set(r.orderNo, (g = { orderNo: r.orderNo, heads: [], lines: [], duplicates: new Set() }));
      if (r.isHead) {
        g.headFile ??= file;
        if (g.headFile !== file) g.duplicates.add(file);
        else if (src.preset.role === 'orders' && g.heads.length) g.duplicates.add(`${file} 第 ${r.row} 行`);
        else g.heads.push(r);
      }
      if (r.line) {
        g.lineFile ??= file;
        if (g.lineFile !== file) g.duplicates.add(file);
        else g.lines.push(r);
      }
    }
    if (src.truncated && rows.length) cut.add(rows[rows.length - 1]);
  }
  opts.onProgress?.(total, total);
  return { groups, cut, total };
}

export function buildOrders(sources: readonly SourceTable[], opts: BuildOptions = {}): BuildResult {
  const rejected: Rejected[] = [];
  const skipped: Skipped[] = [];
  const flags: Record<string, OrderFlag[]> = {};
  const { groups, cut, total } = group(sources, opts, rejected);

  const shopsById = new Map((opts.shops ?? []).map((s) => [s.id, s]));
  const shopsByName = new Map((opts.shops ?? []).map((s) => [s.name, s]));
  const skuCodes = new Set(opts.skuCodes ?? []);
  const mappingKey = (p: string, s: string, sku: string) => `${p}\u0000${s}\u0000${sku}`;
  const mappings = new Map((opts.skuMappings ?? []).map((m) => [mappingKey(m.platform, m.shopId, m.platformSku), m.sku]));

  const orders: Order[] = [];
  let lineCount = 0;
  for (const g of groups.values()) {
    // A full-role row is both a head and a line: list each row once.
    const rows = g.lines.length && g.heads.length && g.lines[0].isHead ? g.heads : g.heads.concat(g.lines);
    if (cut.size && rows.some((r) => cut.has(r))) continue;
    const first = rows[0];
    const where = (r: Row) => ({ file: r.src.table.file, row: r.row, orderNo: g.orderNo });
    const errors: Rejected[] = [];
    for (const r of rows) if (r.errors.length) errors.push(...r.errors);
    const rejectOrder = (column: string, value: string, code: string, text: ImportText, at: Row = first) => errors.push({ ...where(at), column, value, code, reason: formatImport(text), text });
    const finishRejected = () => {
      const bad = new Set(errors.map((e) => `${e.file}#${e.row}`));
      for (const e of errors) rejected.push({ ...e, orderNo: g.orderNo });
      for (const r of rows)
        if (!bad.has(`${r.src.table.file}#${r.row}`))
          rejected.push({ ...where(r), column: '', value: '', code: 'order_incomplete', ...reasonOf('order_incomplete', { orderNo: g.orderNo }) });
    };
    if (errors.length) {
      finishRejected();
      continue;
    }
    if (!g.heads.length) {
      const itemsOnly = g.lines.some((r) => r.src.preset.role === 'items');
      rejectOrder('', '', 'order_head_missing', msg(itemsOnly ? 'order_head_missing_items' : 'order_head_missing'));
      finishRejected();
      continue;
    }
    const preset = g.heads[0].src.preset;
    const of = new OrderFields(g.heads);
    const orderFlags: OrderFlag[] = [];
    const flag = (kind: OrderFlagKind, text: ImportText, at: Row = first) => orderFlags.push({ kind, detail: formatImport(text), text, file: at.src.table.file, row: at.row });
    for (const d of g.duplicates) flag('duplicate_source', msg('flag_duplicate_source', { other: d, used: first.src.table.file }));

    const status = of.text('status') ?? '';
    const payStage = classifyStage(of.text('payStatus') ?? '');
    const cancelled = of.text('cancelled');
    const stage: OrderStage = cancelled !== undefined && parseFlag(cancelled) ? 'closed' : payStage === 'unpaid' || payStage === 'closed' ? payStage : classifyStage(status);
    const paidAtCell = of.time('paidAt');
    if (stage === 'unpaid') {
      skipped.push({ ...where(first), code: 'unpaid', ...reasonOf('unpaid', { status: status || (of.text('payStatus') ?? '') }) });
      continue;
    }
    if (stage === 'shipped' && !opts.keepShipped) {
      skipped.push({ ...where(first), code: 'shipped', ...reasonOf('shipped', { status }) });
      continue;
    }
    if (stage === 'closed' && paidAtCell === undefined) {
      skipped.push({ ...where(first), code: 'closed_unpaid', ...reasonOf('closed_unpaid', { status: status || 'cancelledStatus' }) });
      continue;
    }
    const paidAt = paidAtCell ?? of.time('createdAt');
    if (paidAt === undefined) rejectOrder(of.header('paidAt', '付款时间'), '', 'paid_at_missing', msg('paid_at_missing'));

    const shopText = of.text('shop');
    const shop = shopText ? (shopsById.get(shopText) ?? shopsByName.get(shopText)) : undefined;
    const platform: Platform = opts.platform ?? shop?.platform ?? preset.platform;
    const shopId = opts.shopId ?? shop?.id ?? shopText ?? 'default';

    // Recipient and address.
    let name = of.text('recipientName') ?? '';
    let hidden = false;
    if (!name) {
      if (preset.recipientMayBeHidden) {
        name = HIDDEN_RECIPIENT;
        hidden = true;
        flag('recipient_hidden', msg('flag_recipient_hidden'));
      } else rejectOrder(of.header('recipientName', '收件人'), '', 'recipient_missing', msg('recipient_missing'));
    }
    const phoneResult = of.phone();
    const phone = phoneResult?.phone ?? '';
    if (phoneResult?.kind === 'masked') flag('phone_masked', msg('flag_phone_masked', { phone }));
    else if (phoneResult?.kind === 'privacy_ext') flag('phone_privacy_ext', msg('flag_phone_privacy_ext', { phone }));
    else if (!phone && !hidden) flag('phone_missing', msg('flag_phone_missing'));

    const split = { province: of.text('province') ?? '', city: of.text('city') ?? '', district: of.text('district') ?? '' };
    const street = of.text('street');
    const detailText = [street, of.text('detail')].filter(Boolean).join(' ');
    const country = of.text('country');
    const full = of.got('fullAddress');
    let address: AddressParts;
    if (preset.international && country !== undefined && !CHINA.test(country)) {
      address = { ...split, detail: [detailText, country].filter(Boolean).join(', ') };
      if (!detailText && !split.city) rejectOrder('', '', 'address_missing', msg('address_missing'));
    } else {
      const hasSplit = split.province || split.city || split.district;
      const resolved = !hasSplit && full ? parseAddress(full.value) : normaliseAddress({ ...split, detail: detailText });
      address = resolved.address;
      const empty = !address.province && !address.city && !address.detail;
      if (empty && !hidden) rejectOrder(full?.header ?? of.header('detail', '收货地址'), '', 'address_missing', msg('address_missing'));
      else if (resolved.unresolved && !empty) {
        flag('address_unresolved', msg('flag_address_unresolved', { level: resolved.unresolved, address: full?.value ?? [split.province, split.city, split.district, detailText].filter(Boolean).join(' ') }));
      }
    }
    const postcode = of.text('postcode');
    if (postcode && !address.postcode) address.postcode = postcode;

    // Amounts, lines.
    const goodsTotalCell = of.num('goodsTotal', parseCents);
    const lines: OrderLine[] = [];
    for (const r of g.lines) {
      const l = r.line!;
      if (l.qty === undefined) {
        rejectOrder(r.fields.header('qty') || '数量', '', 'qty_missing', msg('qty_missing'), r);
        continue;
      }
      let price = l.price;
      if (price === undefined && l.lineTotal !== undefined) price = Math.round(l.lineTotal / l.qty);
      if (price === undefined && g.lines.length === 1 && goodsTotalCell !== undefined) price = Math.round(goodsTotalCell / l.qty);
      const platformSku = l.platformSku || l.outerSku;
      const sku =
        mappings.get(mappingKey(platform, shopId, platformSku)) ??
        (l.outerSku && l.outerSku !== platformSku ? mappings.get(mappingKey(platform, shopId, l.outerSku)) : undefined) ??
        (skuCodes.has(l.outerSku) ? l.outerSku : '');
      lines.push({ lineNo: lines.length + 1, platformSku, sku, title: l.title, spec: l.spec, qty: l.qty, price: price ?? 0 });
      if (l.doubtful) flag('id_doubtful', l.doubtful, r);
    }
    if (!g.lines.length) {
      const qty = of.num('qty', parseQty) ?? 1;
      const price = goodsTotalCell !== undefined ? Math.round(goodsTotalCell / qty) : 0;
      lines.push({ lineNo: 1, platformSku: '', sku: '', title: of.text('title') ?? '', spec: '', qty, price });
      flag('lines_from_summary', msg('flag_lines_from_summary'));
    }
    if ((opts.skuMappings || opts.skuCodes) && lines.some((l) => !l.sku))
      flag('sku_unmapped', msg('flag_sku_unmapped', { items: lines.filter((l) => !l.sku).map((l) => l.platformSku || l.title) }));

    const goodsTotal = goodsTotalCell ?? lines.reduce((s, l) => s + l.price * l.qty, 0);
    const shippingFee = of.num('shippingFee', parseCents) ?? 0;
    const paidCell = of.num('paid', parseCents);
    const discount = of.num('discount', parseCents) ?? (paidCell !== undefined ? Math.max(0, goodsTotal + shippingFee - paidCell) : 0);
    const paid = paidCell ?? Math.max(0, goodsTotal + shippingFee - discount);

    const refundStatus = of.text('refundStatus') ?? '';
    const lineRefunds = g.lines.filter((r) => r.src.preset.role === 'items').map((r) => classifyRefund(r.line!.refundStatus));
    const words = [classifyRefund(refundStatus), classifyRefund(of.text('payStatus') ?? ''), ...lineRefunds];
    let refund: Order['refund'] = 'none';
    if (stage === 'closed' || words[0] === 'refunded' || words[1] === 'refunded' || (lineRefunds.length > 0 && lineRefunds.every((x) => x === 'refunded'))) refund = 'refunded';
    else if (words.some((x) => x !== 'none') || (of.num('refundAmount', parseCents) ?? 0) > 0) refund = 'requested';

    const trackingGot = of.got('trackingNo');
    const trackingChecked = trackingGot && checkIdCell(trackingGot, 'trackingNo');
    const trackingNo = trackingChecked?.ok ? trackingChecked.value : trackingGot?.value;
    const courierText = of.text('courier');
    const courierId = courierText ? courierIdFromName(courierText) : undefined;
    if (courierText && !courierId && trackingNo) flag('courier_unknown', msg('flag_courier_unknown', { courier: courierText }));

    errors.push(...of.errors);
    if (errors.length) {
      finishRejected();
      continue;
    }
    const presale = of.text('presale');
    const candidate: Order = {
      id: orderId(platform, shopId, g.orderNo),
      platform,
      shopId,
      orderNo: g.orderNo,
      buyer: of.text('buyer') ?? '',
      recipient: { name, phone, address },
      lines,
      goodsTotal,
      shippingFee,
      discount,
      paid,
      paidAt: paidAt!,
      buyerMessage: of.text('buyerMessage') ?? '',
      sellerMemo: of.text('sellerMemo') ?? '',
      refund,
      presale: (presale !== undefined && parseFlag(presale)) || /预售/.test(status)
    };
    if (trackingNo) {
      candidate.trackingNo = trackingNo;
      if (courierId) candidate.courierId = courierId;
    }
    const checked = Order.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) rejectOrder(issue.path.join('.'), '', 'schema', msg('schema', { detail: `${issue.path.join('.')} ${issue.message}` }));
      finishRejected();
      continue;
    }
    orders.push(checked.data);
    lineCount += lines.length;
    if (orderFlags.length) flags[checked.data.id] = orderFlags;
  }

  const rejectedOrders = new Set(rejected.map((r) => r.orderNo ?? `${r.file}#${r.row}`)).size;
  return { orders, rejected, skipped, flags, stats: { rows: total, orders: orders.length, lines: lineCount, rejectedOrders, skippedOrders: skipped.length } };
}
