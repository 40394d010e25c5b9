// Canvas glyphs in real Chromium with the station's CJK font: what they draw stays inside what they measure,
// lines are cached, and the printer-cell geometry measures like the printers' own fonts.
import { describe, expect, test } from 'vitest';
import { blit, createBitmap, getPixel, type Bitmap } from '../raster';
import { monospaceCjkMetrics } from '../text-metrics';
import { CanvasGlyphs, detectFamily } from './canvas-glyphs';

const ink = (b: Bitmap): number => {
  let n = 0;
  for (const v of b.data) for (let k = v; k; k &= k - 1) n++;
  return n;
};

/** Inked columns and rows of a bitmap: [left, top, right (exclusive), bottom (exclusive)]. */
function inkBox(b: Bitmap): [number, number, number, number] {
  let [l, t, r, btm] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < b.height; y++)
    for (let x = 0; x < b.width; x++)
      if (getPixel(b, x, y)) {
        l = Math.min(l, x);
        t = Math.min(t, y);
        r = Math.max(r, x + 1);
        btm = Math.max(btm, y + 1);
      }
  return [l, t, r, btm];
}

const LINES = ['张伟 13812345678', '浙江省 杭州市 西湖区 文一西路969号 3幢1201室（前台代收）', 'Type-C编织数据线 gjpqy WM', '顺丰速运'];

describe('canvas glyphs', () => {
  const glyphs = new CanvasGlyphs();

  test('the CJK font installed for the stations here is the one the stack resolves to', () => {
    expect(glyphs.family).toBe('WenQuanYi Micro Hei');
    expect(detectFamily(['No Such Font 123', 'sans-serif'])).toBe('sans-serif');
    expect(detectFamily(['No Such Font 123'])).toBeUndefined();
  });

  test('every line is drawn inside its measured width and the em height, with ink in it', () => {
    for (const em of [16, 24, 40])
      for (const bold of [false, true])
        for (const text of LINES) {
          const width = glyphs.measure(text, em, bold);
          expect(Number.isInteger(width)).toBe(true);
          const target = createBitmap(width + 64, em + 64);
          glyphs.draw(target, text, 32, 32, em, bold);
          const [l, t, r, b] = inkBox(target);
          expect(l, `${text} @${em}`).toBeGreaterThanOrEqual(32);
          expect(t).toBeGreaterThanOrEqual(32);
          expect(r).toBeLessThanOrEqual(32 + width);
          expect(b).toBeLessThanOrEqual(32 + em);
          // A real font fills most of the box: not a blank and not a row of boxes.
          expect(r - l).toBeGreaterThan(width * 0.85);
          expect(b - t).toBeGreaterThan(em * 0.6);
        }
  });

  test('layout metrics are the renderer’s own: any integer size from 8, widths from the font', () => {
    const m = glyphs.metrics();
    expect([m.fit(23.7), m.fit(3), m.smaller(9), m.smaller(8)]).toEqual([23, 8, 8, undefined]);
    expect(m.measure('张伟', 24, false)).toBe(glyphs.measure('张伟', 24, false));
    // Ideographs advance the same; Latin does not (a proportional font).
    expect(m.measure('国国国国', 24, false)).toBe(2 * m.measure('国国', 24, false));
    expect(m.measure('iiii', 24, false)).toBeLessThan(m.measure('WWWW', 24, false));
  });

  test('lines are cached by text, size and weight; bold is heavier', () => {
    const a = glyphs.line('杭州中转场', 24, false);
    expect(glyphs.line('杭州中转场', 24, false)).toBe(a);
    const bold = glyphs.line('杭州中转场', 24, true)!;
    expect(bold).not.toBe(a);
    expect(ink(bold)).toBeGreaterThan(ink(a!) * 1.1);
    expect(glyphs.line('   ', 24, false)).toBeNull();
  });

  test('different characters give different dots', () => {
    const a = glyphs.line('张', 24, false)!;
    const b = glyphs.line('伟', 24, false)!;
    expect(a.data).not.toEqual(b.data);
  });

  test('drawing at any x equals the per-pixel blit of the cached line', () => {
    const line = glyphs.line(LINES[0], 24, true)!;
    for (const x of [0, 3, 8, 13, -5, 790 - line.width + 9]) {
      const fast = createBitmap(800, 40);
      const slow = createBitmap(800, 40);
      glyphs.draw(fast, LINES[0], x, 7, 24, true);
      blit(slow, line, x, 7);
      expect(fast.data, `x=${x}`).toEqual(slow.data);
    }
  });

  test('printer-cell geometry measures like the TSPL/ESC-POS fonts and keeps each character in its cell', () => {
    const cells = new CanvasGlyphs({ geometry: 'cells' });
    const printer = monospaceCjkMetrics();
    for (const text of LINES) expect(cells.measure(text, 24, false)).toBe(printer.measure(text, 24, false));
    // Each character sits in its own cell: the line is the characters' cells side by side.
    const line = cells.line('W国', 24, false)!;
    expect(line.width).toBe(36);
    const joined = createBitmap(36, 24);
    blit(joined, cells.line('W', 24, false)!, 0, 0);
    blit(joined, cells.line('国', 24, false)!, 12, 0);
    expect(line.data).toEqual(joined.data);
    expect(ink(cells.line('W', 24, false)!)).toBeGreaterThan(20);
  });
});
