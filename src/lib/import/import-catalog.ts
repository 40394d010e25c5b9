// Catalog import: SKUs (code, barcodes, name, spec, weight, location, price) and opening stock per warehouse
// from a seller's own sheet (CSV/TSV in any encoding, or XLSX), read with the same table reader and
// cleaning rules as orders. Headers are matched by name in Chinese or English (CATALOG_HEADERS), so there is
// no platform preset. Barcodes are ids: a barcode Excel turned into 6.90123E+12 is rejected like an order
// number would be. Weights are grams; a "(kg)" header or a "0.5kg" value is converted. A SKU code that
// appears twice is rejected on its later rows (the first wins), never merged silently.
import { Sku, StockSeed } from '../domain/schemas';
import { checkIdCell, cleanCell } from './cleaning';
import { columnLetter } from './delimited';
import type { TextEncodingName } from './encoding';
import { ImportError } from './errors';
import { formatImport, msg, reasonOf, type ImportText } from './messages';
import type { ImportFile } from './import-orders';
import { normaliseHeader } from './presets/index';
import type { Rejected } from './parse-rows';
import { readTable } from './read-table';
import { parseCents } from './values';

export type CatalogField = 'code' | 'barcodes' | 'name' | 'spec' | 'weight' | 'weightKg' | 'location' | 'onHand' | 'price';

export const CATALOG_HEADERS: Record<CatalogField, readonly string[]> = {
  code: ['商品编码', 'SKU编码', '商家编码', 'SKU', 'sku', 'code'],
  barcodes: ['条码', '条形码', '商品条码', 'barcode', 'barcodes'],
  name: ['商品名称', '名称', 'name'],
  spec: ['规格', '规格名称', 'spec'],
  weight: ['重量(g)', '重量(克)', '重量', 'weight_g', 'weight'],
  weightKg: ['重量(kg)', '重量(千克)', '重量(公斤)', 'weight_kg'],
  location: ['库位', '货位', 'location'],
  onHand: ['库存', '库存数量', '可用库存', 'on_hand', 'stock'],
  price: ['售价', '单价', '价格', 'price']
};

export interface CatalogImportOptions {
  file: ImportFile;
  /** The warehouse the stock column counts (omit to import SKUs only). */
  warehouseId?: string;
  encodingOverride?: TextEncodingName;
  sheet?: string | number;
}

export interface CatalogImportResult {
  skus: Sku[];
  stock: StockSeed[];
  rejected: Rejected[];
  /** Headers no catalog field uses. */
  unusedHeaders: string[];
}

/** Grams, or undefined when the cell is not a weight. */
function parseWeight(raw: string, kgColumn: boolean): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(kg|千克|公斤|g|克)?$/i.exec(raw.replace(/\s+/g, ''));
  if (!m) return undefined;
  const unit = (m[2] ?? (kgColumn ? 'kg' : 'g')).toLowerCase();
  const kg = unit === 'kg' || unit === '千克' || unit === '公斤';
  return Math.round(Number(m[1]) * (kg ? 1000 : 1));
}

export function parseCatalogFile(opts: CatalogImportOptions): CatalogImportResult {
  const { file } = opts;
  const { table } = readTable({ file: file.name, bytes: file.bytes, encoding: opts.encodingOverride, sheet: opts.sheet });
  const index = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const k = normaliseHeader(h);
    if (k && !index.has(k)) index.set(k, i);
  });
  const col = {} as Record<CatalogField, number | undefined>;
  for (const f of Object.keys(CATALOG_HEADERS) as CatalogField[])
    col[f] = CATALOG_HEADERS[f].map((h) => index.get(normaliseHeader(h))).find((i) => i !== undefined);
  if (col.code === undefined)
    throw new ImportError('missing_column', msg('missing_sku_column', { file: file.name, expected: [...CATALOG_HEADERS.code] }), { file: file.name, headers: table.headers, expected: [...CATALOG_HEADERS.code] });

  const used = new Set(Object.values(col).filter((i): i is number => i !== undefined));
  const result: CatalogImportResult = { skus: [], stock: [], rejected: [], unusedHeaders: table.headers.filter((h, i) => h && !used.has(i)) };
  const seen = new Map<string, number>();
  table.rows.forEach((cells, idx) => {
    const row = table.rowNumbers[idx];
    const errors: Rejected[] = [];
    const reject = (field: CatalogField | '', value: string, code: string, text: ImportText) =>
      errors.push({ file: file.name, row, column: field && col[field] !== undefined ? table.headers[col[field]!] : '', value, code, reason: formatImport(text), text });
    const cell = (f: CatalogField) => (col[f] === undefined ? '' : cleanCell(cells[col[f]!] ?? '').value);
    const bad = table.badRows.get(idx);
    if (bad) reject('', '', bad.code, bad.text);

    const codeCell = cleanCell(cells[col.code!] ?? '');
    const code = checkIdCell(codeCell, 'skuCode');
    if (!code.ok) reject('code', codeCell.value, code.code, code.text);
    else if (seen.has(code.value)) reject('code', code.value, 'duplicate_sku', msg('duplicate_sku', { value: code.value, row: seen.get(code.value)! }));

    const barcodes: string[] = [];
    for (const b of cell('barcodes').split(/[,，;；/|\s]+/).filter(Boolean)) {
      const c = checkIdCell({ value: b, guarded: false }, 'barcode');
      if (c.ok) barcodes.push(c.value);
      else reject('barcodes', b, c.code, c.text);
    }
    let weight = 0;
    const w = col.weightKg !== undefined ? cell('weightKg') : cell('weight');
    if (w) {
      const g = parseWeight(w, col.weightKg !== undefined);
      if (g === undefined) reject(col.weightKg !== undefined ? 'weightKg' : 'weight', w, 'weight_invalid', msg('weight_invalid', { value: w }));
      else weight = g;
    }
    let price = 0;
    const p = cell('price');
    if (p) {
      const r = parseCents(p);
      if (!r.ok) reject('price', p, r.code, r.text);
      else price = r.value ?? 0;
    }
    let onHand: number | undefined;
    const s = cell('onHand');
    if (s && opts.warehouseId) {
      if (!/^-?\d+$/.test(s)) reject('onHand', s, 'stock_invalid', msg('stock_invalid', { value: s }));
      else onHand = Number(s);
    }
    if (errors.length || !code.ok) {
      result.rejected.push(...errors);
      return;
    }
    const sku = Sku.safeParse({ code: code.value, barcodes, name: cell('name'), spec: cell('spec'), weight, location: cell('location'), price });
    if (!sku.success) {
      result.rejected.push({ file: file.name, row, column: columnLetter(col.code!), value: code.value, code: 'schema', ...reasonOf('sku_schema', { detail: sku.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') }) });
      return;
    }
    seen.set(code.value, row);
    result.skus.push(sku.data);
    if (onHand !== undefined && opts.warehouseId) result.stock.push(StockSeed.parse({ warehouseId: opts.warehouseId, sku: code.value, onHand }));
  });
  return result;
}
