// Table rows to field values, the per-row half of building orders. Every row yields its order number and,
// for files that carry lines, its line (title, spec, quantity, price, SKU ids); order-level fields are only
// read later, once per order, from the first row that has them (build-orders.ts), because files repeat
// them on every line row (JD) or leave them blank after the first (Shopify) and parsing 250k copies of one
// address costs seconds. Id columns (order number, SKU ids, tracking number) are judged for Excel's
// rounding per column once the whole table is read (cleaning.ts, findRoundedIds).
import { checkIdCell, cleanCell, findRoundedIds, roundedText, type CleanCell, type IdTerm } from './cleaning';
import { formatImport, msg, TERMS, type ImportText } from './messages';
import type { Table } from './delimited';
import { FIELD_COMBINE, type ImportField, type Preset, type ResolvedColumns } from './presets/index';
import { parseCents, parseQty, type ValueResult } from './values';

export interface SourceTable {
  table: Table;
  preset: Preset;
  columns: ResolvedColumns;
  /** Rows were cut at maxRows: the last order may be incomplete and is left out. */
  truncated?: boolean;
}

export interface Rejected {
  file: string;
  row: number;
  column: string;
  value: string;
  /** The Chinese sentence; `text` is the same message for any language. */
  reason: string;
  text: ImportText;
  code: string;
  orderNo?: string;
}

export interface Got extends CleanCell {
  header: string;
}

export interface Line {
  title: string;
  spec: string;
  qty?: number;
  price?: number;
  lineTotal?: number;
  platformSku: string;
  outerSku: string;
  refundStatus: string;
  /** A SKU id or order number that might have been rounded by Excel (weak evidence): flag, don't reject. */
  doubtful?: ImportText;
}

export interface Row {
  src: SourceTable;
  idx: number;
  /** Row number as the spreadsheet shows it. */
  row: number;
  orderNo: string;
  errors: Rejected[];
  fields: RowFields;
  /** The row carries order-level fields (its file is not an item-only report). */
  isHead: boolean;
  line?: Line;
}

/** Field values of one row, combined per FIELD_COMBINE (see presets/types.ts). */
export class RowFields {
  constructor(
    private readonly src: SourceTable,
    private readonly cells: readonly string[]
  ) {}

  first(field: ImportField): Got | undefined {
    const cols = this.src.columns.byField.get(field);
    if (!cols) return undefined;
    for (const c of cols) {
      const raw = this.cells[c];
      if (!raw) continue;
      const clean = cleanCell(raw);
      if (clean.value !== '') return { value: clean.value, guarded: clean.guarded, header: this.src.table.headers[c] };
    }
    return undefined;
  }

  all(field: ImportField): Got[] {
    const cols = this.src.columns.byField.get(field) ?? [];
    const out: Got[] = [];
    for (const c of cols) {
      const raw = this.cells[c];
      if (!raw) continue;
      const clean = cleanCell(raw);
      if (clean.value !== '') out.push({ value: clean.value, guarded: clean.guarded, header: this.src.table.headers[c] });
    }
    return out;
  }

  /** The field's text: join fields joined with a space (repeats dropped), others the first non-empty value. */
  text(field: ImportField): string | undefined {
    if (FIELD_COMBINE[field] !== 'join') return this.first(field)?.value;
    const out: string[] = [];
    for (const g of this.all(field)) if (out[out.length - 1] !== g.value) out.push(g.value);
    return out.length ? out.join(' ') : undefined;
  }

  header(field: ImportField): string {
    const c = this.src.columns.byField.get(field)?.[0];
    return c === undefined ? '' : this.src.table.headers[c];
  }
}

/** Shared by every row without errors (most of them): never pushed to. */
const NO_ERRORS: Rejected[] = [];

export const ID_NAMES: Partial<Record<ImportField, IdTerm>> = { orderNo: 'orderNo', platformSku: 'platformSku', outerSku: 'outerSku', trackingNo: 'trackingNo' };
const ID_FIELDS = ['orderNo', 'platformSku', 'outerSku', 'trackingNo'] as const;

/** A number field of one row; sum fields add every column (PDD's three discounts). */
export function rowNumber(f: RowFields, field: ImportField, parse: (s: string) => ValueResult<number | undefined>, reject: (g: Got, code: string, text: ImportText) => void): number | undefined {
  const gots = FIELD_COMBINE[field] === 'sum' ? f.all(field) : [f.first(field)].filter((g): g is Got => g !== undefined);
  let total: number | undefined;
  for (const g of gots) {
    const r = parse(g.value);
    if (!r.ok) reject(g, r.code, r.text);
    else if (r.value !== undefined) total = (total ?? 0) + r.value;
  }
  return total;
}

/** Every row of one table: order number, line fields, row-level damage, and the per-column rounding verdicts. */
export function parseSource(src: SourceTable, onRow?: () => void): Row[] {
  const { table, preset } = src;
  const idCells = new Map<ImportField, (CleanCell | undefined)[]>(ID_FIELDS.filter((f) => src.columns.byField.has(f)).map((f) => [f, []]));
  const rows: Row[] = new Array(table.rows.length);
  for (let idx = 0; idx < table.rows.length; idx++) {
    const fields = new RowFields(src, table.rows[idx]);
    const rowNo = table.rowNumbers[idx];
    let errors: Rejected[] = NO_ERRORS;
    const reject = (column: string, value: string, code: string, text: ImportText) => {
      if (errors === NO_ERRORS) errors = [];
      errors.push({ file: table.file, row: rowNo, column, value, reason: formatImport(text), text, code });
    };
    const bad = table.badRows.get(idx);
    if (bad) reject('', table.rows[idx].join(table.delimiter ?? ',').slice(0, 80), bad.code, bad.text);

    const id = (field: (typeof ID_FIELDS)[number]): string => {
      const got = field === 'trackingNo' && preset.role === 'items' ? undefined : fields.first(field);
      idCells.get(field)?.push(got);
      if (!got) return '';
      const checked = checkIdCell(got, ID_NAMES[field]);
      if (!checked.ok) {
        reject(got.header, got.value, checked.code, checked.text);
        return got.value;
      }
      return checked.value;
    };
    const orderNo = id('orderNo');
    if (!orderNo) reject(fields.header('orderNo'), '', 'order_no_missing', msg('order_no_missing'));
    id('trackingNo');
    let line: Line | undefined;
    if (preset.role !== 'orders') {
      const rejectGot = (g: Got, code: string, text: ImportText) => reject(g.header, g.value, code, text);
      line = {
        title: fields.text('title') ?? '',
        spec: fields.text('spec') ?? '',
        qty: rowNumber(fields, 'qty', parseQty, rejectGot),
        price: rowNumber(fields, 'price', parseCents, rejectGot),
        lineTotal: rowNumber(fields, 'lineTotal', parseCents, rejectGot),
        platformSku: id('platformSku'),
        outerSku: id('outerSku'),
        refundStatus: preset.role === 'items' ? (fields.text('refundStatus') ?? '') : ''
      };
    } else {
      idCells.get('platformSku')?.push(undefined);
      idCells.get('outerSku')?.push(undefined);
    }
    const row: Row = { src, idx, row: rowNo, orderNo, errors, fields, isHead: preset.role !== 'items' };
    if (line) row.line = line;
    rows[idx] = row;
    onRow?.();
  }

  for (const [field, cells] of idCells) {
    const verdict = findRoundedIds(cells.map((c) => c ?? { value: '', guarded: false }));
    const what = ID_NAMES[field] ?? 'orderNo';
    for (const i of verdict.rounded) {
      const got = cells[i]!;
      if (rows[i].errors === NO_ERRORS) rows[i].errors = [];
      const text = roundedText(got.value, what);
      rows[i].errors.push({ file: table.file, row: rows[i].row, column: (got as Got).header, value: got.value, code: 'id_rounded', reason: formatImport(text), text });
    }
    for (const i of verdict.doubtful) {
      const line = rows[i].line;
      if (line) line.doubtful ??= msg('flag_id_doubtful', { what, value: cells[i]!.value });
    }
  }
  return rows;
}
