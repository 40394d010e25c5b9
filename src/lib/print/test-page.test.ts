import { describe, expect, test } from 'vitest';
import { latin1 } from './bytes';
import { encodeEscpos, encodeTspl, encodeZpl } from './encoders/index';
import { fallbackGlyphs } from './glyphs';
import { layoutTemplate, type LayoutItem } from './layout';
import { defaultProfile, targetFor, type PrinterProfileInput } from './profiles';
import { decodeEscposRasters, stackBitmaps } from './raster';
import { defaultMedia, type PrinterMedia } from './saved-printer';
import { TEST_BARCODE, TEST_CHINESE, testPageContext, testPageTemplate } from './test-page';
import { bitmapImage, decodeBarcodes, decodePng, renderZpl } from './test-oracles';
import { encodeGbk } from './text-codec';

const tofu = fallbackGlyphs({ tofu: true });
const ctx = testPageContext({ now: Date.UTC(2025, 0, 2, 3, 4, 5), station: { id: 's1', name: '1号台' } });
const WAYBILL: PrinterMedia = { width: 100, height: 150, kind: 'gap', gapMm: 2 };

function page(language: 'tspl' | 'zpl' | 'escpos', over: Partial<PrinterProfileInput> = {}, media: PrinterMedia = WAYBILL) {
  const profile = defaultProfile(language, over);
  const template = testPageTemplate({ profile, media, name: 'XP-420B' });
  const layout = layoutTemplate(template, ctx, targetFor(profile));
  return { profile, template, layout, items: layout.pages[0].items };
}

const find = (items: LayoutItem[], source: string) => items.find((i) => i.source === source)!;

describe('the test page template', () => {
  test('is the media size, with a tick every mm along the top and left edges and numbers every 10 mm', () => {
    const { template, items } = page('tspl');
    expect(template.size).toEqual({ width: 100, height: 150 });
    expect(items.filter((i) => i.source.startsWith('ruler-top-') && i.kind === 'rect')).toHaveLength(99);
    expect(items.filter((i) => i.source.startsWith('ruler-left-') && i.kind === 'rect')).toHaveLength(149);
    expect(items.filter((i) => i.kind === 'text' && i.source.startsWith('ruler-top-n')).map((i) => (i.kind === 'text' ? i.text : ''))).toEqual(['10', '20', '30', '40', '50', '60', '70', '80', '90']);
    // The 10 mm tick is 4 mm long, at x = 80 dots.
    expect(find(items, 'ruler-top-10')).toMatchObject({ kind: 'rect', x: 80, y: 0, h: 32 });
    expect(find(items, 'edge-box')).toMatchObject({ kind: 'box', x: 16, y: 16, w: 800 - 32, h: 1200 - 32 });
  });

  test('prints the Chinese sample, the settings and the time it was made', () => {
    const { items } = page('tspl', { darkness: 12, speed: 4, offset: { x: 0.5, y: -0.25 }, copies: 2 });
    const texts = items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));
    expect(texts).toContain(TEST_CHINESE);
    expect(texts).toEqual(expect.arrayContaining(['TSPL 203 dpi 字库 native', '浓度 darkness 12', '速度 speed 4 ips', '偏移 offset x +0.5 y -0.25 mm', '份数 copies 2', '100 x 150 mm 间隙 gap 2 mm']));
    expect(texts.some((t) => t.includes('2025') && t.includes('11:04') && t.includes('1号台'))).toBe(true);
  });

  test('a small SKU label keeps the ruler, the box and the barcode and leaves out what does not fit', () => {
    const { items, template } = page('tspl', {}, { width: 40, height: 30, kind: 'gap', gapMm: 2 });
    expect(template.size).toEqual({ width: 40, height: 30 });
    expect(find(items, 'barcode')).toBeDefined();
    expect(items.some((i) => i.kind === 'qr')).toBe(false);
  });
});

describe('encoded for each printer language', () => {
  test('TSPL: size and gap of the media, darkness, speed, the barcode, GBK Chinese, copies', () => {
    const { layout, profile, items } = page('tspl', { darkness: 12, speed: 4, copies: 2, offset: { x: 1, y: 0.5 } });
    const [job] = encodeTspl(layout, { profile });
    const text = latin1(job);
    expect(text).toMatch(/^SIZE 100 mm,150 mm\r\nGAP 2 mm,0 mm\r\n/);
    expect(text).toContain('DENSITY 12\r\n');
    expect(text).toContain('SPEED 4\r\n');
    // Offset calibration moves the barcode 8 dots right and 4 down.
    const bc = find(items, 'barcode');
    expect(text).toContain(`BARCODE ${bc.x + 8},${bc.y + 4},"128",`);
    expect(text).toContain(`"${TEST_BARCODE}"`);
    expect(text).toContain(latin1(encodeGbk(TEST_CHINESE)));
    expect(text).toMatch(/QRCODE \d+,\d+,M,/);
    expect(text.endsWith('PRINT 1,2\r\n')).toBe(true);
  });

  test('TSPL on black-mark stock: BLINE instead of GAP', () => {
    const { layout, profile } = page('tspl', {}, { width: 100, height: 150, kind: 'mark', gapMm: 3 });
    expect(latin1(encodeTspl(layout, { profile })[0])).toContain('BLINE 3 mm,0 mm\r\n');
  });

  test('ZPL rendered by zebrash: the barcode and QR scan where laid out (moved by the offset), the box edges are inked', async () => {
    const { layout, profile, items } = page('zpl', { darkness: 10, speed: 5, offset: { x: 1, y: 0.5 } });
    const zpl = new TextDecoder().decode(encodeZpl(layout, { profile, glyphs: tofu })[0]);
    expect(zpl).toContain('^MD10');
    expect(zpl).toContain('^PR5');
    const png = await renderZpl(zpl, 100, 150);
    const found = await decodeBarcodes(png);
    const bc = find(items, 'barcode');
    const code = found.find((f) => f.format === 'Code128')!;
    expect(code.text).toBe(TEST_BARCODE);
    expect(Math.abs(code.left - (bc.x + 8))).toBeLessThanOrEqual(3);
    expect(Math.abs(code.top - (bc.y + 4))).toBeLessThanOrEqual(3);
    const qr = find(items, 'qr');
    const q = found.find((f) => f.format === 'QRCode')!;
    expect(q.text).toBe('PACKDESK TEST ZPL 203DPI');
    expect(Math.abs(q.left - (qr.x + 8))).toBeLessThanOrEqual(4);
    // The box's left edge (16 dots in, plus the 8-dot offset) is black halfway down; left of it is white.
    const img = decodePng(png);
    const black = (x: number, y: number) => img.data[(y * img.width + x) * 4] < 128;
    expect(black(24, 600)).toBe(true);
    expect(black(20, 600)).toBe(false);
    // The 50 mm ruler tick (4 mm long) at x = 400 + 8.
    expect(black(408, 4 + 20)).toBe(true);
  });

  test('ESC/POS on an 80 mm roll: 72 mm wide, the barcode scans from the printed raster', async () => {
    const profile = defaultProfile('escpos');
    const template = testPageTemplate({ profile, media: defaultMedia('escpos') });
    expect(template.size.width).toBe(72);
    const layout = layoutTemplate(template, ctx, targetFor(profile));
    const job = encodeEscpos(layout, { profile, glyphs: tofu })[0];
    const image = stackBitmaps(decodeEscposRasters(job));
    const found = await decodeBarcodes(bitmapImage(image, 16));
    expect(found.map((f) => f.text)).toContain(TEST_BARCODE);
  });
});
