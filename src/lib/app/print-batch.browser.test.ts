// A print batch with every document, in real Chromium with the real print worker: labels, packing slips and
// one pick list go to a (memory) printer and to system print, each journaled under its own kind, so a
// shipment whose label was printed prints its slip as a first print, and only the slip's second print asks
// for a reason. The station is a fake that counts prints as the engine does (per document, per shipment).
import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../print/builtin-templates';
import { numberedContexts } from '../print/canvas/test-contexts';
import { defaultProfile } from '../print/profiles';
import { MemoryTransport, type JournalEntry, type QueueSnapshot } from '../print/queue/index';
import { startDocumentBatch, type BatchDocument, type SystemPrintProgress } from './print-batch';
import { removePrintFrame } from './system-print';
import type { PrintContext, StationApi } from './station-api';

function fakeStation() {
  const entries: { entry: JournalEntry; covers?: string[] }[] = [];
  const counts = new Map<string, number>();
  const api = {
    async journalPrint(entry: JournalEntry, covers?: string[]) {
      entries.push({ entry, covers });
      if (entry.state !== 'sent' || entry.attempt !== 1) return;
      for (const id of entry.shipmentId ? [entry.shipmentId] : (covers ?? [])) counts.set(`${entry.document}:${id}`, (counts.get(`${entry.document}:${id}`) ?? 0) + 1);
    },
    async printedCounts(docs: { shipmentId: string; document: string }[]) {
      return docs.map((d) => counts.get(`${d.document}:${d.shipmentId}`) ?? 0);
    }
  };
  return { api: api as unknown as StationApi, entries, count: (doc: string, id: string) => counts.get(`${doc}:${id}`) ?? 0 };
}

/** Three shipments of the fixture, each with its own id, order number and tracking number. */
const contexts: PrintContext[] = numberedContexts(3).map((c, i) => ({ ...c, shipment: { ...c.shipment!, id: `shp-${i}` }, orders: [{ ...c.orders![0], orderNo: `T${i}` }] }));
const label: BatchDocument = { kind: 'label', template: builtinTemplate('waybill-100x150'), output: 'printer' };
const slip: BatchDocument = { kind: 'packing-slip', template: builtinTemplate('packing-slip-a5'), output: 'printer' };
const pick: BatchDocument = { kind: 'pick-list', template: builtinTemplate('pick-list-a4'), output: 'printer' };

async function run(station: ReturnType<typeof fakeStation>, documents: BatchDocument[], opts: { reason?: string; transport?: MemoryTransport } = {}) {
  const errors: string[] = [];
  let system: SystemPrintProgress | null = null;
  const started = await startDocumentBatch({
    api: station.api,
    transport: opts.transport ?? new MemoryTransport('tspl'),
    printer: 'memory',
    station: 'st-1',
    user: 'tester',
    profile: defaultProfile('tspl'),
    contexts,
    documents,
    reprintReason: opts.reason,
    onSnapshot: () => {},
    onSystem: (p) => (system = p),
    onError: (m) => errors.push(m)
  });
  let last: QueueSnapshot | null = null;
  if (started.ok && started.queue) last = await started.queue.until((s) => s.state === 'done' && s.sourcesDone);
  if (started.ok && started.system) await started.system;
  return { started, last, errors, system: system as SystemPrintProgress | null };
}

describe('a batch of labels, packing slips and a pick list', () => {
  test('each document prints from its own template and is journaled under its own kind', async () => {
    const station = fakeStation();
    const transport = new MemoryTransport('tspl');
    const { started, last, errors } = await run(station, [label, slip, pick], { transport });
    expect(errors).toEqual([]);
    expect(started.ok).toBe(true);
    expect(last?.counts.confirmed).toBe(7);
    const sent = station.entries.filter((e) => e.entry.state === 'sent').map((e) => e.entry);
    // The pick list first (the picker starts walking), then labels, then slips.
    expect(sent.map((e) => `${e.document}:${e.shipmentId ?? '-'}`)).toEqual(['pick-list:-', 'label:shp-0', 'label:shp-1', 'label:shp-2', 'packing-slip:shp-0', 'packing-slip:shp-1', 'packing-slip:shp-2']);
    // Each page is its own TSPL job, sized from its template: the A4 pick list, 100×150 labels, A5 slips.
    const sizes = transport.writes.map((w) => new TextDecoder('latin1').decode(w).match(/SIZE ([\d.]+ mm,[\d.]+ mm)/)?.[1]).filter(Boolean);
    expect(sizes).toEqual(['210 mm,297 mm', '100 mm,150 mm', '100 mm,150 mm', '100 mm,150 mm', '148 mm,210 mm', '148 mm,210 mm', '148 mm,210 mm']);
    // The pick list counts once on every shipment it covers.
    expect(station.entries.find((e) => e.entry.document === 'pick-list' && e.entry.state === 'sent')?.covers).toEqual(['shp-0', 'shp-1', 'shp-2']);
    for (const id of ['shp-0', 'shp-1', 'shp-2']) expect(['label', 'packing-slip', 'pick-list'].map((d) => station.count(d, id))).toEqual([1, 1, 1]);
  });

  test('slips print as first prints after the labels; a second slip asks for a reason, naming the document', async () => {
    const station = fakeStation();
    await run(station, [label]);
    const slips = await run(station, [slip]);
    expect(slips.started.ok).toBe(true);
    expect(slips.last?.counts.confirmed).toBe(3);
    const again = await run(station, [slip, pick]);
    expect(again.started).toEqual({ ok: false, reprint: ['T0', 'T1', 'T2'].map((orderNo) => ({ orderNo, document: 'packing-slip', printed: 1 })) });
    const reprinted = await run(station, [slip], { reason: '装箱单破损' });
    expect(reprinted.last?.counts.confirmed).toBe(3);
    expect(station.entries.filter((e) => e.entry.reprintReason === '装箱单破损' && e.entry.state === 'confirmed')).toHaveLength(3);
    expect(station.count('packing-slip', 'shp-1')).toBe(2);
    expect(station.count('label', 'shp-1')).toBe(1);
  });

  test('system print needs no printer: pages go to the print frame and are journaled per document', async () => {
    const station = fakeStation();
    const frames: Document[] = [];
    let prints = 0;
    // The print dialog is stubbed on every frame the batch makes.
    const observer = new MutationObserver(() => {
      const frame = document.querySelector('iframe');
      if (frame?.contentWindow && !frames.includes(frame.contentDocument!)) frame.addEventListener('load', () => {
        frames.push(frame.contentDocument!);
        frame.contentWindow!.print = () => void prints++;
      });
    });
    observer.observe(document.body, { childList: true });
    const started = await startDocumentBatch({
      api: station.api,
      transport: null,
      printer: '',
      station: 'st-1',
      user: 'tester',
      profile: defaultProfile('tspl'),
      contexts,
      documents: [{ ...label, output: 'system' }, { ...pick, output: 'system' }],
      onSnapshot: () => {},
      onError: (m) => expect.fail(m)
    });
    expect(started.ok && started.queue).toBe(null);
    const outcome = started.ok ? await started.system : null;
    observer.disconnect();
    expect(outcome).toMatchObject({ phase: 'done', pages: 4, done: 4, total: 4 });
    expect([frames.length, prints]).toEqual([1, 1]);
    const doc = document.querySelector('iframe')!.contentDocument!;
    expect([...doc.querySelectorAll('.page')].map((p) => (p as HTMLElement).style.width)).toEqual(['210mm', '100mm', '100mm', '100mm']);
    const confirmed = station.entries.filter((e) => e.entry.state === 'confirmed').map((e) => `${e.entry.document}:${e.entry.shipmentId ?? '-'}:${e.entry.printer}`);
    expect(confirmed).toEqual(['pick-list:-:system print', 'label:shp-0:system print', 'label:shp-1:system print', 'label:shp-2:system print']);
    expect(station.count('pick-list', 'shp-2')).toBe(1);
    removePrintFrame();
  });

  test('a printer output with no printer connected is refused before anything prints', async () => {
    const station = fakeStation();
    await expect(startDocumentBatch({ api: station.api, transport: null, printer: '', station: 's', user: 'u', profile: defaultProfile('tspl'), contexts, documents: [label], onSnapshot: () => {}, onError: () => {} })).rejects.toThrow(/Connect a printer/);
    expect(station.entries).toEqual([]);
  });
});
