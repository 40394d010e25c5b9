// XLSX/XLS (and the HTML tables some platforms save as .xls) to the same table model as CSV, via SheetJS.
// Cells are turned into text the way the platform meant them, not the way Excel displays them: an integer
// stored as a number is written out in full (a 12-digit JD order number stays 12 digits instead of Excel's
// General-format 1.23457E+11), but an integer of 16+ digits cannot be exact in a workbook (Excel keeps 15
// significant digits), so it is written in scientific notation and the cleaning rules reject it as damaged.
// Date-formatted numbers become "YYYY-MM-DD HH:mm:ss" wall-clock text. Merged cells are filled with their
// top-left value (an order number merged down over its line rows belongs to every line) and reported.
// A title row above the header (a merged "订单报表 2025-11-20") is skipped and reported.
import * as XLSX from '@e965/xlsx';
import { checkHeaders, columnLetter, said, type Table } from './delimited';
import { ImportError } from './errors';
import { msg } from './messages';

export interface SpreadsheetOptions {
  file?: string;
  /** Sheet name or 0-based index; the first sheet by default. */
  sheet?: string | number;
  maxRows?: number;
}

export interface SpreadsheetTable extends Table {
  sheetNames: string[];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function dateText(serial: number): string {
  const d = XLSX.SSF.parse_date_code(serial) as { y: number; m: number; d: number; H: number; M: number; S: number };
  return `${d.y}-${pad(d.m)}-${pad(d.d)} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}`;
}

/** The text a cell stands for (see the module comment). */
export function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return cell?.w ?? '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '';
    case 'd': {
      const d = cell.v as Date;
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    }
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return dateText(v);
      if (Number.isInteger(v)) return Math.abs(v) < 1e15 ? v.toFixed(0) : v.toExponential().toUpperCase();
      return String(Number(v.toPrecision(15)));
    }
    default:
      return cell.w ?? String(cell.v);
  }
}

export function listSheets(bytes: Uint8Array | string, file = ''): string[] {
  return readWorkbook(bytes, file, true).SheetNames;
}

function readWorkbook(bytes: Uint8Array | string, file: string, namesOnly = false): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: typeof bytes === 'string' ? 'string' : 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      bookSheets: namesOnly
    });
  } catch (e) {
    const why = (e as Error).message;
    const locked = /password|encrypt/i.test(why);
    throw new ImportError('unreadable_spreadsheet', locked ? msg('workbook_locked', { file }) : msg('workbook_unreadable', { file, cause: why }), { file, cause: why });
  }
}

/** The first row (within the first 20) that looks like a header: at least half as many distinct filled cells as the widest row
 *  (distinct, so a title merged across the top does not count once per column). */
function headerRowIndex(grid: string[][]): number {
  const probe = grid.slice(0, 20);
  const filled = probe.map((r) => new Set(r.filter((c) => c !== undefined && c.trim() !== '')).size);
  const widest = Math.max(0, ...filled);
  const need = Math.max(2, Math.ceil(widest / 2));
  const i = filled.findIndex((n) => n >= need);
  return i < 0 ? 0 : i;
}

export function readSpreadsheet(bytes: Uint8Array | string, opts: SpreadsheetOptions = {}): SpreadsheetTable {
  const file = opts.file ?? '';
  const wb = readWorkbook(bytes, file);
  const names = wb.SheetNames;
  const name = typeof opts.sheet === 'number' ? names[opts.sheet] : (opts.sheet ?? names[0]);
  const ws = name !== undefined ? wb.Sheets[name] : undefined;
  if (!ws || name === undefined)
    throw new ImportError('unreadable_spreadsheet', msg('sheet_missing', { file, sheet: String(opts.sheet ?? ''), sheets: names }), { file, sheets: names });

  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const grid: string[][] = data.map((row) => (row ? Array.from(row, (c) => cellText(c)) : []));
  const issues: Table['issues'] = [];

  const merges = (ws['!merges'] ?? []) as XLSX.Range[];
  if (merges.length) {
    for (const m of merges) {
      const top = grid[m.s.r]?.[m.s.c] ?? '';
      for (let r = m.s.r; r <= m.e.r; r++) {
        grid[r] ??= [];
        for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) grid[r][c] = top;
      }
    }
    const shown = merges.slice(0, 3).map((m) => XLSX.utils.encode_range(m));
    issues.push({ kind: 'merged_cells', severity: 'warning', ...said('merged_cells', { sheet: name, n: merges.length, cells: shown }) });
  }

  const h = headerRowIndex(grid);
  if (h > 0)
    issues.push({ kind: 'header_not_first_row', severity: 'warning', row: h + 1, ...said('header_not_first_row', { row: h + 1, skipped: h }) });
  const headers = (grid[h] ?? []).map((x) => x.trim());
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const table: SpreadsheetTable = { file, sheet: name, sheetNames: names, headers, rows: [], rowNumbers: [], lines: [], badRows: new Map(), issues };
  checkHeaders(table, h + 1);
  if (!headers.length) return table;
  const width = headers.length;
  for (let r = h + 1; r < grid.length; r++) {
    const src = grid[r] ?? [];
    if (!src.some((c) => c !== undefined && c.trim() !== '')) continue;
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) row[c] = src[c] ?? '';
    const extra = src.slice(width).findIndex((c) => c !== undefined && c.trim() !== '');
    if (extra >= 0)
      issues.push({ kind: 'long_row', severity: 'warning', row: r + 1, ...said('extra_cells', { row: r + 1, col: columnLetter(width + extra) }) });
    table.rows.push(row);
    table.rowNumbers.push(r + 1);
    table.lines.push(r + 1);
    if (opts.maxRows !== undefined && table.rows.length >= opts.maxRows) break;
  }
  return table;
}
