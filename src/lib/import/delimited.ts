// CSV/TSV to the table model every importer works on: headers, rows of strings, and for each row the number
// a spreadsheet would show (header = row 1) and the physical line where it starts, so messages point at the
// right place even after multi-line quoted memos. RFC 4180 quoting, CRLF or LF, delimiter sniffed among
// , \t ; | outside quotes. Built for 250k-row exports: fields are sliced between positions found with
// indexOf (the next delimiter and next newline are cached, never rescanned), and progress is reported every
// ~1 MB so a worker can post it. Damage is reported, never guessed away: a quote that never closes (a cut-off
// file) marks that row bad, a short last row without a final newline is a truncated row, a row with extra
// non-empty fields is bad; short rows elsewhere are padded (writers drop trailing empty cells) with a warning.
import { msg, zh, type ImportMessageKey, type ImportParams, type ImportText } from './messages';
export type Delimiter = ',' | '\t' | ';' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

export type TableIssueKind =
  | 'duplicate_header'
  | 'empty_header'
  | 'unterminated_quote'
  | 'stray_quote'
  | 'truncated_row'
  | 'short_row'
  | 'long_row'
  | 'merged_cells'
  | 'header_not_first_row'
  | 'content_mismatch'
  | 'decoding';

export interface TableIssue {
  kind: TableIssueKind;
  severity: 'warning' | 'error';
  /** The Chinese sentence; `text` is the same message for any language. */
  message: string;
  text: ImportText;
  row?: number;
  line?: number;
  column?: string;
}

export interface Table {
  file: string;
  sheet?: string;
  delimiter?: Delimiter;
  headers: string[];
  rows: string[][];
  /** Row number as a spreadsheet shows it (the header is row 1), one per entry of `rows`. */
  rowNumbers: number[];
  /** Physical line where each row starts (CSV only; equals rowNumbers for spreadsheets). */
  lines: number[];
  /** Rows that must not be imported, by index into `rows`, with the reason. */
  badRows: Map<number, { code: TableIssueKind; reason: string; text: ImportText }>;
  issues: TableIssue[];
}

export interface DelimitedOptions {
  file?: string;
  delimiter?: Delimiter;
  onProgress?: (done: number, total: number) => void;
  /** Stop after this many data rows (for a quick preview). */
  maxRows?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The candidate whose per-line count (outside quotes) is most consistent over the first lines. */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const lines: Map<Delimiter, number>[] = [];
  let counts = new Map<Delimiter, number>();
  let inQuotes = false;
  for (let i = 0; i < sample.length && lines.length < 30; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === '\n') {
      lines.push(counts);
      counts = new Map();
    } else if (!inQuotes && (c === ',' || c === '\t' || c === ';' || c === '|')) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.size || !lines.length) lines.push(counts);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const per = lines.map((m) => m.get(d) ?? 0);
    const freq = new Map<number, number>();
    for (const k of per) if (k > 0) freq.set(k, (freq.get(k) ?? 0) + 1);
    let mode = 0;
    let modeN = 0;
    for (const [k, n] of freq) if (n > modeN || (n === modeN && k > mode)) [mode, modeN] = [k, n];
    if (!mode) continue;
    // Consistency first, then more columns; the header line counts double (it decides the column count).
    const score = (modeN + (per[0] === mode ? 1 : 0)) / (per.length + 1) + Math.min(mode, 50) / 1000;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

interface RawRecord {
  fields: string[];
  line: number;
  /** True for one empty unquoted field: a blank line, skipped but counted. */
  blank: boolean;
  unterminated: boolean;
  strayQuote: boolean;
  endedWithNewline: boolean;
}

function countLf(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Record-at-a-time RFC 4180 reader over one string; `next()` returns undefined at the end. */
class RecordReader {
  pos: number;
  line = 1;
  private nd = -2;
  private nl = -2;
  constructor(
    private readonly text: string,
    private readonly delim: string
  ) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  next(): RawRecord | undefined {
    const { text, delim } = this;
    const n = text.length;
    if (this.pos >= n) return undefined;
    const rec: RawRecord = { fields: [], line: this.line, blank: false, unterminated: false, strayQuote: false, endedWithNewline: false };
    let quotedAny = false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(this.pos) === QUOTE) {
        quotedAny = true;
        let start = this.pos + 1;
        value = '';
        for (;;) {
          const q = text.indexOf('"', start);
          if (q === -1) {
            const rest = text.slice(start);
            value += rest;
            this.line += countLf(rest);
            this.pos = n;
            rec.unterminated = true;
            break;
          }
          const part = text.slice(start, q);
          value += part;
          if (part.indexOf('\n') !== -1) this.line += countLf(part);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            start = q + 2;
            continue;
          }
          this.pos = q + 1;
          break;
        }
        // Text after a closing quote and before the delimiter: keep it, but say so.
        const c = text.charCodeAt(this.pos);
        if (this.pos < n && text[this.pos] !== delim && c !== LF && c !== CR) {
          const end = this.fieldEnd();
          let extra = text.slice(this.pos, end);
          if (extra.charCodeAt(extra.length - 1) === CR && end === this.nl) extra = extra.slice(0, -1);
          value += extra;
          this.pos = end;
          rec.strayQuote = true;
        }
      } else {
        const end = this.fieldEnd();
        value = text.slice(this.pos, end);
        if (end === this.nl && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
        this.pos = end;
      }
      rec.fields.push(value);
      if (this.pos >= n) break;
      const c = text.charCodeAt(this.pos);
      if (text[this.pos] === delim) {
        this.pos++;
        if (this.pos >= n) {
          rec.fields.push('');
          break;
        }
        continue;
      }
      if (c === CR && text.charCodeAt(this.pos + 1) === LF) this.pos += 2;
      else this.pos++;
      this.line++;
      rec.endedWithNewline = true;
      break;
    }
    rec.blank = !quotedAny && rec.fields.length === 1 && rec.fields[0] === '';
    return rec;
  }

  /** Position of the next delimiter or LF at or after `pos` (the field's end). */
  private fieldEnd(): number {
    const { text, pos } = this;
    if (this.nd !== -1 && this.nd < pos) this.nd = text.indexOf(this.delim, pos);
    if (this.nl !== -1 && this.nl < pos) this.nl = text.indexOf('\n', pos);
    const nd = this.nd === -1 ? text.length : this.nd;
    const nl = this.nl === -1 ? text.length : this.nl;
    return nd < nl ? nd : nl;
  }
}

/** Parse delimited text whose first non-blank record is the header row. */
export function parseDelimited(text: string, opts: DelimitedOptions = {}): Table {
  const file = opts.file ?? '';
  const delimiter = opts.delimiter ?? sniffDelimiter(text);
  const reader = new RecordReader(text, delimiter);
  const table: Table = { file, delimiter, headers: [], rows: [], rowNumbers: [], lines: [], badRows: new Map(), issues: [] };
  const total = text.length;
  const step = 1 << 20;
  let nextReport = step;
  let recordNo = 0;
  let rec: RawRecord | undefined;
  let headerSeen = false;
  while ((rec = reader.next())) {
    recordNo++;
    if (opts.onProgress && reader.pos >= nextReport) {
      opts.onProgress(reader.pos, total);
      nextReport = reader.pos + step;
    }
    if (rec.blank) continue;
    if (!headerSeen) {
      headerSeen = true;
      table.headers = rec.fields.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim());
      checkHeaders(table, recordNo);
      if (rec.unterminated)
        table.issues.push({ kind: 'unterminated_quote', severity: 'error', row: recordNo, line: rec.line, ...said('header_unterminated', { line: rec.line }) });
      continue;
    }
    const idx = table.rows.length;
    const fields = rec.fields;
    const width = table.headers.length;
    if (rec.unterminated) {
      const m = said('unterminated_quote', { row: recordNo, line: rec.line });
      table.badRows.set(idx, { code: 'unterminated_quote', reason: m.message, text: m.text });
      table.issues.push({ kind: 'unterminated_quote', severity: 'error', row: recordNo, line: rec.line, ...m });
    } else if (fields.length < width && !rec.endedWithNewline && reader.pos >= total) {
      const m = said('truncated_row', { row: recordNo, n: fields.length, width });
      table.badRows.set(idx, { code: 'truncated_row', reason: m.message, text: m.text });
      table.issues.push({ kind: 'truncated_row', severity: 'error', row: recordNo, line: rec.line, ...m });
    } else if (fields.length > width && fields.slice(width).some((f) => f !== '')) {
      const m = said('long_row', { row: recordNo, n: fields.length, extra: fields.length - width });
      table.badRows.set(idx, { code: 'long_row', reason: m.message, text: m.text });
      table.issues.push({ kind: 'long_row', severity: 'error', row: recordNo, line: rec.line, ...m });
    } else if (fields.length < width) {
      table.issues.push({ kind: 'short_row', severity: 'warning', row: recordNo, line: rec.line, ...said('short_row', { row: recordNo, n: fields.length }) });
    }
    if (rec.strayQuote)
      table.issues.push({ kind: 'stray_quote', severity: 'warning', row: recordNo, line: rec.line, ...said('stray_quote', { row: recordNo }) });
    while (fields.length < width) fields.push('');
    if (fields.length > width) fields.length = width;
    table.rows.push(fields);
    table.rowNumbers.push(recordNo);
    table.lines.push(rec.line);
    if (opts.maxRows !== undefined && table.rows.length >= opts.maxRows) break;
  }
  opts.onProgress?.(total, total);
  return table;
}

/** A message as an issue carries it: the Chinese sentence and the key + parameters for any language. */
export const said = (key: ImportMessageKey, params: ImportParams = {}): { message: string; text: ImportText } => ({ message: zh(key, params), text: msg(key, params) });

/** Duplicate and empty header names, reported once each with their positions. */
export function checkHeaders(table: Table, headerRow = 1): void {
  const seen = new Map<string, number[]>();
  table.headers.forEach((h, i) => {
    if (h === '') return;
    const at = seen.get(h);
    if (at) at.push(i);
    else seen.set(h, [i]);
  });
  for (const [h, at] of seen) {
    if (at.length < 2) continue;
    const cols = at.map((i) => columnLetter(i));
    table.issues.push({ kind: 'duplicate_header', severity: 'warning', row: headerRow, column: h, ...said('duplicate_header', { header: h, n: at.length, cols }) });
  }
  const empty = table.headers.map((h, i) => (h === '' ? i : -1)).filter((i) => i >= 0 && i < table.headers.length - 1);
  if (empty.length)
    table.issues.push({ kind: 'empty_header', severity: 'warning', row: headerRow, ...said('empty_header', { cols: empty.map(columnLetter) }) });
}

/** Spreadsheet column letter for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

export interface WriteDelimitedOptions {
  delimiter?: Delimiter;
  eol?: '\r\n' | '\n';
}

/** RFC 4180 writer: quotes a field only when it must, and a lone empty field so the row is not blank. */
export function toDelimited(rows: readonly (readonly string[])[], opts: WriteDelimitedOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\r\n';
  const needs = new RegExp(`["\\r\\n${d === '|' ? '\\|' : d}]`);
  const out: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0] === '') {
      out[r] = '""';
      continue;
    }
    let line = '';
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (i) line += d;
      line += needs.test(v) ? '"' + v.replaceAll('"', '""') + '"' : v;
    }
    out[r] = line;
  }
  return out.join(eol) + (rows.length ? eol : '');
}
