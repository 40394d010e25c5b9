import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetter, parseDelimited, sniffDelimiter, toDelimited } from './delimited';

describe('CSV parsing', () => {
  it('handles RFC 4180 quotes, doubled quotes and a multi-line memo, keeping spreadsheet row and file line numbers', () => {
    const text = 'no,memo,qty\r\n1,"请发顺丰\r\n谢谢",2\r\n2,"he said ""hi""",1\n3,,5\n';
    const t = parseDelimited(text, { file: 'a.csv' });
    expect(t.headers).toEqual(['no', 'memo', 'qty']);
    expect(t.rows).toEqual([
      ['1', '请发顺丰\r\n谢谢', '2'],
      ['2', 'he said "hi"', '1'],
      ['3', '', '5']
    ]);
    expect(t.rowNumbers).toEqual([2, 3, 4]);
    expect(t.lines).toEqual([2, 4, 5]);
    expect(t.issues).toEqual([]);
  });

  it('drops a BOM and trims header names (Taobao writes "收货地址 ")', () => {
    const t = parseDelimited('\ufeff订单编号,收货地址 \r\n1,x\r\n');
    expect(t.headers).toEqual(['订单编号', '收货地址']);
  });

  it('skips blank lines but counts them in row numbers', () => {
    const t = parseDelimited('a,b\n\n1,2\n\n3,4');
    expect(t.rows).toEqual([
      ['1', '2'],
      ['3', '4']
    ]);
    expect(t.rowNumbers).toEqual([3, 5]);
  });

  it('sniffs the delimiter among comma, tab, semicolon and pipe, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('order-id\tsku\tname\n1\tA\t"x, y, z"\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1;"2,5";3\n')).toBe(';');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(sniffDelimiter('订单号,商品,备注\n1,"杯子;蓝色",好\n2,碗,"a|b"\n')).toBe(',');
  });

  it('reports duplicate headers with their columns and uses the first', () => {
    const t = parseDelimited('订单号,备注,备注\n1,a,b\n');
    expect(t.issues).toEqual([expect.objectContaining({ kind: 'duplicate_header', column: '备注', severity: 'warning' })]);
    expect(t.issues[0].message).toContain('B、C');
  });

  it('marks a row whose quote never closes (a cut-off file) as bad, with its row and line', () => {
    const t = parseDelimited('no,memo\n1,ok\n2,"never closed\nmore text\n');
    expect(t.rows).toHaveLength(2);
    expect(t.badRows.get(1)).toMatchObject({ code: 'unterminated_quote' });
    expect(t.badRows.get(1)!.reason).toContain('第 3 行');
    expect(t.issues).toContainEqual(expect.objectContaining({ kind: 'unterminated_quote', row: 3, line: 3, severity: 'error' }));
  });

  it('marks a short last row without a final newline as truncated', () => {
    const t = parseDelimited('a,b,c\n1,2,3\n4,5');
    expect(t.badRows.get(1)).toMatchObject({ code: 'truncated_row' });
    expect(t.rows[1]).toEqual(['4', '5', '']);
  });

  it('pads a short middle row with a warning, tolerates trailing empty fields, rejects extra filled fields', () => {
    const t = parseDelimited('a,b,c\n1,2\n3,4,5,\n6,7,8,9\n');
    expect(t.rows).toEqual([
      ['1', '2', ''],
      ['3', '4', '5'],
      ['6', '7', '8']
    ]);
    expect(t.badRows.has(0)).toBe(false);
    expect(t.badRows.has(1)).toBe(false);
    expect(t.badRows.get(2)).toMatchObject({ code: 'long_row' });
    expect(t.issues.map((i) => i.kind)).toEqual(['short_row', 'long_row']);
  });

  it('keeps text after a closing quote and warns', () => {
    const t = parseDelimited('a,b\n"x"y,2\n');
    expect(t.rows[0]).toEqual(['xy', '2']);
    expect(t.issues[0].kind).toBe('stray_quote');
  });

  it('reports progress and stops at maxRows', () => {
    const calls: number[] = [];
    const t = parseDelimited('a\n' + '1\n'.repeat(10), { maxRows: 3, onProgress: (d) => calls.push(d) });
    expect(t.rows).toHaveLength(3);
    expect(calls.length).toBeGreaterThan(0);
  });

  it('parses 50k rows with quoted Chinese text correctly', () => {
    const line = '3012345678901234567,"张伟","浙江省 杭州市 西湖区 文三路100号, 3楼",2,49.90\r\n';
    const t = parseDelimited('a,b,c,d,e\r\n' + line.repeat(50_000));
    expect(t.rows).toHaveLength(50_000);
    expect(t.rows[49_999]).toEqual(['3012345678901234567', '张伟', '浙江省 杭州市 西湖区 文三路100号, 3楼', '2', '49.90']);
    expect(t.rowNumbers[49_999]).toBe(50_001);
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('CSV writing', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\r', '\n', '\t', ';', '|', ' ', '张', '=', "'") });
  const header = fc.string({ unit: fc.constantFrom('a', 'b', '订', '单'), minLength: 1 });

  it('round-trips any cells through toDelimited and parseDelimited, for every delimiter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',' as const, '\t' as const, ';' as const, '|' as const),
        fc.integer({ min: 1, max: 5 }).chain((w) => fc.tuple(fc.array(header, { minLength: w, maxLength: w }), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 8 }))),
        fc.constantFrom('\r\n' as const, '\n' as const),
        (delimiter, [headers, rows], eol) => {
          const t = parseDelimited(toDelimited([headers, ...rows], { delimiter, eol }), { delimiter });
          expect(t.headers).toEqual(headers);
          expect(t.rows).toEqual(rows);
          expect(t.badRows.size).toBe(0);
        }
      )
    );
  });
});
