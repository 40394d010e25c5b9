// Cell text to typed values: money to integer cents (string arithmetic, never floats), quantities, times to
// epoch ms, and the status words of each platform to what Packdesk needs to know. Times without a zone are
// China time (UTC+8): every Chinese platform exports wall-clock Beijing time; Shopify and Amazon write an
// offset, which wins. Excel serial dates (a workbook cell formatted as a date but read as a number) are days
// since 1899-12-30 in the same wall clock.
import { isScientific, normaliseWidth } from './cleaning';
import { formatImport, msg, type ImportMessageKey, type ImportText } from './messages';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; code: string; reason: string; text: ImportText };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
/** A failed value: `code` is the kind of failure, `key` the message (one code may have several). */
const fail = <T>(code: string, key: ImportMessageKey, value: string): ValueResult<T> => {
  const text = msg(key, { value });
  return { ok: false, code, reason: formatImport(text), text };
};

const CURRENCY = /^(?:¥|￥|\$|US\$|HK\$|€|£|RMB|CNY|USD|EUR|GBP|JPY|元)\s*|\s*(?:元|RMB|CNY|USD|EUR|GBP|JPY)$/gi;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Money to integer cents: "¥1,234.5" -> 123450. Up to 4 decimals, rounded half up to the cent. */
const PLAIN_CENTS = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

export function parseCents(raw: string): ValueResult<number | undefined> {
  const plain = PLAIN_CENTS.exec(raw);
  if (plain) return ok(Number(plain[1]) * 100 + (plain[2] ? Number(plain[2].padEnd(2, '0')) : 0));
  let v = normaliseWidth(raw, true).trim().replace(CURRENCY, '').trim();
  if (v === '' || v === '-' || v === '--') return ok(undefined);
  if (isScientific(v)) return fail('amount_scientific', 'amount_scientific', raw);
  if (THOUSANDS.test(v)) v = v.replaceAll(',', '');
  const m = /^(-)?(\d*)(?:\.(\d{0,4}))?$/.exec(v);
  if (!m || (m[2] === '' && !m[3])) return fail('amount_invalid', 'amount_invalid', raw);
  if (m[1] && /[1-9]/.test(v)) return fail('amount_negative', 'amount_negative', raw);
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const frac = (m[3] ?? '').padEnd(4, '0');
  let cents = whole * 100 + Number(frac.slice(0, 2));
  if (Number(frac.slice(2)) >= 50) cents += 1;
  if (!Number.isSafeInteger(cents)) return fail('amount_invalid', 'amount_too_large', raw);
  return ok(cents);
}

/** A positive whole quantity: "2", "2.0", "２". */
export function parseQty(raw: string): ValueResult<number | undefined> {
  const v = normaliseWidth(raw, true).trim();
  if (v === '') return ok(undefined);
  const m = /^(\d+)(?:\.0+)?$/.exec(v);
  if (!m) return fail('qty_invalid', 'qty_invalid', raw);
  const n = Number(m[1]);
  if (n <= 0) return fail('qty_invalid', 'qty_zero', raw);
  if (!Number.isSafeInteger(n) || n > 1_000_000) return fail('qty_invalid', 'qty_too_large', raw);
  return ok(n);
}

export const CHINA_OFFSET_MINUTES = 480;

const DATE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,3})\d*)?秒?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Date/time text to epoch ms; `offsetMinutes` applies when the text names no zone (default China time). */
export function parseDateTime(raw: string, offsetMinutes = CHINA_OFFSET_MINUTES): ValueResult<number | undefined> {
  const v = normaliseWidth(raw, true).trim();
  if (v === '' || v === '-' || v === '--' || v === '0000-00-00 00:00:00') return ok(undefined);
  const serial = /^(\d{5})(\.\d+)?$/.exec(v);
  if (serial) {
    const days = Number(v);
    if (days < 20000 || days > 80000) return fail('date_invalid', 'date_unreadable', raw);
    return ok(Math.round(EXCEL_EPOCH_MS + days * 86_400_000) - offsetMinutes * 60_000);
  }
  const m = DATE_TIME.exec(v);
  if (!m) return fail('date_invalid', 'date_format', raw);
  const Y = Number(m[1]);
  const M = Number(m[2]);
  const D = Number(m[3]);
  const H = Number(m[4] ?? 0);
  const MI = Number(m[5] ?? 0);
  const S = Number(m[6] ?? 0);
  const wall = Date.UTC(Y, M - 1, D, H, MI, S, Number((m[7] ?? '0').padEnd(3, '0')));
  const check = new Date(wall);
  if (M < 1 || M > 12 || H > 23 || MI > 59 || S > 59 || check.getUTCDate() !== D || check.getUTCMonth() !== M - 1)
    return fail('date_invalid', 'date_invalid', raw);
  let offset = offsetMinutes;
  const zone = m[8];
  if (zone) {
    if (/^(Z|UTC|GMT)$/i.test(zone)) offset = 0;
    else {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
      offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
    }
  }
  return ok(wall - offset * 60_000);
}

export type OrderStage = 'unpaid' | 'to_ship' | 'shipped' | 'closed' | 'unknown';

const STAGE_WORDS: readonly (readonly [OrderStage, RegExp])[] = [
  ['closed', /交易关闭|已关闭|订单关闭|已取消|取消订单|订单取消|^cancel|^voided$|^refunded$|^failed$/i],
  ['unpaid', /等待买家付款|等待付款|待付款|未付款|待支付|未支付|^pending|^on[- ]hold$|^unpaid$/i],
  ['shipped', /已发货|卖家已发货|等待买家确认|待收货|已收货|已签收|交易成功|已完成|^完成$|^fulfilled$|^completed$|^shipped$/i],
  ['to_ship', /等待卖家发货|待发货|已付款|已支付|待出库|待配货|备货中|^paid$|^processing$|^unfulfilled$|^partially/i]
];

/** What an order status word means for packing. Platform wording, Shopify/WooCommerce slugs. */
export function classifyStage(raw: string): OrderStage {
  const v = raw.trim();
  if (v === '') return 'unknown';
  for (const [stage, re] of STAGE_WORDS) if (re.test(v)) return stage;
  return 'unknown';
}

/** Refund state from an after-sale/refund column or a financial status. */
export function classifyRefund(raw: string): 'none' | 'requested' | 'refunded' {
  const v = raw.trim();
  if (v === '' || /无售后|售后取消|售后关闭|^无$|^否$|没有退款|退款关闭|退款失败|^none$|^paid$/i.test(v)) return 'none';
  if (/退款成功|退款完成|已退款|售后完成|^refunded$/i.test(v)) return 'refunded';
  if (/退款|售后|退货|partially_refunded|refund/i.test(v)) return 'requested';
  return 'none';
}

/** A yes/no-ish cell: blank, 否, no, false, 0, 无, - are false; any other text (是, Y, 预售, 定金已付) is true. */
export function parseFlag(raw: string): boolean {
  const v = raw.trim();
  return !(v === '' || /^(否|no|n|false|0|无|-|--|非预售)$/i.test(v));
}
