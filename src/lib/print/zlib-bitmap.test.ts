import { unzlibSync, zlibSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fallbackGlyphs } from './glyphs';
import { createBitmap, fillRect } from './raster';
import { zlibBitmap } from './zlib-bitmap';

describe('zlib for bitmaps', () => {
  test('any inflate reads back exactly the input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 120 }), (data, rowBytes) => {
        expect([...unzlibSync(zlibBitmap(data, rowBytes))]).toEqual([...data]);
      }),
      { numRuns: 300 }
    );
  });

  test('long runs and repeated rows, including matches of the maximum length', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 700 })), { maxLength: 30 }), fc.integer({ min: 1, max: 100 }), (runs, rowBytes) => {
        const data = Uint8Array.from(runs.flatMap(([v, n]) => Array(n).fill(v)));
        expect([...unzlibSync(zlibBitmap(data, rowBytes))]).toEqual([...data]);
      })
    );
  });

  test('a line of text compresses nearly as well as a general deflate', () => {
    const b = createBitmap(480, 24);
    fallbackGlyphs({ tofu: true }).draw(b, '浙江省杭州市西湖区文一西路969号', 0, 0, 24, false);
    const ours = zlibBitmap(b.data, b.rowBytes);
    expect([...unzlibSync(ours)]).toEqual([...b.data]);
    expect(ours.length).toBeLessThan(zlibSync(b.data, { level: 6 }).length * 1.25);
  });

  test('a page of text still compresses more than tenfold', () => {
    const b = createBitmap(800, 300);
    const glyphs = fallbackGlyphs({ tofu: true });
    for (let i = 0; i < 8; i++) glyphs.draw(b, 'SF1412345678901 浙江省杭州市西湖区', 10, 10 + i * 36, 24, i % 2 === 1);
    fillRect(b, 0, 295, 800, 3);
    const ours = zlibBitmap(b.data, b.rowBytes);
    const general = zlibSync(b.data, { level: 6 });
    expect([...unzlibSync(ours)]).toEqual([...b.data]);
    expect(general.length).toBeLessThan(ours.length);
    expect(ours.length).toBeLessThan(b.data.length / 10);
  });
});
