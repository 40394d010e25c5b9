// The import pipeline: dropped files in, validated orders out, nothing stored here. Each file is read
// (read-table.ts), recognised by its headers (presets/) or mapped by a saved mapping, then all files are
// built together (build-orders.ts) so Taobao's order and item reports join by order number. A file that
// cannot be read, is not recognised, or lacks its order-number column stops the import with an ImportError
// before any order is produced. Row-level problems never stop it: they become `rejected` entries (file,
// row, column, value, reason) and the orders they belong to are left out whole. Everything is a pure
// function of the inputs, so importing the same files twice, on any station, gives identical orders.
// Progress: `read` per file (bytes decoded and parsed), then `build` (rows turned into orders).
import type { Platform, Shop, SkuMapping } from '../domain/schemas';
import { buildOrders, type BuildResult, type OrderFlag, type Rejected, type Skipped, type SourceTable } from './build-orders';
import { said, type TableIssue } from './delimited';
import { ENCODING_LABELS, type TextEncodingName } from './encoding';
import { ImportError } from './errors';
import { msg } from './messages';
import { exportList, type ExportFile } from './export';
import { detectPreset, guessMapping, presetFromSaved, resolveColumns, type ColumnMapping, type Preset, type SavedPreset } from './presets/index';
import { readTable } from './read-table';

export { diffAgainst, type ChangedField, type DiffOptions, type DiffResult, type OrderUpdate } from './diff';
export type { OrderFlag, OrderFlagKind, Rejected, Skipped } from './build-orders';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  phase: 'read' | 'build';
  file?: string;
  done: number;
  total: number;
}

export interface ParseOrderFilesOptions {
  files: readonly ImportFile[];
  /** The encoding the seller picked (all files, or per file name); detection otherwise. */
  encodingOverride?: TextEncodingName | Readonly<Record<string, TextEncodingName>>;
  /** A mapping from the mapping screen, used for every file instead of recognition. */
  mapping?: SavedPreset;
  /** Saved mappings that take part in recognition like built-in presets. */
  customPresets?: readonly SavedPreset[];
  platform?: Platform;
  shopId?: string;
  shops?: readonly Shop[];
  skuMappings?: readonly SkuMapping[];
  skuCodes?: Iterable<string>;
  /** Sheet name or index for workbooks (the first sheet by default). */
  sheet?: string | number;
  /** Import orders the platform already shows as shipped (skipped by default). */
  keepShipped?: boolean;
  /** Read only this many rows per file, for a quick preview (an order cut at the end is left out). */
  limitRows?: number;
  maxBytes?: number;
  onProgress?: (p: ImportProgress) => void;
}

export interface FileReport {
  file: string;
  kind: 'csv' | 'xlsx' | 'xls' | 'html';
  presetId: string;
  presetLabel: string;
  platform: Platform;
  /** Share of the preset's signature headers present. */
  score: number;
  encoding?: { name: TextEncodingName; label: string; confidence: number; bom: boolean; overridden: boolean; replaced: number; reason: string };
  delimiter?: string;
  sheet?: string;
  sheetNames?: string[];
  rows: number;
  headers: string[];
  /** Headers no column of the preset uses. */
  unusedHeaders: string[];
  issues: TableIssue[];
}

export interface ParseOrderFilesResult {
  /** Preset ids of the files, joined with "+" (e.g. "taobao-orders+taobao-items"). */
  format: string;
  /** Encoding of the first text file (see `files` for each). */
  encoding: string;
  files: FileReport[];
  orders: BuildResult['orders'];
  rejected: Rejected[];
  skipped: Skipped[];
  flags: Record<string, OrderFlag[]>;
  stats: BuildResult['stats'];
}

const overrideFor = (opts: ParseOrderFilesOptions, file: string): TextEncodingName | undefined =>
  typeof opts.encodingOverride === 'string' ? opts.encodingOverride : opts.encodingOverride?.[file];

export function parseOrderFiles(opts: ParseOrderFilesOptions): ParseOrderFilesResult {
  if (!opts.files.length) throw new ImportError('no_files', msg('no_files'));
  const forced = opts.mapping ? presetFromSaved(opts.mapping) : undefined;
  const reports: FileReport[] = [];
  const sources: SourceTable[] = [];

  for (const f of opts.files) {
    const read = readTable({
      file: f.name,
      bytes: f.bytes,
      encoding: overrideFor(opts, f.name),
      sheet: opts.sheet,
      maxRows: opts.limitRows,
      maxBytes: opts.maxBytes,
      onProgress: (done, total) => opts.onProgress?.({ phase: 'read', file: f.name, done, total })
    });
    const { table } = read;
    let preset: Preset;
    let score = 1;
    if (forced) preset = forced;
    else {
      const { best, ranked } = detectPreset(table.headers, opts.customPresets);
      if (!best) {
        const doubtfulText = read.decoded && (read.decoded.replaced > 0 || read.decoded.confidence < 0.6);
        const top = ranked[0];
        const near = top && top.score >= 0.3 ? msg('unknown_format_near', { preset: top.preset.label, missing: top.missing }) : '';
        const garbled = doubtfulText ? msg('unknown_format_garbled', { encoding: read.decoded!.encoding }) : '';
        throw new ImportError(
          'unknown_format',
          msg('unknown_format', { file: f.name, near, garbled }),
          { file: f.name, headers: table.headers, samples: table.rows.slice(0, 5), guess: guessMapping(table.headers) }
        );
      }
      preset = best.preset;
      score = best.score;
    }
    const columns = resolveColumns(preset, table.headers);
    if (!columns.byField.has('orderNo')) {
      const expected = preset.columns.filter((c) => c.field === 'orderNo').flatMap((c) => c.headers);
      throw new ImportError('missing_column', msg('missing_order_column', { file: f.name, expected }), { file: f.name, headers: table.headers, expected });
    }
    const dupMapped = table.issues.filter((i) => i.kind === 'duplicate_header' && [...columns.used.values()].includes(i.column ?? ''));
    for (const d of dupMapped) Object.assign(d, said('duplicate_header_used', d.text.params));
    reports.push({
      file: f.name,
      kind: read.kind,
      presetId: preset.id,
      presetLabel: preset.label,
      platform: opts.platform ?? preset.platform,
      score,
      encoding: read.decoded && {
        name: read.decoded.encoding,
        label: ENCODING_LABELS[read.decoded.encoding],
        confidence: read.decoded.confidence,
        bom: read.decoded.bom,
        overridden: read.decoded.overridden,
        replaced: read.decoded.replaced,
        reason: read.decoded.reason
      },
      delimiter: table.delimiter,
      sheet: table.sheet,
      sheetNames: 'sheetNames' in table ? (table.sheetNames as string[]) : undefined,
      rows: table.rows.length,
      headers: table.headers,
      unusedHeaders: table.headers.filter((h, i) => h !== '' && !columns.used.has(i)),
      issues: table.issues
    });
    sources.push({ table, preset, columns, truncated: opts.limitRows !== undefined && table.rows.length >= opts.limitRows });
  }

  const built = buildOrders(sources, {
    platform: opts.platform,
    shopId: opts.shopId,
    shops: opts.shops,
    skuMappings: opts.skuMappings,
    skuCodes: opts.skuCodes,
    keepShipped: opts.keepShipped,
    onProgress: (done, total) => opts.onProgress?.({ phase: 'build', done, total })
  });
  const firstText = reports.find((r) => r.encoding);
  return {
    format: reports.map((r) => r.presetId).join('+'),
    encoding: firstText?.encoding?.name ?? reports[0].kind,
    files: reports,
    ...built
  };
}

export const REJECTED_HEADERS = ['文件', '行', '列', '值', '原因', '订单号', '代码'] as const;

/** The rejected rows as a downloadable CSV (UTF-8 with BOM so Excel shows Chinese; formulas neutralised). */
export function rejectedToCsv(rejected: readonly Rejected[], baseName = '导入被拒绝的行'): ExportFile {
  return exportList({
    headers: REJECTED_HEADERS,
    rows: rejected.map((r) => [r.file, String(r.row), r.column, r.value, r.reason, r.orderNo ?? '', r.code]),
    format: 'csv-utf8',
    baseName
  });
}

export type { ColumnMapping, SavedPreset };
