import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStationEngine, type StationEngine } from './station-engine';
import { StationDb, binKey } from '../storage/station-db';
import { DocHost } from '../sync/doc-host';
import { MemoryStore, MemoryTabBus } from '../sync/memory-adapters';
import { alwaysLeader, type Leadership } from '../storage/leader';
import { startServer } from '../../../server/app.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dbSeq = 0;
function station(opts: { store?: MemoryStore; dbName?: string; clockStart?: number; bus?: MemoryTabBus } = {}) {
  const store = opts.store ?? new MemoryStore();
  let t = opts.clockStart ?? Date.UTC(2026, 10, 26, 4);
  const seq = ++dbSeq;
  const db = new StationDb(opts.dbName ?? `test-${seq}`);
  const engine = createStationEngine({
    db,
    host: new DocHost(store.persistence, opts.bus?.channel()),
    clock: { now: () => (t += 1000) },
    leadership: alwaysLeader,
    newStationId: () => `st-${seq}`
  });
  return { engine, store, db };
}

async function setUp(engine: StationEngine, name: string) {
  return engine.configure({ name, user: 'tester', serverUrl: '', secret: '' });
}

describe('station engine', () => {
  it('loads demo orders into the index and answers filtered queries', async () => {
    const { engine } = station();
    await setUp(engine, 'Pack 1');
    const progress: number[] = [];
    const res = await engine.loadDemo(1000, 7, (p) => progress.push(p.done));
    expect(res.orders).toBe(1000);
    expect(progress.at(-1)).toBe(1000);
    const all = await engine.query({}, 0, 50);
    expect(all.total).toBe(1000);
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0].paidAt).toBeGreaterThanOrEqual(all.rows[49].paidAt);
    const province = all.rows[0].province;
    const byProvince = await engine.query({ provinces: [province] }, 0, 1000);
    expect(byProvince.total).toBeGreaterThan(0);
    expect(byProvince.rows.every((r) => r.province === province)).toBe(true);
    const tail = all.rows[3].phoneTail;
    const byTail = await engine.query({ search: tail }, 0, 1000);
    expect(byTail.rows.some((r) => r.id === all.rows[3].id)).toBe(true);
  });

  it('records a memo edit in the row, the detail and the history, and keeps it across a reload', async () => {
    const store = new MemoryStore();
    const first = station({ store, dbName: 'reload-test' });
    const cfg = await setUp(first.engine, 'Pack 1');
    await first.engine.loadDemo(1000, 7, () => undefined);
    const { rows } = await first.engine.query({}, 0, 1);
    await first.engine.edit({ orderId: rows[0].id, field: 'memo', value: '加急 urgent' });
    const detail = await first.engine.order(rows[0].id);
    expect(detail?.row.memo).toBe('加急 urgent');
    expect(detail?.shipment?.id).toBe(`s:${rows[0].id}`);
    expect(detail?.shipment?.parts.map((p) => p.lineNo)).toEqual(detail?.order.lines.map((l) => l.lineNo));
    expect(['wh-hz', 'wh-gz']).toContain(detail?.shipment?.warehouseId);
    expect(detail?.history.map((h) => [h.field, h.value, h.stationName])).toContainEqual(['memo', '加急 urgent', 'Pack 1']);
    await first.engine.close();

    const again = station({ store, dbName: 'reload-test' });
    expect((await again.engine.open())?.id).toBe(cfg.id);
    const found = await again.engine.query({ search: rows[0].orderNo }, 0, 5);
    expect(found.rows[0].memo).toBe('加急 urgent');
  });

  it('stores the index in a few bins per shard, every order once, and answers from them after a restart', async () => {
    const store = new MemoryStore();
    const first = station({ store, dbName: 'bins-test' });
    await setUp(first.engine, 'Pack 1');
    await first.engine.loadDemo(1000, 3, () => undefined);
    const before = await first.engine.query({ sort: 'orderNo', desc: false }, 0, 1000);
    const bins = await first.db.bins.toArray();
    const stored = bins.flatMap((b) => (JSON.parse(b.json) as { id: string }[]).map((r) => r.id));
    expect(stored.sort()).toEqual(before.rows.map((r) => r.id).sort());
    expect(bins.length).toBeLessThanOrEqual(new Set(before.rows.map((r) => r.shard)).size * 16);
    await first.engine.edit({ orderId: before.rows[10].id, field: 'memo', value: 'bin rewritten' });
    await first.engine.close();

    const again = station({ store, dbName: 'bins-test' });
    await again.engine.open();
    // A search waits for the whole stored index rather than answer from part of it.
    const found = await again.engine.query({ search: before.rows[10].orderNo }, 0, 5);
    expect(found.ready).toBe(true);
    expect(found.rows.map((r) => [r.id, r.memo])).toEqual([[before.rows[10].id, 'bin rewritten']]);
    const after = await again.engine.query({ sort: 'orderNo', desc: false }, 0, 1000);
    expect(after.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
  });

  it('a tab that becomes leader takes the stored rows of shards it has not open before it writes bins', async () => {
    const store = new MemoryStore();
    const bus = new MemoryTabBus();
    const day = Date.UTC(2026, 10, 26, 4);
    const engineAt = (t0: number, leadership: Leadership) => {
      let t = t0;
      return createStationEngine({ db: new StationDb('handoff'), host: new DocHost(store.persistence, bus.channel()), clock: { now: () => (t += 1000) }, leadership, newStationId: () => 'st-h' });
    };
    const first = engineAt(day, alwaysLeader);
    await setUp(first, 'Pack 1');
    await first.loadDemo(1000, 5, () => undefined);
    const { rows } = await first.query({}, 0, 1000);
    // One finished shard: after a month it stays closed in a tab that does not need it.
    const shard = rows[0].shard;
    const inShard = rows.filter((r) => r.shard === shard);
    for (const r of inShard) await first.edit({ orderId: r.id, field: 'status', value: 'shipped' });
    await first.close();
    const byBin = new Map<string, string[]>();
    for (const r of inShard) byBin.set(binKey(shard, r.id), [...(byBin.get(binKey(shard, r.id)) ?? []), r.id]);
    const [x, y] = [...byBin.values()].find((ids) => ids.length >= 2)!;

    const later = day + 30 * 86_400_000;
    let bLeads = false;
    const takeOver: (() => void)[] = [];
    const a = engineAt(later, alwaysLeader);
    const b = engineAt(later + 5, { isLeader: () => bLeads, onLeader: (cb) => void (bLeads ? cb() : takeOver.push(cb)) });
    await a.open();
    await b.open();
    await a.query({ search: 'zzz' }, 0, 1);
    await b.query({ search: 'zzz' }, 0, 1);
    await a.edit({ orderId: x, field: 'memo', value: 'from A' });
    await a.close();
    // A leaves; B leads now and edits another order of the same bin, which it writes whole.
    bLeads = true;
    for (const cb of takeOver) cb();
    await b.edit({ orderId: y, field: 'memo', value: 'from B' });
    await b.flushNow();
    await b.close();

    const c = engineAt(later + 10, alwaysLeader);
    await c.open();
    const memos = async (id: string) => (await c.query({ search: rows.find((r) => r.id === id)!.orderNo }, 0, 1)).rows[0]?.memo;
    expect(await memos(x)).toBe('from A');
    expect(await memos(y)).toBe('from B');
  });

  it('counts a print once: a retried journal entry, a second page, and a pick list once per shipment it covers', async () => {
    const { engine } = station();
    await setUp(engine, 'Pack 1');
    await engine.loadDemo(1000, 9, () => undefined);
    const { rows } = await engine.query({}, 0, 30);
    const base = { station: 'st', printer: 'XP', user: 'u', at: 1, batchId: 'b1', copy: 1, attempt: 1 } as const;
    const label = { ...base, jobId: 'b1:0:1', shipmentId: rows[0].shipmentId, document: 'label' as const, state: 'sent' as const };
    await engine.journalPrint(label);
    await engine.journalPrint(label);
    // The second page of the same document (a long slip or label) is not another print.
    await engine.journalPrint({ ...label, jobId: 'b1:0:2', page: 2 });
    const covers = rows.slice(1, 30).map((r) => r.shipmentId);
    const pick = { ...base, jobId: 'b1:pick:1', document: 'pick-list' as const, state: 'sent' as const };
    await engine.journalPrint(pick, covers);
    await engine.journalPrint(pick, covers);
    expect(await engine.printedCounts([{ shipmentId: rows[0].shipmentId, document: 'label' }])).toEqual([1]);
    expect(await engine.printedCounts(covers.map((shipmentId) => ({ shipmentId, document: 'pick-list' })))).toEqual(covers.map(() => 1));
  });

  it('keeps finished shards older than two weeks closed after a restart, and still opens them on demand', async () => {
    const store = new MemoryStore();
    const day = Date.UTC(2026, 10, 26, 4);
    const first = station({ store, dbName: 'closed-shards', clockStart: day });
    await setUp(first.engine, 'Pack 1');
    await first.engine.loadDemo(1000, 5, () => undefined);
    const { rows } = await first.engine.query({}, 0, 1000);
    const shard = rows[0].shard;
    const inShard = rows.filter((r) => r.shard === shard);
    for (const r of inShard) await first.engine.edit({ orderId: r.id, field: 'status', value: 'shipped' });
    await first.engine.close();

    const opened: string[] = [];
    const watching = new MemoryStore();
    for (const [k, v] of store.updates) watching.updates.set(k, v);
    const persistence = watching.persistence;
    watching.persistence = (name, doc) => (opened.push(name), persistence(name, doc));
    const later = station({ store: watching, dbName: 'closed-shards', clockStart: day + 30 * 86_400_000 });
    await later.engine.open();
    await until(async () => opened.filter((n) => n.startsWith('orders-')).length >= new Set(rows.map((r) => r.shard)).size - 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).not.toContain(shard);
    expect((await later.engine.query({ search: inShard[0].orderNo }, 0, 1)).rows[0].status).toBe('shipped');
    expect((await later.engine.order(inShard[0].id))?.row.status).toBe('shipped');
    expect(opened).toContain(shard);
  });

  it('imports a Taobao order + item file pair: preview first, then store; importing again changes nothing', async () => {
    const { engine } = station();
    await setUp(engine, 'Intake');
    await engine.loadDemo(1000, 2, () => undefined); // brings the catalog (shops, SKU mappings)
    const dir = 'tests/fixtures/import/files/taobao';
    const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'));
    const files = () => expected.files.map((name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));
    const before = (await engine.query({}, 0, 1)).total;

    const quick = await engine.previewImport(files(), { quick: true }, () => undefined);
    expect(quick).toMatchObject({ partial: true, id: '', format: 'taobao-orders+taobao-items' });
    expect(quick.sample[0].order.orderNo).toBe(expected.expected[0].orderNo);

    const preview = await engine.previewImport(files(), {}, () => undefined);
    expect(preview.partial).toBeUndefined();
    expect(preview.format).toBe('taobao-orders+taobao-items');
    expect(preview.files[0].encoding).toBe('gbk');
    expect(preview.counts.new).toBe(expected.expected.length);
    expect(preview.rejected.map((r) => r.row)).toEqual(expect.arrayContaining([9, 10]));
    expect(preview.rejected.find((r) => r.row === 9)?.reason).toMatch(/科学计数|scientific/i);
    expect((await engine.query({}, 0, 1)).total).toBe(before); // a preview stores nothing

    const done = await engine.commitImport(preview.id, () => undefined);
    expect(done.stored).toBe(expected.expected.length);
    const first = expected.expected[0];
    const found = await engine.query({ search: first.orderNo }, 0, 5);
    expect(found.rows[0]).toMatchObject({ id: first.id, recipientName: first.recipient.name, province: first.recipient.address.province });
    expect((await engine.order(first.id))?.shipment?.parts.length).toBe(first.lines.length);

    const again = await engine.previewImport(files(), {}, () => undefined);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: expected.expected.length });
  });

  it('restores a backup into a fresh browser as the same station, with every order, edit and history entry', async () => {
    const a = station();
    const cfg = await setUp(a.engine, 'Backed up');
    await a.engine.loadDemo(1000, 9, () => undefined);
    const { rows } = await a.engine.query({}, 0, 1);
    await a.engine.edit({ orderId: rows[0].id, field: 'memo', value: '备份前的备注' });
    await a.engine.savePrinter({ id: 'p1', name: 'XP-420B', connection: 'system', device: { kind: 'system' }, profile: { language: 'tspl', darkness: 11, offset: { x: 0.5, y: -0.25 } }, media: { width: 100, height: 150, kind: 'gap', gapMm: 2 } });
    await a.engine.journalPrint({ station: cfg.id, printer: 'XP-420B', user: 'u', at: 5, batchId: 'b', jobId: 'b:0:1', shipmentId: rows[0].shipmentId, document: 'label', copy: 1, state: 'sent', attempt: 1 });
    expect(await a.engine.lastBackupAt()).toBeNull();
    const file = await a.engine.backup();
    expect(file.name).toMatch(/\.pdbackup$/);
    expect(await a.engine.lastBackupAt()).not.toBeNull();

    const fresh = station();
    expect(await fresh.engine.open()).toBeNull();
    const restored = await fresh.engine.restoreBackup(file.bytes);
    expect(restored.id).toBe(cfg.id);
    expect((await fresh.engine.query({}, 0, 1)).total).toBe(1000);
    const detail = await fresh.engine.order(rows[0].id);
    expect(detail?.row.memo).toBe('备份前的备注');
    expect(detail?.history.map((h) => h.stationName)).toContain('Backed up');
    // The station's own tables: its saved printer with the calibration, and the print journal.
    expect(await fresh.engine.printers()).toEqual(await a.engine.printers());
    expect((await fresh.db.journal.toArray()).map((e) => [e.jobId, e.state])).toEqual([['b:0:1', 'sent']]);
    // Restoring the same file again repeats nothing.
    await fresh.engine.restoreBackup(file.bytes);
    expect(await fresh.db.journal.count()).toBe(1);
  });

  it('says what is wrong with a file that is not a backup, and stores nothing', async () => {
    const s = station();
    await expect(s.engine.restoreBackup(new TextEncoder().encode('订单号,收件人\n1,张三'))).rejects.toThrow(/not a Packdesk backup/);
    expect(await s.engine.open()).toBeNull();
  });

  it('maps platform SKUs to ours for the orders that lack them, and clears their audit flag', async () => {
    const { engine } = station();
    await setUp(engine, 'Mapping');
    await engine.loadDemo(1000, 2, () => undefined);
    const dir = 'tests/fixtures/import/files/shopify';
    const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'));
    const files = expected.files.map((name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));
    await engine.commitImport((await engine.previewImport(files, {}, () => undefined)).id, () => undefined);
    const unmapped = await engine.unmappedSkus();
    expect(unmapped.length).toBeGreaterThan(0);
    const target = unmapped[0];
    const before = (await engine.query({ statuses: ['exception'] }, 0, 1000)).total;
    const sku = (await engine.catalog()).skus[0].code;
    await expect(engine.mapSkus([{ ...target, sku: 'NO-SUCH-SKU' }])).rejects.toThrow(/not in the catalog/);
    const done = await engine.mapSkus([{ platform: target.platform, shopId: target.shopId, platformSku: target.platformSku, sku }]);
    expect(done.orders).toBe(target.orders);
    expect((await engine.unmappedSkus()).find((u) => u.platformSku === target.platformSku && u.shopId === target.shopId)).toBeUndefined();
    expect((await engine.catalog()).skuMappings).toContainEqual(expect.objectContaining({ platformSku: target.platformSku, sku }));
    expect((await engine.query({ statuses: ['exception'] }, 0, 1000)).total).toBeLessThanOrEqual(before);
  });

  it('refuses to move a status backwards and to hold a shipped order', async () => {
    const { engine } = station();
    await setUp(engine, 'Pack 1');
    await engine.loadDemo(1000, 3, () => undefined);
    const { rows } = await engine.query({ statuses: ['pending_audit'] }, 0, 1);
    const id = rows[0].id;
    await engine.edit({ orderId: id, field: 'status', value: 'printed' });
    await expect(engine.edit({ orderId: id, field: 'status', value: 'ready' })).rejects.toThrow(/backwards/);
    await engine.edit({ orderId: id, field: 'status', value: 'shipped' });
    await expect(engine.edit({ orderId: id, field: 'hold', value: true })).rejects.toThrow(/can no longer be held/);
    expect((await engine.order(id))?.row.status).toBe('shipped');
  });

  it('keeps two tabs of one browser in step, including writes made before the second tab opened a shard', async () => {
    const bus = new MemoryTabBus();
    const a = station({ bus });
    const b = station({ bus });
    await setUp(a.engine, 'A');
    await setUp(b.engine, 'B');
    await a.engine.loadDemo(1000, 11, () => undefined);
    await b.engine.loadDemo(1000, 11, () => undefined);
    const { rows } = await a.engine.query({}, 0, 1);
    await a.engine.edit({ orderId: rows[0].id, field: 'memo', value: 'seen in the other tab' });
    await b.engine.flushNow();
    await new Promise((r) => setTimeout(r, 30));
    await b.engine.flushNow();
    expect((await b.engine.order(rows[0].id))?.row.memo).toBe('seen in the other tab');
  });

  it('merges an offline status advance on one station with a hold on another through the server, never going backwards', { timeout: 60_000 }, async () => {
    const server = await startServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'pd-engine-')), quiet: true });
    const url = server.url.replace('http', 'ws') + '/sync';
    const a = station();
    const b = station();
    await a.engine.configure({ name: 'A', user: 'a', serverUrl: url, secret: '' });
    await b.engine.configure({ name: 'B', user: 'b', serverUrl: url, secret: '' });
    try {
      await a.engine.loadDemo(1000, 11, () => undefined);
      await a.engine.whenSynced(20_000);
      await b.engine.whenSynced(20_000);
      await until(async () => (await b.engine.query({}, 0, 1)).total === 1000);
      const { rows } = await a.engine.query({ statuses: ['pending_audit'] }, 0, 2);
      const [one, two] = rows.map((r) => r.id);

      b.engine.setOnline(false);
      await a.engine.edit({ orderId: one, field: 'status', value: 'printed' });
      await a.engine.edit({ orderId: two, field: 'hold', value: true });
      await b.engine.edit({ orderId: one, field: 'status', value: 'ready' });
      await b.engine.edit({ orderId: one, field: 'hold', value: true });
      await b.engine.edit({ orderId: two, field: 'memo', value: 'changed on B offline' });
      expect((await b.engine.syncState()).pending).toBeGreaterThan(0);
      expect((await b.engine.order(one))?.row.status).toBe('ready');
      b.engine.setOnline(true);
      await b.engine.whenSynced(20_000);
      await a.engine.whenSynced(20_000);
      for (const s of [a, b]) {
        await until(async () => (await s.engine.order(two))?.row.memo === 'changed on B offline');
        const d = await s.engine.order(one);
        expect(d?.row.status).toBe('printed');
        expect(d?.row.display).toBe('on_hold');
        const t = await s.engine.order(two);
        expect(t?.row.held).toBe(true);
        expect(d?.history.map((h) => h.stationName)).toEqual(expect.arrayContaining(['A', 'B']));
      }
    } finally {
      await a.engine.close();
      await b.engine.close();
      await server.close();
    }
  });
});

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
