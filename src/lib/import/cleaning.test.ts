import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdCell, classifyPhone, cleanCell, findRoundedIds, neutraliseCell, normaliseWidth, stripTextGuards } from './cleaning';

describe('text guards', () => {
  it('strips a leading tab, an apostrophe before a number, and ="..." and remembers the guard', () => {
    expect(stripTextGuards('\t3012345678901234567')).toEqual({ value: '3012345678901234567', guarded: true });
    expect(stripTextGuards('\t\t123')).toEqual({ value: '123', guarded: true });
    expect(stripTextGuards("'13812345678")).toEqual({ value: '13812345678', guarded: true });
    expect(stripTextGuards('="3012345678901234567"')).toEqual({ value: '3012345678901234567', guarded: true });
    expect(stripTextGuards('="say ""hi"""')).toEqual({ value: 'say "hi"', guarded: true });
  });

  it('leaves apostrophes that are part of the text and unguarded values alone', () => {
    expect(stripTextGuards("'s Hertogenbosch")).toEqual({ value: "'s Hertogenbosch", guarded: false });
    expect(stripTextGuards('=SUM(A1)')).toEqual({ value: '=SUM(A1)', guarded: false });
    expect(stripTextGuards('123')).toEqual({ value: '123', guarded: false });
  });

  it('neutralises formula starts, and stripping undoes exactly that for any text', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseCell('+86 138')).toBe("'+86 138");
    expect(neutraliseCell('-5元')).toBe("'-5元");
    expect(neutraliseCell('@user')).toBe("'@user");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell('普通备注')).toBe('普通备注');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', '"', 'a', ' ') })), (s) => {
        expect(stripTextGuards(neutraliseCell(s)).value).toBe(s);
      })
    );
  });
});

describe('cell cleaning', () => {
  it('turns full-width digits, letters and spaces into ASCII, punctuation only on request', () => {
    expect(normaliseWidth('１３８１２３４５６７８')).toBe('13812345678');
    expect(normaliseWidth('Ａ座　１２０１室（东）')).toBe('A座 1201室（东）');
    expect(normaliseWidth('１２．５０（元）', true)).toBe('12.50(元)');
  });

  it('trims, drops zero-width spaces and keeps the guard flag', () => {
    expect(cleanCell('  \t3012345678901234567 ')).toEqual({ value: '3012345678901234567', guarded: true });
    expect(cleanCell('张\u200b伟 ')).toEqual({ value: '张伟', guarded: false });
  });
});

describe('order numbers damaged by Excel', () => {
  it('rejects scientific notation and says why and how to export again', () => {
    const r = checkIdCell({ value: '3.01235E+18', guarded: false });
    expect(r).toMatchObject({ ok: false, code: 'id_scientific' });
    if (!r.ok) {
      expect(r.reason).toContain('科学计数法');
      expect(r.reason).toContain('重新导出');
    }
  });

  it('takes only signed exponents for Excel damage, so an id like 2E10 is kept', () => {
    expect(checkIdCell({ value: '1E+18', guarded: false })).toMatchObject({ ok: false, code: 'id_scientific' });
    expect(checkIdCell({ value: '2E10', guarded: false })).toEqual({ ok: true, value: '2E10' });
  });

  it('drops Excel\'s ".0" from an integer id and normalises full-width ids', () => {
    expect(checkIdCell({ value: '298765432101.0', guarded: false })).toEqual({ ok: true, value: '298765432101' });
    expect(checkIdCell({ value: 'Ｄ－１', guarded: false })).toEqual({ ok: true, value: 'D-1' });
  });

  const cells = (...v: string[]) => v.map((value) => ({ value, guarded: false }));

  it('judges a column of long ids that all end in zeros after the 15th digit as rounded', () => {
    expect(findRoundedIds(cells('3012345678901230000', '3012345678901240000', 'x')).rounded).toEqual([0, 1]);
    expect(findRoundedIds(cells('301234567890123000')).rounded).toEqual([0]);
    expect(findRoundedIds(cells('3012345678901230', '3012345678901240', '3012345678901250')).rounded).toEqual([0, 1, 2]);
  });

  it('trusts the column when one long id has real digits after the 15th (Excel converts whole columns)', () => {
    expect(findRoundedIds(cells('3012345678901230000', '3012345678901234567'))).toEqual({ rounded: [], doubtful: [] });
  });

  it('only flags weak evidence: one 16-digit id ending in 0 is real one time in ten', () => {
    expect(findRoundedIds(cells('3012345678901230', '12345'))).toEqual({ rounded: [], doubtful: [0] });
  });

  it('never suspects guarded cells or ids of 15 digits or fewer', () => {
    expect(findRoundedIds([{ value: '3012345678901230000', guarded: true }, ...cells('301234567890000')])).toEqual({ rounded: [], doubtful: [] });
  });
});

describe('phones', () => {
  it('accepts mobiles with spaces, dashes, +86 and full-width digits', () => {
    expect(classifyPhone('138 1234 5678')).toEqual({ ok: true, phone: '13812345678', kind: 'mobile' });
    expect(classifyPhone('+86 159-1234-5678')).toEqual({ ok: true, phone: '+8615912345678', kind: 'mobile' });
    expect(classifyPhone('１３８１２３４５６７８')).toEqual({ ok: true, phone: '13812345678', kind: 'mobile' });
  });

  it('keeps masked numbers exactly and marks them', () => {
    expect(classifyPhone('138****1234')).toEqual({ ok: true, phone: '138****1234', kind: 'masked' });
    expect(classifyPhone('1*********4')).toMatchObject({ kind: 'masked' });
  });

  it('keeps privacy numbers with an extension exactly and marks them', () => {
    for (const p of ['13800138000-1234', '13800138000转1234', '13800138000 分机 1234', '17012345678_5678', '0571-88886666-123'])
      expect(classifyPhone(p)).toEqual({ ok: true, phone: p, kind: 'privacy_ext' });
  });

  it('knows landlines and leaves foreign numbers as they are', () => {
    expect(classifyPhone('0571-88886666')).toMatchObject({ kind: 'landline' });
    expect(classifyPhone('+1 555-010-9999')).toEqual({ ok: true, phone: '+1 555-010-9999', kind: 'other' });
    expect(classifyPhone('')).toEqual({ ok: true, phone: '', kind: 'empty' });
  });

  it('rejects a phone Excel turned into scientific notation', () => {
    expect(classifyPhone('1.38123E+10')).toMatchObject({ ok: false, code: 'phone_scientific' });
  });
});
