// Files out: each platform's bulk-ship upload (order number, the courier as that platform names it, tracking
// number) and any order/shipment list as CSV (UTF-8 with BOM, or GBK) or XLSX.
//
// What is known and what is assumed about the bulk-ship layouts:
// - Amazon: the Shipping Confirmation flat file, tab-separated (order-id, order-item-id, quantity, ship-date,
//   carrier-code, carrier-name, tracking-number, ship-method), confirmed by many public feed writers; blank
//   order-item-id and quantity confirm the whole order. carrier-code is "Other" with the name spelled out.
// - Taobao/Tmall, PDD, JD: GBK CSV (what their back offices and Excel on Chinese Windows read) with the column
//   names each platform uses in its own export (订单编号/物流公司/运单号, 订单号/快递公司/快递单号); the exact
//   upload template was not confirmed. Douyin, Kuaishou, WeChat Shop: UTF-8 CSV with BOM (their own exports
//   are UTF-8), same caveat. Shopify: no native bulk upload; Name, Tracking Number, Tracking Company (UTF-8)
//   is the column set bulk-fulfilment apps take. Courier spellings are in couriers.ts, equally assumed.
//
// Safety: every CSV cell that begins with = + - @ tab or CR gets an apostrophe (neutraliseCell), so a buyer's
// memo cannot run as a formula. XLSX cells are written as typed strings, which spreadsheet programs never
// evaluate, so they stay exactly as stored. Long digit strings (order and tracking numbers) in list CSVs get
// a leading tab, the platforms' own trick, so Excel shows them as text instead of 1.23457E+18; Packdesk's
// importer strips it again.
import * as XLSX from '@e965/xlsx';
import type { Order, Platform } from '../domain/schemas';
import { neutraliseCell } from './cleaning';
import { courierName } from './couriers';
import { toDelimited, type Delimiter } from './delimited';
import { ExportError } from './errors';
import { encodeGbk } from './gbk';

export type ExportEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  encoding: ExportEncoding | 'xlsx';
  /** Characters GBK could not represent (written as "?"); empty for UTF-8 and XLSX. */
  unencodable: string[];
}

export interface ShipRecord {
  orderNo: string;
  courierId: string;
  trackingNo: string;
  /** Amazon only: confirm one item (with `qty`) instead of the whole order. */
  orderItemId?: string;
  qty?: number;
}

interface BulkLayout {
  headers: readonly string[];
  row: (r: ShipRecord, courier: string, shipDate: string) => string[];
  encoding: ExportEncoding;
  delimiter: Delimiter;
  ext: 'csv' | 'txt';
}

const cn3 = (h: readonly [string, string, string]): Pick<BulkLayout, 'headers' | 'row'> => ({ headers: h, row: (r, c) => [r.orderNo, c, r.trackingNo] });
const gbkCsv = { encoding: 'gbk', delimiter: ',', ext: 'csv' } as const;
const bomCsv = { encoding: 'utf-8-bom', delimiter: ',', ext: 'csv' } as const;

export const BULK_SHIP_LAYOUTS: Record<Platform, BulkLayout> = {
  taobao: { ...cn3(['订单编号', '物流公司', '运单号']), ...gbkCsv },
  tmall: { ...cn3(['订单编号', '物流公司', '运单号']), ...gbkCsv },
  pdd: { ...cn3(['订单号', '快递公司', '快递单号']), ...gbkCsv },
  jd: { ...cn3(['订单号', '物流公司', '运单号']), ...gbkCsv },
  douyin: { ...cn3(['订单号', '快递公司', '快递单号']), ...bomCsv },
  kuaishou: { ...cn3(['订单号', '快递公司', '快递单号']), ...bomCsv },
  wechat: { ...cn3(['订单号', '快递公司', '快递单号']), ...bomCsv },
  generic: { ...cn3(['订单号', '快递公司', '快递单号']), ...bomCsv },
  shopify: { headers: ['Name', 'Tracking Number', 'Tracking Company'], row: (r, c) => [r.orderNo, r.trackingNo, c], encoding: 'utf-8', delimiter: ',', ext: 'csv' },
  amazon: {
    headers: ['order-id', 'order-item-id', 'quantity', 'ship-date', 'carrier-code', 'carrier-name', 'tracking-number', 'ship-method'],
    row: (r, c, d) => [r.orderNo, r.orderItemId ?? '', r.orderItemId && r.qty ? String(r.qty) : '', d, 'Other', c, r.trackingNo, ''],
    encoding: 'utf-8',
    delimiter: '\t',
    ext: 'txt'
  }
};

const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaDate = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const stamp = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

function encodeText(text: string, encoding: ExportEncoding): { bytes: Uint8Array; unencodable: string[] } {
  if (encoding === 'gbk') return encodeGbk(text);
  const body = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return { bytes: body, unencodable: [] };
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return { bytes, unencodable: [] };
}

export interface BulkShipOptions {
  platform: Platform;
  records: readonly ShipRecord[];
  /** When the parcels shipped (epoch ms): Amazon's ship-date and the file name, in China time. */
  shipDate: number;
}

/** The platform's bulk-ship upload file. Throws ExportError for a courier the platform has no name for. */
export function bulkShipFile(opts: BulkShipOptions): ExportFile {
  const layout = BULK_SHIP_LAYOUTS[opts.platform];
  if (!opts.records.length) throw new ExportError('no_records', '没有可导出的发货记录。');
  const date = chinaDate(opts.shipDate);
  const rows: string[][] = [[...layout.headers]];
  for (const r of opts.records) {
    const courier = courierName(opts.platform, r.courierId);
    if (!courier)
      throw new ExportError('unknown_courier', `订单 ${r.orderNo} 的快递「${r.courierId}」在${opts.platform}没有对应的快递公司名称，无法生成发货文件。`, { orderNo: r.orderNo, courierId: r.courierId });
    for (const v of [r.orderNo, r.trackingNo])
      if (!v || /[\r\n\t]/.test(v)) throw new ExportError('bad_value', `订单 ${r.orderNo} 的单号「${v}」为空或含有换行/制表符。`, { orderNo: r.orderNo });
    rows.push(layout.row(r, courier, date).map(neutraliseCell));
  }
  const text = toDelimited(rows, { delimiter: layout.delimiter, eol: '\r\n' });
  const { bytes, unencodable } = encodeText(text, layout.encoding);
  return {
    fileName: `${opts.platform}-bulk-ship-${stamp(opts.shipDate)}.${layout.ext}`,
    mimeType: layout.ext === 'txt' ? 'text/plain' : 'text/csv',
    bytes,
    encoding: layout.encoding,
    unencodable
  };
}

export type ListFormat = 'csv-utf8' | 'csv-gbk' | 'xlsx';

export interface ListExportOptions {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  format: ListFormat;
  /** Without extension. */
  baseName: string;
  sheetName?: string;
}

const LONG_DIGITS = /^\d{12,}$/;

/** A list (orders, shipments, a report) as CSV or XLSX; see the module comment for the safety rules. */
export function exportList(opts: ListExportOptions): ExportFile {
  if (opts.format === 'xlsx') {
    const ws = XLSX.utils.aoa_to_sheet([opts.headers.slice(), ...opts.rows.map((r) => r.slice())], { cellDates: false });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, (opts.sheetName ?? 'Sheet1').slice(0, 31));
    const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
    return {
      fileName: `${opts.baseName}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: new Uint8Array(out),
      encoding: 'xlsx',
      unencodable: []
    };
  }
  const safe = (v: string): string => {
    const n = neutraliseCell(v);
    return n === v && LONG_DIGITS.test(v) ? '\t' + v : n;
  };
  const rows = [opts.headers.map(safe), ...opts.rows.map((r) => r.map(safe))];
  const encoding: ExportEncoding = opts.format === 'csv-gbk' ? 'gbk' : 'utf-8-bom';
  const { bytes, unencodable } = encodeText(toDelimited(rows), encoding);
  return { fileName: `${opts.baseName}.csv`, mimeType: 'text/csv', bytes, encoding, unencodable };
}

const yuan = (cents: number): string => (cents / 100).toFixed(2);
const chinaTime = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

export const ORDER_LIST_HEADERS = ['订单号', '平台', '店铺', '买家', '收件人', '手机', '省', '市', '区', '详细地址', '商品', '件数', '实付(元)', '付款时间', '买家留言', '卖家备注', '快递', '快递单号'] as const;

/** Orders as rows under ORDER_LIST_HEADERS (one row per order; lines joined as "title spec ×qty"). */
export function orderListRows(orders: readonly Order[]): string[][] {
  return orders.map((o) => [
    o.orderNo,
    o.platform,
    o.shopId,
    o.buyer,
    o.recipient.name,
    o.recipient.phone,
    o.recipient.address.province,
    o.recipient.address.city,
    o.recipient.address.district,
    o.recipient.address.detail,
    o.lines.map((l) => `${l.title}${l.spec ? ' ' + l.spec : ''} ×${l.qty}`).join('；'),
    String(o.lines.reduce((s, l) => s + l.qty, 0)),
    yuan(o.paid),
    chinaTime(o.paidAt),
    o.buyerMessage,
    o.sellerMemo,
    o.courierId ?? '',
    o.trackingNo ?? ''
  ]);
}
