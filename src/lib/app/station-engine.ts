// The station engine: composes the Yjs documents (source of truth), their attachments (DocHost), the Dexie
// index and the in-memory query index into the StationApi the UI uses. It runs in a worker in the browser
// and in Node under test with fakes, so it never reaches for browser globals itself.
import * as Y from 'yjs';
import type { Clock } from '../domain/ports';
import { OrderIndex, OrderQuery } from '../domain/order-query';
import { AUDIT_FLAGS, printedField, sumCounter, toOrderRow, type OrderRow } from '../domain/order-row';
import type { PrintContext } from '../print/fields';
import { orderOfEntity } from '../sync/shard-doc';
import { concurrentLosers } from '../domain/registers';
import { planEdit } from '../domain/edits';
import { activeShards, shardOf, shipmentId } from '../domain/ids';
import { shipmentCatalog, wholeOrderShipment } from '../domain/shipment';
import { generateCatalog, createDemoContext, demoOrder } from '../domain/demo/generate';
import type { Order } from '../domain/schemas';
import { statusRank } from '../domain/status';
import { parseCatalogFile, parseOrderFiles, diffAgainst, rejectedToCsv, exportList, orderListRows, ORDER_LIST_HEADERS, bulkShipFile, isImportError, SavedPreset, missingForMapping, type ParseOrderFilesResult, type DiffResult } from '../import/index';
import { contentHash } from '../domain/ids';
import type { TextEncodingName } from '../import/encoding';
import { SkuMatcher } from '../import/sku-match';
import { ShardDoc, type ImportFlag } from '../sync/shard-doc';
import { CatalogDoc, DirectoryDoc } from '../sync/catalog-doc';
import { storedTemplates, templateToSave } from '../print/designer/library';
import { DocHost, LOCAL } from '../sync/doc-host';
import { decodeBackup, encodeBackup } from '../sync/backup';
import { StationDb, binKey, describeStorageError, packBin, unpackBin, type JournalRow, type RowBin } from '../storage/station-db';
import { parseSavedPrinters, removePrinter, upsertPrinter, withDefault, type SavedPrinters } from '../print/saved-printer';
import type { Leadership } from '../storage/leader';
import type { DemoSize, EngineEvent, ImportPreview, OrderDetail, OrderEdit, Progress, StationApi, StationConfig, UnmappedSku } from './station-api';

export interface EngineDeps {
  db: StationDb;
  host: DocHost;
  clock: Clock;
  leadership: Leadership;
  newStationId(): string;
}

export interface StationEngine extends StationApi {
  setOnline(online: boolean): void;
  /** Reports a storage failure that surfaced outside the engine's own calls (e.g. a document persistence write). */
  reportStorageFailure(err: unknown): void;
  close(): Promise<void>;
  /** Test and benchmark hook: resolves once every pending change is in the index (and Dexie, when leader). */
  flushNow(): Promise<void>;
  whenSynced(ms: number): Promise<void>;
}

const DAY = 86_400_000;
/** Rows read for the quick first look at an import (enough for the first orders and the format). */
const QUICK_PREVIEW_ROWS = 2000;
/** yyyymmdd-hhmm in China time, for file names. */
const chinaStamp = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
/** Shards of this many recent days stay open even when every order in them is finished. */
const ACTIVE_DAYS = 14;
const CHINA = 8 * 3600_000;
const svKey = (doc: Y.Doc) => Array.from(Y.encodeStateVector(doc)).join(',');


/** The unfiltered list, newest first: what a station shows on opening. */
function isPlainList(input: OrderQuery): boolean {
  const q = OrderQuery.parse(input);
  const noFilters = !q.search.trim() && !q.statuses.length && !q.platforms.length && !q.shops.length && !q.provinces.length && !q.couriers.length && q.paidFrom === undefined && q.paidTo === undefined;
  return noFilters && q.sort === 'paidAt' && q.desc;
}

export function createStationEngine(deps: EngineDeps): StationEngine {
  const { db, host, clock, leadership } = deps;
  const index = new OrderIndex();
  let indexReady = false;
  let config: StationConfig | null = null;
  let directory: DirectoryDoc | undefined;
  let catalog: CatalogDoc | undefined;
  const shards = new Map<string, ShardDoc>();
  const shardOpening = new Map<string, Promise<ShardDoc>>();
  const changed = new Map<string, Set<string>>();
  const listeners = new Set<(e: EngineEvent) => void>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> = Promise.resolve();
  let started = false;
  /** Parsed imports waiting for the seller's confirmation (kept in the worker: 100k orders never cross threads). */
  const pendingImports = new Map<string, { parsed: ParseOrderFilesResult; diff: DiffResult }>();
  let importSeq = 0;

  const emit = (e: EngineEvent) => {
    for (const l of listeners) {
      try {
        void Promise.resolve(l(e)).catch(() => listeners.delete(l));
      } catch {
        listeners.delete(l);
      }
    }
  };
  /** The last storage failure since a bulk operation started: bulk work stops on it instead of piling up. */
  let storageError: string | undefined;
  const storageFailed = (err: unknown) => {
    storageError = describeStorageError(err).message;
    emit({ kind: 'storage-error', message: storageError });
  };

  db.on('versionchange', () => {
    storageFailed(Object.assign(new Error('database deleted'), { name: 'DatabaseClosedError' }));
  });
  host.onState((state) => emit({ kind: 'sync', state }));

  function markChanged(shard: string, ids: Iterable<string>): void {
    let set = changed.get(shard);
    if (!set) changed.set(shard, (set = new Set()));
    for (const id of ids) set.add(id);
    if (!flushTimer) flushTimer = setTimeout(() => void flush(), 15);
  }

  /** Order ids per stored bin (see station-db.ts), so a bin can be written again whole from the memory index. */
  const binMembers = new Map<string, Set<string>>();
  const place = (rows: readonly OrderRow[]) => {
    for (const r of rows) {
      const key = binKey(r.shard, r.id);
      let set = binMembers.get(key);
      if (!set) binMembers.set(key, (set = new Set()));
      set.add(r.id);
    }
  };
  /** Bins and watermarks waiting for the end of a bulk store (written once, not once per chunk). */
  let bulk = 0;
  const pendingBins = new Set<string>();
  const pendingMarks = new Map<string, string>();
  /** Resolves once the memory index holds what Dexie held at start: bins are written from memory only after. */
  let indexLoaded: Promise<void> = Promise.resolve();
  /** Resolves once the newest bins are in memory: the list's first page waits for it, not for everything. */
  let firstPageLoaded!: () => void;
  const firstPage = new Promise<void>((r) => (firstPageLoaded = r));

  /** Writes bins from the memory index (an empty bin is deleted) and then the watermarks, in a few transactions. */
  async function writeBins(keys: Iterable<string>, marks: Map<string, string>): Promise<void> {
    await indexLoaded;
    const all = [...keys];
    const PER_TX = 400;
    for (let i = 0; i < all.length || (i === 0 && marks.size); i += PER_TX) {
      const part = all.slice(i, i + PER_TX);
      const last = i + PER_TX >= all.length;
      await db.transaction('rw', db.bins, db.meta, async () => {
        const put: RowBin[] = [];
        const drop: string[] = [];
        for (const key of part) {
          const rows: OrderRow[] = [];
          for (const id of binMembers.get(key) ?? []) {
            const r = index.get(id);
            if (r) rows.push(r);
          }
          if (rows.length) put.push(packBin(key, rows));
          else drop.push(key);
        }
        if (put.length) await db.bins.bulkPut(put);
        if (drop.length) await db.bins.bulkDelete(drop);
        if (last) await db.meta.bulkPut([...marks].map(([name, value]) => ({ key: `wm:${name}`, value })));
      });
    }
  }

  /**
   * Writes these bins and everything still pending (a bulk store's bins, or bins a failed write left behind).
   * On failure they stay pending for the next flush: a later flush must never write a shard's watermark
   * while some of its bins were not written.
   */
  async function writePending(touched: Set<string>, marks: Map<string, string>): Promise<void> {
    const keys = new Set([...pendingBins, ...touched]);
    const allMarks = new Map([...pendingMarks, ...marks]);
    pendingBins.clear();
    pendingMarks.clear();
    try {
      await writeBins(keys, allMarks);
    } catch (err) {
      for (const k of keys) pendingBins.add(k);
      for (const [name, v] of allMarks) if (!pendingMarks.has(name)) pendingMarks.set(name, v);
      storageFailed(err);
    }
  }

  /** Projects every changed order into the memory index and, on the leader tab, into Dexie. */
  function flush(): Promise<void> {
    flushing = flushing.then(async () => {
      clearTimeout(flushTimer);
      flushTimer = undefined;
      if (!changed.size) return;
      const batch = [...changed];
      changed.clear();
      const rows: OrderRow[] = [];
      const gone: string[] = [];
      const touched = new Set<string>();
      const marks = new Map<string, string>();
      for (const [name, ids] of batch) {
        const shard = shards.get(name);
        if (!shard) continue;
        for (const id of ids) {
          const o = shard.order(id);
          if (o) rows.push(toOrderRow(o, name, shard.registersOf(id), shard.flagsOf(id).map((f) => f.kind)));
          else {
            gone.push(id);
            const key = binKey(name, id);
            binMembers.get(key)?.delete(id);
            touched.add(key);
          }
        }
        marks.set(name, svKey(shard.doc));
      }
      index.upsert(rows);
      if (gone.length) index.remove(gone);
      place(rows);
      for (const r of rows) touched.add(binKey(r.shard, r.id));
      if (leadership.isLeader()) {
        if (bulk) {
          for (const k of touched) pendingBins.add(k);
          for (const [name, v] of marks) pendingMarks.set(name, v);
        } else await writePending(touched, marks);
      }
      emit({ kind: 'rows', ids: rows.slice(0, 200).map((r) => r.id) });
    });
    return flushing;
  }

  /**
   * Bulk stores (demo, import) write chunk after chunk into the documents and the memory index, and write the
   * Dexie index once at the end: its bins would otherwise be rewritten with every chunk. A storage failure
   * stops the work at the next chunk with the count of orders safely stored before it. `done` must run in a
   * finally: it ends bulk mode and writes the bins, also after a failure.
   */
  function storePipeline(stopped: (done: number) => string) {
    storageError = undefined;
    bulk++;
    let ended = false;
    let previous: { flushed: Promise<void>; done: number } | undefined;
    const settle = async () => {
      if (!previous) return;
      await previous.flushed;
      if (storageError) throw new Error(`${stopped(previous.done)} ${storageError}`);
    };
    const done = async () => {
      if (ended) return;
      ended = true;
      await flush().catch(() => undefined);
      // In the flush chain, so no ordinary flush can write a watermark between two of these transactions.
      flushing = flushing.then(async () => {
        bulk--;
        if (!bulk) await writePending(new Set(), new Map());
      });
      await flushing;
    };
    return {
      /** Call after putting the chunk that starts at `start`. */
      async next(start: number): Promise<void> {
        await settle();
        previous = { flushed: flush(), done: start };
      },
      async end(total: number): Promise<void> {
        await settle();
        await done();
        if (storageError) throw new Error(`${stopped(total)} ${storageError}`);
      },
      done
    };
  }

  function openShard(name: string): Promise<ShardDoc> {
    const have = shards.get(name);
    if (have) return Promise.resolve(have);
    let p = shardOpening.get(name);
    if (!p) {
      p = (async () => {
        const doc = await host.open(name);
        const shard = new ShardDoc(name, doc);
        shard.onChanged((ids) => markChanged(name, ids));
        shards.set(name, shard);
        shardOpening.delete(name);
        await checkWatermark(shard);
        return shard;
      })();
      shardOpening.set(name, p);
    }
    return p;
  }

  /** A shard whose document state differs from what the Dexie index last saw is projected again in full. */
  async function checkWatermark(shard: ShardDoc): Promise<void> {
    const mark = await db.getMeta<string>(`wm:${shard.name}`).catch(() => undefined);
    if (mark !== svKey(shard.doc) || !leadership.isLeader()) markChanged(shard.name, shard.allOrderIds());
  }

  /** Reads the stored index bins, newest days first, so the first rows on screen come from the first reads. */
  async function loadIndexFromDb(): Promise<void> {
    try {
      let last: string | undefined;
      for (let size = 32; ; size = Math.min(size * 4, 512)) {
        const page = await (last === undefined ? db.bins.orderBy(':id') : db.bins.where(':id').below(last)).reverse().limit(size).toArray();
        if (!page.length) break;
        const rows = page.flatMap(unpackBin);
        place(rows);
        // Rows already in memory came from a flush after start-up and are newer than what Dexie holds.
        index.upsert(rows.filter((r) => !index.get(r.id)));
        last = page[page.length - 1].key;
        firstPageLoaded();
        emit({ kind: 'index', ready: false, total: index.size });
      }
    } catch (err) {
      storageFailed(err);
      // Bins not read are not in memory: without watermarks every shard is projected in full before any of
      // its bins is written again, so a partial index is never stored as if it were whole.
      await db.meta.where('key').startsWith('wm:').delete().catch(() => undefined);
    }
    indexReady = true;
    firstPageLoaded();
    emit({ kind: 'index', ready: true, total: index.size });
  }

  /** Rows of shards this tab has not open, as the stored bins hold them (newer than this tab's memory). */
  async function refreshClosedShards(): Promise<void> {
    try {
      const rows: OrderRow[] = [];
      await db.bins.each((bin) => {
        for (const r of unpackBin(bin)) if (!shards.has(r.shard)) rows.push(r);
      });
      place(rows);
      index.upsert(rows);
    } catch (err) {
      storageFailed(err);
      await db.meta.where('key').startsWith('wm:').delete().catch(() => undefined);
    }
  }

  /** Opens shards a few at a time: their IndexedDB reads overlap, while each decode stays a short task. */
  async function openAllShards(names: string[]): Promise<void> {
    const queue = [...names];
    const lane = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) await openShard(n);
    };
    await Promise.all([lane(), lane(), lane()]);
  }

  async function start(cfg: StationConfig): Promise<void> {
    config = cfg;
    if (started) {
      host.setServer(serverTarget(cfg));
      return;
    }
    started = true;
    // The list answers from Dexie at once; the memory index and the shard documents load behind it.
    indexLoaded = loadIndexFromDb();
    const [dirDoc, catDoc] = await Promise.all([host.open('directory'), host.open('catalog')]);
    directory = new DirectoryDoc(dirDoc);
    catalog = new CatalogDoc(catDoc);
    nameStation(cfg);
    host.setServer(serverTarget(cfg));
    const dir = directory;
    dir.onAdded((names) => void indexLoaded.then(() => openAllShards(names)));
    const followerAtStart = !leadership.isLeader();
    leadership.onLeader(() => {
      // As a follower this tab's memory kept only its open shards current; the bins of the others were
      // written by the leader that just left. Take those first: bins are written from memory.
      if (followerAtStart) indexLoaded = indexLoaded.then(refreshClosedShards);
      void indexLoaded.then(() => {
        for (const s of shards.values()) void checkWatermark(s);
      });
    });
    void indexLoaded.then(async () => openAllShards(await shardsToKeepOpen(dir.names())));
  }

  /** Recent, unfinished and never-indexed shards; finished old ones open only when someone reads them. */
  async function shardsToKeepOpen(names: string[]): Promise<string[]> {
    const marks = await db.meta.where('key').startsWith('wm:').primaryKeys().catch(() => [] as string[]);
    const unfinished = new Set<string>();
    for (const r of index.all()) if (r.status !== 'shipped' && r.display !== 'cancelled') unfinished.add(r.shard);
    return activeShards({ names, indexed: new Set(marks.map((k) => k.slice(3))), unfinished, now: clock.now(), activeDays: ACTIVE_DAYS });
  }

  /** Station names shown in history live in the directory; written only when they change (each write adds a client id). */
  function nameStation(cfg: StationConfig): void {
    const stations = directory?.doc.getMap<{ name: string }>('stations');
    if (stations && stations.get(cfg.id)?.name !== cfg.name) directory!.doc.transact(() => stations.set(cfg.id, { name: cfg.name }), LOCAL);
  }

  const serverTarget = (cfg: StationConfig) =>
    cfg.serverUrl ? { url: cfg.serverUrl, secret: cfg.secret, station: { id: cfg.id, name: cfg.name, user: cfg.user } } : null;

  const stationName = (id: string): string => {
    const s = directory?.doc.getMap<{ name: string }>('stations').get(id);
    return s?.name ?? id;
  };

  async function rowOf(id: string): Promise<OrderRow | undefined> {
    if (!indexReady) await indexLoaded;
    return index.get(id);
  }

  /** Selections (print, export, SKU mapping) act on every order, never on the part of the index loaded so far. */
  async function wholeIndex(): Promise<void> {
    if (!indexReady && started) await indexLoaded;
  }

  /** Every order a query selects, in list order, with memo and tracking as edited at stations (not as imported). */
  async function selectedOrders(q: OrderQuery): Promise<Order[]> {
    await wholeIndex();
    const { rows } = index.query(q, 0, Number.MAX_SAFE_INTEGER);
    const out: Order[] = [];
    for (const r of rows) {
      const o = (await openShard(r.shard)).order(r.id);
      if (o) out.push({ ...o, sellerMemo: r.memo, courierId: r.courierId || undefined, trackingNo: r.trackingNo || undefined });
    }
    return out;
  }

  /** Printers are station-local settings in the meta table (a device belongs to this PC): never synced. */
  async function storePrinters(state: SavedPrinters): Promise<SavedPrinters> {
    // Entries this version could not read go back as they were.
    await db.setMeta('printers', { printers: [...state.printers, ...(state.unreadable ?? [])], defaultId: state.defaultId });
    return state;
  }

  function need<T>(v: T | undefined | null, what: string): T {
    if (v === undefined || v === null) throw new Error(what);
    return v;
  }

  const api: StationEngine = {
    async open() {
      let cfg: StationConfig | undefined;
      try {
        cfg = await db.getMeta<StationConfig>('config');
      } catch (err) {
        storageFailed(err);
        throw new Error(describeStorageError(err).message);
      }
      if (!cfg) return null;
      await start(cfg);
      return cfg;
    },

    async configure(input) {
      const cfg: StationConfig = { ...input, id: input.id || config?.id || deps.newStationId() };
      await db.setMeta('config', cfg);
      await start(cfg);
      nameStation(cfg);
      return cfg;
    },

    async query(q: OrderQuery, offset: number, limit: number) {
      // While the bins load (newest days first) the plain list shows what is in memory so far; a search or a
      // filter waits for all of it, so "not found" is never an answer from half an index.
      if (!indexReady && started) await (isPlainList(q) ? firstPage : indexLoaded);
      return { ...index.query(q, offset, limit), ready: indexReady };
    },

    async facets() {
      return index.facets();
    },

    async catalog() {
      return need(catalog, 'station not open').read();
    },

    async order(id: string): Promise<OrderDetail | null> {
      const row = await rowOf(id);
      if (!row) return null;
      const shard = await openShard(row.shard);
      const order = shard.order(id);
      if (!order) return null;
      const regs = shard.registersOf(id);
      const conflicts: OrderDetail['conflicts'] = [];
      for (const [field, entries] of regs) {
        const losers = concurrentLosers(entries);
        if (losers.length && field !== 'status')
          conflicts.push({ field, values: entries.map((e) => ({ station: stationName(e.station), value: e.v, at: e.at })) });
      }
      return {
        order,
        shipment: shard.shipment(shipmentId([], id)),
        row: index.get(id) ?? toOrderRow(order, row.shard, regs, shard.flagsOf(id).map((f) => f.kind)),
        flags: shard.flagsOf(id),
        history: shard.historyOf(id).map((h) => ({ at: h.at, station: h.station, stationName: stationName(h.station), user: h.user, field: h.field, value: h.value })),
        conflicts,
        printed: {
          label: sumCounter(regs.get(printedField('label')) ?? []),
          'packing-slip': sumCounter(regs.get(printedField('packing-slip')) ?? []),
          'pick-list': sumCounter(regs.get(printedField('pick-list')) ?? [])
        }
      };
    },

    async edit(e: OrderEdit) {
      const cfg = need(config, 'set up the station first');
      const row = need(await rowOf(e.orderId), `order ${e.orderId} not found`);
      const shard = await openShard(row.shard);
      const order = need(shard.order(e.orderId), `order ${e.orderId} not found`);
      const current = toOrderRow(order, row.shard, shard.registersOf(e.orderId), shard.flagsOf(e.orderId).map((f) => f.kind));
      const at = clock.now();
      // Only a tracking number needs the couriers (its format is checked against theirs).
      const couriers = e.field === 'tracking' ? new Map((catalog?.read().couriers ?? []).map((c) => [c.id, c])) : undefined;
      for (const w of planEdit({ edit: e, order, row: current, couriers }))
        shard.write({ entity: w.entity, field: w.field, station: cfg.id, entry: { v: w.value, at, by: cfg.user || cfg.name }, origin: LOCAL });
      await flush();
    },

    async loadDemo(size: DemoSize, seed: number, onProgress: (p: Progress) => void) {
      need(config, 'set up the station first');
      const t0 = Date.now();
      const cat = generateCatalog(seed);
      need(catalog, 'station not open').merge(cat, LOCAL);
      // "now" is the start of today in China time, so two stations loading the same demo on the same day
      // produce identical orders (same ids, same shards) and converge instead of duplicating.
      const now = Math.floor((clock.now() + CHINA) / DAY) * DAY - CHINA;
      const ctx = createDemoContext({ seed, catalog: cat, now });
      const shipCat = shipmentCatalog(cat);
      const CHUNK = 2500;
      const pipe = storePipeline((done) => `Demo data stopped after ${done.toLocaleString('en')} of ${size.toLocaleString('en')} orders.`);
      try {
        for (let start = 0; start < size; start += CHUNK) {
          const groups = new Map<string, Order[]>();
          const end = Math.min(size, start + CHUNK);
          for (let i = start; i < end; i++) {
            const o = demoOrder(ctx, i);
            const s = shardOf(o.id, o.paidAt);
            const g = groups.get(s);
            if (g) g.push(o);
            else groups.set(s, [o]);
          }
          need(directory, 'station not open').add(groups.keys(), clock.now(), LOCAL);
          for (const [name, orders] of groups)
            (await openShard(name)).putOrders({ orders, shipments: orders.map((o) => wholeOrderShipment(o, shipCat)), origin: LOCAL });
          await pipe.next(start);
          onProgress({ phase: 'store', done: start, total: size });
        }
        await pipe.end(size);
      } finally {
        await pipe.done();
      }
      onProgress({ phase: 'done', done: size, total: size });
      return { orders: size, ms: Date.now() - t0 };
    },

    async syncState() {
      return host.state();
    },

    async previewImport(files, opts, onProgress) {
      need(config, 'set up the station first');
      const catDoc = need(catalog, 'station not open');
      const cat = catDoc.read();
      const customPresets = catDoc.importPresets().flatMap((p) => {
        const ok = SavedPreset.safeParse(p);
        return ok.success ? [ok.data] : [];
      });
      let parsed: ParseOrderFilesResult;
      try {
        parsed = parseOrderFiles({
          files,
          customPresets,
          encodingOverride: (opts.encoding || undefined) as TextEncodingName | undefined,
          platform: opts.platform,
          shopId: opts.shopId,
          shops: cat.shops,
          skuMappings: cat.skuMappings,
          skuCodes: cat.skus.map((s) => s.code),
          limitRows: opts.quick ? QUICK_PREVIEW_ROWS : undefined,
          onProgress: (p) => onProgress({ phase: p.phase, done: p.done, total: p.total })
        });
      } catch (e) {
        // An unrecognised format is not a dead end: hand the mapping screen what it needs. Any other unreadable
        // file comes back as `failed` (an error thrown here would lose its code and English text in the worker hop).
        if (!isImportError(e)) throw e;
        const d = e.details as { file?: string; headers?: string[]; samples?: string[][]; guess?: Record<string, string> };
        const known = e.code === 'unknown_format';
        return {
          id: '',
          unknown: known ? { file: d.file ?? '', headers: d.headers ?? [], samples: d.samples ?? [], guess: d.guess ?? {}, message: e.message, text: e.text } : undefined,
          failed: known ? undefined : { code: e.code, message: e.message, text: e.text },
          format: '',
          files: [],
          counts: { orders: 0, lines: 0, new: 0, updated: 0, unchanged: 0, conflicts: 0, rejected: 0, skipped: 0, flagged: 0 },
          sample: [],
          rejected: []
        };
      }
      if (opts.quick)
        return {
          id: '',
          partial: true,
          format: parsed.format,
          files: parsed.files.map((f) => ({ file: f.file, presetLabel: f.presetLabel, platform: f.platform, encoding: f.encoding?.name, encodingLabel: f.encoding?.label, rows: f.rows, issues: f.issues.map((i) => i.message), issueTexts: f.issues.map((i) => i.text) })),
          counts: { orders: parsed.orders.length, lines: parsed.stats.lines, new: 0, updated: 0, unchanged: 0, conflicts: 0, rejected: parsed.stats.rejectedOrders, skipped: parsed.skipped.length, flagged: 0 },
          sample: parsed.orders.slice(0, 20).map((order) => ({ order, change: index.get(order.id) ? 'unchanged' : 'new', flags: (parsed.flags[order.id] ?? []).map((f) => f.kind) })),
          rejected: []
        };
      // What is stored already, for the orders this file names (new/updated/unchanged/conflict).
      const existing = new Map<string, Order>();
      for (const o of parsed.orders) {
        // The memory index knows every stored order once ready; only before that ask Dexie (one read each).
        const row = index.get(o.id) ?? (indexReady ? undefined : await indexLoaded.then(() => index.get(o.id)));
        if (!row) continue;
        const stored = (await openShard(row.shard)).order(o.id);
        if (stored) existing.set(o.id, stored);
      }
      const printed = statusRank('printed');
      const diff = diffAgainst({ existing, incoming: parsed.orders, isPrinted: (o) => statusRank(index.get(o.id)?.status ?? 'pending_audit') >= printed });
      const id = `imp-${++importSeq}`;
      pendingImports.set(id, { parsed, diff });
      const change = new Map<string, ImportPreview['sample'][number]['change']>();
      for (const o of diff.new) change.set(o.id, 'new');
      for (const u of diff.updated) change.set(u.id, 'updated');
      for (const u of diff.conflicts) change.set(u.id, 'conflict');
      onProgress({ phase: 'done', done: parsed.orders.length, total: parsed.orders.length });
      return {
        id,
        format: parsed.format,
        files: parsed.files.map((f) => ({ file: f.file, presetLabel: f.presetLabel, platform: f.platform, encoding: f.encoding?.name, encodingLabel: f.encoding?.label, rows: f.rows, issues: f.issues.map((i) => i.message), issueTexts: f.issues.map((i) => i.text) })),
        counts: {
          orders: parsed.orders.length,
          lines: parsed.stats.lines,
          new: diff.new.length,
          updated: diff.updated.length,
          unchanged: diff.unchanged.length,
          conflicts: diff.conflicts.length,
          rejected: parsed.stats.rejectedOrders,
          skipped: parsed.skipped.length,
          flagged: Object.values(parsed.flags).filter((f) => f.some((x) => AUDIT_FLAGS.has(x.kind))).length
        },
        sample: parsed.orders.slice(0, 20).map((order) => ({ order, change: change.get(order.id) ?? 'unchanged', flags: (parsed.flags[order.id] ?? []).map((f) => f.kind) })),
        rejected: parsed.rejected.slice(0, 1000).map((r) => ({ file: r.file, row: r.row, column: r.column, value: r.value, reason: r.reason, text: r.text, orderNo: r.orderNo }))
      };
    },

    async saveImportPreset(input) {
      const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([, f]) => f && f !== 'ignore'));
      const preset = SavedPreset.parse({ id: `m${contentHash(Object.keys(mapping).sort().join('\n'))}`, name: input.name.trim() || 'custom', platform: input.platform, mapping });
      const missing = missingForMapping(preset.mapping);
      if (missing.length) throw new Error(missing.join(' '));
      need(catalog, 'station not open').saveImportPreset(preset, LOCAL);
      return { id: preset.id };
    },

    async templates() {
      return storedTemplates(need(catalog, 'station not open').templates());
    },

    async saveTemplate(input) {
      // Stored as plain JSON (what parse returns): a Y.Map value must not carry class instances.
      need(catalog, 'station not open').saveTemplate(JSON.parse(JSON.stringify(templateToSave(input))), LOCAL);
    },

    async deleteTemplate(id) {
      need(catalog, 'station not open').deleteTemplate(id, LOCAL);
    },

    async commitImport(previewId, onProgress) {
      const pending = need(pendingImports.get(previewId), 'this import preview has expired: drop the files again');
      const t0 = Date.now();
      const { parsed, diff } = pending;
      const shipCat = shipmentCatalog(need(catalog, 'station not open').read());
      // Updates stay in the shard the order already lives in; new orders go to the shard of their paid day.
      const work: { order: Order; shard: string; isNew: boolean }[] = [
        ...diff.new.map((order) => ({ order, shard: shardOf(order.id, order.paidAt), isNew: true })),
        ...diff.updated.map((u) => ({ order: u.after, shard: index.get(u.id)?.shard ?? shardOf(u.id, u.after.paidAt), isNew: false }))
      ];
      const conflictFlags = (id: string) => {
        const c = diff.conflicts.find((x) => x.id === id);
        return c ? [{ kind: 'platform_changed_after_print', detail: c.changed.join(', ') }] : [];
      };
      const CHUNK = 2000;
      const pipe = storePipeline((done) => `Import stopped after ${done.toLocaleString('en')} of ${work.length.toLocaleString('en')} orders.`);
      try {
        for (let start = 0; start < work.length; start += CHUNK) {
          const groups = new Map<string, typeof work>();
          for (const w of work.slice(start, start + CHUNK)) {
            const g = groups.get(w.shard);
            if (g) g.push(w);
            else groups.set(w.shard, [w]);
          }
          need(directory, 'station not open').add(groups.keys(), clock.now(), LOCAL);
          for (const [name, items] of groups) {
            const flags: Record<string, ImportFlag[]> = {};
            for (const { order } of items) flags[order.id] = (parsed.flags[order.id] ?? []).map((f) => ({ kind: f.kind, detail: f.detail, ...(f.text ? { text: f.text } : {}), file: f.file, row: f.row }));
            (await openShard(name)).putOrders({
              orders: items.map((i) => i.order),
              shipments: items.filter((i) => i.isNew).map((i) => wholeOrderShipment(i.order, shipCat)),
              flags,
              origin: LOCAL
            });
          }
          await pipe.next(start);
          onProgress({ phase: 'store', done: start, total: work.length });
        }
        await pipe.end(work.length);
      } finally {
        await pipe.done();
      }
      // Printed orders the platform changed: flagged for a person, their data left as printed.
      for (const c of diff.conflicts) {
        const row = index.get(c.id);
        if (row) (await openShard(row.shard)).putOrders({ orders: [], flags: { [c.id]: conflictFlags(c.id) }, origin: LOCAL });
      }
      await flush();
      pendingImports.delete(previewId);
      onProgress({ phase: 'done', done: work.length, total: work.length });
      return { stored: diff.new.length, updated: diff.updated.length, unchanged: diff.unchanged.length, conflicts: diff.conflicts.length, ms: Date.now() - t0 };
    },

    async exportOrders(q, format) {
      const orders = await selectedOrders(q);
      if (!orders.length) throw new Error('No orders match the current filters: nothing to export.');
      const file = exportList({ headers: ORDER_LIST_HEADERS, rows: orderListRows(orders), format, baseName: `packdesk-orders-${chinaStamp(clock.now())}`, sheetName: 'orders' });
      return { name: file.fileName, mime: file.mimeType, bytes: file.bytes };
    },

    async exportBulkShip(q, platform) {
      const orders = (await selectedOrders({ ...q, platforms: [platform] })).filter((o) => o.trackingNo && o.courierId);
      if (!orders.length) throw new Error(`No ${platform} orders with a tracking number match the current filters.`);
      const file = bulkShipFile({ platform, records: orders.map((o) => ({ orderNo: o.orderNo, courierId: o.courierId!, trackingNo: o.trackingNo! })), shipDate: clock.now() });
      return { name: file.fileName, mime: file.mimeType, bytes: file.bytes, orders: orders.length };
    },

    async importCatalog(file, warehouseId) {
      let res: ReturnType<typeof parseCatalogFile>;
      try {
        res = parseCatalogFile({ file, warehouseId });
      } catch (e) {
        if (!isImportError(e)) throw e;
        return { skus: 0, stock: 0, rejected: [], failed: { code: e.code, message: e.message, text: e.text } };
      }
      need(catalog, 'station not open').merge({ skus: res.skus, stock: res.stock }, LOCAL);
      return { skus: res.skus.length, stock: res.stock.length, rejected: res.rejected.map((r) => ({ file: r.file, row: r.row, column: r.column, value: r.value, reason: r.reason, text: r.text })) };
    },

    async unmappedSkus() {
      await wholeIndex();
      const groups = new Map<string, UnmappedSku>();
      for (const r of index.all()) {
        if (!r.flags.includes('sku_unmapped')) continue;
        const o = (await openShard(r.shard)).order(r.id);
        if (!o) continue;
        for (const l of o.lines) {
          if (l.sku) continue;
          const key = `${o.platform}\t${o.shopId}\t${l.platformSku || l.title}`;
          const g = groups.get(key) ?? { platform: o.platform, shopId: o.shopId, platformSku: l.platformSku || l.title, title: l.title, spec: l.spec, orders: 0, suggestions: [] };
          g.orders++;
          groups.set(key, g);
        }
      }
      const matcher = new SkuMatcher(need(catalog, 'station not open').read().skus);
      for (const g of groups.values()) g.suggestions = matcher.suggest(g, 3);
      return [...groups.values()].sort((a, b) => b.orders - a.orders);
    },

    async mapSkus(mappings) {
      await wholeIndex();
      const catDoc = need(catalog, 'station not open');
      const codes = new Set(catDoc.read().skus.map((s) => s.code));
      for (const m of mappings) if (!codes.has(m.sku)) throw new Error(`SKU ${m.sku} is not in the catalog`);
      catDoc.merge({ skuMappings: mappings.map((m) => ({ ...m, qty: 1 })) }, LOCAL);
      const to = new Map(mappings.map((m) => [`${m.platform}\t${m.shopId}\t${m.platformSku}`, m.sku]));
      let updated = 0;
      for (const r of [...index.all()]) {
        if (!r.flags.includes('sku_unmapped') || statusRank(r.status) >= statusRank('printed')) continue;
        const shard = await openShard(r.shard);
        const o = shard.order(r.id);
        if (!o) continue;
        let changed = false;
        const lines = o.lines.map((l) => {
          const sku = l.sku ? undefined : to.get(`${o.platform}\t${o.shopId}\t${l.platformSku || l.title}`);
          if (!sku) return l;
          changed = true;
          return { ...l, sku };
        });
        if (!changed) continue;
        const flags = shard.flagsOf(r.id).filter((f) => f.kind !== 'sku_unmapped' || lines.some((l) => !l.sku));
        shard.putOrders({ orders: [{ ...o, lines }], flags: { [r.id]: flags }, origin: LOCAL });
        updated++;
      }
      await flush();
      return { orders: updated };
    },

    async printContexts(q, limit) {
      await wholeIndex();
      const cfg = need(config, 'set up the station first');
      const cat = need(catalog, 'station not open').read();
      const { rows, total } = index.query(q, 0, limit);
      const shops = new Map(cat.shops.map((x) => [x.id, x]));
      const couriers = new Map(cat.couriers.map((x) => [x.id, x]));
      const warehouses = new Map(cat.warehouses.map((x) => [x.id, x]));
      const skus = new Map(cat.skus.map((x) => [x.code, x]));
      const shipCat = shipmentCatalog(cat);
      const now = clock.now();
      const contexts: PrintContext[] = [];
      const skipped: string[] = [];
      for (const r of rows) {
        // Held and cancelled orders must not ship: no label for them.
        if (r.held || r.display === 'cancelled') {
          skipped.push(r.orderNo);
          continue;
        }
        const shard = await openShard(r.shard);
        const order = shard.order(r.id);
        if (!order) continue;
        const shipment = shard.shipment(r.shipmentId) ?? wholeOrderShipment(order, shipCat);
        contexts.push({
          printedAt: now,
          station: { id: cfg.id, name: cfg.name },
          timeZoneOffsetMinutes: 480,
          shipment,
          orders: [{ ...order, sellerMemo: r.memo }],
          shop: shops.get(order.shopId),
          warehouse: warehouses.get(shipment.warehouseId),
          courier: couriers.get(r.courierId),
          trackingNo: r.trackingNo || undefined,
          skus
        });
      }
      return { contexts, total, skipped };
    },

    async journalPrint(entry, covers) {
      const cfg = need(config, 'set up the station first');
      // The queue retries a call that failed: an entry already journaled was fully applied (the journal row
      // is written last), so applying it again would count the print twice.
      const already = await db.journal.where('jobId').equals(entry.jobId).filter((e) => e.state === entry.state && e.attempt === entry.attempt).count();
      if (already) return;
      // A shipment's own document, or each shipment a batch document (a pick list) was made for.
      const shipments = entry.shipmentId ? [entry.shipmentId] : entry.state === 'sent' ? (covers ?? []) : [];
      const at = clock.now();
      const by = cfg.user || cfg.name;
      const byShard = new Map<ShardDoc, { shipmentId: string; row: OrderRow }[]>();
      for (const shipmentId of shipments) {
        const row = await rowOf(orderOfEntity(shipmentId));
        if (!row) continue;
        const shard = await openShard(row.shard);
        const list = byShard.get(shard);
        if (list) list.push({ shipmentId, row });
        else byShard.set(shard, [{ shipmentId, row }]);
      }
      // One transaction per shard: a pick list covering thousands of shipments is a few updates, not thousands.
      for (const [shard, items] of byShard)
        shard.doc.transact(() => {
          for (const { shipmentId, row } of items) {
            if (entry.state === 'sent' && entry.attempt === 1 && (entry.page ?? 1) === 1) {
              // This station's own running count for the document; other stations keep theirs, and readers sum.
              const mine = (shard.registersOf(row.id).get(printedField(entry.document)) ?? []).find((e) => e.station === cfg.id);
              const count = (typeof mine?.v === 'number' ? mine.v : 0) + 1;
              shard.write({ entity: shipmentId, field: printedField(entry.document), station: cfg.id, entry: { v: count, at, by }, origin: LOCAL });
            }
            if (entry.state === 'confirmed' && entry.document === 'label' && statusRank(row.status) < statusRank('printed') && !row.held && row.display !== 'cancelled')
              shard.write({ entity: shipmentId, field: 'status', station: cfg.id, entry: { v: 'printed', at, by }, origin: LOCAL });
          }
        }, LOCAL);
      await db.journal.add({ ...entry });
      await flush();
    },

    async printedCounts(docs) {
      const out: number[] = [];
      for (const d of docs) {
        const row = await rowOf(orderOfEntity(d.shipmentId));
        out.push(row ? sumCounter((await openShard(row.shard)).registersOf(row.id).get(printedField(d.document)) ?? []) : 0);
      }
      return out;
    },

    async backup() {
      const cfg = need(config, 'set up the station first');
      const dir = need(directory, 'station not open');
      const docs = new Map<string, Uint8Array>();
      for (const name of ['directory', 'catalog', ...dir.names()]) docs.set(name, Y.encodeStateAsUpdate(await host.open(name)));
      const now = clock.now();
      // Station-local tables: settings (not the index watermarks, which belong to this browser's index) and
      // the print journal. The order index itself is rebuilt from the documents.
      const meta: Record<string, unknown> = {};
      for (const row of await db.meta.toArray()) if (!row.key.startsWith('wm:') && row.key !== 'config' && row.key !== 'lastBackupAt') meta[row.key] = row.value;
      const journal = (await db.journal.toArray()).map(({ seq: _seq, ...entry }) => entry);
      const bytes = encodeBackup({ createdAt: now, station: { ...cfg }, docs, local: { meta, journal } });
      await db.setMeta('lastBackupAt', now);
      return { name: `packdesk-backup-${cfg.name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}-${chinaStamp(now)}.pdbackup`, mime: 'application/octet-stream', bytes };
    },

    async restoreBackup(bytes) {
      const backup = decodeBackup(bytes);
      // A fresh browser becomes the station that made the backup; a set-up station keeps its own identity.
      const saved = backup.station as StationConfig | null;
      const existing = config ?? (await db.getMeta<StationConfig>('config')) ?? null;
      const cfg = existing ?? (saved ? { ...saved } : null);
      if (!cfg) throw new Error('This backup has no station settings: set up the station first, then restore.');
      await db.setMeta('config', cfg);
      // Into a fresh browser the station's own tables come back too. A station that is set up keeps its own
      // settings and printers (devices belong to its PC); the journal is merged without repeating entries.
      if (!existing) await db.meta.bulkPut(Object.entries(backup.local.meta).map(([key, value]) => ({ key, value })));
      const have = new Set((await db.journal.toArray()).map((e) => `${e.jobId}|${e.state}|${String(e.attempt)}|${String(e.station)}`));
      const add = backup.local.journal.filter((e) => !have.has(`${String(e.jobId)}|${String(e.state)}|${String(e.attempt)}|${String(e.station)}`));
      if (add.length) await db.journal.bulkAdd(add as JournalRow[]);
      await start(cfg);
      for (const [name, update] of backup.docs) {
        const doc = name.startsWith('orders-') ? (await openShard(name)).doc : await host.open(name);
        Y.applyUpdate(doc, update, LOCAL);
      }
      await openAllShards(need(directory, 'station not open').names());
      await flush();
      return cfg;
    },

    async lastBackupAt() {
      return (await db.getMeta<number>('lastBackupAt')) ?? null;
    },

    async printers() {
      return parseSavedPrinters(await db.getMeta('printers'));
    },

    async savePrinter(p) {
      return storePrinters(upsertPrinter(parseSavedPrinters(await db.getMeta('printers')), p));
    },

    async deletePrinter(id) {
      return storePrinters(removePrinter(parseSavedPrinters(await db.getMeta('printers')), id));
    },

    async setDefaultPrinter(id) {
      return storePrinters(withDefault(parseSavedPrinters(await db.getMeta('printers')), id));
    },

    async rejectedReport(previewId) {
      const pending = need(pendingImports.get(previewId), 'this import preview has expired: drop the files again');
      const file = rejectedToCsv(pending.parsed.rejected);
      return { name: file.fileName, mime: file.mimeType, bytes: file.bytes };
    },

    async subscribe(listener) {
      listeners.add(listener);
    },

    setOnline(online) {
      host.setOnline(online);
    },

    reportStorageFailure: (err) => storageFailed(err),

    async close() {
      await flush();
      await host.close();
      db.close();
    },

    flushNow: () => flush(),
    whenSynced: (ms) => host.whenSynced(ms)
  };
  return api;
}
