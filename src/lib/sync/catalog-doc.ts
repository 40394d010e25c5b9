// The shared catalog (shops, SKUs, mappings, couriers, warehouses, opening stock) and the shard directory,
// each a small Yjs document with one plain value per entity. The directory lists every order shard so a
// fresh station knows which documents to fetch from the server.
import * as Y from 'yjs';
import type { Catalog } from '../domain/schemas';

const COLLECTIONS = ['shops', 'skus', 'skuMappings', 'couriers', 'warehouses', 'stock'] as const;
type Collection = (typeof COLLECTIONS)[number];

const keyOf: Record<Collection, (v: any) => string> = {
  shops: (v) => v.id,
  skus: (v) => v.code,
  skuMappings: (v) => `${v.platform}:${v.shopId}:${v.platformSku}`,
  couriers: (v) => v.id,
  warehouses: (v) => v.id,
  stock: (v) => `${v.warehouseId}:${v.sku}`
};

export class CatalogDoc {
  constructor(readonly doc: Y.Doc) {}

  private map(c: Collection): Y.Map<unknown> {
    return this.doc.getMap(c);
  }

  /** Adds or replaces entities; values equal to what is stored are skipped so re-loading demo data is a no-op. */
  merge(catalog: Partial<Catalog>, origin: unknown): void {
    this.doc.transact(() => {
      for (const c of COLLECTIONS) {
        const m = this.map(c);
        for (const v of catalog[c] ?? []) {
          const k = keyOf[c](v);
          const cur = m.get(k);
          if (!cur || JSON.stringify(cur) !== JSON.stringify(v)) m.set(k, v);
        }
      }
    }, origin);
  }

  /** Column mappings saved on any station for export files Packdesk did not recognise (synced like the catalog). */
  importPresets(): unknown[] {
    return [...this.doc.getMap('importPresets').values()];
  }

  saveImportPreset(preset: { id: string }, origin: unknown): void {
    this.doc.transact(() => this.doc.getMap('importPresets').set(preset.id, preset), origin);
  }

  /** Label templates saved on any station: one JSON value per template id (validated by the reader). */
  templates(): unknown[] {
    return [...this.doc.getMap('templates').values()];
  }

  saveTemplate(template: { id: string }, origin: unknown): void {
    this.doc.transact(() => this.doc.getMap('templates').set(template.id, template), origin);
  }

  deleteTemplate(id: string, origin: unknown): void {
    this.doc.transact(() => this.doc.getMap('templates').delete(id), origin);
  }

  read(): Catalog {
    const out = {} as Record<Collection, unknown[]>;
    for (const c of COLLECTIONS) out[c] = [...this.map(c).values()];
    return out as Catalog;
  }
}

export class DirectoryDoc {
  readonly shards: Y.Map<{ created: number }>;
  constructor(readonly doc: Y.Doc) {
    this.shards = doc.getMap('shards');
  }

  add(names: Iterable<string>, at: number, origin: unknown): void {
    const fresh = [...names].filter((n) => !this.shards.has(n));
    if (!fresh.length) return;
    this.doc.transact(() => {
      for (const n of fresh) this.shards.set(n, { created: at });
    }, origin);
  }

  names(): string[] {
    return [...this.shards.keys()].sort();
  }

  onAdded(listener: (names: string[]) => void): () => void {
    const h = (e: Y.YMapEvent<{ created: number }>) => listener([...e.keysChanged].filter((k) => this.shards.has(k)));
    this.shards.observe(h);
    return () => this.shards.unobserve(h);
  }
}
