import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { fallbackGlyphs } from '../glyphs';
import { layoutTemplate } from '../layout';
import { defaultProfile, targetFor, type PrinterProfileInput } from '../profiles';
import { decodeEscposRasters, stackBitmaps } from '../raster';
import { rasterizePage } from '../rasterize';
import { parseTemplate, type ElementInput } from '../template';
import { fixtureContext, fixturePickContext } from '../test-fixtures';
import { bitmapImage, decodeBarcodes, dumpEscpos } from '../test-oracles';
import { bands, encodeEscpos, escposCode128Data } from './escpos';

const tofu = fallbackGlyphs({ tofu: true });

function receipt(elements: ElementInput[], over: Partial<PrinterProfileInput> = {}, height = 20) {
  const profile = defaultProfile('escpos', over);
  const t = parseTemplate({ id: 'r', name: 'r', kind: 'custom', size: { width: 72, height }, media: { kind: 'continuous' }, elements });
  const layout = layoutTemplate(t, fixtureContext(), targetFor(profile));
  return { layout, bytes: encodeEscpos(layout, { profile, glyphs: tofu })[0] };
}
const hex = (b: Uint8Array | number[]) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');
/** A line of dumpEscpos output. */
const cmd = (name: string, bytes: string) => `${name.padEnd(14)} ${bytes}`;

describe('ESC/POS', () => {
  test('a receipt starts with ESC @ and Chinese mode, ends with a feed and a cut', () => {
    const { bytes } = receipt([], {}, 10);
    // ESC @, FS &, feed the 10 mm page (80 dots), feed 4 mm (32 dots) past the cutter, partial cut.
    expect(hex(bytes)).toBe('1b 40 1c 26 1b 4a 50 1b 4a 20 1d 56 01');
    expect(hex(receipt([], { escpos: { cut: 'full', feedBeforeCutMm: 0 } }, 10).bytes)).toBe('1b 40 1c 26 1b 4a 50 1d 56 00');
  });

  test('a text row is line spacing, size, position, bold and GB18030 bytes, then LF', () => {
    const { bytes } = receipt([{ type: 'text', id: 't', x: 2, y: 1, w: 60, h: 6, value: '发货单', fontSize: 6, bold: true }]);
    // feed 8 dots; ESC 3 48; GS ! 0x11 (2×2); ESC $ 16; ESC E 1; 发货单 = B7 A2 BB F5 B5 A5; LF
    expect(hex(bytes.subarray(4, 27))).toBe('1b 4a 08 1b 33 30 1d 21 11 1b 24 10 00 1b 45 01 b7 a2 bb f5 b5 a5 0a');
  });

  test('texts at one height share a line, placed by ESC $', () => {
    const { bytes } = receipt([
      { type: 'text', id: 'a', x: 0, y: 0, w: 30, h: 4, value: '商品', fontSize: 3 },
      { type: 'text', id: 'b', x: 50, y: 0, w: 22, h: 4, value: '×2', fontSize: 3, align: 'right' }
    ]);
    const dump = dumpEscpos(bytes);
    expect(dump.match(/LF/g)).toHaveLength(1);
    expect(dump).toContain(cmd('ESC $ x', '1b 24 00 00'));
    expect(dump).toContain(cmd('ESC $ x', '1b 24 1c 02')); // right-aligned: 400 + 176 - 36 = 540
  });

  test('Code 128 goes out as GS k with {B/{C subsets, subset C as binary pairs', () => {
    // {B S F 1 {C 41 23 45 67 89 01
    expect(hex(escposCode128Data('SF1412345678901'))).toBe('7b 42 53 46 31 7b 43 29 17 2d 43 59 01');
    expect(hex(escposCode128Data('a{b'))).toBe('7b 42 61 7b 7b 62');
  });

  test('a lone barcode and a lone QR are native; GS L sets their left edge and is reset', () => {
    const { bytes, layout } = receipt([
      { type: 'barcode', id: 'b', x: 0, y: 1, w: 72, h: 12, symbology: 'code128', value: '{trackingNo}', humanReadable: false },
      { type: 'qr', id: 'q', x: 20, y: 14, size: 30, value: '{trackingNo}', ecc: 'M' }
    ], {}, 50);
    const bc = layout.pages[0].items.find((i) => i.kind === 'barcode')!;
    const dump = dumpEscpos(bytes);
    expect(dump).toContain(cmd('GS L margin', `1d 4c ${hex([bc.x & 0xff, bc.x >> 8])}`));
    expect(dump).toContain(cmd('GS h', `1d 68 ${hex([bc.height])}`));
    expect(dump).toContain(cmd('GS w', `1d 77 0${bc.module}`));
    expect(dump).toContain(cmd('GS H', '1d 48 00'));
    expect(dump).toContain(cmd('GS k barcode', `1d 6b 49 0d ${hex(escposCode128Data('SF1412345678901'))}`));
    expect(dump).toContain(cmd('GS ( k qr', '1d 28 6b 04 00 31 41 32 00'));
    expect(dump).toContain(cmd('GS ( k qr', '1d 28 6b 03 00 31 45 31'));
    expect(dump).toContain(cmd('GS ( k qr', '1d 28 6b 12 00 31 50 30 53 46 31 34 31 32 33 34 35 36 37 38 39 30 31'));
    expect(dump).toContain(cmd('GS ( k qr', '1d 28 6b 03 00 31 51 30'));
    expect(dump.split('\n').filter((l) => l === cmd('GS L margin', '1d 4c 00 00'))).toHaveLength(2);
  });

  test('rules, boxes and text beside graphics become GS v 0 bands at their height', () => {
    const { bytes, layout } = receipt([
      { type: 'line', id: 'l', x: 0, y: 2, length: 72, thickness: 0.25 },
      { type: 'box', id: 'b', x: 0, y: 5, w: 30, h: 10 },
      { type: 'text', id: 't', x: 2, y: 6, w: 20, h: 4, value: 'BOX', fontSize: 3 }
    ]);
    expect(bands(layout.pages[0].items).map((b) => [b.top, b.bottom, b.items.length])).toEqual([
      [16, 18, 1],
      [40, 120, 2]
    ]);
    const strips = decodeEscposRasters(bytes);
    expect(strips.map((s) => [s.width, s.height])).toEqual([
      [576, 2],
      [576, 80]
    ]);
  });

  test('copies repeat the page with its cut; a template wider than the paper is refused', () => {
    const one = receipt([{ type: 'text', id: 't', x: 0, y: 0, w: 30, h: 4, value: 'A', fontSize: 3 }]).bytes;
    const two = receipt([{ type: 'text', id: 't', x: 0, y: 0, w: 30, h: 4, value: 'A', fontSize: 3 }], { copies: 2 }).bytes;
    expect(hex(two)).toBe(hex([...one, ...one]));
    const layout = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext(), targetFor(defaultProfile('escpos')));
    expect(() => encodeEscpos(layout, { profile: defaultProfile('escpos') })).toThrow(/800 dots wide; this printer prints 576/);
  });

  test('order text cannot inject commands: control characters are removed from text rows', () => {
    const ctx = fixtureContext();
    ctx.trackingNo = 'A\x1b@\x1dV\x00B';
    const profile = defaultProfile('escpos');
    const t = parseTemplate({ id: 'r', name: 'r', kind: 'custom', size: { width: 72, height: 10 }, media: { kind: 'continuous' }, elements: [{ type: 'text', id: 't', x: 0, y: 0, w: 70, h: 4, value: '{trackingNo}', fontSize: 3 }] });
    const bytes = encodeEscpos(layoutTemplate(t, ctx, targetFor(profile)), { profile })[0];
    expect(dumpEscpos(bytes)).toContain('TEXT "A @ V B"');
    expect(dumpEscpos(bytes).match(/GS V cut/g)).toHaveLength(1);
  });

  test('raster mode: the whole receipt as strips that decode to our bitmap and scan', async () => {
    const profile = defaultProfile('escpos', { render: 'raster' });
    const layout = layoutTemplate(builtinTemplate('packing-slip-80mm'), fixtureContext(), targetFor(profile));
    const [bytes] = encodeEscpos(layout, { profile, glyphs: tofu });
    const strips = decodeEscposRasters(bytes);
    expect(strips.every((s) => s.height <= 255)).toBe(true);
    const image = stackBitmaps(strips);
    const page = layout.pages[0];
    const ours = rasterizePage(576, page.height, page.items, tofu);
    expect(image.data).toEqual(ours.data);
    const found = await decodeBarcodes(bitmapImage(image, 20));
    expect(found.map((f) => [f.format, f.text])).toEqual([['QRCode', '2345678901234567890']]);
  });

  test('pick list on the roll: every row is a native text line', () => {
    const profile = defaultProfile('escpos');
    const layout = layoutTemplate(builtinTemplate('pick-list-80mm'), fixturePickContext(), targetFor(profile));
    const dump = dumpEscpos(encodeEscpos(layout, { profile })[0]);
    for (const name of ['纯棉圆领短袖T恤 白色 L', '北欧风陶瓷马克杯 350ml 雾蓝']) expect(dump).toContain(`TEXT "${name}"`);
  });
});
