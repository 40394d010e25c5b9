// The station's IndexedDB tables (Dexie): the queryable order index projected from the Yjs documents, and
// station-local settings. The index is a derived cache: a watermark per shard records which document state
// it reflects, and any shard whose watermark does not match is projected again.
import Dexie, { type Table } from 'dexie';
import type { OrderRow } from '../domain/order-row';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** One print journal entry (station-local, append-only); `seq` orders them. */
export interface JournalRow {
  seq?: number;
  jobId: string;
  shipmentId?: string;
  document: string;
  state: string;
  at: number;
  [key: string]: unknown;
}

export class StationDb extends Dexie {
  rows!: Table<OrderRow, string>;
  meta!: Table<MetaRow, string>;
  journal!: Table<JournalRow, number>;

  constructor(name = 'packdesk') {
    super(name);
    this.version(1).stores({ rows: 'id, paidAt, shard', meta: 'key' });
    this.version(2).stores({ journal: '++seq, jobId, shipmentId, at' });
    // No query reads rows by shard: dropping that index makes every stored row one index update cheaper.
    this.version(3).stores({ rows: 'id, paidAt' });
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value });
  }
}

export type StorageFailure = { kind: 'quota' | 'deleted' | 'unavailable' | 'unknown'; message: string };

/** Turns an IndexedDB/Dexie failure into what a person at the station needs to know. */
export function describeStorageError(err: unknown): StorageFailure {
  const e = err as { name?: string; message?: string; inner?: { name?: string } };
  const name = e?.inner?.name ?? e?.name ?? '';
  const msg = e?.message ?? String(err);
  if (name === 'QuotaExceededError' || /quota/i.test(msg))
    return { kind: 'quota', message: 'The browser refused to store more data (storage quota exceeded). Free disk space or remove old data; nothing already saved was lost.' };
  if (name === 'DatabaseClosedError' || name === 'VersionChangeError' || /deleted|closed/i.test(msg))
    return { kind: 'deleted', message: 'The local database was deleted or closed while Packdesk was running (site data cleared?). Reload the page: orders come back from the sync server.' };
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'UnknownError')
    return { kind: 'unavailable', message: `Local storage is not available in this browser (${name}). Check that the site may store data (not a private window).` };
  return { kind: 'unknown', message: `Local storage failed: ${name ? name + ': ' : ''}${msg}` };
}
