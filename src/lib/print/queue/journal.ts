// The print journal: an append-only record of every label (document) the station sent to a printer, who sent
// it, on which printer, and what became of it. It is what lets the queue resume without printing a label twice,
// what makes a second print a deliberate reprint, and what each shipment's print counts are derived from.
// The queue only sees the PrintJournal port; the station stores it (a Dexie table), tests use MemoryJournal.

export type DocumentKind = 'label' | 'packing-slip' | 'pick-list';

export type JobState = 'queued' | 'sent' | 'confirmed' | 'failed';

/** Where a job's bytes come from: ready bytes, or a function that renders them when the queue needs them. */
export type JobBytes = Uint8Array | (() => Uint8Array | Promise<Uint8Array>);

export interface PrintJob {
  /** Unique within the queue; the journal's key for this job. */
  id: string;
  documentKind: DocumentKind;
  /** Absent for batch documents (a pick list covers many shipments). */
  shipmentId?: string;
  batchId: string;
  /** 1 = the first print of this document for this shipment; reprints count up. */
  copy: number;
  /** Page of a document that runs over several labels (1-based); only the first page counts as a print. */
  page?: number;
  bytes: JobBytes;
  /** A deliberate second print of a document that was printed before; the reason is journaled. */
  reprint?: { reason: string };
}

export interface JournalEntry {
  station: string;
  /** The printer as people name it (the profile name, else the transport's label). */
  printer: string;
  user: string;
  /** Epoch milliseconds from the queue's clock. */
  at: number;
  batchId: string;
  jobId: string;
  shipmentId?: string;
  document: DocumentKind;
  copy: number;
  state: Exclude<JobState, 'queued'>;
  /** Why a job failed, or what a confirmation rests on. */
  reason?: string;
  /** How many times the job's bytes were sent whole; 2+ means the printer may have printed it more than once. */
  attempt: number;
  /** Page of a multi-page document (a long packing slip); absent = 1. Print counts come from page 1 only. */
  page?: number;
  /** 'printer-status': the printer answered with no problem; 'write-complete': no status check was possible. */
  confirmedBy?: 'printer-status' | 'write-complete';
  /** Present on every entry of a deliberate reprint. */
  reprintReason?: string;
}

export interface PrintJournal {
  /** Stores one entry; rejects when it could not be stored (the queue then pauses rather than print unrecorded). */
  append(entry: JournalEntry): Promise<void>;
  /**
   * How many jobs for this shipment's document reached a printer (a 'sent' entry: it may have printed), counting
   * each job once however often it was resent.
   */
  printedCount(shipmentId: string, document: DocumentKind): Promise<number>;
  /** The same for many documents at once, in order (optional: one indexed query instead of one per document). */
  printedCounts?(docs: readonly { shipmentId: string; document: DocumentKind }[]): Promise<number[]>;
}

const docKey = (shipmentId: string, document: DocumentKind) => `${document}\u0000${shipmentId}`;

/** The journal in memory: for tests and for a station that has not opened its database yet. */
export class MemoryJournal implements PrintJournal {
  readonly entries: JournalEntry[] = [];
  private printed = new Map<string, Set<string>>();

  async append(entry: JournalEntry): Promise<void> {
    this.entries.push(Object.freeze({ ...entry }));
    if (entry.shipmentId !== undefined && (entry.state === 'sent' || entry.state === 'confirmed')) {
      const key = docKey(entry.shipmentId, entry.document);
      const jobs = this.printed.get(key) ?? new Set<string>();
      jobs.add(entry.jobId);
      this.printed.set(key, jobs);
    }
  }

  async printedCount(shipmentId: string, document: DocumentKind): Promise<number> {
    return this.printed.get(docKey(shipmentId, document))?.size ?? 0;
  }

  /** Entries of one job, in order. */
  forJob(jobId: string): JournalEntry[] {
    return this.entries.filter((e) => e.jobId === jobId);
  }
}
