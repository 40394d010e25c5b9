import iconv from 'iconv-lite';
import { zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, sniffContent } from './encoding';
import { ImportError } from './errors';

const SAMPLE = '订单编号,收货人姓名,收货地址\r\n3012345678901234567,张伟,北京 北京市 朝阳区 建国路88号\r\n';
const enc = (text: string, e: string): Uint8Array => new Uint8Array(iconv.encode(text, e));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('encoding detection', () => {
  it('reads UTF-8 with a BOM as certain and drops the BOM', () => {
    const d = decodeText(utf8('\ufeff' + SAMPLE));
    expect(d).toMatchObject({ encoding: 'utf-8', bom: true, confidence: 1, replaced: 0 });
    expect(d.text).toBe(SAMPLE);
  });

  it('reads UTF-8 without a BOM from valid multibyte sequences', () => {
    const d = decodeText(utf8(SAMPLE));
    expect(d).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(d.confidence).toBeGreaterThan(0.95);
    expect(d.text).toBe(SAMPLE);
  });

  it('calls pure ASCII UTF-8 with full confidence', () => {
    expect(detectEncoding(utf8('Name,Email\r\n#1001,a@b.c\r\n'))).toMatchObject({ encoding: 'utf-8', confidence: 1 });
  });

  it('reads GBK, the usual encoding of Chinese platform CSVs', () => {
    const d = decodeText(enc(SAMPLE, 'gbk'));
    expect(d.encoding).toBe('gbk');
    expect(d.confidence).toBeGreaterThan(0.8);
    expect(d.text).toBe(SAMPLE);
  });

  it('names GB18030 when four-byte sequences occur', () => {
    const text = '收件人,备注\r\n张三,𠀀字\r\n';
    const d = decodeText(enc(text, 'gb18030'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(text);
  });

  it('reads UTF-16LE "Unicode text" with a BOM, and without one from its NUL bytes', () => {
    const tsv = '订单号\t收件人\r\nU1001\t张伟\r\n';
    const withBom = decodeText(new Uint8Array([0xff, 0xfe, ...enc(tsv, 'utf-16le')]));
    expect(withBom).toMatchObject({ encoding: 'utf-16le', bom: true, text: tsv });
    const ascii = 'order-id\tsku\r\n113-1\tFERN\r\n';
    expect(decodeText(enc(ascii, 'utf-16le'))).toMatchObject({ encoding: 'utf-16le', bom: false, text: ascii });
  });

  it('reads UTF-16BE with a BOM', () => {
    const d = decodeText(new Uint8Array([0xfe, 0xff, ...enc('订单号\r\n', 'utf-16be')]));
    expect(d).toMatchObject({ encoding: 'utf-16be', text: '订单号\r\n' });
  });

  it('still detects UTF-8 and GBK when the file is cut in the middle of a character', () => {
    const u = utf8(SAMPLE + '张');
    const cutU = decodeText(u.subarray(0, u.length - 1));
    expect(cutU).toMatchObject({ encoding: 'utf-8', replaced: 1 });
    const g = enc(SAMPLE + '张', 'gbk');
    const cutG = decodeText(g.subarray(0, g.length - 1));
    expect(cutG).toMatchObject({ encoding: 'gbk', replaced: 1 });
    expect(cutG.text.startsWith(SAMPLE)).toBe(true);
  });

  it('falls back to Windows-1252 for Western text that is not UTF-8', () => {
    expect(decodeText(enc('Name,City\r\n#1,Café Zürich\r\n', 'win1252'))).toMatchObject({ encoding: 'windows-1252', text: 'Name,City\r\n#1,Café Zürich\r\n' });
  });

  it('decodes with the encoding the seller chose and counts what did not decode', () => {
    const d = decodeText(enc(SAMPLE, 'gbk'), { encoding: 'utf-8' });
    expect(d).toMatchObject({ encoding: 'utf-8', overridden: true, confidence: 1 });
    expect(d.replaced).toBeGreaterThan(0);
    expect(decodeText(enc(SAMPLE, 'gbk'), { encoding: 'gbk' })).toMatchObject({ text: SAMPLE, replaced: 0 });
  });
});

describe('content that is not text', () => {
  it('rejects an empty file and a file with only a BOM', () => {
    expect(importError(() => decodeText(new Uint8Array(), { file: 'a.csv' })).code).toBe('empty_file');
    expect(importError(() => decodeText(utf8('\ufeff  \r\n'), { file: 'a.csv' })).code).toBe('empty_file');
  });

  it('names a ZIP archive renamed .csv instead of decoding it', () => {
    const zip = zipSync({ 'orders.csv': utf8(SAMPLE) });
    expect(sniffContent(zip).kind).toBe('zip');
    const e = importError(() => decodeText(zip, { file: 'orders.csv' }));
    expect(e.code).toBe('zip_archive');
    expect(e.message).toContain('orders.csv');
    expect(e.message).toContain('解压');
  });

  it('recognises an XLSX workbook and an XLS file by content', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['订单号'], ['1']]), 'S');
    expect(sniffContent(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }))).kind).toBe('xlsx');
    expect(sniffContent(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }))).kind).toBe('xls');
  });

  it('rejects PDFs, images and other binary data with what they look like', () => {
    const pdf = importError(() => decodeText(utf8('%PDF-1.7\n...'), { file: 'x.csv' }));
    expect(pdf.code).toBe('binary_file');
    expect(pdf.message).toContain('PDF');
    const bin = new Uint8Array(256).map((_, i) => i % 7);
    expect(importError(() => decodeText(bin, { file: 'x.csv' })).code).toBe('binary_file');
  });
});
