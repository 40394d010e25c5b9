// The 100×150 waybill with Chinese recipient text, printed for ZPL with canvas glyphs in real Chromium: the
// ^GFA payloads decode back to the lines layout placed, and the on-screen preview of the same layout scans
// (zxing-wasm) to the same barcode and QR values at the positions the ZPL puts them.
import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { encodeZpl } from '../encoders';
import { dotsPerMm, layoutTemplate, type LabelLayout, type TextItem } from '../layout';
import { defaultProfile, type PrinterProfile } from '../profiles';
import { decodeZplGraphicField, getPixel, stackBitmaps, type Bitmap } from '../raster';
import { rasterizePage } from '../rasterize';
import { fixtureContext } from '../test-fixtures';
import { CanvasGlyphs } from './canvas-glyphs';
import { drawPreview, previewSize } from './preview';
import { canvasTarget } from './print-api';
import { scan } from './test-zxing';

const glyphs = new CanvasGlyphs();
const template = builtinTemplate('waybill-100x150');
const ctx = fixtureContext();

function print(profile: PrinterProfile): { layout: LabelLayout; zpl: string } {
  const layout = layoutTemplate(template, ctx, canvasTarget(profile, glyphs));
  const [job] = encodeZpl(layout, { profile, glyphs });
  return { layout, zpl: new TextDecoder().decode(job) };
}

/** Every `^FOx,y^GFA…^FS` of a ZPL job, decoded. */
function graphics(zpl: string): { x: number; y: number; bitmap: Bitmap }[] {
  return [...zpl.matchAll(/\^FO(\d+),(\d+)(\^GFA,[^^]+)\^FS/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), bitmap: decodeZplGraphicField(m[3]) }));
}

function preview(layout: LabelLayout, scale = 1): ImageData {
  const { width, height } = previewSize(layout, 1, scale);
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  drawPreview(g, layout, { glyphs, scale });
  return g.getImageData(0, 0, width, height);
}

const dark = (img: ImageData, x: number, y: number): boolean => img.data[(y * img.width + x) * 4] < 128;
const inkCount = (b: Bitmap): number => b.data.reduce((n, v) => n + (v ? [...v.toString(2)].filter((c) => c === '1').length : 0), 0);

describe('100×150 waybill for ZPL with canvas glyphs', () => {
  const profile = defaultProfile('zpl');
  const { layout, zpl } = print(profile);
  const items = layout.pages[0].items;
  const chinese = items.filter((it): it is TextItem => it.kind === 'text' && /[^\x20-\x7e]/.test(it.text));

  test('each Chinese line is one ^GFA at the laid-out position, with its dots inside the measured box', () => {
    const found = graphics(zpl);
    expect(found).toHaveLength(chinese.length);
    for (const it of chinese) {
      const g = found.find((f) => f.x === it.x && f.y === it.y);
      expect(g, `${it.source} "${it.text}" at ${it.x},${it.y}`).toBeDefined();
      const b = g!.bitmap;
      expect(b.height).toBe(it.em);
      expect(b.rowBytes).toBe(Math.ceil(it.width / 8));
      expect(inkCount(b), it.text).toBeGreaterThan(it.em * 2);
      // The decoded dots are the renderer's line, and nothing lies beyond the measured width.
      const line = glyphs.line(it.text, it.em, it.bold)!;
      for (let y = 0; y < b.height; y++)
        for (let x = 0; x < b.width; x++) expect(getPixel(b, x, y), `${it.text} ${x},${y}`).toBe(x < it.width && getPixel(line, x, y));
    }
  });

  test('the recipient name and address lines sit inside their template boxes', () => {
    const d = (mm: number) => Math.round(mm * dotsPerMm(203));
    for (const id of ['recipient-name', 'recipient-address']) {
      const el = template.elements.find((e) => e.id === id)!;
      const lines = chinese.filter((it) => it.source === id);
      expect(lines.length, id).toBeGreaterThan(0);
      for (const it of lines) {
        expect(it.x).toBeGreaterThanOrEqual(d(el.x));
        expect(it.x + it.width).toBeLessThanOrEqual(d(el.x) + d((el as { w: number }).w));
        expect(it.y).toBeGreaterThanOrEqual(d(el.y));
        expect(it.y + it.em).toBeLessThanOrEqual(d(el.y) + d((el as { h: number }).h));
      }
    }
    expect(chinese.find((it) => it.source === 'recipient-name')!.text).toBe('张伟 13812345678');
    expect(chinese.filter((it) => it.source === 'recipient-address').map((it) => it.text).join('')).toContain('文一西路969号');
  });

  test('the preview scans to the barcode and QR the ZPL prints, at the ZPL positions (scale 1 and 2)', async () => {
    const bc = /\^FO(\d+),(\d+)\^BY(\d+)\^BCN,(\d+),N,N,N,N\^FD([^^]+)\^FS/.exec(zpl)!;
    const qr = /\^BY2,3\.0,10\^FO(\d+),(\d+)\^BQN,2,(\d+)\^FD[LMQH]A,([^^]+)\^FS/.exec(zpl)!;
    expect(bc[5]).toBe('>:SF1>5412345678901');
    expect(qr[4]).toBe(ctx.trackingNo);
    const barcode = items.find((it) => it.kind === 'barcode')!;
    const code = items.find((it) => it.kind === 'qr')!;
    const [bx, by, bh] = [Number(bc[1]), Number(bc[2]), Number(bc[4])];
    const [qx, qy] = [Number(qr[1]), Number(qr[2]) + 10]; // ^BQ is offset down by the ^BY height the job pins
    for (const s of [1, 2]) {
      const found = await scan(preview(layout, s));
      const bar = found.find((f) => f.format === 'Code128');
      const q = found.find((f) => f.format === 'QRCode');
      expect(bar?.text).toBe(ctx.trackingNo);
      expect(q?.text).toBe(ctx.trackingNo);
      expect(Math.abs(bar!.left - bx * s)).toBeLessThanOrEqual(2 * s);
      expect(Math.abs(bar!.right - (bx + barcode.width) * s)).toBeLessThanOrEqual(2 * s);
      expect(bar!.top).toBeGreaterThanOrEqual(by * s - 1);
      expect(bar!.bottom).toBeLessThanOrEqual((by + bh) * s + 1);
      expect(Math.abs(q!.left - qx * s)).toBeLessThanOrEqual(2 * s);
      expect(Math.abs(q!.top - qy * s)).toBeLessThanOrEqual(2 * s);
      expect(Math.abs(q!.right - (qx + (code.kind === 'qr' ? code.size : 0)) * s)).toBeLessThanOrEqual(2 * s);
    }
  });

  test('the preview shows the very dots the ^GFA fields print for the Chinese lines', () => {
    const img = preview(layout);
    for (const g of graphics(zpl)) {
      const it = chinese.find((c) => c.x === g.x && c.y === g.y)!;
      for (let y = 0; y < it.em; y++)
        for (let x = 0; x < it.width; x++) expect(dark(img, g.x + x, g.y + y), `${it.text} ${x},${y}`).toBe(getPixel(g.bitmap, x, y));
    }
  });

  test('smooth preview text stays in the boxes layout measured, and the codes still scan', async () => {
    const canvas = new OffscreenCanvas(1600, 2400);
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    drawPreview(g, layout, { glyphs, scale: 2, text: 'smooth' });
    const img = g.getImageData(0, 0, 1600, 2400);
    const name = chinese.find((it) => it.source === 'recipient-name')!;
    let inside = 0;
    for (let y = name.y * 2; y < (name.y + name.em) * 2; y++) for (let x = name.x * 2; x < (name.x + name.width) * 2; x++) if (dark(img, x, y)) inside++;
    expect(inside).toBeGreaterThan(name.em * name.width * 0.1);
    // Just outside the right edge of the line's box (the template's white space) stays white.
    for (let y = name.y * 2; y < (name.y + name.em) * 2; y++) for (let x = (name.x + name.width) * 2; x < (name.x + name.width) * 2 + 16; x++) expect(dark(img, x, y)).toBe(false);
    expect((await scan(img)).map((f) => f.text)).toEqual([ctx.trackingNo, ctx.trackingNo]);
  });

  test('a whole-label raster ZPL job and its preview are the same dots', async () => {
    const raster = defaultProfile('zpl', { render: 'raster' });
    const r = print(raster);
    // 120,000 bytes exceed one ^GF field's 99,999: the page goes out as row bands stacked at x = 0.
    const bands = graphics(r.zpl);
    expect(bands.map((b) => [b.x, b.y])).toEqual([
      [0, 0],
      [0, bands[0].bitmap.height]
    ]);
    const page = { bitmap: stackBitmaps(bands.map((b) => b.bitmap)) };
    expect([page.bitmap.width, page.bitmap.height]).toEqual([800, 1200]);
    const expected = rasterizePage(r.layout.width, r.layout.pages[0].height, r.layout.pages[0].items, glyphs);
    expect(page.bitmap.data).toEqual(expected.data);
    const img = preview(r.layout);
    let differ = 0;
    for (let y = 0; y < 1200; y++) for (let x = 0; x < 800; x++) if (dark(img, x, y) !== getPixel(page.bitmap, x, y)) differ++;
    expect(differ).toBe(0);
    const found = await scan(img);
    expect(found.map((f) => [f.format, f.text]).sort()).toEqual([
      ['Code128', ctx.trackingNo],
      ['QRCode', ctx.trackingNo]
    ]);
  });
});
