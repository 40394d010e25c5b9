// Text as pixels, for every place a printer cannot draw it natively: Chinese on ZPL printers, whole-label
// raster mode, and ESC/POS bands that mix text with graphics. Encoders take a GlyphRenderer; the browser
// passes one backed by OffscreenCanvas (real fonts, any script). This file has the built-in fallback: a
// small 5×7 ASCII font scaled into the half-width cell, so Node tests and a station without canvas still
// print digits and Latin letters. Characters it lacks are an error unless `tofu` is on (boxes, for tests
// and size measurements only).
import { fillRect, type Bitmap } from './raster';
import { isHalfWidth } from './text-metrics';

export interface GlyphRenderer {
  /** Whether every character of `text` can be drawn. */
  covers(text: string): boolean;
  /** Draws one line with the top-left of its em box at (x, y); cells follow the layout's metrics. */
  draw(target: Bitmap, text: string, x: number, y: number, em: number, bold: boolean): void;
}

export class GlyphMissingError extends Error {
  constructor(readonly text: string) {
    super(`no glyphs for ${JSON.stringify(text)}: this printer needs a glyph renderer that covers them (canvas), or native text`);
    this.name = 'GlyphMissingError';
  }
}

// Rows of each glyph, 5 bits wide (bit 4 = leftmost column), 7 rows; drawn for this project.
const FONT: Record<string, number[]> = {
  '0': [14, 17, 19, 21, 25, 17, 14],
  '1': [4, 12, 4, 4, 4, 4, 14],
  '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2],
  '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14],
  '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
  A: [14, 17, 17, 31, 17, 17, 17],
  B: [30, 17, 17, 30, 17, 17, 30],
  C: [14, 17, 16, 16, 16, 17, 14],
  D: [28, 18, 17, 17, 17, 18, 28],
  E: [31, 16, 16, 30, 16, 16, 31],
  F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15],
  H: [17, 17, 17, 31, 17, 17, 17],
  I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12],
  K: [17, 18, 20, 24, 20, 18, 17],
  L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17],
  N: [17, 17, 25, 21, 19, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16],
  Q: [14, 17, 17, 17, 21, 18, 13],
  R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30],
  T: [31, 4, 4, 4, 4, 4, 4],
  U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4],
  W: [17, 17, 17, 21, 21, 21, 10],
  X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 10, 4, 4, 4, 4],
  Z: [31, 1, 2, 4, 8, 16, 31],
  ' ': [0, 0, 0, 0, 0, 0, 0],
  '-': [0, 0, 0, 31, 0, 0, 0],
  '.': [0, 0, 0, 0, 0, 12, 12],
  ',': [0, 0, 0, 0, 12, 4, 8],
  ':': [0, 12, 12, 0, 12, 12, 0],
  ';': [0, 12, 12, 0, 12, 4, 8],
  '/': [1, 1, 2, 4, 8, 16, 16],
  '(': [2, 4, 8, 8, 8, 4, 2],
  ')': [8, 4, 2, 2, 2, 4, 8],
  '[': [14, 8, 8, 8, 8, 8, 14],
  ']': [14, 2, 2, 2, 2, 2, 14],
  '#': [10, 10, 31, 10, 31, 10, 10],
  '*': [0, 4, 21, 14, 21, 4, 0],
  '+': [0, 4, 4, 31, 4, 4, 0],
  '=': [0, 0, 31, 0, 31, 0, 0],
  '%': [24, 25, 2, 4, 8, 19, 3],
  '&': [12, 18, 20, 8, 21, 18, 13],
  '@': [14, 17, 1, 13, 21, 21, 14],
  '<': [2, 4, 8, 16, 8, 4, 2],
  '>': [8, 4, 2, 1, 2, 4, 8],
  '?': [14, 17, 1, 2, 4, 0, 4],
  '!': [4, 4, 4, 4, 4, 0, 4],
  _: [0, 0, 0, 0, 0, 0, 31],
  '"': [10, 10, 10, 0, 0, 0, 0],
  "'": [4, 4, 8, 0, 0, 0, 0],
  $: [4, 15, 20, 14, 5, 30, 4]
};
/** Printable ASCII the font lacks (lower case, a few signs) is drawn with the nearest glyph it has. */
const fallbackChar = (ch: string): string | undefined => (FONT[ch] ? ch : FONT[ch.toUpperCase()] ? ch.toUpperCase() : undefined);

function drawAsciiGlyph(target: Bitmap, rows: number[], x: number, y: number, em: number, cell: number, bold: boolean): void {
  const s = Math.max(1, Math.min(Math.floor((cell - 1) / 5), Math.floor(em / 8)));
  const gx = x + Math.floor((cell - 5 * s) / 2);
  const gy = y + Math.floor((em - 7 * s) / 2);
  const weight = bold ? s + Math.max(1, s >> 1) : s;
  for (let r = 0; r < 7; r++)
    for (let c = 0; c < 5; c++) if (rows[r] & (16 >> c)) fillRect(target, gx + c * s, gy + r * s, weight, s);
}

/** The built-in renderer: printable ASCII (signs it has no glyph for are boxes); with `tofu`, boxes for the rest too. */
export function fallbackGlyphs(opts: { tofu?: boolean } = {}): GlyphRenderer {
  const covers = (text: string): boolean => {
    if (opts.tofu) return true;
    for (const ch of text) if (!isHalfWidth(ch.codePointAt(0)!)) return false;
    return true;
  };
  return {
    covers,
    draw(target, text, x, y, em, bold) {
      if (!covers(text)) throw new GlyphMissingError(text);
      let halves = 0;
      for (const ch of text) {
        const half = isHalfWidth(ch.codePointAt(0)!);
        // Cell edges are rounded from the running total, as text-metrics measures the whole line.
        const cx = x + Math.round((halves * em) / 2);
        halves += half ? 1 : 2;
        const cell = x + Math.round((halves * em) / 2) - cx;
        const key = half ? fallbackChar(ch) : undefined;
        if (key) drawAsciiGlyph(target, FONT[key], cx, y, em, cell, bold);
        else if (ch !== ' ') {
          const inset = Math.max(1, Math.round(em / 10));
          const t = Math.max(1, Math.round(em / 16));
          const w = cell - 2 * inset;
          const h = em - 2 * inset;
          fillRect(target, cx + inset, y + inset, w, t);
          fillRect(target, cx + inset, y + em - inset - t, w, t);
          fillRect(target, cx + inset, y + inset, t, h);
          fillRect(target, cx + cell - inset - t, y + inset, t, h);
        }
      }
    }
  };
}
