import { describe, expect, test } from 'vitest';
import { latin1, toBase64 } from './bytes';
import { encodeEscpos, encodeTspl, encodeZpl } from './encoders';
import { fallbackGlyphs } from './glyphs';
import { layoutTemplate, type ImageItem } from './layout';
import { defaultProfile, targetFor } from './profiles';
import { createBitmap, decodeEscposRasters, decodeTsplBitmaps, decodeZplGraphicField, fillRect, getPixel } from './raster';
import { parseTemplate, type ElementInput, type TemplateInput } from './template';
import { fixtureContext } from './test-fixtures';
import { decodeBarcodes, renderZpl } from './test-oracles';

/** A 16×8 logo: left half black. */
function logo() {
  const b = createBitmap(16, 8);
  fillRect(b, 0, 0, 8, 8);
  return { width: 16, height: 8, dpi: 203, data: toBase64(b.data) };
}

const label = (elements: ElementInput[], over: Partial<TemplateInput> = {}) =>
  parseTemplate({ id: 't', name: 't', kind: 'custom', size: { width: 50, height: 30 }, media: { kind: 'gap' }, elements, ...over });

describe('image elements (a 1-bit logo)', () => {
  const t = label([{ type: 'image', id: 'logo', x: 2, y: 3, image: logo() }]);

  test('scale with the printer resolution', () => {
    const at203 = layoutTemplate(t, fixtureContext(), targetFor(defaultProfile('tspl'))).pages[0].items[0] as ImageItem;
    const at300 = layoutTemplate(t, fixtureContext(), targetFor(defaultProfile('tspl', { dpi: 300 }))).pages[0].items[0] as ImageItem;
    expect([at203.x, at203.y, at203.bitmap.width, at203.bitmap.height]).toEqual([16, 24, 16, 8]);
    expect([at300.x, at300.y, at300.bitmap.width, at300.bitmap.height]).toEqual([24, 36, 24, 12]);
    expect(getPixel(at300.bitmap, 11, 5)).toBe(true);
    expect(getPixel(at300.bitmap, 12, 5)).toBe(false);
  });

  test('go out as TSPL BITMAP, ZPL ^GFA and an ESC/POS raster band at their place', () => {
    const tspl = defaultProfile('tspl');
    const tsplJob = encodeTspl(layoutTemplate(t, fixtureContext(), targetFor(tspl)), { profile: tspl })[0];
    expect(decodeTsplBitmaps(tsplJob, 'zero-is-black')[0]).toMatchObject({ x: 16, y: 24, bitmap: { width: 16, height: 8 } });

    const zpl = defaultProfile('zpl');
    const zplJob = new TextDecoder().decode(encodeZpl(layoutTemplate(t, fixtureContext(), targetFor(zpl)), { profile: zpl })[0]);
    const m = /\^FO16,24(\^GFA,[^^]+)\^FS/.exec(zplJob)!;
    expect(getPixel(decodeZplGraphicField(m[1]), 7, 7)).toBe(true);

    const esc = defaultProfile('escpos');
    const receipt = label([{ type: 'image', id: 'logo', x: 2, y: 3, image: logo() }], { size: { width: 72, height: 10 }, media: { kind: 'continuous' } });
    const escJob = encodeEscpos(layoutTemplate(receipt, fixtureContext(), targetFor(esc)), { profile: esc })[0];
    const [strip] = decodeEscposRasters(escJob);
    expect([strip.width, strip.height, getPixel(strip, 16, 0), getPixel(strip, 24, 0)]).toEqual([576, 8, true, false]);
  });

  test('image data of the wrong length is an error naming the element', () => {
    const bad = label([{ type: 'image', id: 'logo', x: 0, y: 0, image: { ...logo(), height: 9 } }]);
    expect(() => layoutTemplate(bad, fixtureContext())).toThrow(/^logo: image data has 16 bytes, 16×9 needs 18/);
  });
});

describe('orientation', () => {
  test('180° prints upside down: TSPL DIRECTION 1, ZPL ^POI; receipts refuse it', () => {
    const t = label([], { orientation: 180 });
    const tspl = defaultProfile('tspl');
    expect(latin1(encodeTspl(layoutTemplate(t, fixtureContext(), targetFor(tspl)), { profile: tspl })[0])).toContain('DIRECTION 1,0\r\n');
    const zpl = defaultProfile('zpl');
    expect(new TextDecoder().decode(encodeZpl(layoutTemplate(t, fixtureContext(), targetFor(zpl)), { profile: zpl })[0])).toContain('^POI\n');
    const esc = defaultProfile('escpos');
    const r = label([], { orientation: 180, size: { width: 72, height: 10 }, media: { kind: 'continuous' } });
    expect(() => encodeEscpos(layoutTemplate(r, fixtureContext(), targetFor(esc)), { profile: esc })).toThrow(/upright only/);
  });
});

describe('Code 39', () => {
  const t = label([{ type: 'barcode', id: 'c39', x: 0, y: 2, w: 50, h: 14, symbology: 'code39', value: '{sku.code}' }]);

  test('TSPL states narrow and wide (1:3), ZPL ^B3 with ratio 3.0', () => {
    const tspl = defaultProfile('tspl');
    const layout = layoutTemplate(t, fixtureContext(), targetFor(tspl));
    const bc = layout.pages[0].items.find((i) => i.kind === 'barcode')!;
    // 11 characters × 16 modules − 1 + 20 quiet = 195 modules in 400 dots: module 2.
    expect(bc).toMatchObject({ module: 2, width: 350, x: 25 });
    expect(latin1(encodeTspl(layout, { profile: tspl })[0])).toContain(`BARCODE ${bc.x},16,"39",${bc.height},0,0,2,6,"SKU-10001"\r\n`);
    const zpl = defaultProfile('zpl');
    expect(new TextDecoder().decode(encodeZpl(layoutTemplate(t, fixtureContext(), targetFor(zpl)), { profile: zpl })[0])).toContain(`^BY2,3.0^B3N,N,${bc.height},N,N^FDSKU-10001^FS`);
  });

  test('renders in zpl-renderer-js and scans where laid out', async () => {
    const zpl = defaultProfile('zpl');
    const layout = layoutTemplate(t, fixtureContext(), targetFor(zpl));
    const bc = layout.pages[0].items.find((i) => i.kind === 'barcode')!;
    const png = await renderZpl(new TextDecoder().decode(encodeZpl(layout, { profile: zpl, glyphs: fallbackGlyphs() })[0]), 50, 30);
    const [found] = await decodeBarcodes(png);
    expect([found.format, found.text]).toEqual(['Code39', 'SKU-10001']);
    expect(Math.abs(found.left - bc.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(found.right - (bc.x + bc.width))).toBeLessThanOrEqual(4);
  });
});
