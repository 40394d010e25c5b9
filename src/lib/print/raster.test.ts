import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ByteSink, toBase64 } from './bytes';
import {
  bitmapFromRgba,
  createBitmap,
  crc16Xmodem,
  decodeEscposRasters,
  decodeTsplBitmaps,
  decodeZplGraphicField,
  escposRaster,
  fillRect,
  getPixel,
  setPixel,
  stackBitmaps,
  tsplBitmapCommand,
  z64Decode,
  z64Encode,
  zplBands,
  zplGraphicField,
  type Bitmap
} from './raster';
import { code128, qrMatrix } from './symbologies';
import { bitmapImage, decodeBarcodes } from './test-oracles';

describe('1-bit packing', () => {
  test('rows are packed most significant bit first, 1 = black, padded to whole bytes', () => {
    const b = createBitmap(10, 2);
    expect(b.rowBytes).toBe(2);
    setPixel(b, 0, 0);
    setPixel(b, 9, 0);
    setPixel(b, 7, 1);
    expect([...b.data]).toEqual([0x80, 0x40, 0x01, 0x00]);
  });

  test('fillRect blackens exactly the pixels setPixel would, clipped to the bitmap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: -10, max: 45 }), fc.integer({ min: -3, max: 7 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }), (w, h, x, y, rw, rh) => {
        const a = createBitmap(w, h);
        const b = createBitmap(w, h);
        fillRect(a, x, y, rw, rh);
        for (let yy = y; yy < y + rh; yy++) for (let xx = x; xx < x + rw; xx++) setPixel(b, xx, yy);
        expect([...a.data]).toEqual([...b.data]);
      })
    );
  });

  test('thresholding from RGBA keeps dark opaque pixels and drops light or transparent ones', () => {
    // black, dark grey, light grey, transparent black
    const rgba = [0, 0, 0, 255, 100, 100, 100, 255, 200, 200, 200, 255, 0, 0, 0, 0];
    const b = bitmapFromRgba(rgba, 4, 1);
    expect([0, 1, 2, 3].map((x) => getPixel(b, x, 0))).toEqual([true, true, false, false]);
    expect(getPixel(bitmapFromRgba(rgba, 4, 1, 90), 1, 0)).toBe(false);
  });
});

describe('ZPL Z64', () => {
  test('CRC is CRC-16/XMODEM: the catalogue check value and CRCs Zebra tools wrote', () => {
    expect(crc16Xmodem('123456789')).toBe(0x31c3);
    // Z64 fields copied from public ZPL produced by Zebra's own software.
    expect(crc16Xmodem('eJzj4KAKYJChDmCwoQ5gEKAOYAAAavEfEQ==')).toBe(0x24ef);
    expect(crc16Xmodem('eJxjYKAnOADEDxgYGD8AMZBmBvKZgULsQMxEV4fAAQBLYQRC')).toBe(0x3cc2);
    expect(crc16Xmodem('eJxbFQoAAasBAA==')).toBe(0xb023);
  });

  test('the Zebra-written fields decode to the bytes their ^GF headers promise', () => {
    expect(z64Decode(':Z64:eJzj4KAKYJChDmCwoQ5gEKAOYAAAavEfEQ==:24EF')).toHaveLength(288);
    expect([...z64Decode(':Z64:eJxbFQoAAasBAA==:B023')]).toEqual([0xaa, 0x55]);
  });

  test('encodes as zlib then base64 with the CRC of the base64 text, small and large graphics alike', () => {
    for (const [length, header] of [
      [500, 'eA'], // zlib-bitmap.ts: header 78 01
      [40_000, 'eJ'] // fflate: header 78 9C
    ] as const) {
      const data = Uint8Array.from({ length }, (_, i) => (i % 7 ? 0 : 0xff));
      const field = z64Encode(data, 100);
      const [, tag, b64, crc] = field.split(':');
      expect(tag).toBe('Z64');
      expect(b64.startsWith(header)).toBe(true);
      expect(crc).toBe(crc16Xmodem(b64).toString(16).toUpperCase().padStart(4, '0'));
      expect([...z64Decode(field)]).toEqual([...data]);
    }
  });

  test('a wrong CRC is refused', () => {
    const field = z64Encode(new Uint8Array([1, 2, 3]));
    const bad = field.slice(0, -4) + (field.endsWith('0000') ? '0001' : '0000');
    expect(() => z64Decode(bad)).toThrow(/CRC mismatch/);
  });

  test('^GFA header gives byte count twice and bytes per row; big images become bands within 99999 bytes', () => {
    const b = createBitmap(20, 3);
    fillRect(b, 0, 0, 20, 1);
    const field = zplGraphicField(b);
    expect(field.startsWith('^GFA,9,9,3,:Z64:')).toBe(true);
    expect(decodeZplGraphicField(field).data).toEqual(b.data);

    const big = createBitmap(800, 1200);
    const bands = zplBands(big);
    expect(bands.map((x) => [x.y, x.band.height])).toEqual([
      [0, 999],
      [999, 201]
    ]);
    expect(() => zplGraphicField(big)).toThrow(/99999/);
  });
});

describe('TSPL BITMAP', () => {
  test('writes width in bytes and height in dots, and inverts bits when 0 prints black', () => {
    const b = createBitmap(16, 1);
    fillRect(b, 0, 0, 4, 1);
    for (const [polarity, first] of [
      ['zero-is-black', 0x0f],
      ['one-is-black', 0xf0]
    ] as const) {
      const out = new ByteSink();
      tsplBitmapCommand(out, 5, 6, b, polarity);
      const job = out.result();
      expect(new TextDecoder('latin1').decode(job.subarray(0, 17))).toBe('BITMAP 5,6,2,1,0,');
      expect(job[17]).toBe(first);
      expect([...job.subarray(-2)]).toEqual([13, 10]);
      expect(decodeTsplBitmaps(job, polarity)[0]).toEqual({ x: 5, y: 6, bitmap: b });
    }
  });
});

describe('ESC/POS GS v 0', () => {
  test('sends strips of at most 255 rows that stack back into the image', () => {
    const b = createBitmap(576, 600);
    fillRect(b, 10, 250, 300, 20);
    const out = new ByteSink();
    escposRaster(out, b);
    const strips = decodeEscposRasters(out.result());
    expect(strips.map((s) => s.height)).toEqual([255, 255, 90]);
    expect([...out.result().subarray(0, 8)]).toEqual([0x1d, 0x76, 0x30, 0x00, 72, 0, 255, 0]);
    expect(stackBitmaps(strips).data).toEqual(b.data);
  });
});

/** A Code 128 and a QR code drawn into one bitmap, the way a raster label carries them. */
function barcodeAndQr(): { bitmap: Bitmap; barcode: { x: number; y: number; w: number }; qr: { x: number; y: number; size: number } } {
  const bitmap = createBitmap(800, 600);
  const sym = code128('SF1412345678901');
  let x = 80;
  sym.widths.forEach((w, i) => {
    if (i % 2 === 0) fillRect(bitmap, x, 60, w * 3, 150);
    x += w * 3;
  });
  const m = qrMatrix('SF1412345678901', 'M');
  for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.modules[r * m.size + c]) fillRect(bitmap, 300 + c * 6, 300 + r * 6, 6, 6);
  return { bitmap, barcode: { x: 80, y: 60, w: sym.modules * 3 }, qr: { x: 300, y: 300, size: m.size * 6 } };
}

async function expectBoth(b: Bitmap, where: ReturnType<typeof barcodeAndQr>) {
  const found = await decodeBarcodes(bitmapImage(b));
  const code = found.find((f) => f.format === 'Code128');
  const qr = found.find((f) => f.format === 'QRCode');
  expect(code?.text).toBe('SF1412345678901');
  expect(qr?.text).toBe('SF1412345678901');
  expect(Math.abs(code!.left - where.barcode.x)).toBeLessThanOrEqual(3);
  expect(Math.abs(code!.right - (where.barcode.x + where.barcode.w))).toBeLessThanOrEqual(6);
  expect(Math.abs(qr!.left - where.qr.x)).toBeLessThanOrEqual(3);
  expect(Math.abs(qr!.top - where.qr.y)).toBeLessThanOrEqual(3);
}

describe('raster payloads decode back to images that scanners read', () => {
  test('TSPL BITMAP, both polarities', async () => {
    const src = barcodeAndQr();
    for (const polarity of ['zero-is-black', 'one-is-black'] as const) {
      const out = new ByteSink();
      tsplBitmapCommand(out, 0, 0, src.bitmap, polarity);
      const [decoded] = decodeTsplBitmaps(out.result(), polarity);
      await expectBoth(decoded.bitmap, src);
    }
  });

  test('ZPL ^GFA with Z64', async () => {
    const src = barcodeAndQr();
    const decoded = decodeZplGraphicField(zplGraphicField(src.bitmap));
    await expectBoth(decoded, src);
  });

  test('ESC/POS GS v 0 strips', async () => {
    const src = barcodeAndQr();
    const out = new ByteSink();
    escposRaster(out, src.bitmap);
    await expectBoth(stackBitmaps(decodeEscposRasters(out.result())), src);
  });

  test('a blank payload decodes to nothing (the check can fail)', async () => {
    const blank = createBitmap(800, 600);
    expect(await decodeBarcodes(bitmapImage(blank))).toEqual([]);
    expect(toBase64(new Uint8Array([1, 2, 3]))).toBe('AQID');
  });
});
