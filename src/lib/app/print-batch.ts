// One print batch, composed: the documents chosen for the selected shipments (waybill label and packing slip
// per shipment, one pick list for the batch), each from its own template, each to its own output — the
// connected printer (the print worker's streamed jobs feeding a PrintQueue that writes through the transport)
// or system print (pages drawn by the same worker, printed through the OS dialog). Every document is
// journaled under its own kind, so print counts and the reprint rule hold per document: a shipment whose label
// was printed but not its slip prints the slip without a reason. The UI starts a batch and follows it.
import type { PrintContext, StationApi } from './station-api';
import { encodeBatch } from './print-client';
import { loadPrintFrame, printFrame, renderSystemPages, revokePages, type PagePainter, type RenderedPage } from './system-print';
import { DOCUMENT_KINDS, perShipment, pickListContext } from '../print/batch-documents';
import type { Template } from '../print/template';
import type { PrinterProfile } from '../print/profiles';
import { PrintQueue, type DocumentKind, type JournalEntry, type PrintJob, type PrintJournal, type QueueSnapshot } from '../print/queue/index';
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

/** The shipments a batch document (a pick list) covers: its first page counts as one print of each. */
export interface BatchCovers {
  jobs: Set<string>;
  shipments: string[];
}

/** The engine's print journal (Dexie entries, synced print counts, status printed) as the queue's port. */
export function engineJournal(api: StationApi, covers?: BatchCovers): PrintJournal {
  return {
    append: (e) => (e.shipmentId === undefined && covers?.jobs.has(e.jobId) ? api.journalPrint(e, covers.shipments) : api.journalPrint(e)),
    printedCount: async (shipmentId, document) => (await api.printedCounts([{ shipmentId, document }]))[0],
    printedCounts: (docs) => api.printedCounts(docs.map((d) => ({ shipmentId: d.shipmentId, document: d.document })))
  };
}

export type DocumentOutput = 'printer' | 'system';

export interface BatchDocument {
  kind: DocumentKind;
  template: Template;
  output: DocumentOutput;
}

/** A document printed before: a reason is needed to print it again. */
export interface ReprintItem {
  orderNo: string;
  document: DocumentKind;
  printed: number;
}

export interface SystemPrintProgress {
  /** `confirm`: the OS dialog closed and the browser cannot tell whether it printed; the seller says. */
  phase: 'rendering' | 'printing' | 'confirm' | 'done' | 'cancelled' | 'failed';
  /** Documents drawn so far, of `total`. */
  done: number;
  total: number;
  /** Pages in the print document. */
  pages: number;
  message?: string;
}

export type BatchStart =
  | {
      ok: true;
      /** The printer's queue, when any document goes to the printer. */
      queue: PrintQueue | null;
      /** Settles when the system print dialog was handed the pages, when any document goes there. */
      system: Promise<SystemPrintProgress> | null;
    }
  /** Documents printed before: a reason is needed (orderNo, document and how often it was printed). */
  | { ok: false; reprint: ReprintItem[] };

export interface DocumentBatchOptions {
  api: StationApi;
  /**
   * Asked after the system print dialog closes: did the pages print? Only a yes journals them as printed
   * (counts, the printed status); a no journals them as failed. Absent = yes.
   */
  confirmSystemPrint?: () => Promise<boolean>;
  /** The open printer; needed only when a document goes to the printer. */
  transport: PrinterTransport | null;
  printer: string;
  station: string;
  user: string;
  profile: PrinterProfile;
  contexts: PrintContext[];
  documents: BatchDocument[];
  /** A reason makes this a deliberate reprint of documents printed before. */
  reprintReason?: string;
  onSnapshot: (s: QueueSnapshot) => void;
  onSystem?: (p: SystemPrintProgress) => void;
  /** Documents the encoder could not make (named), or a part of the batch failing as a whole. */
  onError: (message: string) => void;
  /** Title of the system print document (the name "Save as PDF" suggests). */
  systemTitle?: string;
  /** Draws system print pages (default: the print worker). */
  painter?: PagePainter;
}

const orderNoOf = (c: PrintContext): string => c.orders?.[0]?.orderNo ?? c.shipment?.id ?? '?';
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The documents of every chosen kind that were printed before, in one lookup. */
async function printedBefore(api: StationApi, contexts: readonly PrintContext[], kinds: readonly DocumentKind[]): Promise<ReprintItem[]> {
  const docs = kinds.flatMap((document) => contexts.map((c) => ({ c, shipmentId: c.shipment!.id, document })));
  if (!docs.length) return [];
  const counts = await api.printedCounts(docs.map(({ shipmentId, document }) => ({ shipmentId, document })));
  return docs.flatMap((d, i) => (counts[i] > 0 ? [{ orderNo: orderNoOf(d.c), document: d.document, printed: counts[i] }] : []));
}

/** Prints the chosen documents for the contexts; refuses the whole batch, before anything prints, when a document was printed before and no reason is given. */
export async function startDocumentBatch(opts: DocumentBatchOptions): Promise<BatchStart> {
  const { contexts } = opts;
  const ordered = DOCUMENT_KINDS.flatMap((k) => opts.documents.filter((d) => d.kind === k));
  const toPrinter = ordered.filter((d) => d.output === 'printer');
  const toSystem = ordered.filter((d) => d.output === 'system');
  if (!ordered.length) throw new Error('Choose at least one document to print.');
  if (!contexts.length) throw new Error('No shipments to print.');
  if (toPrinter.length && !opts.transport) throw new Error('Connect a printer first, or choose system print.');
  const reason = opts.reprintReason?.trim() || undefined;
  if (!reason) {
    const before = await printedBefore(opts.api, contexts, ordered.filter((d) => perShipment(d.kind)).map((d) => d.kind));
    if (before.length) return { ok: false, reprint: before };
  }
  const batchId = `b${Date.now().toString(36)}`;
  // A pick list is made once per batch, whatever its output.
  const pickList = ordered.some((d) => d.kind === 'pick-list') ? pickListContext(contexts, batchId) : null;
  const covers: BatchCovers = { jobs: new Set(), shipments: contexts.map((c) => c.shipment!.id) };
  const contextsOf = (d: BatchDocument): PrintContext[] => (d.kind === 'pick-list' ? [pickList!] : contexts);

  let queue: PrintQueue | null = null;
  if (toPrinter.length) {
    const started = await printerBatch({ ...opts, documents: toPrinter, batchId, covers, contextsOf, reason });
    if (!started.ok) return started;
    queue = started.queue;
  }
  const system = toSystem.length ? systemBatch({ ...opts, documents: toSystem, batchId, covers, contextsOf, reason }) : null;
  return { ok: true, queue, system };
}

interface BatchParts extends DocumentBatchOptions {
  batchId: string;
  covers: BatchCovers;
  contextsOf: (d: BatchDocument) => PrintContext[];
  reason: string | undefined;
}

async function printerBatch(opts: BatchParts): Promise<{ ok: true; queue: PrintQueue } | { ok: false; reprint: ReprintItem[] }> {
  const { contexts, profile, batchId, covers } = opts;
  const queue = new PrintQueue({ journal: engineJournal(opts.api, covers), clock: { now: () => Date.now() }, language: profile.language, station: opts.station, user: opts.user, printer: opts.printer });
  queue.attach(opts.transport!);
  queue.onChange(opts.onSnapshot);
  const reprint = opts.reason ? { reason: opts.reason } : undefined;
  const targets = opts.documents.filter((d) => perShipment(d.kind)).flatMap((d) => contexts.map((c) => ({ shipmentId: c.shipment!.id, document: d.kind, reprint })));
  const expected = opts.documents.reduce((n, d) => n + opts.contextsOf(d).length, 0);
  const channel = new JobChannel();
  const result = await queue.enqueue(channel, { targets, expected });
  if (!result.ok) {
    const byShipment = new Map(contexts.map((c) => [c.shipment!.id, orderNoOf(c)]));
    return { ok: false, reprint: result.refusal.items.map((i) => ({ orderNo: byShipment.get(i.shipmentId) ?? i.shipmentId, document: i.document, printed: i.printedCount })) };
  }
  // Each document streams from the worker into the queue in turn; the first page prints while the rest render.
  void (async () => {
    for (const doc of opts.documents) {
      const docContexts = opts.contextsOf(doc);
      const summary = await encodeBatch({ template: doc.template, profile, contexts: docContexts }, (chunk) => {
        for (const l of chunk.labels) {
          const id = `${batchId}:${doc.kind}:${l.context}:${l.page}`;
          const shipmentId = perShipment(doc.kind) ? docContexts[l.context].shipment!.id : undefined;
          if (!shipmentId && l.page === 1) covers.jobs.add(id);
          channel.push({ id, documentKind: doc.kind, shipmentId, batchId, copy: 1, page: l.page, bytes: l.bytes, reprint });
        }
        if (chunk.failures.length) opts.onError(chunk.failures.map((f) => `${orderNoOf(docContexts[f.context])}: ${f.message}`).join('\n'));
        return queue.snapshot().state !== 'cancelled';
      });
      if (summary.stopped) break;
    }
  })().then(
    () => channel.close(),
    (e: unknown) => {
      opts.onError(errorText(e));
      channel.close();
    }
  );
  return { ok: true, queue };
}

async function systemBatch(opts: BatchParts): Promise<SystemPrintProgress> {
  const total = opts.documents.reduce((n, d) => n + opts.contextsOf(d).length, 0);
  let done = 0;
  let progress: SystemPrintProgress = { phase: 'rendering', done, total, pages: 0 };
  const report = (p: Partial<SystemPrintProgress>) => {
    progress = { ...progress, ...p };
    opts.onSystem?.(progress);
  };
  report({});
  const pages: (RenderedPage & { kind: DocumentKind; shipmentId?: string })[] = [];
  try {
    for (const doc of opts.documents) {
      const docContexts = opts.contextsOf(doc);
      const before = done;
      const out = await renderSystemPages({
        template: doc.template,
        contexts: docContexts,
        painter: opts.painter,
        describe: (i) => (doc.kind === 'pick-list' ? opts.batchId : `${orderNoOf(docContexts[i])}${docContexts[i].trackingNo ? ' ' + docContexts[i].trackingNo : ''}`),
        onProgress: (n) => void report({ done: (done = before + n) })
      });
      if (out.failures.length) opts.onError(out.failures.map((f) => f.message).join('\n'));
      for (const p of out.pages) pages.push({ ...p, kind: doc.kind, shipmentId: perShipment(doc.kind) ? docContexts[p.context].shipment!.id : undefined });
    }
    if (!pages.length) {
      report({ phase: 'failed', message: 'nothing could be drawn for system print' });
      return progress;
    }
    const frame = await loadPrintFrame(pages, { title: opts.systemTitle ?? `Packdesk ${opts.batchId}` });
    report({ phase: 'printing', pages: pages.length });
    await printFrame(frame);
    report({ phase: 'confirm' });
    const printed = opts.confirmSystemPrint ? await opts.confirmSystemPrint() : true;
    await journalSystemPrint(opts, pages, printed);
    report({ phase: printed ? 'done' : 'cancelled' });
  } catch (e) {
    revokePages(pages);
    report({ phase: 'failed', message: errorText(e) });
  }
  return progress;
}

/**
 * System print hands pages to the OS and learns nothing back: once the seller says they printed, each page
 * is journaled as sent and confirmed by the hand-over ('write-complete'), so print counts, the reprint rule
 * and the status move as for a printer. Pages that did not print are journaled as failed and count nothing.
 */
async function journalSystemPrint(opts: BatchParts, pages: readonly (RenderedPage & { kind: DocumentKind; shipmentId?: string })[], printed: boolean): Promise<void> {
  const at = Date.now();
  for (const p of pages) {
    const jobId = `${opts.batchId}:system:${p.kind}:${p.context}:${p.page}`;
    if (!printed) {
      await opts.api.journalPrint({ station: opts.station, printer: 'system print', user: opts.user, at, batchId: opts.batchId, jobId, shipmentId: p.shipmentId, document: p.kind, copy: 1, attempt: 1, state: 'failed', reason: 'not printed: the seller said the system print dialog did not print' });
      continue;
    }
    const base = { station: opts.station, printer: 'system print', user: opts.user, at, batchId: opts.batchId, jobId, shipmentId: p.shipmentId, document: p.kind, copy: 1, attempt: 1, ...(p.page > 1 ? { page: p.page } : {}), ...(opts.reason ? { reprintReason: opts.reason } : {}) };
    const sent: JournalEntry = { ...base, state: 'sent' };
    const covers = !p.shipmentId && p.page === 1 ? opts.covers.shipments : undefined;
    await (covers ? opts.api.journalPrint(sent, covers) : opts.api.journalPrint(sent));
    await opts.api.journalPrint({ ...base, state: 'confirmed', confirmedBy: 'write-complete', reason: 'handed to the system print dialog' });
  }
}

/** Labels only, to the printer: the batch the print dialog started before documents could be chosen. */
export async function startLabelBatch(opts: Omit<DocumentBatchOptions, 'documents' | 'transport'> & { transport: PrinterTransport; template: Template }): Promise<BatchStart> {
  return startDocumentBatch({ ...opts, documents: [{ kind: 'label', template: opts.template, output: 'printer' }] });
}
