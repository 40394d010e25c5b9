// The deliberate-reprint rule: a shipment's document that was printed before (a 'sent' entry in the
// journal) or is still waiting in this queue from another batch is only printed again when the job carries
// a reason. A batch is checked as a whole before anything renders when its targets are known, so the UI can
// ask once with the full list; jobs of a streamed batch that no target covered are checked as they arrive.
import type { DocumentKind, PrintJob, PrintJournal } from './journal';

/** One shipment's document that a batch is going to print. */
export interface JobTarget {
  shipmentId: string;
  document: DocumentKind;
  reprint?: { reason: string };
}

export interface ReprintRefusal {
  kind: 'reprint-required';
  message: string;
  items: { shipmentId: string; document: DocumentKind; printedCount: number; queued: boolean }[];
}

/** The documents one batch may print, with the reprint reason of each (undefined: a first print). */
export type Approvals = Map<string, string | undefined>;

export const docKey = (shipmentId: string, document: DocumentKind) => `${document}\u0000${shipmentId}`;
const reasonOf = (r: { reason: string } | undefined) => (r?.reason.trim() ? r.reason.trim() : undefined);

export class ReprintGuard {
  /** Jobs per document that are queued and not refused. */
  private live = new Map<string, number>();
  /** Approvals of batches whose source is still producing jobs. */
  private open = new Set<Approvals>();
  private refused: ReprintRefusal['items'] = [];

  constructor(private readonly journal: PrintJournal) {}

  /** The batch was accepted and its source is producing jobs. */
  openBatch(approvals: Approvals): void {
    this.open.add(approvals);
  }

  /** The batch's source is exhausted: its jobs (if any are left) now count through `live`. */
  closeBatch(approvals: Approvals): void {
    this.open.delete(approvals);
  }

  /** Approves every target of a batch, or refuses the batch with the documents that need a reason. */
  async approveTargets(approvals: Approvals, targets: readonly JobTarget[]): Promise<ReprintRefusal | null> {
    const byKey = new Map<string, { shipmentId: string; document: DocumentKind; reason?: string }>();
    for (const t of targets) {
      const key = docKey(t.shipmentId, t.document);
      byKey.set(key, { shipmentId: t.shipmentId, document: t.document, reason: byKey.get(key)?.reason ?? reasonOf(t.reprint) });
    }
    const unexcused = [...byKey.entries()].filter(([, t]) => !t.reason);
    const docs = unexcused.map(([, t]) => t);
    const counts = this.journal.printedCounts ? await this.journal.printedCounts(docs) : await Promise.all(docs.map((t) => this.journal.printedCount(t.shipmentId, t.document)));
    const items = unexcused.flatMap(([key, t], i) => {
      const queued = this.pendingElsewhere(key, approvals);
      return counts[i] > 0 || queued ? [{ shipmentId: t.shipmentId, document: t.document, printedCount: counts[i], queued }] : [];
    });
    if (items.length) return refusalOf(items);
    for (const [key, t] of byKey) approvals.set(key, t.reason);
    return null;
  }

  /** Decides one arriving job: its reprint reason, or why it may not print. */
  async admit(approvals: Approvals, job: PrintJob): Promise<{ reprintReason?: string; refused?: string }> {
    let reprintReason = reasonOf(job.reprint);
    if (job.shipmentId === undefined) return { reprintReason };
    const key = docKey(job.shipmentId, job.documentKind);
    if (approvals.has(key)) reprintReason ??= approvals.get(key);
    else if (reprintReason) approvals.set(key, reprintReason);
    else {
      const printedCount = await this.journal.printedCount(job.shipmentId, job.documentKind);
      const queued = this.pendingElsewhere(key, approvals);
      if (printedCount > 0 || queued) {
        this.refused.push({ shipmentId: job.shipmentId, document: job.documentKind, printedCount, queued });
        return { refused: `reprint not approved: this ${job.documentKind} was ${queued ? 'already queued' : `printed ${printedCount} time(s)`}; a reprint needs a reason` };
      }
      approvals.set(key, undefined);
    }
    this.live.set(key, (this.live.get(key) ?? 0) + 1);
    return { reprintReason };
  }

  /** An admitted (not refused) job left the queued state. */
  left(shipmentId: string | undefined, document: DocumentKind): void {
    if (shipmentId === undefined) return;
    const key = docKey(shipmentId, document);
    this.live.set(key, (this.live.get(key) ?? 1) - 1);
  }

  refusals(): ReprintRefusal | null {
    return this.refused.length ? refusalOf(this.refused) : null;
  }

  private pendingElsewhere(key: string, approvals: Approvals): boolean {
    if ((this.live.get(key) ?? 0) > 0) return true;
    for (const other of this.open) if (other !== approvals && other.has(key)) return true;
    return false;
  }
}

function refusalOf(items: ReprintRefusal['items']): ReprintRefusal {
  const names = items.map((i) => `${i.shipmentId} (${i.document})`);
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  return { kind: 'reprint-required', message: `${items.length} document(s) were printed before: ${shown}. Reprinting needs a reason.`, items };
}
