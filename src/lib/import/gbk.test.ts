import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from './gbk';

describe('GBK encoding', () => {
  it('writes the same bytes as iconv-lite for Chinese, ASCII and full-width text', () => {
    const text = '订单编号,物流公司,运单号\r\n3012345678901234567,顺丰速运,SF1234567890123\r\n全角１２３ＡＢＣ　空格；「引号」€';
    expect(Array.from(encodeGbk(text).bytes)).toEqual(Array.from(iconv.encode(text, 'gbk')));
  });

  it('round-trips every character a GBK decoder produces', () => {
    const all: string[] = [];
    const dec = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead += 7)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const s = dec.decode(new Uint8Array([lead, trail]));
        if (s.length === 1 && s !== '\ufffd') all.push(s);
      }
    const text = all.join('');
    expect(dec.decode(encodeGbk(text).bytes)).toBe(text);
  });

  it('writes ? for characters outside GBK and reports them', () => {
    const r = encodeGbk('好评😀返现🎁');
    expect(new TextDecoder('gbk').decode(r.bytes)).toBe('好评?返现?');
    expect(r.unencodable).toEqual(['😀', '🎁']);
  });
});
