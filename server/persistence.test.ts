// @vitest-environment node
// The SQLite document store keeps one latest snapshot per document name in a real file that outlives the process.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_FILE_NAME, SqliteDocumentStore } from './persistence.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'packdesk-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'data');
}

function snapshot(entries: Record<string, string>): Uint8Array {
  const doc = new Y.Doc();
  for (const [key, value] of Object.entries(entries)) doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function read(state: Uint8Array | null): Record<string, unknown> {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getMap('m').toJSON();
}

describe('SqliteDocumentStore', () => {
  it('creates the data dir and a WAL-mode file named packdesk.sqlite', () => {
    const dir = dataDir();
    const store = new SqliteDocumentStore({ dataDir: dir });
    expect(store.path).toBe(join(dir, DATABASE_FILE_NAME));
    expect(existsSync(store.path)).toBe(true);
    store.close();
    const db = new DatabaseSync(join(dir, DATABASE_FILE_NAME));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
  });

  it('keeps the latest snapshot per document across reopening', () => {
    const dir = dataDir();
    let clock = 1000;
    const first = new SqliteDocumentStore({ dataDir: dir, now: () => clock });
    first.store('catalog', snapshot({ sku: 'old' }));
    clock = 2000;
    first.store('catalog', snapshot({ sku: 'new' }));
    first.store('orders-20261126-3', snapshot({ order: 'JD:shop:1' }));
    first.close();

    const second = new SqliteDocumentStore({ dataDir: dir });
    expect(second.count()).toBe(2);
    expect(read(second.fetch('catalog'))).toEqual({ sku: 'new' });
    expect(read(second.fetch('orders-20261126-3'))).toEqual({ order: 'JD:shop:1' });
    expect(second.fetch('never-stored')).toBeNull();
    second.close();

    const db = new DatabaseSync(join(dir, DATABASE_FILE_NAME));
    expect(db.prepare("SELECT updated_at FROM documents WHERE name = 'catalog'").get()).toEqual({ updated_at: 2000 });
    db.close();
  });

  it('close() can be called twice', () => {
    const store = new SqliteDocumentStore({ dataDir: dataDir() });
    store.close();
    expect(() => store.close()).not.toThrow();
    expect(store.isOpen).toBe(false);
  });
});
