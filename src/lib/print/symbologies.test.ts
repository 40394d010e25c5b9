import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createBitmap, fillRect } from './raster';
import { CODE128_PATTERNS, code128, code128Segments, code128Values, code39, ean13, ean13CheckDigit, ean13Digits, qrMatrix, type LinearSymbol } from './symbologies';
import { bitmapImage, decodeBarcodes } from './test-oracles';

const require = createRequire(import.meta.url);

/** Bars drawn 3 dots per module with a 40-dot margin, as zxing wants them. */
function draw(sym: LinearSymbol, module = 3) {
  const b = createBitmap(sym.modules * module + 80, 60);
  let x = 40;
  sym.widths.forEach((w, i) => {
    if (i % 2 === 0) fillRect(b, x, 5, w * module, 50);
    x += w * module;
  });
  return bitmapImage(b);
}

/** Fewest Code 128 symbols over every B/C assignment (exhaustive, for short strings). */
function bruteForceSymbols(data: string): number {
  const best = (i: number, set: 'B' | 'C' | null): number => {
    if (i === data.length) return 0;
    let out = Infinity;
    for (const next of ['B', 'C'] as const) {
      const switchCost = set === null || set === next ? 0 : 1;
      if (next === 'B') out = Math.min(out, switchCost + 1 + best(i + 1, 'B'));
      else if (/^\d\d$/.test(data.slice(i, i + 2))) out = Math.min(out, switchCost + 1 + best(i + 2, 'C'));
    }
    return out;
  };
  return 1 + best(0, null);
}

describe('Code 128', () => {
  test('symbol patterns match an independent table (jsbarcode)', () => {
    const { BARS } = require('jsbarcode/bin/barcodes/CODE128/constants.js') as { BARS: number[] };
    expect(CODE128_PATTERNS).toHaveLength(107);
    CODE128_PATTERNS.forEach((widths, v) => {
      let bits = '';
      [...widths].forEach((n, i) => (bits += (i % 2 ? '0' : '1').repeat(Number(n))));
      expect(bits, `symbol ${v}`).toBe(String(BARS[v]));
    });
  });

  test('a tracking number starts in subset B and switches to C for its digits', () => {
    expect(code128Segments('SF1412345678901')).toEqual([
      { set: 'B', text: 'SF1' },
      { set: 'C', text: '412345678901' }
    ]);
    expect(code128Segments('73100012345678')).toEqual([{ set: 'C', text: '73100012345678' }]);
    expect(code128Segments('JDVA00012345678')).toEqual([
      { set: 'B', text: 'JDVA0' },
      { set: 'C', text: '0012345678' }
    ]);
  });

  test('check symbol follows the mod-103 rule', () => {
    // Start B (104) + "A" (33): (104 + 33*1) % 103 = 34.
    expect(code128Values([{ set: 'B', text: 'A' }])).toEqual([104, 33, 34]);
  });

  test('subset choice gives the fewest symbols possible', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A]{1,9}$/), (data) => {
        expect(code128Values(code128Segments(data)).length - 1).toBe(bruteForceSymbols(data));
      }),
      { numRuns: 300 }
    );
  });

  test('segments always spell the data back', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]{1,30}$/), (data) => {
        expect(code128Segments(data).map((s) => s.text).join('')).toBe(data);
      })
    );
  });

  test('rejects characters outside printable ASCII', () => {
    expect(() => code128('顺丰')).toThrow(/not printable ASCII/);
    expect(() => code128('')).toThrow(/empty/);
  });

  test('drawn bars decode to the same text', async () => {
    for (const data of ['SF1412345678901', '73100012345678', 'JDVA00012345678', 'YT2212345678901', 'a{b}c>d^e~f', 'EA123456789CN']) {
      const found = await decodeBarcodes(draw(code128(data)));
      expect(found.map((f) => [f.format, f.text]), data).toEqual([['Code128', data]]);
    }
  });
});

describe('Code 39', () => {
  test('character patterns match an independent table (jsbarcode)', () => {
    const { CODE39 } = require('jsbarcode/bin/barcodes/CODE39/index.js') as { CODE39: new (d: string, o: object) => { encode(): { data: string } } };
    for (const data of ['0123456789', 'ABCDEFGHIJKLM', 'NOPQRSTUVWXYZ', '-. $/+%']) {
      // jsbarcode draws wide elements 2 modules wide; ours are 3. Compare the narrow/wide sequence.
      const theirs = new CODE39(data, {}).encode().data.replace(/0+$/, ''); // its stop pattern carries a trailing space
      const runs = (bits: string) => bits.match(/1+|0+/g)!.map((r) => (r.length > 1 ? 'w' : 'n')).join('');
      const ours = code39(data).widths.map((w) => (w > 1 ? 'w' : 'n')).join('');
      expect(ours).toBe(runs(theirs));
    }
  });

  test('rejects lower case and the start character', () => {
    expect(() => code39('abc')).toThrow(/standard set/);
    expect(() => code39('A*B')).toThrow(/standard set/);
  });

  test('drawn bars decode to the same text', async () => {
    const found = await decodeBarcodes(draw(code39('SKU-10001'), 2));
    expect(found.map((f) => f.text)).toEqual(['SKU-10001']);
  });
});

describe('EAN-13', () => {
  test('adds or verifies the check digit', () => {
    expect(ean13CheckDigit('692345600001')).toBe(Number(ean13Digits('692345600001')[12]));
    expect(ean13Digits('4006381333931')).toBe('4006381333931');
    expect(() => ean13Digits('4006381333932')).toThrow(/check digit/);
    expect(() => ean13Digits('40063813339')).toThrow(/12 or 13 digits/);
  });

  test('is 95 modules and decodes', async () => {
    const sym = ean13('4006381333931');
    expect(sym.modules).toBe(95);
    const found = await decodeBarcodes(draw(sym, 3));
    expect(found.map((f) => [f.format, f.text])).toEqual([['EAN13', '4006381333931']]);
  });
});

describe('QR', () => {
  test('matrix decodes to the data, Chinese included', async () => {
    for (const data of ['SF1412345678901', 'https://packdesk.example/t/SF1412345678901', '顺丰速运 杭州西湖']) {
      const m = qrMatrix(data, 'M');
      const cell = 4;
      const b = createBitmap((m.size + 8) * cell, (m.size + 8) * cell);
      for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.modules[r * m.size + c]) fillRect(b, (c + 4) * cell, (r + 4) * cell, cell, cell);
      const found = await decodeBarcodes(bitmapImage(b));
      expect(found.map((f) => f.text)).toEqual([data]);
    }
  });
});
