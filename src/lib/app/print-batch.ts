// One print batch, composed: the station engine's journal behind the queue's PrintJournal port, the print
// worker's streamed labels feeding the queue as jobs, the queue writing through the chosen transport. The
// UI starts a batch and follows its snapshots; it never assembles these parts itself.
import type { PrintContext, StationApi } from './station-api';
import { encodeBatch } from './print-client';
import type { Template } from '../print/template';
import type { PrinterProfile } from '../print/profiles';
import { PrintQueue, type PrintJob, type PrintJournal, type QueueSnapshot } from '../print/queue/index';
import type { PrinterTransport } from '../print/transports/transport';

/** Jobs arrive from the encoder's chunks and are drained by the queue as an async stream. */
class JobChannel implements AsyncIterable<PrintJob> {
  private items: PrintJob[] = [];
  private waiting?: () => void;
  private closed = false;
  push(job: PrintJob) {
    this.items.push(job);
    this.waiting?.();
  }
  close() {
    this.closed = true;
    this.waiting?.();
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      const next = this.items.shift();
      if (next) yield next;
      else if (this.closed) return;
      else await new Promise<void>((r) => (this.waiting = r));
    }
  }
}

/** The engine's print journal (Dexie entries, synced print counts, status printed) as the queue's port. */
export function engineJournal(api: StationApi): PrintJournal {
  return {
    append: (e) => api.journalPrint(e),
    printedCount: async (shipmentId, document) => (await api.printedCounts([{ shipmentId, document }]))[0],
    printedCounts: (docs) => api.printedCounts(docs.map((d) => ({ shipmentId: d.shipmentId, document: d.document })))
  };
}

export type BatchStart =
  | { ok: true; queue: PrintQueue }
  /** Labels printed before: a reason is needed (orderNo and how often each was printed). */
  | { ok: false; reprint: { orderNo: string; printed: number }[] };

export async function startLabelBatch(opts: {
  api: StationApi;
  transport: PrinterTransport;
  printer: string;
  station: string;
  user: string;
  template: Template;
  profile: PrinterProfile;
  contexts: PrintContext[];
  /** A reason makes this a deliberate reprint of labels printed before. */
  reprintReason?: string;
  onSnapshot: (s: QueueSnapshot) => void;
  /** Labels the encoder could not make (named), or the encoder failing as a whole. */
  onError: (message: string) => void;
}): Promise<BatchStart> {
  const { contexts, profile } = opts;
  const queue = new PrintQueue({ journal: engineJournal(opts.api), clock: { now: () => Date.now() }, language: profile.language, station: opts.station, user: opts.user, printer: opts.printer });
  queue.attach(opts.transport);
  queue.onChange(opts.onSnapshot);
  const batchId = `b${Date.now().toString(36)}`;
  const reprint = opts.reprintReason ? { reason: opts.reprintReason } : undefined;
  const targets = contexts.map((c) => ({ shipmentId: c.shipment!.id, document: 'label' as const, reprint }));
  const channel = new JobChannel();
  const result = await queue.enqueue(channel, { targets, expected: contexts.length });
  if (!result.ok) {
    const byShipment = new Map(contexts.map((c) => [c.shipment!.id, c.orders?.[0]?.orderNo ?? '']));
    return { ok: false, reprint: result.refusal.items.map((i) => ({ orderNo: byShipment.get(i.shipmentId) ?? i.shipmentId, printed: i.printedCount })) };
  }
  // Labels stream from the worker into the queue; the first one prints while the rest still render.
  void encodeBatch({ template: opts.template, profile, contexts }, (chunk) => {
    for (const l of chunk.labels)
      channel.push({ id: `${batchId}:${l.context}:${l.page}`, documentKind: 'label', shipmentId: contexts[l.context].shipment!.id, batchId, copy: 1, bytes: l.bytes, reprint });
    if (chunk.failures.length) opts.onError(chunk.failures.map((f) => f.message).join('\n'));
    return queue.snapshot().state !== 'cancelled';
  }).then(
    () => channel.close(),
    (e: unknown) => {
      opts.onError(e instanceof Error ? e.message : String(e));
      channel.close();
    }
  );
  return { ok: true, queue };
}
