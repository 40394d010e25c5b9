// The field catalogue: every name a template can bind (`{recipient.name}`, `{trackingNo|last:4}`) and how to
// read it from a PrintContext — pure getters over plain data, with the print time passed in (no clock), so a
// label is a function of its inputs and a reprint is byte-identical. Field values are untrusted order text:
// control characters become spaces here, and encoders escape whatever their language treats as syntax.
import type { Courier, Order, Shipment, Shop, Sku, Warehouse } from '../domain/schemas';
import type { PickBatch, PickRow } from './pick-list';
import { TemplateError, type Template } from './template';

export interface PrintContext {
  /** Epoch ms of this print (printed on the label, journaled with it). */
  printedAt: number;
  station: { id: string; name: string };
  /** Offset of local time from UTC for dates on the label; China is +480. */
  timeZoneOffsetMinutes?: number;
  shipment?: Shipment;
  /** The orders the shipment's parts come from (or the orders to print, without a shipment). */
  orders?: readonly Order[];
  shop?: Shop;
  warehouse?: Warehouse;
  courier?: Courier;
  trackingNo?: string;
  /** Carrier routing codes, when the carrier supplied them: 大头笔, 三段码, 集包地. */
  routing?: { bigPen?: string; sortCode?: string; hub?: string };
  /** Measured weight in grams (from the scale); falls back to the shipment's expected weight. */
  weightGrams?: number;
  /** Catalog lookup for item locations and barcodes. */
  skus?: ReadonlyMap<string, Sku>;
  /** The SKU of a SKU barcode label. */
  sku?: Sku;
  /** The batch of a pick list. */
  batch?: PickBatch;
}

export type FieldValue = string | number | undefined;
export type FieldGroup = 'order' | 'recipient' | 'sender' | 'shipment' | 'courier' | 'items' | 'print' | 'sku' | 'batch';

export interface FieldDef {
  label: { zh: string; en: string };
  group: FieldGroup;
  get(ctx: PrintContext): FieldValue;
  /** Format applied when the template names none (numbers that are times, weights or money). */
  format?: string;
}

/** One printed line of a shipment: a part of an order line, with what the catalog knows about its SKU. */
export interface ItemRow {
  index: number;
  orderNo: string;
  sku: string;
  title: string;
  spec: string;
  qty: number;
  /** Unit price in cents. */
  price: number;
  location: string;
  barcode: string;
}

export function shipmentItems(ctx: PrintContext): ItemRow[] {
  const orders = ctx.orders ?? [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  const lines: { order: Order; lineNo: number; qty: number }[] = [];
  if (ctx.shipment) {
    for (const p of ctx.shipment.parts) {
      const order = byId.get(p.orderId);
      if (!order) throw new Error(`print context: shipment ${ctx.shipment.id} holds order ${p.orderId}, which was not given`);
      lines.push({ order, lineNo: p.lineNo, qty: p.qty });
    }
  } else for (const order of orders) for (const l of order.lines) lines.push({ order, lineNo: l.lineNo, qty: l.qty });
  return lines.map(({ order, lineNo, qty }, i) => {
    const line = order.lines.find((l) => l.lineNo === lineNo);
    if (!line) throw new Error(`print context: order ${order.id} has no line ${lineNo}`);
    const sku = line.sku ? ctx.skus?.get(line.sku) : undefined;
    return {
      index: i + 1,
      orderNo: order.orderNo,
      sku: line.sku || line.platformSku,
      title: line.title,
      spec: line.spec,
      qty,
      price: line.price,
      location: sku?.location ?? '',
      barcode: sku?.barcodes[0] ?? ''
    };
  });
}

const firstOrder = (ctx: PrintContext): Order | undefined => ctx.orders?.[0];
const join = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join('');

/** Province, city and district without the repeat municipalities carry (北京市北京市 -> 北京市). */
function region(a: { province: string; city: string; district: string } | undefined): string | undefined {
  if (!a) return undefined;
  return join(a.province, a.city === a.province ? '' : a.city, a.district);
}

function sender(ctx: PrintContext) {
  if (ctx.shop) return ctx.shop.sender;
  if (ctx.warehouse) return { name: ctx.warehouse.name, phone: '', address: ctx.warehouse.address };
  return undefined;
}

const sum = (rows: { qty: number }[]): number => rows.reduce((s, r) => s + r.qty, 0);

export const FIELDS: Readonly<Record<string, FieldDef>> = {
  'order.no': { group: 'order', label: { zh: '订单号', en: 'Order no.' }, get: (c) => firstOrder(c)?.orderNo },
  'order.nos': { group: 'order', label: { zh: '全部订单号', en: 'All order nos.' }, get: (c) => c.orders?.map((o) => o.orderNo).join(',') },
  'order.count': { group: 'order', label: { zh: '订单数', en: 'Orders' }, get: (c) => c.orders?.length },
  'order.platform': { group: 'order', label: { zh: '平台', en: 'Platform' }, get: (c) => firstOrder(c)?.platform },
  'order.buyer': { group: 'order', label: { zh: '买家账号', en: 'Buyer' }, get: (c) => firstOrder(c)?.buyer },
  'order.buyerMessage': { group: 'order', label: { zh: '买家留言', en: 'Buyer message' }, get: (c) => c.orders?.map((o) => o.buyerMessage).filter(Boolean).join('；') },
  'order.sellerMemo': { group: 'order', label: { zh: '卖家备注', en: 'Seller memo' }, get: (c) => c.orders?.map((o) => o.sellerMemo).filter(Boolean).join('；') },
  'order.paidAt': { group: 'order', label: { zh: '付款时间', en: 'Paid at' }, get: (c) => firstOrder(c)?.paidAt, format: 'datetime' },
  'order.paid': { group: 'order', label: { zh: '实付金额', en: 'Paid' }, get: (c) => c.orders?.reduce((s, o) => s + o.paid, 0), format: 'yuan' },
  'shop.name': { group: 'order', label: { zh: '店铺', en: 'Shop' }, get: (c) => c.shop?.name },
  'recipient.name': { group: 'recipient', label: { zh: '收件人', en: 'Recipient' }, get: (c) => firstOrder(c)?.recipient.name },
  'recipient.phone': { group: 'recipient', label: { zh: '收件电话', en: 'Recipient phone' }, get: (c) => firstOrder(c)?.recipient.phone },
  'recipient.province': { group: 'recipient', label: { zh: '省', en: 'Province' }, get: (c) => firstOrder(c)?.recipient.address.province },
  'recipient.city': { group: 'recipient', label: { zh: '市', en: 'City' }, get: (c) => firstOrder(c)?.recipient.address.city },
  'recipient.district': { group: 'recipient', label: { zh: '区', en: 'District' }, get: (c) => firstOrder(c)?.recipient.address.district },
  'recipient.detail': { group: 'recipient', label: { zh: '详细地址', en: 'Street address' }, get: (c) => firstOrder(c)?.recipient.address.detail },
  'recipient.region': { group: 'recipient', label: { zh: '省市区', en: 'Region' }, get: (c) => region(firstOrder(c)?.recipient.address) },
  'recipient.address': {
    group: 'recipient',
    label: { zh: '收件地址', en: 'Recipient address' },
    get: (c) => {
      const a = firstOrder(c)?.recipient.address;
      return a && join(region(a), a.detail);
    }
  },
  'sender.name': { group: 'sender', label: { zh: '寄件人', en: 'Sender' }, get: (c) => sender(c)?.name },
  'sender.phone': { group: 'sender', label: { zh: '寄件电话', en: 'Sender phone' }, get: (c) => sender(c)?.phone },
  'sender.region': { group: 'sender', label: { zh: '寄件省市区', en: 'Sender region' }, get: (c) => region(sender(c)?.address) },
  'sender.address': {
    group: 'sender',
    label: { zh: '寄件地址', en: 'Sender address' },
    get: (c) => {
      const a = sender(c)?.address;
      return a && join(region(a), a.detail);
    }
  },
  'shipment.id': { group: 'shipment', label: { zh: '包裹号', en: 'Shipment' }, get: (c) => c.shipment?.id },
  'warehouse.name': { group: 'shipment', label: { zh: '仓库', en: 'Warehouse' }, get: (c) => c.warehouse?.name },
  weight: { group: 'shipment', label: { zh: '重量', en: 'Weight' }, get: (c) => c.weightGrams ?? c.shipment?.expectedWeight, format: 'kg' },
  'weight.expected': { group: 'shipment', label: { zh: '预估重量', en: 'Expected weight' }, get: (c) => c.shipment?.expectedWeight, format: 'kg' },
  'courier.name': { group: 'courier', label: { zh: '快递公司', en: 'Courier' }, get: (c) => c.courier?.name },
  'courier.nameEn': { group: 'courier', label: { zh: '快递英文名', en: 'Courier (English)' }, get: (c) => c.courier?.nameEn },
  trackingNo: { group: 'courier', label: { zh: '运单号', en: 'Tracking no.' }, get: (c) => c.trackingNo },
  'routing.bigPen': { group: 'courier', label: { zh: '大头笔', en: 'Routing mark' }, get: (c) => c.routing?.bigPen },
  'routing.sortCode': { group: 'courier', label: { zh: '三段码', en: 'Sort code' }, get: (c) => c.routing?.sortCode },
  'routing.hub': { group: 'courier', label: { zh: '集包地', en: 'Consolidation hub' }, get: (c) => c.routing?.hub },
  'items.qty': { group: 'items', label: { zh: '商品件数', en: 'Item count' }, get: (c) => sum(shipmentItems(c)) },
  'items.lines': { group: 'items', label: { zh: '商品种数', en: 'Lines' }, get: (c) => shipmentItems(c).length },
  'items.summary': {
    group: 'items',
    label: { zh: '商品摘要', en: 'Item summary' },
    get: (c) => shipmentItems(c).map((r) => `${r.title}${r.spec ? ' ' + r.spec : ''}×${r.qty}`).join('，')
  },
  'print.time': { group: 'print', label: { zh: '打印时间', en: 'Printed at' }, get: (c) => c.printedAt, format: 'datetime' },
  'station.name': { group: 'print', label: { zh: '工位', en: 'Station' }, get: (c) => c.station.name },
  'sku.code': { group: 'sku', label: { zh: '商品编码', en: 'SKU code' }, get: (c) => c.sku?.code },
  'sku.barcode': { group: 'sku', label: { zh: '商品条码', en: 'SKU barcode' }, get: (c) => c.sku?.barcodes[0] },
  'sku.name': { group: 'sku', label: { zh: '商品名称', en: 'SKU name' }, get: (c) => c.sku?.name },
  'sku.spec': { group: 'sku', label: { zh: '规格', en: 'Spec' }, get: (c) => c.sku?.spec },
  'sku.location': { group: 'sku', label: { zh: '库位', en: 'Location' }, get: (c) => c.sku?.location },
  'sku.price': { group: 'sku', label: { zh: '售价', en: 'Price' }, get: (c) => c.sku?.price, format: 'yuan' },
  'batch.id': { group: 'batch', label: { zh: '批次号', en: 'Batch' }, get: (c) => c.batch?.id },
  'batch.shipments': { group: 'batch', label: { zh: '包裹数', en: 'Shipments' }, get: (c) => c.batch?.shipmentCount },
  'batch.qty': { group: 'batch', label: { zh: '总件数', en: 'Total items' }, get: (c) => c.batch && sum(c.batch.rows) },
  'batch.skus': { group: 'batch', label: { zh: 'SKU数', en: 'SKUs' }, get: (c) => c.batch?.rows.length }
};

/** Fields that exist only while laying out a page or a table row. */
export const PAGE_FIELDS = ['page.number', 'page.count'] as const;
export const ITEM_ROW_FIELDS: readonly (keyof ItemRow)[] = ['index', 'orderNo', 'sku', 'title', 'spec', 'qty', 'price', 'location', 'barcode'];
export const PICK_ROW_FIELDS: readonly (keyof PickRow)[] = ['index', 'location', 'sku', 'name', 'spec', 'qty', 'shipments', 'barcode'];

// ---------------------------------------------------------------- formats

export interface FormatEnv {
  timeZoneOffsetMinutes: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function localParts(ms: number, env: FormatEnv) {
  const d = new Date(ms + env.timeZoneOffsetMinutes * 60_000);
  return { y: d.getUTCFullYear(), mo: pad2(d.getUTCMonth() + 1), d: pad2(d.getUTCDate()), h: pad2(d.getUTCHours()), mi: pad2(d.getUTCMinutes()) };
}

const asNumber = (v: FieldValue, fmt: string): number => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) throw new TemplateError(`format ${fmt} needs a number, got ${JSON.stringify(v)}`, [fmt]);
  return n;
};

const FORMATS: Record<string, (v: FieldValue, arg: string | undefined, env: FormatEnv) => FieldValue> = {
  upper: (v) => String(v).toUpperCase(),
  lower: (v) => String(v).toLowerCase(),
  /** 13812345678 -> 138****5678; privacy numbers and already masked numbers pass unchanged. */
  'mask-phone': (v) => String(v).replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2'),
  /** 张伟 -> 张*; keeps the first character. */
  'mask-name': (v) => {
    const chars = [...String(v)];
    return chars.length <= 1 ? chars.join('') : chars[0] + '*'.repeat(chars.length - 1);
  },
  kg: (v, arg) => `${(asNumber(v, 'kg') / 1000).toFixed(arg ? Number(arg) : 2)}kg`,
  g: (v) => `${Math.round(asNumber(v, 'g'))}g`,
  yuan: (v) => (asNumber(v, 'yuan') / 100).toFixed(2),
  date: (v, _a, env) => {
    const p = localParts(asNumber(v, 'date'), env);
    return `${p.y}-${p.mo}-${p.d}`;
  },
  datetime: (v, _a, env) => {
    const p = localParts(asNumber(v, 'datetime'), env);
    return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}`;
  },
  time: (v, _a, env) => {
    const p = localParts(asNumber(v, 'time'), env);
    return `${p.h}:${p.mi}`;
  },
  last: (v, arg) => String(v).slice(-Number(arg ?? 4)),
  default: (v, arg) => (v === undefined || v === '' ? (arg ?? '') : v)
};

export const FORMAT_NAMES = Object.keys(FORMATS);

// ---------------------------------------------------------------- value templates

interface Placeholder {
  path: string;
  formats: { name: string; arg?: string }[];
}

type Part = string | Placeholder;

const PLACEHOLDER = /\{\{|\}\}|\{([^{}]*)\}/g;

function parseValue(template: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      parts.push(m[0][0]);
      continue;
    }
    const [path, ...fmts] = m[1].split('|').map((s) => s.trim());
    parts.push({
      path,
      formats: fmts.map((f) => {
        const i = f.indexOf(':');
        return i < 0 ? { name: f } : { name: f.slice(0, i), arg: f.slice(i + 1) };
      })
    });
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

const cache = new Map<string, Part[]>();
function parsed(template: string): Part[] {
  let p = cache.get(template);
  if (!p) {
    p = parseValue(template);
    if (cache.size > 2000) cache.clear();
    cache.set(template, p);
  }
  return p;
}

/** Field paths a value template refers to. */
export function fieldRefs(template: string): string[] {
  return parsed(template).flatMap((p) => (typeof p === 'string' ? [] : [p.path]));
}

/** Looks a path up for one value; returns undefined for a known field without a value, throws for an unknown one. */
export type FieldLookup = (path: string) => FieldValue;

const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Fills a value template. Field values lose control characters (they are untrusted); the template's own text keeps `\n`. */
export function renderValue(template: string, lookup: FieldLookup, env: FormatEnv): string {
  let out = '';
  for (const part of parsed(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    let v = lookup(part.path);
    const def = FIELDS[part.path];
    const formats = part.formats.length ? part.formats : def?.format ? [{ name: def.format }] : [];
    for (const f of formats) {
      const fn = FORMATS[f.name];
      if (!fn) throw new TemplateError(`unknown format ${f.name} in {${part.path}|…}`, [f.name]);
      if (v === undefined || v === '') {
        if (f.name === 'default') v = fn(v, f.arg, env);
        continue;
      }
      v = fn(v, f.arg, env);
    }
    if (v !== undefined) out += String(v).replace(CONTROL, ' ');
  }
  return out;
}

/** The lookup for document-level fields, with the page fields when a page is being laid out. */
export function contextLookup(ctx: PrintContext, page?: { number: number; count: number }): FieldLookup {
  return (path) => {
    if (path === 'page.number') return page?.number;
    if (path === 'page.count') return page?.count;
    const def = FIELDS[path];
    if (!def) throw new TemplateError(`unknown field {${path}}`, [path]);
    return def.get(ctx);
  };
}

/** Unknown field paths and formats in a template, as issues for the designer (empty when all are known). */
export function checkFieldRefs(template: Template): string[] {
  const issues: string[] = [];
  const known = (path: string, rowFields?: readonly string[]) =>
    path in FIELDS || (PAGE_FIELDS as readonly string[]).includes(path) || (rowFields !== undefined && path.startsWith('row.') && rowFields.includes(path.slice(4)));
  const check = (where: string, value: string, rowFields?: readonly string[]) => {
    for (const part of parsed(value)) {
      if (typeof part === 'string') continue;
      if (!known(part.path, rowFields)) issues.push(`${where}: unknown field {${part.path}}`);
      for (const f of part.formats) if (!FORMATS[f.name]) issues.push(`${where}: unknown format ${f.name}`);
    }
  };
  for (const e of template.elements) {
    if (e.type === 'text' || e.type === 'barcode' || e.type === 'qr') check(e.id, e.value);
    if (e.type === 'table') {
      const rowFields = e.source === 'items' ? ITEM_ROW_FIELDS : PICK_ROW_FIELDS;
      e.columns.forEach((c, i) => check(`${e.id}.columns.${i}`, c.value, rowFields));
    }
  }
  for (const path of template.requires) if (!(path in FIELDS)) issues.push(`requires: unknown field ${path}`);
  return issues;
}

/** Required fields this context leaves empty: the reason a document is refused. */
export function missingRequired(template: Template, ctx: PrintContext): string[] {
  return template.requires.filter((path) => {
    const v = FIELDS[path]?.get(ctx);
    return v === undefined || (typeof v === 'string' && v.trim() === '');
  });
}
