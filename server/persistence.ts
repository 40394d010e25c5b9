// SQLite persistence for the sync server: one row per Yjs document holding its latest full state.
// Hocuspocus keeps documents in memory only, so without this every restart would lose the shared state.
// The row is a complete snapshot (Y.encodeStateAsUpdate), not an update log: loading is one read and the
// file never grows with edit history. WAL + synchronous=FULL so a stored snapshot survives a crash or power
// cut; the database is node:sqlite (built into Node 22.5+), so nothing native has to be compiled.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { Database } from '@hocuspocus/extension-database';

export const DATABASE_FILE_NAME = 'packdesk.sqlite';

export interface SqliteDocumentStoreOptions {
  dataDir: string;
  /** Milliseconds since the epoch for `updated_at`; injectable for tests. */
  now?: () => number;
}

/** Latest full state of each document, keyed by document name, in `<dataDir>/packdesk.sqlite`. */
export class SqliteDocumentStore {
  readonly path: string;
  #db: DatabaseSync;
  #now: () => number;
  #select: StatementSync;
  #upsert: StatementSync;
  #count: StatementSync;

  constructor(options: SqliteDocumentStoreOptions) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, DATABASE_FILE_NAME);
    this.#now = options.now ?? Date.now;
    this.#db = new DatabaseSync(this.path);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS documents (
        name TEXT PRIMARY KEY NOT NULL,
        state BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
    this.#select = this.#db.prepare('SELECT state FROM documents WHERE name = ?');
    this.#upsert = this.#db.prepare(`
      INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
    `);
    this.#count = this.#db.prepare('SELECT COUNT(*) AS count FROM documents');
  }

  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  /** The stored state of a document, or null when it has never been stored. */
  fetch(name: string): Uint8Array | null {
    const row = this.#select.get(name) as { state: Uint8Array } | undefined;
    return row ? row.state : null;
  }

  /** Replaces the stored state of a document with a full snapshot. */
  store(name: string, state: Uint8Array): void {
    this.#upsert.run(name, state, this.#now());
  }

  count(): number {
    const row = this.#count.get() as { count: number };
    return Number(row.count);
  }

  /** Checkpoints the WAL into the main file and closes the database. Safe to call twice. */
  close(): void {
    if (!this.#db.isOpen) return;
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE);');
    this.#db.close();
  }
}

/** The Hocuspocus extension that loads documents from and stores them into the given store. */
export function sqlitePersistence(store: SqliteDocumentStore): Database {
  return new Database({
    fetch: async ({ documentName }) => store.fetch(documentName),
    store: async ({ documentName, state }) => {
      store.store(documentName, state);
    }
  });
}
