// Layout: template + print context + target -> positioned elements in printer dots, one list per page. Pure
// (no canvas, no clock): text is wrapped and shrunk with the target's TextMetrics, barcodes get a module
// width the printer can make, item tables are cut into pages. The preview draws this same layout and every
// encoder prints it, so what the seller sees is what the printer makes. Problems that would print a wrong
// or unscannable label throw a LayoutError naming the element; cosmetic losses (a truncated address) are
// returned as warnings for the UI to show.
import { checkFieldRefs, contextLookup, missingRequired, renderValue, shipmentItems, type FieldLookup, type FormatEnv, type PrintContext } from './fields';
import { fromBase64 } from './bytes';
import { scaleBitmap, type Bitmap } from './raster';
import { BarcodeDataError, ean13Digits, linearSymbol, QUIET_MODULES, qrMatrix, type LinearSymbol, type QrEcc, type QrMatrix } from './symbologies';
import { TemplateError, type Align, type BarcodeElement, type Element, type Media, type QrElement, type TableElement, type Template, type TextElement } from './template';
import { estimateMetrics, truncateLine, wrapText, type TextMetrics } from './text-metrics';

/** What layout needs to know about the printer (or preview) it lays out for. */
export interface LayoutTarget {
  dpi: number;
  metrics: TextMetrics;
  /** Barcode module widths in dots the printer can make. */
  module: { min: number; max: number };
  /** QR cell sizes in dots the printer can make. */
  qrCell: { min: number; max: number };
}

export function defaultTarget(dpi: number): LayoutTarget {
  return { dpi, metrics: estimateMetrics, module: { min: 1, max: 10 }, qrCell: { min: 1, max: 10 } };
}

/** Thermal heads are 8 dots/mm ("203 dpi") or 12 dots/mm ("300 dpi"). */
export const dotsPerMm = (dpi: number): number => (dpi === 203 ? 8 : dpi === 300 ? 12 : dpi / 25.4);

export interface TextItem {
  kind: 'text';
  source: string;
  x: number;
  y: number;
  width: number;
  em: number;
  bold: boolean;
  text: string;
  /** The box the line is aligned in (ZPL aligns natively inside it). */
  align: Align;
  boxX: number;
  boxWidth: number;
}
export interface BarcodeItem {
  kind: 'barcode';
  source: string;
  x: number;
  y: number;
  width: number;
  height: number;
  symbology: BarcodeElement['symbology'];
  /** The encoded data (EAN-13 with its check digit). */
  data: string;
  module: number;
  symbol: LinearSymbol;
}
export interface QrItem {
  kind: 'qr';
  source: string;
  x: number;
  y: number;
  size: number;
  cell: number;
  ecc: QrEcc;
  data: string;
  matrix: QrMatrix;
}
export interface RectItem {
  kind: 'rect';
  source: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface BoxItem {
  kind: 'box';
  source: string;
  x: number;
  y: number;
  w: number;
  h: number;
  thickness: number;
}
export interface ImageItem {
  kind: 'image';
  source: string;
  x: number;
  y: number;
  bitmap: Bitmap;
}
export type LayoutItem = TextItem | BarcodeItem | QrItem | RectItem | BoxItem | ImageItem;

export interface LayoutPage {
  /** 1-based. */
  number: number;
  height: number;
  items: LayoutItem[];
}

export interface LayoutWarning {
  element: string;
  page: number;
  message: string;
}

export interface LabelLayout {
  templateId: string;
  dpi: number;
  width: number;
  media: Media;
  orientation: 0 | 180;
  pages: LayoutPage[];
  warnings: LayoutWarning[];
}

export class LayoutError extends Error {
  constructor(
    message: string,
    readonly element?: string
  ) {
    super(element ? `${element}: ${message}` : message);
    this.name = 'LayoutError';
  }
}

/** The document cannot be printed for this context: the named fields are empty (a waybill without tracking number). */
export class MissingFieldsError extends LayoutError {
  constructor(
    readonly templateId: string,
    readonly fields: readonly string[]
  ) {
    super(`${templateId} needs ${fields.join(', ')}`);
    this.name = 'MissingFieldsError';
  }
}

interface Ctx {
  target: LayoutTarget;
  d: (mm: number) => number;
  env: FormatEnv;
  warn: (element: string, message: string) => void;
  page: number;
}

function layoutText(e: TextElement, lookup: FieldLookup, c: Ctx, out: LayoutItem[]): void {
  const value = renderValue(e.value, lookup, c.env);
  if (!value.trim()) return;
  const m = c.target.metrics;
  const [x, y, w, h] = [c.d(e.x), c.d(e.y), c.d(e.w), c.d(e.h)];
  const minEm = e.minFontSize ? m.fit(c.d(e.minFontSize)) : 0;
  const pitch = (em: number) => Math.round(em * e.lineHeight);
  const capacity = (em: number) => e.maxLines ?? Math.max(1, Math.floor((h - em) / pitch(em)) + 1);
  const linesAt = (em: number) => (e.wrap ? wrapText(value, w, em, e.bold, m) : value.split('\n'));
  const fits = (em: number, lines: string[]) => lines.length <= capacity(em) && lines.every((l) => m.measure(l, em, e.bold) <= w);

  let em = m.fit(c.d(e.fontSize));
  let lines = linesAt(em);
  while (e.shrinkToFit && !fits(em, lines)) {
    const next = m.smaller(em);
    if (next === undefined || next < minEm) break;
    em = next;
    lines = linesAt(em);
  }
  if (!fits(em, lines)) {
    const keep = capacity(em);
    const cut = lines.length > keep;
    lines = lines.slice(0, keep).map((l, i, kept) => truncateLine(l, w, em, e.bold, m, cut && i === kept.length - 1));
    c.warn(e.id, `text truncated to ${keep} line(s) at ${em} dots: ${JSON.stringify(value.slice(0, 40))}`);
  }
  const total = em + (lines.length - 1) * pitch(em);
  const top = e.valign === 'top' ? y : e.valign === 'middle' ? y + Math.max(0, Math.floor((h - total) / 2)) : y + Math.max(0, h - total);
  lines.forEach((text, i) => {
    if (!text) return;
    const width = m.measure(text, em, e.bold);
    const lx = e.align === 'left' ? x : e.align === 'center' ? x + Math.floor((w - width) / 2) : x + w - width;
    out.push({ kind: 'text', source: e.id, x: lx, y: top + i * pitch(em), width, em, bold: e.bold, text, align: e.align, boxX: x, boxWidth: w });
  });
}

function layoutBarcode(e: BarcodeElement, lookup: FieldLookup, c: Ctx, out: LayoutItem[]): void {
  const raw = renderValue(e.value, lookup, c.env).trim();
  if (!raw) {
    c.warn(e.id, 'barcode has no value; left blank');
    return;
  }
  let symbol: LinearSymbol;
  try {
    symbol = linearSymbol(e.symbology, raw);
  } catch (err) {
    if (err instanceof BarcodeDataError) throw new LayoutError(err.message, e.id);
    throw err;
  }
  const data = e.symbology === 'ean13' ? ean13Digits(raw) : raw;
  const m = c.target.metrics;
  const [x, y, w, h] = [c.d(e.x), c.d(e.y), c.d(e.w), c.d(e.h)];
  const hriEm = e.humanReadable ? m.fit(c.d(e.hriFontSize)) : 0;
  const gap = e.humanReadable ? Math.max(2, Math.round(hriEm * 0.2)) : 0;
  const barsH = h - hriEm - gap;
  if (barsH < c.d(3)) throw new LayoutError(`box ${e.h} mm is too short for bars and text`, e.id);
  const quiet = QUIET_MODULES[e.symbology];
  const maxModule = e.maxModule ? Math.max(1, Math.floor(c.d(e.maxModule))) : Infinity;
  const module = Math.min(c.target.module.max, maxModule, Math.floor(w / (symbol.modules + 2 * quiet)));
  if (module < c.target.module.min)
    throw new LayoutError(`${JSON.stringify(data)} needs ${(symbol.modules + 2 * quiet) * c.target.module.min} dots with quiet zones, the box has ${w}`, e.id);
  const width = symbol.modules * module;
  const bx = e.align === 'left' ? x + quiet * module : e.align === 'center' ? x + Math.floor((w - width) / 2) : x + w - width - quiet * module;
  out.push({ kind: 'barcode', source: e.id, x: bx, y, width, height: barsH, symbology: e.symbology, data, module, symbol });
  if (e.humanReadable) {
    const text = truncateLine(data, w, hriEm, false, m);
    const tw = m.measure(text, hriEm, false);
    out.push({ kind: 'text', source: e.id, x: bx + Math.floor((width - tw) / 2), y: y + barsH + gap, width: tw, em: hriEm, bold: false, text, align: 'center', boxX: bx, boxWidth: width });
  }
}

function layoutQr(e: QrElement, lookup: FieldLookup, c: Ctx, out: LayoutItem[]): void {
  const data = renderValue(e.value, lookup, c.env);
  if (!data) {
    c.warn(e.id, 'QR code has no value; left blank');
    return;
  }
  let matrix: QrMatrix;
  try {
    matrix = qrMatrix(data, e.ecc);
  } catch (err) {
    if (err instanceof BarcodeDataError) throw new LayoutError(err.message, e.id);
    throw err;
  }
  const size = c.d(e.size);
  const cell = Math.min(c.target.qrCell.max, Math.floor(size / (matrix.size + 8)));
  if (cell < c.target.qrCell.min) throw new LayoutError(`QR version ${matrix.version} (${matrix.size} modules + quiet zone) does not fit in ${e.size} mm`, e.id);
  const side = matrix.size * cell;
  const off = Math.floor((size - side) / 2);
  out.push({ kind: 'qr', source: e.id, x: c.d(e.x) + off, y: c.d(e.y) + off, size: side, cell, ecc: e.ecc, data, matrix });
}

function decodeImage(e: Extract<Element, { type: 'image' }>, c: Ctx): Bitmap {
  const { width, height, dpi, data } = e.image;
  const rowBytes = (width + 7) >> 3;
  const bytes = fromBase64(data);
  if (bytes.length !== rowBytes * height) throw new LayoutError(`image data has ${bytes.length} bytes, ${width}×${height} needs ${rowBytes * height}`, e.id);
  const scale = dotsPerMm(c.target.dpi) / dotsPerMm(dpi);
  return scaleBitmap({ width, height, rowBytes, data: bytes }, Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
}

// ---------------------------------------------------------------- tables

type Row = Record<string, string | number>;

function tableRows(e: TableElement, ctx: PrintContext): Row[] {
  if (e.source === 'items') return shipmentItems(ctx) as unknown as Row[];
  if (!ctx.batch) throw new LayoutError('a pick-list table needs a batch in the print context', e.id);
  return ctx.batch.rows as unknown as Row[];
}

interface TableGeometry {
  rowH: number;
  headerH: number;
  firstCap: number;
  restCap: number;
}

function tableGeometry(e: TableElement, c: Ctx): TableGeometry {
  const rowH = c.d(e.rowHeight);
  const headerH = e.header ? rowH : 0;
  const firstCap = Math.floor((c.d(e.h) - headerH) / rowH);
  const restCap = Math.floor((c.d(e.continuation?.h ?? e.h) - headerH) / rowH);
  if (firstCap < 1 || restCap < 1) throw new LayoutError(`table box holds no row of ${e.rowHeight} mm`, e.id);
  if (c.target.metrics.fit(c.d(e.fontSize)) > rowH) throw new LayoutError(`font ${e.fontSize} mm is taller than the ${e.rowHeight} mm rows`, e.id);
  return { rowH, headerH, firstCap, restCap };
}

function pagesFor(rows: number, g: TableGeometry): number {
  return rows <= g.firstCap ? 1 : 1 + Math.ceil((rows - g.firstCap) / g.restCap);
}

function layoutTable(e: TableElement, rows: Row[], top: number, lookup: FieldLookup, c: Ctx, out: LayoutItem[]): number {
  const m = c.target.metrics;
  const g = tableGeometry(e, c);
  const x = c.d(e.x);
  const em = m.fit(c.d(e.fontSize));
  const pad = Math.max(2, c.d(0.6));
  const rule = Math.max(1, c.d(0.2));
  const edges: number[] = [x];
  let acc = 0;
  for (const col of e.columns) edges.push(x + c.d((acc += col.width)));
  const width = edges[edges.length - 1] - x;

  const cell = (text: string, col: number, rowTop: number, bold: boolean) => {
    const left = edges[col] + pad;
    const w = edges[col + 1] - edges[col] - 2 * pad;
    if (w <= 0 || !text) return;
    const fitted = truncateLine(text, w, em, bold, m);
    if (fitted !== text) c.warn(e.id, `cell truncated: ${JSON.stringify(text.slice(0, 30))}`);
    if (!fitted) return;
    const tw = m.measure(fitted, em, bold);
    const align = e.columns[col].align;
    const lx = align === 'left' ? left : align === 'center' ? left + Math.floor((w - tw) / 2) : left + w - tw;
    out.push({ kind: 'text', source: e.id, x: lx, y: rowTop + Math.floor((g.rowH - em) / 2), width: tw, em, bold, text: fitted, align, boxX: left, boxWidth: w });
  };

  let y = top;
  if (e.header) {
    e.columns.forEach((col, i) => cell(col.header, i, y, e.headerBold));
    y += g.headerH;
    if (e.borders !== 'none') out.push({ kind: 'rect', source: e.id, x, y: y - rule, w: width, h: rule });
  }
  for (const row of rows) {
    const rowLookup: FieldLookup = (path) => (path.startsWith('row.') ? row[path.slice(4)] : lookup(path));
    e.columns.forEach((col, i) => cell(renderValue(col.value, rowLookup, c.env), i, y, false));
    y += g.rowH;
    if (e.borders !== 'none') out.push({ kind: 'rect', source: e.id, x, y: y - rule, w: width, h: rule });
  }
  if (e.borders === 'grid') {
    out.push({ kind: 'box', source: e.id, x, y: top, w: width, h: y - top, thickness: rule });
    for (const ex of edges.slice(1, -1)) out.push({ kind: 'rect', source: e.id, x: ex, y: top, w: rule, h: y - top });
  }
  return y - top;
}

// ---------------------------------------------------------------- the document

const onPage = (rule: Element['pages'], page: number): boolean => rule === 'all' || (rule === 'first' ? page === 1 : page > 1);

export function layoutTemplate(template: Template, ctx: PrintContext, target: LayoutTarget = defaultTarget(template.dpi)): LabelLayout {
  const issues = checkFieldRefs(template);
  if (issues.length) throw new TemplateError(`template ${template.id}: ${issues[0]}`, issues);
  const missing = missingRequired(template, ctx);
  if (missing.length) throw new MissingFieldsError(template.id, missing);

  const dpm = dotsPerMm(target.dpi);
  const warnings: LayoutWarning[] = [];
  const c: Ctx = {
    target,
    d: (mm) => Math.round(mm * dpm),
    env: { timeZoneOffsetMinutes: ctx.timeZoneOffsetMinutes ?? 480 },
    warn: (element, message) => {
      if (!warnings.some((w) => w.element === element && w.page === c.page && w.message === message)) warnings.push({ element, page: c.page, message });
    },
    page: 1
  };
  const continuous = template.media.kind === 'continuous';
  const tables = template.elements.filter((e): e is TableElement => e.type === 'table');
  const rowsOf = new Map(tables.map((t) => [t.id, tableRows(t, ctx)]));

  // Continuous media: one page; each table grows and pushes everything below it down.
  const growth = new Map<string, number>();
  let pageCount = 1;
  for (const t of tables) {
    const g = tableGeometry(t, c);
    const n = rowsOf.get(t.id)!.length;
    if (continuous) growth.set(t.id, Math.max(0, g.headerH + n * g.rowH - c.d(t.h)));
    else pageCount = Math.max(pageCount, pagesFor(n, g));
  }
  const shiftFor = (e: Element): number => {
    let s = 0;
    for (const t of tables) if (e !== t && e.y >= t.y + t.h - 1e-9) s += growth.get(t.id) ?? 0;
    return s;
  };
  const totalGrowth = [...growth.values()].reduce((a, b) => a + b, 0);

  const pages: LayoutPage[] = [];
  for (let p = 1; p <= pageCount; p++) {
    c.page = p;
    const lookup = contextLookup(ctx, { number: p, count: pageCount });
    const items: LayoutItem[] = [];
    for (const e of template.elements) {
      if (!onPage(e.pages, p)) continue;
      const before = items.length;
      switch (e.type) {
        case 'text':
          layoutText(e, lookup, c, items);
          break;
        case 'barcode':
          layoutBarcode(e, lookup, c, items);
          break;
        case 'qr':
          layoutQr(e, lookup, c, items);
          break;
        case 'line': {
          const t = Math.max(1, c.d(e.thickness));
          const len = c.d(e.length);
          items.push({ kind: 'rect', source: e.id, x: c.d(e.x), y: c.d(e.y), w: e.direction === 'horizontal' ? len : t, h: e.direction === 'horizontal' ? t : len });
          break;
        }
        case 'box': {
          const [x, y, w, h] = [c.d(e.x), c.d(e.y), c.d(e.w), c.d(e.h)];
          items.push(e.fill ? { kind: 'rect', source: e.id, x, y, w, h } : { kind: 'box', source: e.id, x, y, w, h, thickness: Math.max(1, c.d(e.thickness)) });
          break;
        }
        case 'image':
          items.push({ kind: 'image', source: e.id, x: c.d(e.x), y: c.d(e.y), bitmap: decodeImage(e, c) });
          break;
        case 'table': {
          const g = tableGeometry(e, c);
          const rows = rowsOf.get(e.id)!;
          const chunk = continuous ? rows : p === 1 ? rows.slice(0, g.firstCap) : rows.slice(g.firstCap + (p - 2) * g.restCap, g.firstCap + (p - 1) * g.restCap);
          const top = p === 1 || !e.continuation ? c.d(e.y) : c.d(e.continuation.y);
          if (chunk.length) layoutTable(e, chunk, top, lookup, c, items);
          break;
        }
      }
      const shift = continuous ? shiftFor(e) : 0;
      if (shift) for (let i = before; i < items.length; i++) items[i] = { ...items[i], y: items[i].y + shift };
    }
    pages.push({ number: p, height: c.d(template.size.height) + totalGrowth, items });
  }
  return { templateId: template.id, dpi: target.dpi, width: c.d(template.size.width), media: template.media, orientation: template.orientation, pages, warnings };
}
