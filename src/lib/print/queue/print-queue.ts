// The print queue: streams jobs from a source to a printer transport one whole job at a time, tracks each
// job queued -> sent -> confirmed | failed, journals every state change, and stops with a reason a seller
// can act on instead of failing silently. Invariants (the reason this file exists):
//   - "sent" = every byte was accepted by the transport; "confirmed" = sent and the next status check found
//     no problem (with no status check possible, sent = confirmed, journaled as confirmedBy 'write-complete');
//   - after any stop the queue restarts at the first job not confirmed, so a confirmed job is never sent again
//     and a job cut off mid-write (or sent but unconfirmed) is sent again whole;
//   - a document already printed is only printed again as a deliberate reprint with a reason.
// All state changes happen in one loop (pump); pause/cancel/attach only post requests and wake it.
import type { Clock } from '../../domain/ports';
import type { PrinterLanguage } from '../profiles';
import { TransportError, type PrinterTransport } from '../transports/transport';
import type { DocumentKind, JobBytes, JobState, JournalEntry, PrintJob, PrintJournal } from './journal';
import { PAUSE_TEXT, pauseForError, pauseForProblems, type PauseInfo } from './pause-reasons';
import { ReprintGuard, type Approvals, type JobTarget, type ReprintRefusal } from './reprint-guard';
import { checkStatus } from './status-check';

export type { JobTarget, ReprintRefusal } from './reprint-guard';

export type StatusCheck = 'every-label' | 'end' | 'never';
export type QueueState = 'idle' | 'running' | 'paused' | 'done' | 'cancelled';

export interface PrintQueueOptions {
  journal: PrintJournal;
  clock: Clock;
  /** The printer's language, for the status query. */
  language: PrinterLanguage;
  station: string;
  user: string;
  /** The printer as the journal names it (the profile name); defaults to the transport's label. */
  printer?: string;
  /** Default 'every-label'. With 'end', a stop re-sends every job sent since the last good check. */
  statusCheck?: StatusCheck;
  /** Default 2000 ms for a whole status check. */
  statusTimeoutMs?: number;
  /** Jobs taken from the source ahead of the printer (default 8): bounds memory and how far rendering runs ahead. */
  lookahead?: number;
}

export type EnqueueResult = { ok: true; jobs: number | null } | { ok: false; refusal: ReprintRefusal };

export interface QueueSnapshot {
  state: QueueState;
  counts: Record<JobState, number>;
  /** Jobs taken from the sources so far. */
  total: number;
  /** Jobs the sources will produce in all, when known (for the progress bar). */
  expected: number | null;
  sourcesDone: boolean;
  /** (confirmed + failed) / max(total, expected), 0..1. */
  progress: number;
  /** Bytes the printer accepted, resends and cut-off writes included. */
  bytesSent: number;
  current: { jobId: string; written: number; size: number } | null;
  pause: PauseInfo | null;
  /** Jobs sent whole more than once (the printer may have printed them twice). */
  resent: number;
  /** A source that threw: the jobs it did not produce were not printed. */
  sourceError: string | null;
  /** Journal entries not yet stored (nonzero only while the journal fails). */
  unjournaled: number;
}

export interface JobView {
  id: string;
  batchId: string;
  shipmentId?: string;
  document: DocumentKind;
  copy: number;
  state: JobState;
  attempts: number;
  reason?: string;
}

interface JobRecord extends Omit<JobView, 'reason'> {
  reason?: string;
  page?: number;
  reprintReason?: string;
  /** Set at admission: the job may not print (an unapproved reprint); the pump fails it in order. */
  refused?: string;
  source: JobBytes | null;
  bytes: Uint8Array | null;
  rendering: Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: unknown }> | null;
}

interface Feed {
  approvals: Approvals;
  feeding: boolean;
  expected: number | null;
}

type Request = { kind: 'pause' } | { kind: 'cancel' } | null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Listener errors are the listener's bug: rethrown outside the queue so they reach the global error handler. */
const rethrowLater = (e: unknown) => queueMicrotask(() => {
  throw e;
});

class Signal {
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }
  fire(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

export class PrintQueue {
  private readonly statusCheck: StatusCheck;
  private readonly timeoutMs: number;
  private readonly lookahead: number;
  private records: JobRecord[] = [];
  private byId = new Set<string>();
  private feeds: Feed[] = [];
  private feedChain: Promise<void> = Promise.resolve();
  private counts: Record<JobState, number> = { queued: 0, sent: 0, confirmed: 0, failed: 0 };
  private cursor = 0;
  private pendingCheck: JobRecord[] = [];
  private state: QueueState = 'idle';
  private pauseInfo: PauseInfo | null = null;
  private request: Request = null;
  private transport: PrinterTransport | null = null;
  private transportGone = false;
  private statusSupported: boolean | null = null;
  private unwatch: (() => void) | null = null;
  private inflight: AbortController | null = null;
  private current: QueueSnapshot['current'] = null;
  private needPreflight = true;
  private bytesSent = 0;
  private resent = 0;
  private sourceError: string | null = null;
  private backlog: JournalEntry[] = [];
  private draining: Promise<{ error: unknown; jobId: string } | null> | null = null;
  /** True from ensurePump until the pump returns (cleared synchronously, so a new batch never finds a dying pump). */
  private pumping = false;
  private pumpWake = new Signal();
  private feedWake = new Signal();
  /** Ends the wait for a lazy job's bytes when pause() or cancel() is called. */
  private interrupt: (() => void) | null = null;
  private changeListeners = new Set<(s: QueueSnapshot) => void>();
  private jobListeners = new Set<(e: JournalEntry) => void>();
  private readonly guard: ReprintGuard;

  constructor(private readonly opts: PrintQueueOptions) {
    this.statusCheck = opts.statusCheck ?? 'every-label';
    this.timeoutMs = opts.statusTimeoutMs ?? 2000;
    this.lookahead = Math.max(1, opts.lookahead ?? 8);
    this.guard = new ReprintGuard(opts.journal);
  }

  /** Sets the printer to print through (an open transport; the queue never opens or closes it). On a
   * reconnect, attach the new transport, then resume(). */
  attach(transport: PrinterTransport): void {
    this.unwatch?.();
    this.transport = transport;
    this.transportGone = false;
    this.statusSupported = null;
    this.unwatch = transport.onDisconnect(() => {
      if (this.transport !== transport) return;
      this.transportGone = true;
      this.pumpWake.fire();
    });
    this.emit();
    this.pumpWake.fire();
  }

  /**
   * Adds a batch. Before anything prints, every shipment document the batch targets is checked against the
   * journal (and this queue): one printed before needs `reprint: { reason }`, or the whole batch is refused
   * with the list. The targets come from `opts.targets`, else from the jobs of a synchronous source; jobs of
   * an async source that no target covers are checked as they arrive (a refused one fails, see refusals()).
   */
  async enqueue(source: Iterable<PrintJob> | AsyncIterable<PrintJob>, opts: { targets?: JobTarget[]; expected?: number } = {}): Promise<EnqueueResult> {
    if (this.state === 'cancelled') throw new Error('this print queue was cancelled: start a new queue for a new batch');
    let items: PrintJob[] | null = null;
    let targets = opts.targets;
    if (!(Symbol.asyncIterator in source)) {
      items = [...source];
      targets ??= items.flatMap((j) => (j.shipmentId === undefined ? [] : [{ shipmentId: j.shipmentId, document: j.documentKind, reprint: j.reprint }]));
    }
    const feed: Feed = { approvals: new Map(), feeding: true, expected: opts.expected ?? items?.length ?? null };
    if (targets) {
      const refusal = await this.guard.approveTargets(feed.approvals, targets);
      if (refusal) return { ok: false, refusal };
    }
    this.guard.openBatch(feed.approvals);
    this.feeds.push(feed);
    const iterable = items ?? source;
    this.feedChain = this.feedChain.then(() => this.feed(feed, iterable));
    if (this.state === 'idle' || this.state === 'done') {
      this.state = 'running';
      this.needPreflight = true;
    }
    this.emit();
    this.ensurePump();
    return { ok: true, jobs: items?.length ?? null };
  }

  /** Stops printing. 'now' (default) aborts the write in flight between chunks (that job is sent again
   * whole on resume); 'after-current' lets the job in flight finish first. */
  pause(opts: { when?: 'now' | 'after-current' } = {}): void {
    if (this.state !== 'running' || this.request) return;
    this.request = { kind: 'pause' };
    if ((opts.when ?? 'now') === 'now') {
      this.inflight?.abort();
      this.interrupt?.();
    }
    this.pumpWake.fire();
  }

  /** Carries on from the first job not confirmed, after checking the printer's status once. */
  resume(): void {
    if (this.state !== 'paused' || this.request?.kind === 'cancel') return;
    this.request = null;
    this.pauseInfo = null;
    this.state = 'running';
    this.needPreflight = true;
    this.emit();
    this.ensurePump();
    this.pumpWake.fire();
  }

  /**
   * Stops for good: the write in flight is aborted between chunks; jobs never sent stay 'queued' (not
   * printed); jobs sent but not confirmed become 'failed' ("may or may not have printed") and are journaled.
   */
  cancel(): Promise<QueueSnapshot> {
    if (this.state !== 'done' && this.state !== 'cancelled') {
      this.request = { kind: 'cancel' };
      this.inflight?.abort();
      this.interrupt?.();
      this.feedWake.fire();
      this.ensurePump();
      this.pumpWake.fire();
    }
    return this.until((s) => s.state === 'cancelled' || s.state === 'done');
  }

  /** Tries again to store journal entries that failed (after a cancel; a resume does this by itself). */
  retryJournal(): Promise<boolean> {
    return this.flushJournal(false).finally(() => this.emit());
  }

  snapshot(): QueueSnapshot {
    const done = this.counts.confirmed + this.counts.failed;
    const total = this.records.length;
    const expected = this.feeds.some((f) => f.expected === null) ? null : this.feeds.reduce((n, f) => n + (f.expected ?? 0), 0);
    const denominator = Math.max(total, expected ?? 0);
    return {
      state: this.state,
      counts: { ...this.counts },
      total,
      expected,
      sourcesDone: this.feeds.every((f) => !f.feeding),
      progress: denominator ? done / denominator : 0,
      bytesSent: this.bytesSent,
      current: this.current && { ...this.current },
      pause: this.pauseInfo,
      resent: this.resent,
      sourceError: this.sourceError,
      unjournaled: this.backlog.length
    };
  }

  jobs(): JobView[] {
    return this.records.map(({ id, batchId, shipmentId, document, copy, state, attempts, reason }) => ({ id, batchId, shipmentId, document, copy, state, attempts, reason }));
  }

  /** Streamed jobs refused because their document was printed before and they carry no reprint reason. */
  refusals(): ReprintRefusal | null {
    return this.guard.refusals();
  }

  /** Called with a snapshot after every change (state, counts, progress of the write in flight). */
  onChange(listener: (s: QueueSnapshot) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Called with each journal entry once it is stored: the place to move a shipment to 'printed'. */
  onJob(listener: (entry: JournalEntry) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  /** Resolves with the first snapshot (now or later) that satisfies `predicate`. */
  until(predicate: (s: QueueSnapshot) => boolean): Promise<QueueSnapshot> {
    const now = this.snapshot();
    if (predicate(now)) return Promise.resolve(now);
    return new Promise((resolve) => {
      const off = this.onChange((s) => {
        if (!predicate(s)) return;
        off();
        resolve(s);
      });
    });
  }

  // ---- admission -------------------------------------------------------------------------------------

  private async feed(feed: Feed, source: Iterable<PrintJob> | AsyncIterable<PrintJob>): Promise<void> {
    const it = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
    try {
      for (;;) {
        while (this.request?.kind !== 'cancel' && this.state !== 'cancelled' && this.counts.queued >= this.lookahead) await this.feedWake.wait();
        if (this.request?.kind === 'cancel' || this.state === 'cancelled') {
          await it.return?.();
          return;
        }
        const next = await it.next();
        if (next.done) return;
        try {
          await this.admit(feed, next.value);
        } catch (e) {
          await it.return?.();
          throw e;
        }
        this.emit();
        this.pumpWake.fire();
      }
    } catch (e) {
      const stopped = `the batch source stopped: ${message(e)}`;
      this.sourceError = this.sourceError ? `${this.sourceError}; ${stopped}` : stopped;
    } finally {
      feed.feeding = false;
      this.guard.closeBatch(feed.approvals);
      this.emit();
      this.pumpWake.fire();
    }
  }

  private async admit(feed: Feed, job: PrintJob): Promise<void> {
    if (this.byId.has(job.id)) throw new Error(`job id ${job.id} appears twice: each job needs its own id`);
    if (!(job.bytes instanceof Uint8Array) && typeof job.bytes !== 'function') throw new Error(`job ${job.id} has no bytes`);
    if (!Number.isInteger(job.copy) || job.copy < 1) throw new Error(`job ${job.id} has copy ${job.copy}: copies count from 1`);
    const { reprintReason, refused } = await this.guard.admit(feed.approvals, job);
    this.byId.add(job.id);
    const bytes = job.bytes instanceof Uint8Array ? job.bytes : null;
    this.records.push({ id: job.id, batchId: job.batchId, shipmentId: job.shipmentId, document: job.documentKind, copy: job.copy, page: job.page, state: 'queued', attempts: 0, reprintReason, refused, source: bytes ? null : job.bytes, bytes, rendering: null });
    this.counts.queued++;
  }

  // ---- the pump --------------------------------------------------------------------------------------

  private ensurePump(): void {
    if (this.pumping) return;
    this.pumping = true;
    this.pump().then(undefined, (e: unknown) => {
      this.pumping = false;
      this.stop({ code: 'unexpected-error', message: `${PAUSE_TEXT['unexpected-error'].en}: ${message(e)}` });
    });
  }

  /** Clears `pumping` itself just before its last emit, so a batch enqueued by whoever awaited that
   * snapshot starts a new pump instead of finding a finished one. */
  private async pump(): Promise<void> {
    for (;;) {
      if (this.request?.kind === 'cancel') return this.finishCancel();
      if (this.request?.kind === 'pause' && this.state === 'running') await this.finishPause();
      if (this.state === 'paused' && this.transportGone && this.pauseInfo?.code !== 'printer-disconnected') this.stop(this.disconnectedPause());
      if (this.state !== 'running') {
        if (this.state === 'done' || this.state === 'cancelled') {
          this.pumping = false;
          return;
        }
        await this.pumpWake.wait();
        continue;
      }
      if (!(await this.flushJournal())) continue;
      const t = this.transport;
      if (!t || this.transportGone) {
        this.stop(t ? this.disconnectedPause() : { code: 'no-printer', message: PAUSE_TEXT['no-printer'].en });
        continue;
      }
      const rec = this.records[this.cursor];
      if (rec && this.needPreflight) {
        this.needPreflight = false;
        if (!(await this.preflight(t))) continue;
      }
      if (!rec) {
        if (this.feeds.some((f) => f.feeding)) {
          await this.pumpWake.wait();
          continue;
        }
        if (this.pendingCheck.length && !(await this.confirmPending(t))) continue;
        if (this.request) continue;
        this.state = 'done';
        this.pumping = false;
        this.emit();
        return;
      }
      if (rec.state === 'confirmed' || rec.state === 'failed') this.cursor++;
      else await this.printOne(rec, t);
    }
  }

  private async printOne(rec: JobRecord, t: PrinterTransport): Promise<void> {
    if (rec.refused) {
      this.cursor++;
      return this.settle(rec, 'failed', { reason: rec.refused });
    }
    // A renderer that hangs must not keep pause() and cancel() from working.
    const rendered = rec.bytes ? { ok: true as const, bytes: rec.bytes } : await this.interruptible(this.render(rec));
    if (!rendered) return;
    if (!rendered.ok) {
      this.cursor++;
      return this.settle(rec, 'failed', { reason: `could not be rendered: ${message(rendered.error)}` });
    }
    const bytes = rendered.bytes;
    this.prefetch(this.records[this.cursor + 1]);
    const ctl = new AbortController();
    this.inflight = ctl;
    this.current = { jobId: rec.id, written: 0, size: bytes.length };
    this.emit();
    try {
      await t.write(bytes, {
        signal: ctl.signal,
        onProgress: (written) => {
          if (this.current?.jobId === rec.id) this.current.written = written;
          this.emit();
        }
      });
    } catch (e) {
      this.bytesSent += e instanceof TransportError ? e.bytesWritten : 0;
      // Aborted by pause() or cancel(): the job stays queued and the pump's next turn carries out the request.
      if (!ctl.signal.aborted) this.stop(this.errorPause(e, 'write', rec.id));
      return;
    } finally {
      this.inflight = null;
      this.current = null;
    }
    this.bytesSent += bytes.length;
    rec.attempts++;
    if (rec.attempts === 2) this.resent++;
    this.cursor++;
    await this.settle(rec, 'sent');
    if (this.statusCheck === 'never' || this.statusSupported === false) return this.settle(rec, 'confirmed', { confirmedBy: 'write-complete' });
    this.pendingCheck.push(rec);
    if (this.statusCheck === 'every-label') await this.confirmPending(t);
  }

  private interruptible<T>(work: Promise<T>): Promise<T | null> {
    return new Promise<T | null>((resolve) => {
      this.interrupt = () => resolve(null);
      void work.then(resolve);
    }).finally(() => {
      this.interrupt = null;
    });
  }

  private render(rec: JobRecord): NonNullable<JobRecord['rendering']> {
    if (rec.bytes) return Promise.resolve({ ok: true, bytes: rec.bytes });
    this.prefetch(rec);
    return rec.rendering!;
  }

  /** Starts rendering a lazy job so its bytes are ready when the printer is. */
  private prefetch(rec: JobRecord | undefined): void {
    if (!rec || rec.bytes || rec.rendering || !rec.source || rec.refused) return;
    const source = rec.source as () => Uint8Array | Promise<Uint8Array>;
    rec.rendering = Promise.resolve()
      .then(source)
      .then(
        (bytes) => {
          if (!(bytes instanceof Uint8Array)) throw new Error(`job ${rec.id} rendered ${typeof bytes}, not bytes`);
          rec.bytes = bytes;
          return { ok: true as const, bytes };
        }
      )
      .catch((error: unknown) => ({ ok: false as const, error }));
  }

  /** Status check after sent jobs: confirms them all, or stops with the printer's reason. */
  private async confirmPending(t: PrinterTransport): Promise<boolean> {
    const ok = await this.statusOk(t, this.pendingCheck.at(-1)?.id);
    if (!ok) return false;
    const jobs = this.pendingCheck;
    this.pendingCheck = [];
    for (const rec of jobs) await this.settle(rec, 'confirmed', { confirmedBy: this.statusSupported ? 'printer-status' : 'write-complete' });
    return true;
  }

  private async preflight(t: PrinterTransport): Promise<boolean> {
    if (this.statusCheck === 'never' || this.statusSupported === false) return true;
    return this.statusOk(t, this.records[this.cursor]?.id);
  }

  private async statusOk(t: PrinterTransport, jobId: string | undefined): Promise<boolean> {
    try {
      const status = await checkStatus({ transport: t, language: this.opts.language, timeoutMs: this.timeoutMs, clock: this.opts.clock });
      this.statusSupported = true;
      if (status.ready) return true;
      this.stop({ ...pauseForProblems(status.problems, this.printerName()), jobId });
      return false;
    } catch (e) {
      if (e instanceof TransportError && e.kind === 'unsupported' && !this.transportGone) {
        this.statusSupported = false;
        return true;
      }
      this.stop(this.errorPause(e, 'status', jobId));
      return false;
    }
  }

  // ---- state changes ---------------------------------------------------------------------------------

  private async settle(rec: JobRecord, state: Exclude<JobState, 'queued'>, extra: Pick<JournalEntry, 'reason' | 'confirmedBy'> = {}): Promise<void> {
    if (rec.state === 'queued' && !rec.refused) this.guard.left(rec.shipmentId, rec.document);
    this.counts[rec.state]--;
    this.counts[state]++;
    rec.state = state;
    if (extra.reason) rec.reason = extra.reason;
    if (state === 'confirmed' || state === 'failed') {
      rec.bytes = null;
      rec.source = null;
      rec.rendering = null;
    }
    const entry: JournalEntry = {
      station: this.opts.station,
      printer: this.printerName(),
      user: this.opts.user,
      at: this.opts.clock.now(),
      batchId: rec.batchId,
      jobId: rec.id,
      ...(rec.shipmentId !== undefined && { shipmentId: rec.shipmentId }),
      document: rec.document,
      copy: rec.copy,
      state,
      attempt: rec.attempts,
      ...(rec.page !== undefined && rec.page > 1 && { page: rec.page }),
      ...(extra.reason && { reason: extra.reason }),
      ...(extra.confirmedBy && { confirmedBy: extra.confirmedBy }),
      ...(rec.reprintReason && { reprintReason: rec.reprintReason })
    };
    this.backlog.push(entry);
    this.feedWake.fire();
    // A journal that fails does not interrupt this job; the pump stops before the next one.
    await this.flushJournal(false);
    this.emit();
  }

  /** Stores journal entries in order; on failure keeps them for the next try and (if asked) pauses. */
  private async flushJournal(pauseOnFailure = true): Promise<boolean> {
    // One drain at a time (retryJournal may be called while the pump drains), so no entry is stored twice.
    this.draining ??= this.drainJournal().finally(() => {
      this.draining = null;
    });
    const failure = await this.draining;
    if (failure === null) return this.backlog.length === 0 || this.flushJournal(pauseOnFailure);
    if (pauseOnFailure) this.stop({ code: 'journal-failed', message: `${PAUSE_TEXT['journal-failed'].en} (${message(failure.error)})`, jobId: failure.jobId });
    return false;
  }

  private async drainJournal(): Promise<{ error: unknown; jobId: string } | null> {
    while (this.backlog.length) {
      const entry = this.backlog[0];
      try {
        await this.opts.journal.append(entry);
      } catch (error) {
        return { error, jobId: entry.jobId };
      }
      this.backlog.shift();
      for (const l of [...this.jobListeners]) {
        try {
          l(entry);
        } catch (e) {
          rethrowLater(e);
        }
      }
    }
    return null;
  }

  /** Pauses with a reason and rewinds to the first job not confirmed. */
  private stop(info: Omit<PauseInfo, 'at'>): void {
    this.state = 'paused';
    if (this.request?.kind !== 'cancel') this.request = null;
    this.pauseInfo = { ...info, at: this.opts.clock.now() };
    this.pendingCheck = [];
    const first = this.records.findIndex((r) => r.state === 'queued' || r.state === 'sent');
    this.cursor = first < 0 ? this.records.length : first;
    this.emit();
  }

  private async finishPause(): Promise<void> {
    // With statusCheck 'end', confirm what was sent so far while the printer is still there to ask.
    const t = this.transport;
    if (this.pendingCheck.length && t && !this.transportGone && !(await this.confirmPending(t))) return;
    if (this.request?.kind === 'pause') this.stop({ code: 'user', message: PAUSE_TEXT.user.en, jobId: this.records[this.cursor]?.id });
  }

  private async finishCancel(): Promise<void> {
    this.pendingCheck = [];
    for (const rec of this.records)
      if (rec.state === 'sent') await this.settle(rec, 'failed', { reason: 'cancelled after it was sent: it may or may not have printed' });
    this.state = 'cancelled';
    this.request = null;
    this.feedWake.fire();
    this.pumping = false;
    this.emit();
  }

  private disconnectedPause(): Omit<PauseInfo, 'at'> {
    return { code: 'printer-disconnected', message: `${PAUSE_TEXT['printer-disconnected'].en} (${this.printerName()})`, jobId: this.records[this.cursor]?.id };
  }

  private errorPause(e: unknown, during: 'write' | 'status', jobId: string | undefined): Omit<PauseInfo, 'at'> {
    // Some transports report an unplug during a status read as a plain error; the disconnect event decides.
    if (this.transportGone) return { ...this.disconnectedPause(), message: `${PAUSE_TEXT['printer-disconnected'].en} (${this.printerName()}: ${message(e)})`, jobId };
    return { ...pauseForError(e, this.printerName(), during), jobId };
  }

  private printerName(): string {
    return this.opts.printer ?? this.transport?.label ?? 'no printer';
  }

  private emit(): void {
    if (!this.changeListeners.size) return;
    const s = this.snapshot();
    for (const l of [...this.changeListeners]) {
      try {
        l(s);
      } catch (e) {
        rethrowLater(e);
      }
    }
  }
}
