import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { latin1 } from '../bytes';
import { fallbackGlyphs } from '../glyphs';
import { layoutTemplate, type LabelLayout } from '../layout';
import { defaultProfile, targetFor, type PrinterProfileInput } from '../profiles';
import { decodeTsplBitmaps } from '../raster';
import { rasterizePage } from '../rasterize';
import { parseTemplate, type ElementInput } from '../template';
import { fixtureContext } from '../test-fixtures';
import { bitmapImage, decodeBarcodes } from '../test-oracles';
import { encodeTspl, tsplFont } from './tspl';

function job(elements: ElementInput[], over: Partial<PrinterProfileInput> = {}, ctx = fixtureContext(), media: object = { kind: 'gap', gap: 2 }): Uint8Array {
  const profile = defaultProfile('tspl', over);
  const t = parseTemplate({ id: 't', name: 't', kind: 'custom', size: { width: 50, height: 30 }, media, elements });
  return encodeTspl(layoutTemplate(t, ctx, targetFor(profile)), { profile })[0];
}
const lines = (bytes: Uint8Array) => latin1(bytes).split('\r\n');
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

describe('TSPL', () => {
  test('a label is SIZE, GAP, DIRECTION, REFERENCE, CLS, content, PRINT', () => {
    expect(lines(job([]))).toEqual(['SIZE 50 mm,30 mm', 'GAP 2 mm,0 mm', 'DIRECTION 0,0', 'REFERENCE 0,0', 'CLS', 'PRINT 1,1', '']);
    expect(lines(job([], {}, fixtureContext(), { kind: 'mark', mark: 3, offset: 1.5 }))[1]).toBe('BLINE 3 mm,1.5 mm');
    expect(lines(job([], {}, fixtureContext(), { kind: 'continuous' }))[1]).toBe('GAP 0,0');
    expect(lines(job([], { darkness: 12, speed: 4, copies: 3 }))).toEqual(['SIZE 50 mm,30 mm', 'GAP 2 mm,0 mm', 'DIRECTION 0,0', 'REFERENCE 0,0', 'DENSITY 12', 'SPEED 4', 'CLS', 'PRINT 1,3', '']);
  });

  test('Chinese text goes out in TSS24.BF2 as GBK bytes', () => {
    const bytes = job([{ type: 'text', id: 'c', x: 1, y: 2, w: 40, h: 4, value: '{courier.name}', fontSize: 3 }]);
    const prefix = 'TEXT 8,16,"TSS24.BF2",0,1,1,"';
    const at = latin1(bytes).indexOf(prefix) + prefix.length;
    expect(hex(bytes.subarray(at, at + 9))).toBe('CB B3 B7 E1 CB D9 D4 CB 22'); // 顺丰速运"
  });

  test('font sizes map to TSS16/TSS24 magnifications, bold prints twice one dot apart', () => {
    expect([16, 24, 32, 48, 96, 192].map(tsplFont)).toEqual([
      { font: 'TSS16.BF2', mul: 1 },
      { font: 'TSS24.BF2', mul: 1 },
      { font: 'TSS16.BF2', mul: 2 },
      { font: 'TSS24.BF2', mul: 2 },
      { font: 'TSS24.BF2', mul: 4 },
      { font: 'TSS24.BF2', mul: 8 }
    ]);
    expect(() => tsplFont(20)).toThrow(/no Chinese font of 20 dots/);
    const l = lines(job([{ type: 'text', id: 'b', x: 0, y: 0, w: 40, h: 6, value: 'SF', fontSize: 6, bold: true }]));
    expect(l.filter((x) => x.startsWith('TEXT'))).toEqual(['TEXT 0,0,"TSS24.BF2",0,2,2,"SF"', 'TEXT 1,0,"TSS24.BF2",0,2,2,"SF"']);
  });

  test('order text cannot break out of its string: quotes escaped, line breaks removed', () => {
    const ctx = fixtureContext();
    ctx.orders = [{ ...ctx.orders![0], recipient: { ...ctx.orders![0].recipient, name: '张"\r\nPRINT 99\r\nCLS' } }];
    const l = lines(job([{ type: 'text', id: 'n', x: 0, y: 0, w: 48, h: 4, value: '{recipient.name}', fontSize: 2 }], {}, ctx));
    expect(l.filter((x) => x.startsWith('PRINT'))).toEqual(['PRINT 1,1']);
    expect(l.filter((x) => x.startsWith('TEXT'))).toEqual(['TEXT 0,0,"TSS16.BF2",0,1,1,"\xd5\xc5\\["]  PRINT 99  CLS"']);
  });

  test('barcodes, QR, bars and boxes are native commands', () => {
    const l = lines(
      job([
        { type: 'barcode', id: 'b', x: 0, y: 2, w: 50, h: 12, symbology: 'code128', value: '{trackingNo}', humanReadable: false },
        { type: 'barcode', id: 'e', x: 0, y: 15, w: 50, h: 8, symbology: 'ean13', value: '{sku.barcode}', humanReadable: false },
        { type: 'qr', id: 'q', x: 30, y: 0, size: 20, value: '{trackingNo}', ecc: 'Q' },
        { type: 'line', id: 'l', x: 0, y: 25, length: 50, thickness: 0.25 },
        { type: 'box', id: 'x', x: 1, y: 26, w: 10, h: 3, thickness: 0.25 }
      ])
    );
    expect(l.slice(5, -2)).toEqual([
      // 145 modules + 20 quiet in 400 dots: module 2, 290 wide, centred at 55.
      'BARCODE 55,16,"128",96,0,0,2,2,"SF1412345678901"',
      // 95 + 18 modules: module 3, 285 wide; TSPL takes the 12 digits and adds the check digit itself.
      'BARCODE 57,120,"EAN13",64,0,0,3,3,"692345600001"',
      // Version 1 (21 modules) + quiet zone in 160 dots: cell 5, 105 wide, centred in the box.
      'QRCODE 267,27,Q,5,A,0,M2,S7,"SF1412345678901"',
      'BAR 0,200,400,2',
      'BOX 8,208,88,232,2'
    ]);
  });

  test('offset calibration moves everything, clipped at the edge', () => {
    const l = lines(job([{ type: 'line', id: 'l', x: 0, y: 1, length: 10 }], { offset: { x: -1, y: 0.5 } }));
    expect(l[5]).toBe('BAR 0,12,80,2');
  });

  test('a layout for another resolution is refused', () => {
    const layout: LabelLayout = layoutTemplate(builtinTemplate('sku-40x30'), fixtureContext(), targetFor(defaultProfile('tspl', { dpi: 300 })));
    expect(() => encodeTspl(layout, { profile: defaultProfile('tspl') })).toThrow(/300 dpi, the printer is 203 dpi/);
  });

  test('raster mode sends the whole label as one BITMAP that scans', async () => {
    const profile = defaultProfile('tspl', { render: 'raster' });
    const layout = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext(), targetFor(profile));
    const glyphs = fallbackGlyphs({ tofu: true });
    const [bytes] = encodeTspl(layout, { profile, glyphs });
    const [bitmap] = decodeTsplBitmaps(bytes, 'zero-is-black');
    expect(bitmap).toMatchObject({ x: 0, y: 0 });
    expect(bitmap.bitmap.data).toEqual(rasterizePage(800, 1200, layout.pages[0].items, glyphs).data);
    const found = await decodeBarcodes(bitmapImage(bitmap.bitmap));
    expect(found.map((f) => [f.format, f.text]).sort()).toEqual([
      ['Code128', 'SF1412345678901'],
      ['QRCode', 'SF1412345678901']
    ]);
    const bc = layout.pages[0].items.find((i) => i.kind === 'barcode')!;
    const code = found.find((f) => f.format === 'Code128')!;
    expect(Math.abs(code.left - bc.x)).toBeLessThanOrEqual(2);
  });

  test('raster mode with Chinese needs a glyph renderer that has Chinese', () => {
    const profile = defaultProfile('tspl', { render: 'raster' });
    const layout = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext(), targetFor(profile));
    expect(() => encodeTspl(layout, { profile })).toThrow(/no glyphs for "顺丰速运"/);
  });
});
