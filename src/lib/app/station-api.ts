// The contract between the UI and the station engine (which runs in a worker and owns Yjs, IndexedDB and
// the sync connection). The UI holds this interface only; tests hand it a fake.
import type { Catalog, Order, Shipment, Station } from '../domain/schemas';
import type { OrderRow } from '../domain/order-row';
import type { OrderQuery, QueryResult, Facets } from '../domain/order-query';
import type { EditableField } from '../domain/registers';
import type { OrderEdit } from '../domain/edits';
import type { SkuSuggestion } from '../import/sku-match';
import type { ImportText } from '../import/messages';

export type { OrderEdit };

export type DemoSize = 1000 | 10000 | 100000;

export interface StationConfig extends Station {
  /** ws(s):// address of the sync server; empty = work alone. Default: the server the app was served from. */
  serverUrl: string;
  /** Warehouse secret the server checks (PACKDESK_SECRET); empty when the server has none. */
  secret: string;
  /** Who is at the station now (recorded on every edit). */
  user: string;
}

export type SyncPhase = 'off' | 'offline' | 'connecting' | 'syncing' | 'synced' | 'refused';

export interface SyncState {
  phase: SyncPhase;
  /** Why sync is refused or failing, in words for a person (e.g. "wrong secret"). */
  reason: string;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  /** Other stations connected right now. */
  peers: { id: string; name: string; user: string }[];
  serverUrl: string;
}

export interface Progress {
  phase: 'generate' | 'store' | 'index' | 'load' | 'read' | 'build' | 'done';
  done: number;
  total: number;
}

export interface HistoryEntry {
  at: number;
  station: string;
  stationName: string;
  user: string;
  field: string;
  value: unknown;
}

export interface OrderDetail {
  order: Order;
  /** The order's shipment (one per order until merge and split arrive); absent for orders stored before shipments. */
  shipment?: Shipment;
  /** What the last import found on this order (unresolved address, unmapped SKU, …). */
  flags: { kind: string; detail: string; text?: ImportText; file?: string; row?: number }[];
  row: OrderRow;
  history: HistoryEntry[];
  /** Fields where another station wrote a different value at about the same time (shown, never dropped). */
  conflicts: { field: string; values: { station: string; value: unknown; at: number }[] }[];
  /** How often each document of the shipment was printed, on every station. */
  printed?: Record<import('../print/queue/journal').DocumentKind, number>;
}


export type EngineEvent =
  | { kind: 'rows'; ids: string[] }
  | { kind: 'sync'; state: SyncState }
  | { kind: 'index'; ready: boolean; total: number }
  | { kind: 'storage-error'; message: string };

export type StorageErrorKind = 'quota' | 'deleted' | 'unavailable' | 'unknown';

/** A file the seller dropped: name and raw bytes (moved to the worker, not copied). */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Encoding picked by the seller instead of the detected one. */
  encoding?: string;
  /** Platform, when headers cannot tell (Tmall exports look like Taobao's). */
  platform?: Order['platform'];
  shopId?: string;
  /** Read only the first rows: a fast first look (sample orders, files, formats) while the full check runs. */
  quick?: boolean;
}

export interface ImportRejected {
  file: string;
  row: number;
  column?: string;
  value?: string;
  /** In Chinese; `text` is the same reason for any language (formatImport). */
  reason: string;
  text?: ImportText;
  orderNo?: string;
}

/** A file that cannot be read at all: nothing was stored. Returned, not thrown, so the code and message survive the worker boundary. */
export interface ImportFailure {
  code: string;
  /** In Chinese; `text` is the same message for any language. */
  message: string;
  text: ImportText;
}

/** A file whose headers no preset recognised: what the mapping screen needs. */
export interface UnknownFormat {
  file: string;
  headers: string[];
  /** The first rows, cells in header order. */
  samples: string[][];
  /** header -> field, where a header looked like a known one. */
  guess: Record<string, string>;
  message: string;
  text?: ImportText;
}

/** A column mapping the seller saves for an export format Packdesk does not know; synced to every station. */
export interface ImportPresetInput {
  name: string;
  platform: Order['platform'];
  mapping: Record<string, string>;
}

/** What an import would do, shown before anything is stored. */
export interface ImportPreview {
  id: string;
  /** A quick look at the first rows only: counts are partial and it cannot be imported. */
  partial?: boolean;
  /** Set when a file's format was not recognised: map its columns, save, and preview again. */
  unknown?: UnknownFormat;
  /** Set when a file cannot be read at all (empty, binary, too large, no order-number column): nothing else is filled. */
  failed?: ImportFailure;
  format: string;
  files: { file: string; presetLabel: string; platform: string; encoding?: string; encodingLabel?: string; rows: number; issues: string[]; issueTexts?: ImportText[] }[];
  counts: { orders: number; lines: number; new: number; updated: number; unchanged: number; conflicts: number; rejected: number; skipped: number; flagged: number };
  /** The first orders as orders (what will be stored), with their import flags. */
  sample: { order: Order; change: 'new' | 'updated' | 'unchanged' | 'conflict'; flags: string[] }[];
  /** Every rejected row (capped at 1,000 for display; the CSV report has all). */
  rejected: ImportRejected[];
}

export interface ImportOutcome {
  stored: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  ms: number;
}

export type ExportFormat = 'csv-utf8' | 'csv-gbk' | 'xlsx';

/** A file for the seller to download. */
export interface SavedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** What a label needs of one order, built by the engine (which holds the data) for the print worker. */
export type { PrintContext } from '../print/fields';
export type { JournalEntry, DocumentKind } from '../print/queue/journal';

/** Platform SKUs seen on order lines that have none of our SKUs, grouped, for the mapping screen (商品配对). */
export interface UnmappedSku {
  platform: Order['platform'];
  shopId: string;
  platformSku: string;
  title: string;
  spec: string;
  /** Orders holding such a line. */
  orders: number;
  /** Our SKUs it probably is, best first (exact code/barcode, then title + spec similarity). */
  suggestions: SkuSuggestion[];
}

export interface StationApi {
  /** Opens local storage; returns the saved configuration, or null before first setup. */
  open(): Promise<StationConfig | null>;
  configure(config: Omit<StationConfig, 'id'> & { id?: string }): Promise<StationConfig>;
  query(q: OrderQuery, offset: number, limit: number): Promise<QueryResult & { ready: boolean }>;
  facets(): Promise<Facets>;
  catalog(): Promise<Catalog>;
  order(id: string): Promise<OrderDetail | null>;
  edit(edit: OrderEdit): Promise<void>;
  loadDemo(size: DemoSize, seed: number, onProgress: (p: Progress) => void): Promise<{ orders: number; ms: number }>;
  syncState(): Promise<SyncState>;
  /** Reads and validates export files; stores nothing. A file that cannot be read comes back as `failed` (code + message in zh/en). */
  previewImport(files: ImportInput[], opts: ImportOptions, onProgress: (p: Progress) => void): Promise<ImportPreview>;
  /** Saves a column mapping (validated: order number, recipient, quantity, address and time columns are needed). */
  saveImportPreset(preset: ImportPresetInput): Promise<{ id: string }>;
  /** Label templates saved on any station (synced through the catalog; built-ins are not included). */
  templates(): Promise<import('../print/template').Template[]>;
  /** Adds or replaces a saved template (validated; built-in ids are refused: save a copy). */
  saveTemplate(template: import('../print/template').Template): Promise<void>;
  deleteTemplate(id: string): Promise<void>;
  /** Stores what a preview found (new orders, and updates to orders not yet printed). */
  commitImport(previewId: string, onProgress: (p: Progress) => void): Promise<ImportOutcome>;
  /** The orders a query selects as a spreadsheet (UTF-8 CSV with BOM, GBK CSV or XLSX); formula-looking cells neutralised. */
  exportOrders(q: OrderQuery, format: ExportFormat): Promise<SavedFile>;
  /** The platform's bulk-ship upload file for the selected orders that carry a tracking number. */
  exportBulkShip(q: OrderQuery, platform: Order['platform']): Promise<SavedFile & { orders: number }>;
  /** Print contexts for the orders a query selects (at most `limit`), in list order; held and cancelled orders are skipped and named. */
  printContexts(q: OrderQuery, limit: number): Promise<{ contexts: import('../print/fields').PrintContext[]; total: number; skipped: string[] }>;
  /** Stores one print journal entry; a first 'sent' counts the print (synced), 'confirmed' marks the shipment printed.
   * `covers`: the shipments a batch document (a pick list, no shipmentId) was made for; its first 'sent' counts on each. */
  journalPrint(entry: import('../print/queue/journal').JournalEntry, covers?: string[]): Promise<void>;
  /** How often each document was printed, on every station. */
  printedCounts(docs: { shipmentId: string; document: string }[]): Promise<number[]>;
  /** Platform SKUs on stored order lines that map to none of ours (most orders first). */
  unmappedSkus(): Promise<UnmappedSku[]>;
  /** Saves SKU mappings (synced) and applies them to stored orders not yet printed. Returns the orders updated. */
  mapSkus(mappings: { platform: Order['platform']; shopId: string; platformSku: string; sku: string }[]): Promise<{ orders: number }>;
  /** Imports SKUs (and, with a warehouse, opening stock) from a CSV/XLSX catalog file; synced to every station. */
  importCatalog(file: ImportInput, warehouseId?: string): Promise<{ skus: number; stock: number; rejected: ImportRejected[]; failed?: ImportFailure }>;
  /** One file with every shared document and this station's settings. */
  backup(): Promise<SavedFile>;
  /** Restores a backup file (into a fresh browser: the same station; otherwise merged). Returns the station's config. */
  restoreBackup(bytes: Uint8Array): Promise<StationConfig>;
  /** When this station last made a backup (epoch ms), or null. */
  lastBackupAt(): Promise<number | null>;
  /** This station's saved printers (station-local, not synced) and the default one. */
  printers(): Promise<import('../print/saved-printer').SavedPrinters>;
  /** Adds or replaces a printer (validated; the first one saved becomes the default). */
  savePrinter(printer: import('../print/saved-printer').SavedPrinterInput): Promise<import('../print/saved-printer').SavedPrinters>;
  deletePrinter(id: string): Promise<import('../print/saved-printer').SavedPrinters>;
  setDefaultPrinter(id: string | null): Promise<import('../print/saved-printer').SavedPrinters>;
  /** The rejected rows of a preview as a CSV file (UTF-8 with BOM) for the seller to fix and re-export. */
  rejectedReport(previewId: string): Promise<SavedFile>;
  subscribe(listener: (e: EngineEvent) => void): Promise<void>;
}

export type { EditableField };
