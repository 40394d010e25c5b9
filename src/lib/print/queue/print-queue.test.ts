import { describe, expect, it } from 'vitest';
import { FakeBlePrinter, FakeSerialPrinter, FakeUsbPrinter } from '../transports/fakes';
import { STATUS_QUERY } from '../transports/status';
import { WebBluetoothTransport } from '../transports/webbluetooth';
import { WebSerialTransport } from '../transports/webserial';
import { WebUsbTransport } from '../transports/webusb';
import { MemoryJournal, type JournalEntry, type PrintJob } from './journal';
import { MemoryTransport } from './memory-transport';
import { concat, labelJob, makeQueue, occurrences, streamed, tsplLabel } from './test-helpers';

const Q = STATUS_QUERY.tspl.length;
const states = (journal: MemoryJournal, jobId: string) => journal.forJob(jobId).map((e) => `${e.state}#${e.attempt}`);
const confirmedOnce = (journal: MemoryJournal, ids: string[]) => ids.every((id) => journal.forJob(id).filter((e) => e.state === 'confirmed').length === 1);

async function usbTransport(printer: FakeUsbPrinter, chunkSize = 1024): Promise<WebUsbTransport> {
  const t = new WebUsbTransport(printer, { chunkSize, watchDisconnect: printer.watch });
  await t.open();
  return t;
}

describe('print queue: unplug and resume', () => {
  it('a 200-label batch survives an unplug mid-label: pauses with the reason, resumes on the replugged printer, confirms every label exactly once and never resends a confirmed one', async () => {
    const labels = Array.from({ length: 200 }, (_, i) => tsplLabel(i));
    const cut = 120;
    const half = Math.floor(labels[cut].length / 2);
    // Preflight status query, then each label followed by its status query.
    const before = Q + labels.slice(0, cut).reduce((n, l) => n + l.length + Q, 0);
    const printer = new FakeUsbPrinter('tspl', { disconnectAfter: before + half, maxPerTransfer: 512 });
    const { queue, journal } = makeQueue();
    queue.attach(await usbTransport(printer));
    const result = await queue.enqueue(streamed(labels.map((b, i) => labelJob(i, b))), { expected: 200 });
    expect(result).toEqual({ ok: true, jobs: null });

    const paused = await queue.until((s) => s.state === 'paused');
    expect(paused.pause).toMatchObject({ code: 'printer-disconnected', jobId: `job-${cut}` });
    expect(paused.pause!.message).toMatch(/printer was disconnected: reconnect it/);
    expect(paused.counts.confirmed).toBe(cut);
    expect(queue.jobs()[cut].state).toBe('queued');

    // Still unplugged: resume says so again rather than failing silently.
    queue.resume();
    expect((await queue.until((s) => s.state === 'paused')).pause?.code).toBe('printer-disconnected');

    printer.replug({ maxPerTransfer: 512 });
    queue.attach(await usbTransport(printer));
    queue.resume();
    const done = await queue.until((s) => s.state === 'done');

    expect(done.counts).toEqual({ queued: 0, sent: 0, confirmed: 200, failed: 0 });
    expect(done.progress).toBe(1);
    expect(done.resent).toBe(0);
    const ids = labels.map((_, i) => `job-${i}`);
    expect(confirmedOnce(journal, ids)).toBe(true);
    expect(journal.entries).toHaveLength(400);
    expect(states(journal, `job-${cut}`)).toEqual(['sent#1', 'confirmed#1']);
    expect(journal.entries.every((e) => e.station === '打包台1' && e.user === '小王' && e.printer === 'XP-420B' && e.copy === 1)).toBe(true);

    const received = printer.receivedBytes();
    for (let i = 0; i < 200; i++) expect(occurrences(received, labels[i]), `label ${i}`).toBe(1);
    // The interrupted label: its first half twice (cut off, then whole), nothing else repeated.
    expect(occurrences(received, labels[cut].subarray(0, half))).toBe(2);
    const expectedLength = 2 * Q + labels.reduce((n, l) => n + l.length + Q, 0) + half;
    expect(received.length).toBe(expectedLength);
  });

  it('an unplug after a label’s last byte but before its status check sends that label again and counts it as resent', async () => {
    const labels = Array.from({ length: 6 }, (_, i) => tsplLabel(i));
    const printer = new FakeUsbPrinter('tspl', { disconnectAfter: Q + labels.slice(0, 3).reduce((n, l) => n + l.length + Q, 0) + labels[3].length });
    const { queue, journal } = makeQueue();
    queue.attach(await usbTransport(printer));
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));
    expect((await queue.until((s) => s.state === 'paused')).pause?.code).toBe('printer-disconnected');
    expect(queue.jobs()[3].state).toBe('sent');

    printer.replug();
    queue.attach(await usbTransport(printer));
    queue.resume();
    const done = await queue.until((s) => s.state === 'done');
    expect(done.resent).toBe(1);
    expect(states(journal, 'job-3')).toEqual(['sent#1', 'sent#2', 'confirmed#2']);
    expect(occurrences(printer.receivedBytes(), labels[3])).toBe(2);
    expect(confirmedOnce(journal, labels.map((_, i) => `job-${i}`))).toBe(true);
  });
});

describe('print queue: printer status', () => {
  it('paper out after label N pauses before N+1, stays paused while the printer still reports it, and prints N again once it is ready', async () => {
    const labels = Array.from({ length: 10 }, (_, i) => tsplLabel(i));
    const printer = new FakeUsbPrinter('tspl');
    const { queue, journal } = makeQueue();
    queue.onJob((e) => {
      if (e.jobId === 'job-4' && e.state === 'sent' && e.attempt === 1) printer.behaviour.problem = 'paper-out';
    });
    queue.attach(await usbTransport(printer));
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));

    const paused = await queue.until((s) => s.state === 'paused');
    expect(paused.pause).toMatchObject({ code: 'paper-out', problems: ['paper-out'], jobId: 'job-4' });
    expect(paused.pause!.message).toMatch(/out of paper/);
    expect(paused.counts).toMatchObject({ confirmed: 4, sent: 1, queued: 5 });
    expect(occurrences(printer.receivedBytes(), labels[5])).toBe(0);

    const bytesWhilePaused = printer.received.length;
    queue.resume();
    expect((await queue.until((s) => s.state === 'paused')).pause?.code).toBe('paper-out');
    expect(printer.received.length).toBe(bytesWhilePaused + Q); // one status query, no label

    printer.behaviour.problem = null;
    queue.resume();
    await queue.until((s) => s.state === 'done');
    expect(states(journal, 'job-4')).toEqual(['sent#1', 'sent#2', 'confirmed#2']);
    expect(confirmedOnce(journal, labels.map((_, i) => `job-${i}`))).toBe(true);
    for (let i = 0; i < 10; i++) expect(occurrences(printer.receivedBytes(), labels[i])).toBe(i === 4 ? 2 : 1);
  });

  it.each(['tspl', 'zpl', 'escpos'] as const)('reads paper out from a %s printer over USB before sending anything', async (language) => {
    const printer = new FakeUsbPrinter(language, { problem: 'paper-out' });
    const { queue } = makeQueue({ language });
    queue.attach(await usbTransport(printer));
    await queue.enqueue([labelJob(0, Uint8Array.of(1, 2, 3))]);
    expect((await queue.until((s) => s.state === 'paused')).pause).toMatchObject({ code: 'paper-out', problems: ['paper-out'] });
    expect(printer.receivedBytes()).toEqual(STATUS_QUERY[language]);
  });

  it('an open print head stops the batch before its first label', async () => {
    const printer = new FakeUsbPrinter('tspl', { problem: 'head-open' });
    const { queue } = makeQueue();
    queue.attach(await usbTransport(printer));
    await queue.enqueue([labelJob(0)]);
    const paused = await queue.until((s) => s.state === 'paused');
    expect(paused.pause).toMatchObject({ code: 'head-open', jobId: 'job-0' });
    expect(printer.received).toHaveLength(Q);
  });

  it('a printer that never answers its status query pauses with "printer not answering"', async () => {
    const printer = new FakeUsbPrinter('tspl');
    const { queue, journal } = makeQueue({ statusTimeoutMs: 30 });
    queue.onJob((e) => {
      if (e.state === 'sent') printer.behaviour.silent = true;
    });
    queue.attach(await usbTransport(printer));
    await queue.enqueue([labelJob(0), labelJob(1)]);
    const paused = await queue.until((s) => s.state === 'paused');
    expect(paused.pause).toMatchObject({ code: 'printer-not-answering', jobId: 'job-0' });
    expect(paused.pause!.message).toMatch(/printer is not answering/);
    expect(states(journal, 'job-0')).toEqual(['sent#1']);
  });

  it("with statusCheck 'end' one check after the last label confirms the whole batch", async () => {
    const t = new MemoryTransport('tspl');
    const { queue, journal } = makeQueue({ statusCheck: 'end' });
    queue.attach(t);
    await queue.enqueue(Array.from({ length: 5 }, (_, i) => labelJob(i)));
    await queue.until((s) => s.state === 'done');
    expect(t.writes.length - t.labelWrites().length).toBe(2); // preflight and the final check
    expect(journal.entries.filter((e) => e.state === 'confirmed').every((e) => e.confirmedBy === 'printer-status')).toBe(true);
  });

  it("with statusCheck 'never' a label is confirmed as soon as it is sent, and the journal says so", async () => {
    const t = new MemoryTransport('tspl');
    const { queue, journal } = makeQueue({ statusCheck: 'never' });
    queue.attach(t);
    await queue.enqueue([labelJob(0)]);
    await queue.until((s) => s.state === 'done');
    expect(t.writes).toHaveLength(1);
    expect(journal.entries.map((e) => [e.state, e.confirmedBy])).toEqual([['sent', undefined], ['confirmed', 'write-complete']]);
  });
});

describe('print queue: transports', () => {
  it('delivers every label whole through USB short writes and small chunks', async () => {
    const labels = Array.from({ length: 20 }, (_, i) => tsplLabel(i));
    const printer = new FakeUsbPrinter('tspl', { maxPerTransfer: 37 });
    const { queue } = makeQueue();
    queue.attach(await usbTransport(printer, 100));
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));
    await queue.until((s) => s.state === 'done');
    expect(printer.receivedBytes()).toEqual(concat([STATUS_QUERY.tspl, ...labels.flatMap((l) => [l, STATUS_QUERY.tspl])]));
  });

  it('prints over Web Serial in paced chunks', async () => {
    const labels = Array.from({ length: 5 }, (_, i) => tsplLabel(i));
    const port = new FakeSerialPrinter('tspl');
    const t = new WebSerialTransport(port, { baudRate: 115200, chunkSize: 256, paceMs: 1 });
    await t.open();
    const { queue, journal } = makeQueue({ statusCheck: 'never' });
    queue.attach(t);
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));
    await queue.until((s) => s.state === 'done');
    expect(Uint8Array.from(port.received)).toEqual(concat(labels));
    expect(journal.entries.filter((e) => e.state === 'confirmed')).toHaveLength(5);
  });

  // WebSerialTransport keeps one reader for the port's life, so status replies after every label all arrive.
  it('checks the status after each label over Web Serial', async () => {
    const labels = Array.from({ length: 3 }, (_, i) => tsplLabel(i));
    const port = new FakeSerialPrinter('tspl');
    const t = new WebSerialTransport(port, { baudRate: 115200, chunkSize: 256 });
    await t.open();
    const { queue } = makeQueue();
    queue.attach(t);
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));
    const end = await queue.until((s) => s.state === 'done' || s.state === 'paused');
    expect(end.pause).toBeNull();
  });

  it('treats sent as confirmed on a Bluetooth printer that cannot report its status, after asking once', async () => {
    const labels = Array.from({ length: 4 }, (_, i) => tsplLabel(i));
    const dev = new FakeBlePrinter({}, 100);
    const t = new WebBluetoothTransport(dev, { writeSize: 100 });
    await t.open();
    const { queue, journal } = makeQueue();
    queue.attach(t);
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));
    await queue.until((s) => s.state === 'done');
    expect(Uint8Array.from(dev.received)).toEqual(concat([STATUS_QUERY.tspl, ...labels]));
    expect(journal.entries.filter((e) => e.state === 'confirmed').map((e) => e.confirmedBy)).toEqual(Array(4).fill('write-complete'));
  });

  it('pauses when a Bluetooth printer goes out of range mid-label and finishes on reconnect', async () => {
    const labels = Array.from({ length: 6 }, (_, i) => tsplLabel(i));
    const dev = new FakeBlePrinter({ disconnectAfter: Q + labels[0].length + labels[1].length + 300 }, 180);
    const { queue, journal } = makeQueue();
    const t1 = new WebBluetoothTransport(dev, { writeSize: 150 });
    await t1.open();
    queue.attach(t1);
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));
    expect((await queue.until((s) => s.state === 'paused')).pause).toMatchObject({ code: 'printer-disconnected', jobId: 'job-2' });
    dev.behaviour = {};
    const t2 = new WebBluetoothTransport(dev, { writeSize: 150 });
    await t2.open();
    queue.attach(t2);
    queue.resume();
    await queue.until((s) => s.state === 'done');
    expect(confirmedOnce(journal, labels.map((_, i) => `job-${i}`))).toBe(true);
    const received = Uint8Array.from(dev.received);
    labels.forEach((l, i) => expect(occurrences(received, l), `label ${i}`).toBe(1));
  });
});

describe('print queue: pause and cancel', () => {
  it('pause stops between chunks and resume sends the cut-off label again whole', async () => {
    const labels = Array.from({ length: 5 }, (_, i) => tsplLabel(i));
    const printer = new FakeUsbPrinter('tspl');
    const { queue, journal } = makeQueue();
    let pausedOnce = false;
    queue.onChange((s) => {
      if (pausedOnce || s.current?.jobId !== 'job-2' || s.current.written < 200) return;
      pausedOnce = true;
      queue.pause();
    });
    queue.attach(await usbTransport(printer, 100));
    await queue.enqueue(labels.map((b, i) => labelJob(i, b)));
    const paused = await queue.until((s) => s.state === 'paused');
    expect(paused.pause).toMatchObject({ code: 'user', jobId: 'job-2' });
    expect(queue.jobs().map((j) => j.state)).toEqual(['confirmed', 'confirmed', 'queued', 'queued', 'queued']);
    const q = STATUS_QUERY.tspl;
    expect(printer.receivedBytes()).toEqual(concat([q, labels[0], q, labels[1], q, labels[2].subarray(0, 200)]));

    queue.resume();
    await queue.until((s) => s.state === 'done');
    expect(occurrences(printer.receivedBytes(), labels[2])).toBe(1);
    expect(confirmedOnce(journal, labels.map((_, i) => `job-${i}`))).toBe(true);
  });

  it("pause 'after-current' lets the label in flight finish and be confirmed", async () => {
    const { queue } = makeQueue();
    const t = new MemoryTransport('tspl');
    t.onWrite = (b) => {
      if (b.length > Q && t.labelWrites().length === 1) queue.pause({ when: 'after-current' });
    };
    queue.attach(t);
    await queue.enqueue(Array.from({ length: 4 }, (_, i) => labelJob(i)));
    await queue.until((s) => s.state === 'paused');
    expect(queue.jobs().map((j) => j.state)).toEqual(['confirmed', 'confirmed', 'queued', 'queued']);
  });

  it('cancel stops at once: unsent jobs stay queued, sent-but-unconfirmed ones are journaled as failed, nothing more is sent', async () => {
    const t = new MemoryTransport('tspl');
    const { queue, journal } = makeQueue({ statusCheck: 'end' });
    let cancelled: Promise<unknown> | undefined;
    queue.onJob((e) => {
      if (e.jobId === 'job-4' && e.state === 'sent') cancelled = queue.cancel();
    });
    queue.attach(t);
    await queue.enqueue(streamed(Array.from({ length: 20 }, (_, i) => labelJob(i))));
    const end = await queue.until((s) => s.state === 'cancelled');
    await cancelled;
    expect(end.counts).toMatchObject({ confirmed: 0, sent: 0, failed: 5 });
    expect(queue.jobs().filter((j) => j.state === 'queued').length).toBe(end.total - 5);
    expect(journal.entries.filter((e) => e.state === 'failed').map((e) => e.jobId)).toEqual(['job-0', 'job-1', 'job-2', 'job-3', 'job-4']);
    expect(journal.entries.find((e) => e.state === 'failed')?.reason).toMatch(/may or may not have printed/);
    expect(t.labelWrites()).toHaveLength(5);
    await expect(queue.enqueue([labelJob(99)])).rejects.toThrow(/cancelled/);
  });

  it('cancel while paused for a disconnect ends the batch with the unsent jobs still queued', async () => {
    const t = new MemoryTransport('tspl');
    const { queue, journal } = makeQueue();
    queue.onJob((e) => {
      if (e.jobId === 'job-1' && e.state === 'confirmed') t.disconnect();
    });
    queue.attach(t);
    await queue.enqueue(Array.from({ length: 4 }, (_, i) => labelJob(i)));
    expect((await queue.until((s) => s.state === 'paused')).pause?.code).toBe('printer-disconnected');
    const end = await queue.cancel();
    expect(end.state).toBe('cancelled');
    expect(queue.jobs().map((j) => j.state)).toEqual(['confirmed', 'confirmed', 'queued', 'queued']);
    expect(journal.entries.filter((e) => e.state === 'failed')).toHaveLength(0);
    queue.resume();
    expect(queue.snapshot().state).toBe('cancelled');
  });

  it('cancel in the middle of a write aborts it between chunks and leaves that job queued', async () => {
    const printer = new FakeUsbPrinter('tspl');
    const { queue, journal } = makeQueue();
    queue.onChange((s) => {
      if (s.current?.jobId === 'job-1' && s.current.written >= 100) void queue.cancel();
    });
    queue.attach(await usbTransport(printer, 100));
    await queue.enqueue([labelJob(0), labelJob(1), labelJob(2)]);
    const end = await queue.until((s) => s.state === 'cancelled');
    expect(queue.jobs().map((j) => j.state)).toEqual(['confirmed', 'queued', 'queued']);
    expect(end.counts.failed).toBe(0);
    expect(journal.entries.map((e) => `${e.jobId}:${e.state}`)).toEqual(['job-0:sent', 'job-0:confirmed']);
  });
});

describe('print queue: reprints', () => {
  const printBatch = async (queue: ReturnType<typeof makeQueue>['queue'], jobs: PrintJob[]) => {
    const r = await queue.enqueue(jobs);
    if (r.ok) await queue.until((s) => s.state === 'done');
    return r;
  };

  it('refuses a batch with documents printed before, listing the shipments, and prints a deliberate reprint with its reason', async () => {
    const { queue, journal } = makeQueue({ statusCheck: 'never' });
    const t = new MemoryTransport('tspl');
    queue.attach(t);
    await printBatch(queue, [labelJob(0), labelJob(1), labelJob(2)]);
    const printed = t.labelWrites().length;

    const again = await printBatch(queue, [labelJob(1, undefined, { id: 'j1b', batchId: 'b2' }), labelJob(2, undefined, { id: 'j2b', batchId: 'b2' }), labelJob(3, undefined, { id: 'j3b', batchId: 'b2' })]);
    expect(again).toEqual({
      ok: false,
      refusal: {
        kind: 'reprint-required',
        message: expect.stringMatching(/2 document\(s\) were printed before: shp-1 \(label\), shp-2 \(label\)/),
        items: [
          { shipmentId: 'shp-1', document: 'label', printedCount: 1, queued: false },
          { shipmentId: 'shp-2', document: 'label', printedCount: 1, queued: false }
        ]
      }
    });
    const blank = await printBatch(queue, [labelJob(1, undefined, { id: 'j1c', batchId: 'b3', reprint: { reason: '  ' } })]);
    expect(blank.ok).toBe(false);
    expect(t.labelWrites()).toHaveLength(printed);

    const reprint = await printBatch(queue, [labelJob(1, undefined, { id: 'j1d', batchId: 'b4', copy: 2, reprint: { reason: '面单被划花' } })]);
    expect(reprint).toEqual({ ok: true, jobs: 1 });
    expect(journal.forJob('j1d').map((e) => [e.state, e.copy, e.reprintReason])).toEqual([
      ['sent', 2, '面单被划花'],
      ['confirmed', 2, '面单被划花']
    ]);
    expect(await journal.printedCount('shp-1', 'label')).toBe(2);
    // A different document of the same shipment is a first print.
    expect((await printBatch(queue, [labelJob(1, undefined, { id: 'slip-1', documentKind: 'packing-slip' })])).ok).toBe(true);
  });

  it('refuses a second batch for a document still waiting in the queue', async () => {
    const { queue } = makeQueue();
    await queue.enqueue([labelJob(0), labelJob(1)]); // no printer attached: waits
    expect((await queue.until((s) => s.state === 'paused')).pause?.code).toBe('no-printer');
    const r = await queue.enqueue([labelJob(1, undefined, { id: 'again' })]);
    expect(r).toMatchObject({ ok: false, refusal: { items: [{ shipmentId: 'shp-1', printedCount: 0, queued: true }] } });
  });

  it('checks the targets of a streamed batch before anything renders', async () => {
    const { queue } = makeQueue({ statusCheck: 'never' });
    queue.attach(new MemoryTransport('tspl'));
    await queue.enqueue([labelJob(7)]);
    await queue.until((s) => s.state === 'done');
    let rendered = 0;
    const source = streamed([7, 8].map((i) => labelJob(i, () => (rendered++, tsplLabel(i)), { id: `s-${i}` })));
    const r = await queue.enqueue(source, { targets: [7, 8].map((i) => ({ shipmentId: `shp-${i}`, document: 'label' as const })) });
    expect(r).toMatchObject({ ok: false, refusal: { items: [{ shipmentId: 'shp-7' }] } });
    expect(rendered).toBe(0);
  });

  it('fails a streamed job without targets whose document was printed before, and prints the rest', async () => {
    const { queue, journal } = makeQueue({ statusCheck: 'never' });
    queue.attach(new MemoryTransport('tspl'));
    await queue.enqueue([labelJob(0)]);
    await queue.until((s) => s.state === 'done');
    await queue.enqueue(streamed([labelJob(0, undefined, { id: 'dup' }), labelJob(1)]));
    const done = await queue.until((s) => s.state === 'done');
    expect(done.counts).toMatchObject({ confirmed: 2, failed: 1 });
    expect(journal.forJob('dup')).toMatchObject([{ state: 'failed', reason: expect.stringMatching(/reprint not approved/) }]);
    expect(queue.refusals()?.items).toEqual([{ shipmentId: 'shp-0', document: 'label', printedCount: 1, queued: false }]);
  });
});

describe('print queue: streaming and sources', () => {
  it('writes the first label before the source has produced the last one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let produced = 0;
    async function* slowSource(): AsyncGenerator<PrintJob> {
      for (let i = 0; i < 50; i++) {
        if (i === 1) await gate;
        produced++;
        yield labelJob(i);
      }
    }
    const t = new MemoryTransport('tspl');
    const { queue } = makeQueue();
    queue.attach(t);
    await queue.enqueue(slowSource(), { expected: 50 });
    const first = await queue.until((s) => s.counts.confirmed === 1);
    expect(t.labelWrites()).toHaveLength(1);
    expect(produced).toBe(1);
    expect(first).toMatchObject({ sourcesDone: false, expected: 50, progress: 1 / 50 });
    release();
    expect((await queue.until((s) => s.state === 'done')).counts.confirmed).toBe(50);
  });

  it('renders lazy jobs one ahead of the printer, fails the one that cannot render and prints the rest', async () => {
    const t = new MemoryTransport('tspl');
    const { queue, journal } = makeQueue();
    queue.attach(t);
    const broken = labelJob(1, () => {
      throw new Error('shipment shp-1 has no tracking number');
    });
    await queue.enqueue([labelJob(0, () => tsplLabel(0)), broken, labelJob(2, async () => tsplLabel(2))]);
    const done = await queue.until((s) => s.state === 'done');
    expect(done.counts).toMatchObject({ confirmed: 2, failed: 1 });
    expect(journal.forJob('job-1')).toMatchObject([{ state: 'failed', attempt: 0, reason: 'could not be rendered: shipment shp-1 has no tracking number' }]);
    expect(await journal.printedCount('shp-1', 'label')).toBe(0);
  });

  it('a renderer that never finishes does not keep cancel from working', async () => {
    const t = new MemoryTransport('tspl');
    const { queue } = makeQueue();
    queue.attach(t);
    await queue.enqueue([labelJob(0), labelJob(1, () => new Promise<Uint8Array>(() => undefined))]);
    await queue.until((s) => s.counts.confirmed === 1);
    const end = await queue.cancel();
    expect(end).toMatchObject({ state: 'cancelled', counts: { confirmed: 1, queued: 1 } });
  });

  it('reports a source that throws and still prints what it produced', async () => {
    async function* failing(): AsyncGenerator<PrintJob> {
      yield labelJob(0);
      throw new Error('worker crashed');
    }
    const { queue } = makeQueue();
    queue.attach(new MemoryTransport('tspl'));
    await queue.enqueue(failing());
    const done = await queue.until((s) => s.state === 'done');
    expect(done).toMatchObject({ counts: { confirmed: 1 }, sourceError: 'the batch source stopped: worker crashed' });
  });

  it('stops a source that repeats a job id rather than risk sending a job twice', async () => {
    const { queue } = makeQueue();
    const t = new MemoryTransport('tspl');
    queue.attach(t);
    await queue.enqueue(streamed([labelJob(0), labelJob(0)]));
    const done = await queue.until((s) => s.state === 'done');
    expect(done.sourceError).toMatch(/job id job-0 appears twice/);
    expect(t.labelWrites()).toHaveLength(1);
  });

  it('pauses as soon as the printer disconnects while it waits for the source', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    async function* waiting(): AsyncGenerator<PrintJob> {
      yield labelJob(0);
      await gate;
      yield labelJob(1);
    }
    const t = new MemoryTransport('tspl');
    const { queue } = makeQueue();
    queue.attach(t);
    await queue.enqueue(waiting());
    await queue.until((s) => s.counts.confirmed === 1);
    t.disconnect();
    expect((await queue.until((s) => s.state === 'paused')).pause?.code).toBe('printer-disconnected');
    release();
  });
});

describe('print queue: journal', () => {
  it('stores what a cancel could not journal when asked to retry', async () => {
    const inner = new MemoryJournal();
    let failing = false;
    const journal = { append: async (e: JournalEntry) => (failing ? Promise.reject(new Error('disk full')) : inner.append(e)), printedCount: inner.printedCount.bind(inner) };
    const { queue } = makeQueue({ journal, statusCheck: 'end' });
    queue.onJob((e) => {
      if (e.jobId === 'job-1' && e.state === 'sent') {
        failing = true;
        void queue.cancel();
      }
    });
    queue.attach(new MemoryTransport('tspl'));
    await queue.enqueue(Array.from({ length: 3 }, (_, i) => labelJob(i)));
    const end = await queue.until((s) => s.state === 'cancelled');
    expect(end.unjournaled).toBe(2);
    failing = false;
    expect(await queue.retryJournal()).toBe(true);
    expect(inner.entries.map((e) => `${e.jobId}:${e.state}`)).toEqual(['job-0:sent', 'job-1:sent', 'job-0:failed', 'job-1:failed']);
  });

  it('pauses when the journal cannot store an entry and stores it on resume, without printing anything twice', async () => {
    const inner = new MemoryJournal();
    let failing = false;
    const journal = {
      append: async (e: JournalEntry) => {
        if (failing) throw new Error('QuotaExceededError');
        return inner.append(e);
      },
      printedCount: inner.printedCount.bind(inner)
    };
    const t = new MemoryTransport('tspl');
    const { queue } = makeQueue({ journal });
    queue.onJob((e) => {
      if (e.jobId === 'job-1' && e.state === 'confirmed') failing = true;
    });
    queue.attach(t);
    await queue.enqueue(Array.from({ length: 4 }, (_, i) => labelJob(i)));
    const paused = await queue.until((s) => s.state === 'paused');
    expect(paused).toMatchObject({ pause: { code: 'journal-failed' }, unjournaled: 2 });
    expect(paused.pause!.message).toMatch(/could not be saved.*QuotaExceededError/);
    expect(t.labelWrites()).toHaveLength(3);
    failing = false;
    queue.resume();
    const done = await queue.until((s) => s.state === 'done');
    expect(done.unjournaled).toBe(0);
    expect(t.labelWrites()).toHaveLength(4);
    expect(confirmedOnce(inner, ['job-0', 'job-1', 'job-2', 'job-3'])).toBe(true);
  });
});
