// One dropped file to a table, whatever its name claims: content is sniffed first, so an XLSX renamed .csv is
// read as a workbook, an .xls that is really an HTML table or tab-separated text (older platform exports) is
// read as what it is, and a ZIP, PDF or image gets a clear error. Text is decoded with encoding.ts and
// parsed with delimited.ts. Size is capped before any work: a browser worker holds the decoded text and
// every cell, so a 200 MB file is refused with a message rather than crashing the tab.
import { parseDelimited, type Table } from './delimited';
import { decodeText, sniffContent, type DecodedText, type TextEncodingName } from './encoding';
import { ImportError } from './errors';
import { readSpreadsheet } from './spreadsheet';

export const DEFAULT_MAX_BYTES = 150 * 1024 * 1024;

export interface ReadTableOptions {
  file: string;
  bytes: Uint8Array;
  encoding?: TextEncodingName;
  sheet?: string | number;
  maxRows?: number;
  maxBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ReadTableResult {
  table: Table;
  kind: 'csv' | 'xlsx' | 'xls' | 'html';
  /** For text files: how they were decoded. */
  decoded?: Omit<DecodedText, 'text'>;
}

const HTML_TABLE = /^\s*(?:<!doctype html|<html|<table|<\?xml[^>]*>\s*<\?mso-application|<\?xml[^>]*>\s*<Workbook)/i;

export function readTable(opts: ReadTableOptions): ReadTableResult {
  const { file, bytes } = opts;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max)
    throw new ImportError(
      'file_too_large',
      `文件「${file}」有 ${(bytes.length / 1048576).toFixed(0)} MB，超过了 ${(max / 1048576).toFixed(0)} MB 的上限；请在平台按日期分几次导出。`,
      { file, size: bytes.length, max }
    );
  if (bytes.length === 0) throw new ImportError('empty_file', `文件「${file}」是空的（0 字节）。`, { file });

  const sniff = sniffContent(bytes);
  let result: ReadTableResult;
  if (sniff.kind === 'xlsx' || sniff.kind === 'xls') {
    const table = readSpreadsheet(bytes, { file, sheet: opts.sheet, maxRows: opts.maxRows });
    if (/\.csv$|\.txt$/i.test(file))
      table.issues.push({ kind: 'content_mismatch', severity: 'warning', message: `文件「${file}」的扩展名是文本，但内容是 Excel 工作簿，已按工作簿读取。` });
    result = { table, kind: sniff.kind };
  } else {
    const { text, ...decoded } = decodeText(bytes, { file, encoding: opts.encoding });
    if (HTML_TABLE.test(text.slice(0, 2048))) {
      result = { table: readSpreadsheet(text, { file, sheet: opts.sheet, maxRows: opts.maxRows }), kind: 'html', decoded };
    } else {
      result = { table: parseDelimited(text, { file, maxRows: opts.maxRows, onProgress: opts.onProgress }), kind: 'csv', decoded };
    }
    if (decoded.replaced > 0)
      result.table.issues.push({
        kind: 'decoding',
        severity: 'warning',
        message: `有 ${decoded.replaced} 个字符无法按 ${decoded.encoding} 解码${decoded.overridden ? '，所选编码可能不对' : '，文件可能已损坏或被截断'}。`
      });
  }
  const { table } = result;
  if (!table.headers.some((h) => h !== ''))
    throw new ImportError('no_header', `文件「${file}」里找不到表头行。`, { file });
  const fatal = table.rows.length === 0 ? table.issues.find((i) => i.severity === 'error') : undefined;
  if (fatal) throw new ImportError('no_header', `文件「${file}」：${fatal.message}`, { file });
  return result;
}
