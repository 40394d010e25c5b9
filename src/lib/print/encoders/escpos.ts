// ESC/POS (58/80 mm receipt printers: pick lists and packing slips on a roll). These print line by line,
// so the page is cut into horizontal bands of items that overlap vertically: a row of text at one height
// goes out natively (FS & Chinese mode, GB18030 bytes, GS ! size, ESC $ position), a lone barcode as GS k
// (Code 128 with explicit {B/{C subsets, subset C as binary digit pairs), a lone QR as GS ( k, and every
// other band — rules, boxes, pictures, text beside a barcode — as a GS v 0 raster in strips of <= 255 rows.
// Paper moves with ESC J between bands, so each band starts where layout put it.
import { ByteSink } from '../bytes';
import type { GlyphRenderer } from '../glyphs';
import { dotsPerMm, type BarcodeItem, type LabelLayout, type LayoutItem, type LayoutPage, type QrItem, type TextItem } from '../layout';
import type { PrinterProfile } from '../profiles';
import { createBitmap, escposRaster } from '../raster';
import { drawItems } from '../rasterize';
import { code128Segments } from '../symbologies';
import { encodeGb18030 } from '../text-codec';
import { calibrated, checkTarget, cleanText, EncodeError, glyphsOf, type EncodeOptions } from './common';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

const top = (it: LayoutItem): number => it.y;
/** Width and height of a laid-out item, in dots. */
function extent(it: LayoutItem): { w: number; h: number } {
  switch (it.kind) {
    case 'text':
      return { w: it.width, h: it.em };
    case 'barcode':
      return { w: it.width, h: it.height };
    case 'qr':
      return { w: it.size, h: it.size };
    case 'image':
      return { w: it.bitmap.width, h: it.bitmap.height };
    default:
      return { w: it.w, h: it.h };
  }
}
const bottom = (it: LayoutItem): number => it.y + extent(it).h;
const right = (it: LayoutItem): number => it.x + extent(it).w;

interface Band {
  top: number;
  bottom: number;
  items: LayoutItem[];
}

/** Groups items whose vertical extents overlap (transitively) into bands, top to bottom. */
export function bands(items: readonly LayoutItem[]): Band[] {
  const sorted = [...items].sort((a, b) => top(a) - top(b) || a.x - b.x);
  const out: Band[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && top(it) < last.bottom) {
      last.items.push(it);
      last.bottom = Math.max(last.bottom, bottom(it));
    } else out.push({ top: top(it), bottom: bottom(it), items: [it] });
  }
  return out;
}

type Native = { kind: 'text'; items: TextItem[] } | { kind: 'barcode'; item: BarcodeItem } | { kind: 'qr'; item: QrItem } | { kind: 'raster' };

function classify(band: Band): Native {
  const its = band.items;
  if (its.length === 1 && its[0].kind === 'barcode' && its[0].height <= 255) return { kind: 'barcode', item: its[0] };
  if (its.length === 1 && its[0].kind === 'qr') return { kind: 'qr', item: its[0] };
  if (its.every((it) => it.kind === 'text')) {
    const texts = (its as TextItem[]).slice().sort((a, b) => a.x - b.x);
    const sameRow = texts.every((t) => t.y === texts[0].y && t.em === texts[0].em);
    const apart = texts.every((t, i) => i === 0 || t.x >= right(texts[i - 1]));
    if (sameRow && apart && texts[0].em % 24 === 0 && texts[0].em <= 192) return { kind: 'text', items: texts };
  }
  return { kind: 'raster' };
}

class Writer {
  readonly out = new ByteSink();
  constructor(private readonly unit: number) {}
  /** Dots to motion units. */
  u(dots: number): number {
    return Math.max(0, Math.round(dots * this.unit));
  }
  feed(dots: number): void {
    let n = this.u(dots);
    while (n > 0) {
      const step = Math.min(255, n);
      this.out.byte(ESC, 0x4a, step);
      n -= step;
    }
  }
  leftMargin(dots: number): void {
    const n = this.u(dots);
    this.out.byte(GS, 0x4c, n & 0xff, n >> 8);
  }
}

function textRow(w: Writer, items: TextItem[]): void {
  const em = items[0].em;
  const k = em / 24;
  w.out.byte(ESC, 0x33, w.u(em), GS, 0x21, ((k - 1) << 4) | (k - 1));
  for (const it of items) {
    const x = w.u(it.x);
    w.out.byte(ESC, 0x24, x & 0xff, x >> 8, ESC, 0x45, it.bold ? 1 : 0);
    w.out.bytes(encodeGb18030(cleanText(it.text)));
  }
  w.out.byte(LF);
}

/** GS k m=73 data: `{B`/`{C` per subset, subset C as one byte per digit pair, `{` in subset B doubled. */
export function escposCode128Data(data: string): number[] {
  const bytes: number[] = [];
  for (const seg of code128Segments(data)) {
    bytes.push(0x7b, seg.set === 'C' ? 0x43 : 0x42);
    if (seg.set === 'C') for (let i = 0; i < seg.text.length; i += 2) bytes.push(Number(seg.text.slice(i, i + 2)));
    else for (const ch of seg.text) ch === '{' ? bytes.push(0x7b, 0x7b) : bytes.push(ch.charCodeAt(0));
  }
  return bytes;
}

function barcode(w: Writer, it: BarcodeItem): void {
  w.leftMargin(it.x);
  w.out.byte(GS, 0x68, it.height, GS, 0x77, it.module, GS, 0x48, 0);
  let m: number;
  let data: number[];
  if (it.symbology === 'code128') [m, data] = [73, escposCode128Data(it.data)];
  else if (it.symbology === 'code39') [m, data] = [69, [...it.data].map((c) => c.charCodeAt(0))];
  else [m, data] = [67, [...it.data.slice(0, 12)].map((c) => c.charCodeAt(0))];
  if (data.length > 255) throw new EncodeError(`ESC/POS barcode data of ${data.length} bytes (max 255)`);
  w.out.byte(GS, 0x6b, m, data.length, ...data);
  w.leftMargin(0);
}

const ECC = { L: 48, M: 49, Q: 50, H: 51 } as const;

function qr(w: Writer, it: QrItem): void {
  const data = new TextEncoder().encode(cleanText(it.data));
  const len = data.length + 3;
  w.leftMargin(it.x);
  w.out.byte(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0); // model 2
  w.out.byte(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, it.cell); // module size
  w.out.byte(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, ECC[it.ecc]); // error correction
  w.out.byte(GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30).bytes(data); // store
  w.out.byte(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30); // print
  w.leftMargin(0);
}

function raster(w: Writer, width: number, band: Band, glyphs: GlyphRenderer): void {
  const b = createBitmap(width, band.bottom - band.top);
  drawItems(b, band.items, { glyphs, originY: band.top });
  escposRaster(w.out, b);
}

function page(w: Writer, layout: LabelLayout, pg: LayoutPage, p: PrinterProfile, glyphs: GlyphRenderer): void {
  const width = p.escpos.printWidth;
  const items = calibrated(pg.items, p);
  w.out.byte(ESC, 0x40, FS, 0x26);
  if (p.render === 'raster') raster(w, width, { top: 0, bottom: pg.height, items }, glyphs);
  else {
    let cursor = 0;
    for (const band of bands(items)) {
      w.feed(band.top - cursor);
      const kind = classify(band);
      if (kind.kind === 'text') textRow(w, kind.items);
      else if (kind.kind === 'barcode') barcode(w, kind.item);
      else if (kind.kind === 'qr') qr(w, kind.item);
      else raster(w, width, band, glyphs);
      cursor = band.bottom;
    }
    w.feed(pg.height - cursor);
  }
  w.feed(Math.round(p.escpos.feedBeforeCutMm * dotsPerMm(layout.dpi)));
  if (p.escpos.cut !== 'none') w.out.byte(GS, 0x56, p.escpos.cut === 'full' ? 0 : 1);
}

/** One job per page: ESC @, FS &, the bands, the feed and the cut — repeated for each copy. */
export function encodeEscpos(layout: LabelLayout, opts: EncodeOptions): Uint8Array[] {
  const p = opts.profile;
  checkTarget(layout, p, 'escpos');
  if (layout.orientation !== 0) throw new EncodeError('receipt printers print upright only: set the template orientation to 0');
  if (layout.width > p.escpos.printWidth) throw new EncodeError(`template is ${layout.width} dots wide; this printer prints ${p.escpos.printWidth}`);
  const glyphs = glyphsOf(opts);
  return layout.pages.map((pg) => {
    const w = new Writer(p.escpos.motionUnitsPerDot);
    for (let c = 0; c < p.copies; c++) page(w, layout, pg, p, glyphs);
    return w.out.result();
  });
}
