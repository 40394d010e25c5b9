// Text drawn by the browser's own fonts (OffscreenCanvas: works in a worker and on the page), thresholded to
// 1 bit, for every place a printer cannot draw it: Chinese on ZPL printers, whole-label raster mode,
// ESC/POS bands that mix text with graphics, and the on-screen preview. The same object measures
// (`metrics()`) with the same font that draws, so layout wraps and aligns exactly what is printed; each line
// is drawn into a box of exactly its measured width and the em height, so a drawing never leaves its box.
//
// Two geometries: `proportional` (the font's own advances; layout must then use `metrics()`, as for ZPL and
// raster profiles) and `cells` (each character centred in the printer-font cell, ASCII half an em and the
// rest one em: the metric of TSPL TSS fonts and ESC/POS Chinese mode, for previews of native labels and
// ESC/POS raster bands laid out with those metrics).
//
// The font is whatever the station has from CJK_FONT_STACK: labels are identical across stations only when
// they resolve to the same font (`family` says which one did). Shipping one font with the app (a subset
// loaded through FontFace in the worker and the page) is a later step.
import { blit, bitmapFromRgba, type Bitmap } from '../raster';
import type { GlyphRenderer } from '../glyphs';
import { isHalfWidth, type TextMetrics } from '../text-metrics';

/** CJK sans fonts found on stations: Linux, Windows, macOS, then Noto (Android/ChromeOS), then the browser's. */
export const CJK_FONT_STACK: readonly string[] = ['WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'sans-serif'];

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);
const cssFamily = (f: string): string => (GENERIC.has(f) ? f : `"${f.replace(/["\\]/g, '')}"`);

export interface CanvasGlyphOptions {
  families?: readonly string[];
  geometry?: 'proportional' | 'cells';
  /** Luma (0–255) below which an anti-aliased pixel prints black: higher prints bolder strokes. */
  threshold?: number;
  /** Line bitmaps and widths kept, by (text, size, bold). */
  cacheLines?: number;
  /** The smallest em in dots layout may choose (shrink-to-fit stops there). */
  minEm?: number;
}

type Ctx2D = OffscreenCanvasRenderingContext2D;

/** The first family of `families` this browser has (a generic name always counts), by comparing advances. */
export function detectFamily(families: readonly string[] = CJK_FONT_STACK): string | undefined {
  const g = new OffscreenCanvas(8, 8).getContext('2d')!;
  const probe = 'mmmWWWiiilll0123 国字';
  const width = (font: string) => ((g.font = font), g.measureText(probe).width);
  for (const f of families) {
    if (GENERIC.has(f)) return f;
    if (['monospace', 'serif'].some((base) => width(`100px ${cssFamily(f)}, ${base}`) !== width(`100px ${base}`))) return f;
  }
  return undefined;
}

/** A bounded map that forgets the entry used longest ago. */
class Lru<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, v);
  }
}

/** ORs `src` into `dst` at (x, y) a byte at a time; clipped cases go through the per-pixel blit. */
function orBits(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  if (x < 0 || x + src.width > dst.width) return blit(dst, src, x, y);
  const byteX = x >> 3;
  const shift = x & 7;
  for (let sy = 0; sy < src.height; sy++) {
    const dy = y + sy;
    if (dy < 0 || dy >= dst.height) continue;
    const so = sy * src.rowBytes;
    const d = dy * dst.rowBytes + byteX;
    for (let i = 0; i < src.rowBytes; i++) {
      const v = src.data[so + i];
      if (!v) continue;
      dst.data[d + i] |= v >> shift;
      // Bits past src.width are 0 and x + width <= dst.width, so the spill byte exists whenever it is non-zero.
      if (shift && (v << (8 - shift)) & 0xff) dst.data[d + i + 1] |= (v << (8 - shift)) & 0xff;
    }
  }
}

export class CanvasGlyphs implements GlyphRenderer {
  /** The family the stack resolved to on this station (undefined: none of them, the browser picks). */
  readonly family: string | undefined;
  readonly geometry: 'proportional' | 'cells';
  private readonly stack: string;
  private readonly threshold: number;
  private readonly minEm: number;
  private readonly lines: Lru<Bitmap | null>;
  private readonly widths: Lru<number>;
  private readonly g: Ctx2D;
  private canvas: OffscreenCanvas;
  private font = '';
  /** Font size as a fraction of the em, and the baseline below the em box's top, so glyphs fit the em. */
  private readonly scale: number;
  private readonly ascent: number;

  constructor(opts: CanvasGlyphOptions = {}) {
    const families = opts.families ?? CJK_FONT_STACK;
    this.stack = families.map(cssFamily).join(', ');
    this.family = detectFamily(families);
    this.geometry = opts.geometry ?? 'proportional';
    this.threshold = opts.threshold ?? 144;
    this.minEm = opts.minEm ?? 8;
    this.lines = new Lru(opts.cacheLines ?? 2048);
    this.widths = new Lru(8 * (opts.cacheLines ?? 2048));
    this.canvas = new OffscreenCanvas(1024, 128);
    this.g = this.canvas.getContext('2d', { willReadFrequently: true })!;
    // Fit the tallest ideograph and the deepest Latin descender of either weight into one em (accented
    // capitals may lose a dot at the top: rare on these labels, and fitting them would shrink every ideograph).
    let asc = 0;
    let desc = 0;
    for (const bold of [false, true]) {
      this.g.font = `${bold ? 'bold ' : ''}100px ${this.stack}`;
      for (const s of ['国鬱龍', 'Hbdfhkl', 'gjpqy']) {
        const m = this.g.measureText(s);
        asc = Math.max(asc, m.actualBoundingBoxAscent);
        desc = Math.max(desc, m.actualBoundingBoxDescent);
      }
    }
    this.scale = Math.min(1, 100 / Math.max(1, asc + desc));
    this.ascent = (asc / 100) * this.scale;
  }

  /** The CSS font this renderer draws an em of `em` dots with (the preview's smooth text uses it). */
  cssFont(em: number, bold: boolean): string {
    return `${bold ? 'bold ' : ''}${(em * this.scale).toFixed(3)}px ${this.stack}`;
  }

  /** Baseline offset below the top of the em box, in dots. */
  baseline(em: number): number {
    return em * this.ascent;
  }

  private use(em: number, bold: boolean): void {
    const font = this.cssFont(em, bold);
    if (font !== this.font) this.g.font = this.font = font;
  }

  private advance(text: string, em: number, bold: boolean): number {
    this.use(em, bold);
    return this.g.measureText(text).width;
  }

  /** Width in dots of a line (an integer: layout positions and bitmap widths come from it). */
  measure(text: string, em: number, bold: boolean): number {
    if (!text) return 0;
    if (this.geometry === 'cells') {
      let halves = 0;
      for (const ch of text) halves += isHalfWidth(ch.codePointAt(0)!) ? 1 : 2;
      return Math.round((halves * em) / 2);
    }
    const key = `${bold ? 'b' : 'n'}${em}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) this.widths.set(key, (w = Math.ceil(this.advance(text, em, bold) - 1e-6)));
    return w;
  }

  /** TextMetrics for layout that agree with `measure` and `draw`: any integer em from `minEm` up. */
  metrics(): TextMetrics {
    const min = this.minEm;
    return {
      fit: (em) => Math.max(min, Math.floor(em)),
      smaller: (em) => (em - 1 >= min ? em - 1 : undefined),
      measure: (text, em, bold) => this.measure(text, em, bold)
    };
  }

  covers(): boolean {
    // The browser falls back through every installed font; a character no font has prints as a box.
    return true;
  }

  /** One line as a 1-bit bitmap of exactly measure() × em dots (null when it is empty), cached. */
  line(text: string, em: number, bold: boolean): Bitmap | null {
    const key = `${bold ? 'b' : 'n'}${em}|${text}`;
    const hit = this.lines.get(key);
    if (hit !== undefined) return hit;
    const width = this.measure(text, em, bold);
    const b = width > 0 && em > 0 && text.trim() ? this.render(text, width, em, bold) : null;
    this.lines.set(key, b);
    return b;
  }

  draw(target: Bitmap, text: string, x: number, y: number, em: number, bold: boolean): void {
    const b = this.line(text, em, bold);
    if (b) orBits(target, b, Math.round(x), Math.round(y));
  }

  private render(text: string, width: number, em: number, bold: boolean): Bitmap {
    if (width > this.canvas.width || em > this.canvas.height) {
      this.canvas.width = Math.max(this.canvas.width, width);
      this.canvas.height = Math.max(this.canvas.height, em);
      this.font = '';
    }
    const g = this.g;
    // The font is set outside save/restore: restore() would bring back an older font behind use()'s back.
    this.use(em, bold);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, em);
    g.save();
    g.beginPath();
    g.rect(0, 0, width, em);
    g.clip();
    g.fillStyle = '#000';
    g.textBaseline = 'alphabetic';
    const base = this.baseline(em);
    if (this.geometry === 'proportional') g.fillText(text, 0, base);
    else {
      let halves = 0;
      for (const ch of text) {
        // Cell edges are rounded from the running total, as measure() counts the whole line.
        const cx = Math.round((halves * em) / 2);
        halves += isHalfWidth(ch.codePointAt(0)!) ? 1 : 2;
        const cell = Math.round((halves * em) / 2) - cx;
        if (ch === ' ') continue;
        const adv = g.measureText(ch).width;
        if (adv <= cell) g.fillText(ch, cx + (cell - adv) / 2, base);
        else {
          // Wider than the printer's cell (W, M, wide punctuation): squeezed, as the printer's font is.
          g.save();
          g.translate(cx, 0);
          g.scale(cell / adv, 1);
          g.fillText(ch, 0, base);
          g.restore();
        }
      }
    }
    g.restore();
    const rgba = g.getImageData(0, 0, width, em).data;
    return bitmapFromRgba(rgba, width, em, this.threshold);
  }
}
