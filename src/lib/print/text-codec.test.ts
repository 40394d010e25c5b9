import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateCatalog } from '../domain/demo/generate';
import { encodeGb18030, encodeGbk } from './text-codec';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

describe('GBK', () => {
  test('顺丰 is CB B3 B7 E1', () => {
    expect(hex(encodeGbk('顺丰'))).toBe('CB B3 B7 E1');
    expect(hex(encodeGbk('SF顺丰 1'))).toBe('53 46 CB B3 B7 E1 20 31');
  });

  test('agrees with iconv-lite on every GB2312 hanzi and the demo catalog text', () => {
    const gb2312 = new TextDecoder('gb18030').decode(Uint8Array.from({ length: (0xf7 - 0xb0 + 1) * 94 * 2 }, (_, i) => (i % 2 ? 0xa1 + ((i >> 1) % 94) : 0xb0 + Math.floor(i / 2 / 94))));
    const catalog = generateCatalog(1);
    const text = [gb2312, ...catalog.skus.map((s) => s.name + s.spec), ...catalog.shops.map((s) => s.name + s.sender.address.detail), '，。、；：？！（）【】《》“”‘’…—×·￥'].join('');
    expect(Buffer.from(encodeGbk(text)).equals(iconv.encode(text, 'gbk'))).toBe(true);
  });

  test('characters GBK lacks become ?', () => {
    expect(hex(encodeGbk('张😀'))).toBe('D5 C5 3F');
  });
});

describe('GB18030', () => {
  test('uses 2-byte codes where GBK has them and 4-byte codes elsewhere', () => {
    expect(hex(encodeGb18030('顺丰'))).toBe('CB B3 B7 E1');
    expect(hex(encodeGb18030('€'))).toBe('A2 E3');
    expect(hex(encodeGb18030('\u0080'))).toBe('81 30 81 30');
    expect(hex(encodeGb18030('𠀀'))).toBe('95 32 82 36');
    expect(hex(encodeGb18030('😀'))).toBe('94 39 FC 36');
  });

  // GB18030-2022 moved 18 rare characters (vertical punctuation U+FE10–FE19, U+9FB4–9FBB and their
  // old private-use slots, U+E5E5) between codes; the runtime's decoder (our table) follows 2022,
  // iconv-lite follows 2005 (an exhaustive BMP comparison differs in exactly these). U+FFFD encodes as ?.
  const GB2022 = /[\ufe10-\ufe19\u9fb4-\u9fbb\ue78d-\ue796\ue81e\ue826\ue82b\ue82c\ue832\ue843\ue854\ue864\ue5e5\ufffd]/g;
  test('agrees with iconv-lite on random BMP and astral text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        const clean = s.replace(/[\ud800-\udfff]/g, '').replace(GB2022, '');
        expect(hex(encodeGb18030(clean))).toBe(hex(iconv.encode(clean, 'gb18030')));
      }),
      { numRuns: 2000 }
    );
  });
});
