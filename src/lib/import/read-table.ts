// One dropped file to a table, whatever its name claims: content is sniffed first, so an XLSX renamed .csv is
// read as a workbook, an .xls that is really an HTML table or tab-separated text (older platform exports) is
// read as what it is, and a ZIP, PDF or image gets a clear error. Text is decoded with encoding.ts and
// parsed with delimited.ts. Size is capped before any work: a browser worker holds the decoded text and
// every cell, so a 200 MB file is refused with a message rather than crashing the tab.
import { parseDelimited, said, type Table } from './delimited';
import { decodeText, sniffContent, type DecodedText, type TextEncodingName } from './encoding';
import { ImportError } from './errors';
import { msg, type ImportText } from './messages';
import { readSpreadsheet } from './spreadsheet';

export const DEFAULT_MAX_BYTES = 150 * 1024 * 1024;

/** The message for a file over the limit; also used by the page, which checks File.size before reading a byte. */
export const tooLargeText = (file: string, size: number, max = DEFAULT_MAX_BYTES): ImportText =>
  msg('file_too_large', { file, sizeMb: Math.ceil(size / 1048576), maxMb: Math.floor(max / 1048576) });

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
    throw new ImportError('file_too_large', tooLargeText(file, bytes.length, max), { file, size: bytes.length, max });
  if (bytes.length === 0) throw new ImportError('empty_file', msg('empty_file', { file }), { file });

  const sniff = sniffContent(bytes, file);
  let result: ReadTableResult;
  if (sniff.kind === 'xlsx' || sniff.kind === 'xls') {
    const table = readSpreadsheet(bytes, { file, sheet: opts.sheet, maxRows: opts.maxRows });
    if (/\.csv$|\.txt$/i.test(file))
      table.issues.push({ kind: 'content_mismatch', severity: 'warning', ...said('content_mismatch', { file }) });
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
        ...said(decoded.overridden ? 'decoding_override' : 'decoding_damaged', { n: decoded.replaced, encoding: decoded.encoding })
      });
  }
  const { table } = result;
  if (!table.headers.some((h) => h !== ''))
    throw new ImportError('no_header', msg('no_header', { file }), { file });
  const fatal = table.rows.length === 0 ? table.issues.find((i) => i.severity === 'error') : undefined;
  if (fatal) throw new ImportError('no_header', msg('file_unreadable', { file, detail: fatal.text }), { file });
  return result;
}
