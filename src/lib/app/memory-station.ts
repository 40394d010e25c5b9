// A StationApi held entirely in memory: the same order index, rows, registers, history and events as the
// real engine, without IndexedDB, Yjs or a worker. Browser tests drive the UI with it, `?memory=1` runs the
// app on it, and its extra hooks let a test play another station (remoteEdit), sync (setSync) or a failing
// store (emit a storage error, failNext).
import type { Clock } from '../domain/ports';
import type { Catalog, Order } from '../domain/schemas';
import { OrderIndex, type OrderQuery } from '../domain/order-query';
import { toOrderRow, type OrderRegisters } from '../domain/order-row';
import { concurrentLosers, type StationEntry } from '../domain/registers';
import { planEdit } from '../domain/edits';
import { parseOrderFiles, diffAgainst, exportList, orderListRows, ORDER_LIST_HEADERS, bulkShipFile } from '../import/index';
import { shardOf } from '../domain/ids';
import { createDemoContext, demoOrder, generateCatalog } from '../domain/demo/generate';
import { storedTemplates, templateToSave } from '../print/designer/library';
import { NO_PRINTERS, removePrinter, upsertPrinter, withDefault, type SavedPrinters } from '../print/saved-printer';
import type {
  DemoSize,
  EngineEvent,
  HistoryEntry,
  OrderDetail,
  OrderEdit,
  Progress,
  StationApi,
  StationConfig,
  SyncState
} from './station-api';

export interface MemoryStationOptions {
  /** Start configured (skips the setup dialog); default: unconfigured, like a fresh browser profile. */
  config?: StationConfig | null;
  clock?: Clock;
  /** Initial sync state; default derives from the config (no server: 'off', else 'offline'). */
  sync?: Partial<SyncState>;
}

export interface StationRef {
  id: string;
  name: string;
  user: string;
}

export interface MemoryStation extends StationApi {
  /** Applies an edit as if another station had made it (and it had synced here). */
  remoteEdit(edit: OrderEdit, from: StationRef, at?: number): Promise<void>;
  setSync(state: Partial<SyncState>): void;
  emit(event: EngineEvent): void;
  /** The next call of `method` rejects with `message`. */
  failNext(method: keyof StationApi, message: string): void;
  readonly size: number;
}

const DAY = 86_400_000;
const CHINA = 8 * 3600_000;
const CHUNK = 2000;
const emptyCatalog = (): Catalog => ({ shops: [], skus: [], skuMappings: [], couriers: [], warehouses: [], stock: [] });
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createMemoryStation(opts: MemoryStationOptions = {}): MemoryStation {
  const clock = opts.clock ?? { now: () => Date.now() };
  const index = new OrderIndex();
  const orders = new Map<string, Order>();
  const imports = new Map<string, Order[]>();
  const templates = new Map<string, unknown>();
  let printers: SavedPrinters = NO_PRINTERS;
  const registers = new Map<string, OrderRegisters>();
  const history = new Map<string, HistoryEntry[]>();
  const stationNames = new Map<string, string>();
  const listeners = new Set<(e: EngineEvent) => void>();
  const failures = new Map<string, string>();
  let config: StationConfig | null = opts.config ?? null;
  let catalog = emptyCatalog();
  let ready = true;
  let sync: SyncState = {
    phase: config?.serverUrl ? 'offline' : 'off',
    reason: config?.serverUrl ? 'in-memory station: no network' : '',
    pending: 0,
    peers: [],
    serverUrl: config?.serverUrl ?? '',
    ...opts.sync
  };
  if (config) stationNames.set(config.id, config.name);

  const emit = (e: EngineEvent) => {
    for (const l of listeners) l(e);
  };

  const failure = (method: keyof StationApi) => {
    const message = failures.get(method);
    if (message === undefined) return;
    failures.delete(method);
    throw new Error(message);
  };

  const need = <T>(v: T | null | undefined, what: string): T => {
    if (v === null || v === undefined) throw new Error(what);
    return v;
  };

  const project = (id: string) => {
    const o = orders.get(id);
    if (o) index.upsert([toOrderRow(o, shardOf(o.id, o.paidAt), registers.get(id))]);
  };

  function write(orderId: string, field: string, value: unknown, by: StationRef, at: number): void {
    let regs = registers.get(orderId);
    if (!regs) registers.set(orderId, (regs = new Map()));
    const entries = (regs.get(field) ?? []).filter((e) => e.station !== by.id);
    const entry: StationEntry = { v: value, at, by: by.user || by.name, station: by.id };
    regs.set(field, [...entries, entry]);
    let log = history.get(orderId);
    if (!log) history.set(orderId, (log = []));
    log.push({ at, station: by.id, stationName: by.name, user: by.user || by.name, field, value });
  }

  function applyEdit(e: OrderEdit, by: StationRef, at: number): void {
    const order = need(orders.get(e.orderId), `order ${e.orderId} not found`);
    const current = need(index.get(e.orderId), `order ${e.orderId} not found`);
    const couriers = new Map((catalog?.couriers ?? []).map((c) => [c.id, c]));
    for (const w of planEdit({ edit: e, order, row: current, couriers })) write(e.orderId, w.field, w.value, by, at);
    project(e.orderId);
    emit({ kind: 'rows', ids: [e.orderId] });
  }

  const self = (): StationRef => {
    const c = need(config, 'set up the station first');
    return { id: c.id, name: c.name, user: c.user };
  };

  return {
    get size() {
      return index.size;
    },

    async open() {
      failure('open');
      return config;
    },

    async configure(input) {
      failure('configure');
      const id = input.id || config?.id || `mem-${Math.random().toString(36).slice(2, 10)}`;
      config = { ...input, id };
      stationNames.set(id, config.name);
      sync = { ...sync, serverUrl: config.serverUrl, phase: config.serverUrl ? 'offline' : 'off', reason: config.serverUrl ? 'in-memory station: no network' : '' };
      emit({ kind: 'sync', state: sync });
      return config;
    },

    async query(q: OrderQuery, offset: number, limit: number) {
      failure('query');
      return { ...index.query(q, offset, limit), ready };
    },

    async facets() {
      failure('facets');
      return index.facets();
    },

    async catalog() {
      failure('catalog');
      return catalog;
    },

    async order(id: string): Promise<OrderDetail | null> {
      failure('order');
      const order = orders.get(id);
      const row = index.get(id);
      if (!order || !row) return null;
      const conflicts: OrderDetail['conflicts'] = [];
      for (const [field, entries] of registers.get(id) ?? []) {
        if (field !== 'status' && concurrentLosers(entries).length)
          conflicts.push({ field, values: entries.map((e) => ({ station: stationNames.get(e.station) ?? e.station, value: e.v, at: e.at })) });
      }
      return { order, row, history: [...(history.get(id) ?? [])], conflicts, flags: [] };
    },

    async edit(e: OrderEdit) {
      failure('edit');
      applyEdit(e, self(), clock.now());
    },

    async remoteEdit(e, from, at) {
      stationNames.set(from.id, from.name);
      applyEdit(e, from, at ?? clock.now());
    },

    async previewImport(files, opts, onProgress) {
      failure('previewImport');
      need(config, 'set up the station first');
      const parsed = parseOrderFiles({ files, platform: opts.platform, shopId: opts.shopId, shops: catalog?.shops, skuMappings: catalog?.skuMappings });
      const diff = diffAgainst({ existing: orders, incoming: parsed.orders, isPrinted: () => false });
      const id = `mem-imp-${imports.size + 1}`;
      imports.set(id, [...diff.new, ...diff.updated.map((u) => u.after)]);
      onProgress({ phase: 'done', done: parsed.orders.length, total: parsed.orders.length });
      const isNew = new Set(diff.new.map((o) => o.id));
      return {
        id,
        format: parsed.format,
        files: parsed.files.map((f) => ({ file: f.file, presetLabel: f.presetLabel, platform: f.platform, encoding: f.encoding?.name, encodingLabel: f.encoding?.label, rows: f.rows, issues: f.issues.map((i) => i.message) })),
        counts: { orders: parsed.orders.length, lines: parsed.stats.lines, new: diff.new.length, updated: diff.updated.length, unchanged: diff.unchanged.length, conflicts: diff.conflicts.length, rejected: parsed.stats.rejectedOrders, skipped: parsed.skipped.length, flagged: 0 },
        sample: parsed.orders.slice(0, 20).map((order) => ({ order, change: isNew.has(order.id) ? 'new' : 'updated', flags: (parsed.flags[order.id] ?? []).map((f) => f.kind) })),
        rejected: parsed.rejected.map((r) => ({ file: r.file, row: r.row, column: r.column, value: r.value, reason: r.reason, orderNo: r.orderNo }))
      };
    },

    async importCatalog() {
      failure('importCatalog');
      throw new Error('catalog import needs a real station');
    },

    async unmappedSkus() {
      return [];
    },

    async mapSkus() {
      failure('mapSkus');
      throw new Error('SKU mapping needs a real station');
    },

    async printContexts() {
      failure('printContexts');
      throw new Error('printing needs a real station (the in-memory demo station has no print journal)');
    },

    async journalPrint() {
      throw new Error('printing needs a real station');
    },

    async printedCounts(docs) {
      return docs.map(() => 0);
    },

    async backup() {
      failure('backup');
      throw new Error('the in-memory demo station keeps nothing to back up');
    },

    async restoreBackup() {
      failure('restoreBackup');
      throw new Error('the in-memory demo station cannot restore backups');
    },

    async lastBackupAt() {
      return null;
    },

    async printers() {
      return printers;
    },

    async savePrinter(p) {
      failure('savePrinter');
      return (printers = upsertPrinter(printers, p));
    },

    async deletePrinter(id) {
      return (printers = removePrinter(printers, id));
    },

    async setDefaultPrinter(id) {
      return (printers = withDefault(printers, id));
    },

    async saveImportPreset(input) {
      failure('saveImportPreset');
      return { id: `mem-${input.name}` };
    },

    async templates() {
      failure('templates');
      return storedTemplates(templates.values());
    },

    async saveTemplate(input) {
      failure('saveTemplate');
      const t = templateToSave(input);
      templates.set(t.id, structuredClone(t));
    },

    async deleteTemplate(id) {
      failure('deleteTemplate');
      templates.delete(id);
    },

    async commitImport(previewId, onProgress) {
      failure('commitImport');
      const list = need(imports.get(previewId), 'this import preview has expired');
      for (const o of list) orders.set(o.id, o);
      index.upsert(list.map((o) => toOrderRow(o, shardOf(o.id, o.paidAt), registers.get(o.id))));
      imports.delete(previewId);
      emit({ kind: 'rows', ids: list.slice(0, 200).map((o) => o.id) });
      onProgress({ phase: 'done', done: list.length, total: list.length });
      return { stored: list.length, updated: 0, unchanged: 0, conflicts: 0, ms: 0 };
    },

    async exportOrders(q, format) {
      failure('exportOrders');
      const list = index.query(q, 0, Number.MAX_SAFE_INTEGER).rows.map((r) => ({ ...need(orders.get(r.id), r.id), sellerMemo: r.memo }));
      const file = exportList({ headers: ORDER_LIST_HEADERS, rows: orderListRows(list), format, baseName: 'packdesk-orders' });
      return { name: file.fileName, mime: file.mimeType, bytes: file.bytes };
    },

    async exportBulkShip(q, platform) {
      failure('exportBulkShip');
      const list = index.query({ ...q, platforms: [platform] }, 0, Number.MAX_SAFE_INTEGER).rows.flatMap((r) => {
        const o = orders.get(r.id);
        return o?.trackingNo && o.courierId ? [{ orderNo: o.orderNo, courierId: o.courierId, trackingNo: o.trackingNo }] : [];
      });
      const file = bulkShipFile({ platform, records: list, shipDate: clock.now() });
      return { name: file.fileName, mime: file.mimeType, bytes: file.bytes, orders: list.length };
    },

    async rejectedReport() {
      failure('rejectedReport');
      return { name: 'rejected.csv', mime: 'text/csv', bytes: new Uint8Array() };
    },

    async loadDemo(size: DemoSize, seed: number, onProgress: (p: Progress) => void) {
      failure('loadDemo');
      need(config, 'set up the station first');
      const t0 = clock.now();
      const cat = generateCatalog(seed);
      catalog = cat;
      // Same "now" rule as the engine: the start of today in China time, so the same demo gives the same orders.
      const now = Math.floor((clock.now() + CHINA) / DAY) * DAY - CHINA;
      const ctx = createDemoContext({ seed, catalog: cat, now });
      ready = false;
      emit({ kind: 'index', ready: false, total: index.size });
      for (let start = 0; start < size; start += CHUNK) {
        const end = Math.min(size, start + CHUNK);
        const rows = [];
        for (let i = start; i < end; i++) {
          const o = demoOrder(ctx, i);
          orders.set(o.id, o);
          rows.push(toOrderRow(o, shardOf(o.id, o.paidAt), registers.get(o.id)));
        }
        index.upsert(rows);
        onProgress({ phase: 'generate', done: end, total: size });
        await pause();
      }
      onProgress({ phase: 'index', done: size, total: size });
      index.query({}, 0, 1);
      ready = true;
      emit({ kind: 'index', ready: true, total: index.size });
      emit({ kind: 'rows', ids: [] });
      onProgress({ phase: 'done', done: size, total: size });
      return { orders: size, ms: clock.now() - t0 };
    },

    async syncState() {
      failure('syncState');
      return sync;
    },

    async subscribe(listener) {
      failure('subscribe');
      listeners.add(listener);
    },

    setSync(state) {
      sync = { ...sync, ...state };
      emit({ kind: 'sync', state: sync });
    },

    emit,

    failNext(method, message) {
      failures.set(method, message);
    }
  };
}
