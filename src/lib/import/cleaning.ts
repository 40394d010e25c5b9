// The damage rules a careful clerk applies to a cell before believing it.
//
// Platforms protect long numbers from Excel with a leading tab, an apostrophe or ="..."; those guards are
// stripped (one layer) and remembered, because a guarded value cannot have been rounded by Excel.
// Excel turns an unguarded number into a double with 15 significant digits: an order number either shows as
// 1.23457E+18 (scientific notation: rejected, the digits are gone) or, when the column was formatted as a
// number, as 1234567890123450000 (digits after the 15th become zeros). That second form is only damage if the
// zeros are not genuine, so it is judged per column (findRoundedIds): Excel converts every unguarded cell of a
// column, so one long id with a non-zero tail proves the column intact; otherwise the zero tails are weighed
// as evidence: a genuine id has its k digits after the 15th all zero with chance 10^-k, so a column whose
// long ids carry at least 3 such zero digits in total (chance <= 1/1000) is judged rounded and those ids are
// rejected; less evidence (one 16-digit id ending in 0) is imported and flagged for a human to look at.
// Full-width digits, letters and spaces (０-９, Ａ-Ｚ, U+3000) become ASCII. Phones in scientific notation are
// rejected; masked phones (138****1234) and privacy numbers with an extension (-1234, 转1234, 分机) are kept
// exactly as given and marked, since they are what the courier needs.
import { formatImport, msg, type ImportText } from './messages';

export interface CleanCell {
  value: string;
  /** The raw cell carried a tab, apostrophe or ="..." guard that kept it as text. */
  guarded: boolean;
}

const GUARD_AFTER_APOSTROPHE = /^'[0-9=+\-@\t\r'.]/;
const EXCEL_TEXT_FORMULA = /^="((?:[^"]|"")*)"$/s;

/** Remove exactly one layer of text guard: ="...", a leading apostrophe before a number or formula char, or leading tabs. */
export function stripTextGuards(raw: string): CleanCell {
  if (raw.length === 0) return { value: raw, guarded: false };
  const c = raw.charCodeAt(0);
  if (c === 0x3d /* = */) {
    const m = EXCEL_TEXT_FORMULA.exec(raw);
    if (m) return { value: m[1].replaceAll('""', '"'), guarded: true };
  } else if (c === 0x27 /* ' */) {
    if (GUARD_AFTER_APOSTROPHE.test(raw)) return { value: raw.slice(1), guarded: true };
  } else if (c === 0x09 /* tab */) {
    let i = 1;
    while (raw.charCodeAt(i) === 0x09) i++;
    return { value: raw.slice(i), guarded: true };
  }
  return { value: raw, guarded: false };
}

/** Spreadsheet-safe text: a leading = + - @ tab or CR (and an apostrophe that a reader would strip) gets an apostrophe. */
export function neutraliseCell(value: string): string {
  if (value.length === 0) return value;
  const c = value[0];
  if (c === '=' || c === '+' || c === '-' || c === '@' || c === '\t' || c === '\r') return "'" + value;
  if (c === "'" && GUARD_AFTER_APOSTROPHE.test(value)) return "'" + value;
  return value;
}

/** Full-width digits, Latin letters and spaces to ASCII; with `punctuation`, also ＋－．，：／＃＊（） and the like. */
const WIDE = /[\u3000\uff01-\uff5e]/;

export function normaliseWidth(s: string, punctuation = false): string {
  if (!WIDE.test(s)) return s;
  let out: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r = -1;
    if (c === 0x3000) r = 0x20;
    else if (c >= 0xff01 && c <= 0xff5e) {
      const a = c - 0xfee0;
      if (punctuation || (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a)) r = a;
    }
    if (r >= 0) {
      out ??= s.slice(0, i);
      out += String.fromCharCode(r);
    } else if (out !== undefined) out += s[i];
  }
  return out ?? s;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060]/;
const ZERO_WIDTH_ALL = /[\u200b-\u200d\u2060]/g;

const PLAIN = /^[^\s'=\u3000\uff01-\uff5e\u200b-\u200d\u2060](?:[^\u3000\uff01-\uff5e\u200b-\u200d\u2060]*[^\s\u3000\uff01-\uff5e\u200b-\u200d\u2060])?$/;

/** Guards stripped, full-width normalised, trimmed (zero-width spaces dropped). */
export function cleanCell(raw: string): CleanCell {
  if (PLAIN.test(raw)) return { value: raw, guarded: false };
  const lead = raw.length && raw.charCodeAt(0) === 0x20 ? raw.replace(/^ +/, '') : raw;
  const g = stripTextGuards(lead);
  let v = normaliseWidth(g.value).trim();
  if (v.length && ZERO_WIDTH.test(v)) v = v.replace(ZERO_WIDTH_ALL, '');
  return { value: v, guarded: g.guarded };
}

/** Excel's scientific notation always has a signed exponent (3.01235E+18), so a real id like "2E10" is not taken for it. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]\d+$/;
export const isScientific = (s: string): boolean => SCIENTIFIC.test(s);

export type CheckResult = { ok: true; value: string } | { ok: false; code: string; reason: string; text: ImportText };

/** What an id cell holds, as a TERMS key of messages.ts. */
export type IdTerm = 'orderNo' | 'skuCode' | 'barcode' | 'trackingNo' | 'platformSku' | 'outerSku';

const failed = (code: string, t: ImportText) => ({ ok: false as const, code, reason: formatImport(t), text: t });

/** An id cell (order number, SKU id, tracking number) on its own: scientific notation and Excel's ".0" tail. */
export function checkIdCell(cell: CleanCell, what: IdTerm = 'orderNo'): CheckResult {
  const v = normaliseWidth(cell.value, true);
  if (v === '') return failed('id_missing', msg('id_missing', { what }));
  if (isScientific(v)) return failed('id_scientific', msg('id_scientific', { what, value: v }));
  const dotZero = /^(\d+)\.0+$/.exec(v);
  if (dotZero) return { ok: true, value: dotZero[1] };
  return { ok: true, value: v };
}

export interface RoundingVerdict {
  /** Cell indexes judged rounded by Excel: reject. */
  rounded: number[];
  /** Cell indexes that might be rounded but the evidence is weak: import and flag. */
  doubtful: number[];
}

const LONG_DIGITS = /^\d{16,}$/;
const isZeroTail = (v: string): boolean => {
  for (let i = 15; i < v.length; i++) if (v.charCodeAt(i) !== 48) return false;
  return true;
};

/** Judge one column of id cells for Excel's 15-significant-digit rounding (see the module comment). */
export function findRoundedIds(cells: readonly CleanCell[]): RoundingVerdict {
  const suspicious: number[] = [];
  let evidence = 0;
  for (let i = 0; i < cells.length; i++) {
    const { value, guarded } = cells[i];
    if (guarded || !LONG_DIGITS.test(value)) continue;
    if (!isZeroTail(value)) return { rounded: [], doubtful: [] };
    suspicious.push(i);
    evidence += value.length - 15;
  }
  return evidence >= 3 ? { rounded: suspicious, doubtful: [] } : { rounded: [], doubtful: suspicious };
}

export const roundedText = (value: string, what: IdTerm = 'orderNo'): ImportText => msg('id_rounded', { what, value });

export type PhoneKind = 'empty' | 'mobile' | 'landline' | 'masked' | 'privacy_ext' | 'other';

export type PhoneResult = { ok: true; phone: string; kind: PhoneKind } | { ok: false; code: string; reason: string; text: ImportText };

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const EXT = String.raw`\s*(?:[-_#,，—]|转|分机|ext\.?|x)\s*\d{1,6}$`;
const PRIVACY_EXT = new RegExp(String.raw`^(?:\+?86)?1[3-9]\d{9}${EXT}|^0\d{2,3}-?\d{7,8}${EXT}|(?:转|分机)\s*\d{1,6}$`, 'i');

/** Classify a phone cell; masked and privacy numbers are returned exactly as given. */
export function classifyPhone(raw: string): PhoneResult {
  const v = normaliseWidth(raw, true).trim();
  if (v === '') return { ok: true, phone: '', kind: 'empty' };
  if (isScientific(v)) return failed('phone_scientific', msg('phone_scientific', { value: v }));
  if (v.includes('*')) return { ok: true, phone: v, kind: 'masked' };
  const compact = v.replace(/[\s-]/g, '');
  if (MOBILE.test(compact)) return { ok: true, phone: compact, kind: 'mobile' };
  if (LANDLINE.test(v) || LANDLINE.test(compact)) return { ok: true, phone: v, kind: 'landline' };
  if (PRIVACY_EXT.test(v) || PRIVACY_EXT.test(v.replace(/\s+/g, ''))) return { ok: true, phone: v, kind: 'privacy_ext' };
  const dotZero = /^(1[3-9]\d{9})\.0+$/.exec(compact);
  if (dotZero) return { ok: true, phone: dotZero[1], kind: 'mobile' };
  return { ok: true, phone: v, kind: 'other' };
}
