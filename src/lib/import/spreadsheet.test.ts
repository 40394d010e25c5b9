import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { listSheets, readSpreadsheet } from './spreadsheet';

function workbook(sheets: Record<string, XLSX.WorkSheet>, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

describe('reading workbooks', () => {
  it('reads the first sheet as text rows with spreadsheet row numbers', () => {
    const bytes = workbook({ 订单: XLSX.utils.aoa_to_sheet([['订单号', '数量'], ['A1', '2'], ['A2', '1']]), 其他: XLSX.utils.aoa_to_sheet([['x']]) });
    const t = readSpreadsheet(bytes, { file: 'a.xlsx' });
    expect(t).toMatchObject({ sheet: '订单', sheetNames: ['订单', '其他'], headers: ['订单号', '数量'], rows: [['A1', '2'], ['A2', '1']], rowNumbers: [2, 3] });
    expect(listSheets(bytes)).toEqual(['订单', '其他']);
    expect(readSpreadsheet(bytes, { sheet: '其他' }).headers).toEqual(['x']);
    expect(readSpreadsheet(bytes, { sheet: 1 }).headers).toEqual(['x']);
  });

  it('writes numeric ids in full where a workbook can hold them exactly, and as scientific notation where it cannot', () => {
    const ws = XLSX.utils.aoa_to_sheet([['订单号', '手机', '金额'], [298765432101, 13812345678, 49.9], [3012345678901234567, 13812345678, 12.5]]);
    const t = readSpreadsheet(workbook({ S: ws }), { file: 'n.xlsx' });
    expect(t.rows[0]).toEqual(['298765432101', '13812345678', '49.9']);
    expect(t.rows[1][0]).toMatch(/^3\.01234567890123\d*E\+18$/);
  });

  it('writes date-formatted cells as wall-clock text', () => {
    const ws = XLSX.utils.aoa_to_sheet([['付款时间'], [45981.5]]);
    ws['A2'].z = 'yyyy-mm-dd hh:mm';
    expect(readSpreadsheet(workbook({ S: ws })).rows[0]).toEqual(['2025-11-20 12:00:00']);
  });

  it('fills merged cells with their top-left value, skips a title row, and reports both', () => {
    const ws = XLSX.utils.aoa_to_sheet([['订单导出 2025-11-20'], ['订单号', '商品', '数量'], ['G1', '杯子', '1'], ['', '毛毯', '2'], ['G2', '水杯', '1']]);
    ws['!merges'] = [XLSX.utils.decode_range('A1:C1'), XLSX.utils.decode_range('A3:A4')];
    const t = readSpreadsheet(workbook({ S: ws }), { file: 'm.xlsx' });
    expect(t.headers).toEqual(['订单号', '商品', '数量']);
    expect(t.rows).toEqual([['G1', '杯子', '1'], ['G1', '毛毯', '2'], ['G2', '水杯', '1']]);
    expect(t.rowNumbers).toEqual([3, 4, 5]);
    expect(t.issues.map((i) => i.kind)).toEqual(['merged_cells', 'header_not_first_row']);
    expect(t.issues[0].message).toContain('A1:C1');
  });

  it('reads legacy XLS and HTML tables saved as .xls', () => {
    const ws = XLSX.utils.aoa_to_sheet([['订单号', '收件人'], ['1001', '张伟']]);
    expect(readSpreadsheet(workbook({ S: ws }, 'xls')).rows).toEqual([['1001', '张伟']]);
    const html = '<html><body><table><tr><td>订单号</td><td>收件人</td></tr><tr><td>1002</td><td>王芳</td></tr></table></body></html>';
    expect(readSpreadsheet(html).rows).toEqual([['1002', '王芳']]);
  });

  it('reports a duplicate header', () => {
    const t = readSpreadsheet(workbook({ S: XLSX.utils.aoa_to_sheet([['订单号', '备注', '备注'], ['1', 'a', 'b']]) }));
    expect(t.issues[0]).toMatchObject({ kind: 'duplicate_header', column: '备注' });
  });

  it('says clearly when the workbook cannot be read or the sheet does not exist', () => {
    const bytes = workbook({ S: XLSX.utils.aoa_to_sheet([['a']]) });
    expect(() => readSpreadsheet(bytes, { sheet: '没有' })).toThrow(ImportError);
    const broken = bytes.slice(0, 200);
    expect(() => readSpreadsheet(broken, { file: 'b.xlsx' })).toThrow(/b\.xlsx/);
  });
});
