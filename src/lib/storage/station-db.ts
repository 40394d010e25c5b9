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

/**
 * Index rows are stored in bins: one record per (shard, bucket of order ids) holding that bucket's rows as a
 * JSON string. Writing 100k rows one record each cost ~7 s of an import (a put per row across threads);
 * bins make an import a couple of thousand puts, and a string is cloned as one block. Keys sort by shard
 * name, i.e. by China day, so reading them in reverse brings the newest orders first.
 */
export interface RowBin {
  key: string;
  json: string;
}

const BINS_PER_SHARD = 16;

/** FNV-1a over UTF-16 code units: a stable bucket for an order id. */
function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BINS_PER_SHARD;
}

export const binKey = (shard: string, id: string): string => `${shard}/${String(bucketOf(id)).padStart(2, '0')}`;
export const packBin = (key: string, rows: readonly OrderRow[]): RowBin => ({ key, json: JSON.stringify(rows) });
export const unpackBin = (bin: RowBin): OrderRow[] => JSON.parse(bin.json) as OrderRow[];

export class StationDb extends Dexie {
  bins!: Table<RowBin, string>;
  meta!: Table<MetaRow, string>;
  journal!: Table<JournalRow, number>;

  constructor(name = 'packdesk') {
    super(name);
    this.version(1).stores({ rows: 'id, paidAt, shard', meta: 'key' });
    this.version(2).stores({ journal: '++seq, jobId, shipmentId, at' });
    // Rows moved into bins. The index is derived data: drop the old table and every shard's watermark, and
    // the next start projects the documents again.
    this.version(3)
      .stores({ rows: null, bins: 'key' })
      .upgrade(async (tx) => {
        await tx.table('meta').where('key').startsWith('wm:').delete();
      });
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
