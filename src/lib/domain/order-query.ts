// Filtering, searching and sorting order rows in memory. A linear scan over plain rows is fast enough for
// 100k orders (a few milliseconds) and keeps every filter combinable; sorting reuses a cached order per key.
import { z } from 'zod';
import type { OrderRow } from './order-row';
import { FLAGS, STATUSES } from './status';

export const SORT_KEYS = ['paidAt', 'amount', 'orderNo', 'recipientName', 'province', 'status', 'priority'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const OrderQuery = z.object({
  /** Display statuses to include (base statuses and flags); empty = all. */
  statuses: z.array(z.enum([...STATUSES, ...FLAGS])).default([]),
  platforms: z.array(z.string()).default([]),
  shops: z.array(z.string()).default([]),
  provinces: z.array(z.string()).default([]),
  couriers: z.array(z.string()).default([]),
  paidFrom: z.number().optional(),
  paidTo: z.number().optional(),
  search: z.string().default(''),
  sort: z.enum(SORT_KEYS).default('paidAt'),
  desc: z.boolean().default(true)
});
export type OrderQuery = z.input<typeof OrderQuery>;
export type OrderQueryParsed = z.output<typeof OrderQuery>;

export function rowMatcher(q: OrderQueryParsed): (r: OrderRow) => boolean {
  const st = q.statuses.length ? new Set<string>(q.statuses) : null;
  const pl = q.platforms.length ? new Set(q.platforms) : null;
  const sh = q.shops.length ? new Set(q.shops) : null;
  const pv = q.provinces.length ? new Set(q.provinces) : null;
  const co = q.couriers.length ? new Set(q.couriers) : null;
  const from = q.paidFrom ?? -Infinity;
  const to = q.paidTo ?? Infinity;
  const terms = q.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (r) => {
    if (st && !st.has(r.display) && !(r.held && st.has('on_hold'))) return false;
    if (pl && !pl.has(r.platform)) return false;
    if (sh && !sh.has(r.shopId)) return false;
    if (pv && !pv.has(r.province)) return false;
    if (co && !co.has(r.courierId)) return false;
    if (r.paidAt < from || r.paidAt > to) return false;
    for (const t of terms) if (!r.haystack.includes(t)) return false;
    return true;
  };
}

const collator = new Intl.Collator('zh-CN');

const compareBy = (key: SortKey): ((a: OrderRow, b: OrderRow) => number) => {
  switch (key) {
    case 'paidAt':
    case 'amount':
    case 'priority':
      return (a, b) => a[key] - b[key] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    case 'status':
      return (a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || a.paidAt - b.paidAt || (a.id < b.id ? -1 : 1);
    default:
      return (a, b) => collator.compare(a[key], b[key]) || (a.id < b.id ? -1 : 1);
  }
};

const comparators = Object.fromEntries(SORT_KEYS.map((k) => [k, compareBy(k)])) as Record<SortKey, (a: OrderRow, b: OrderRow) => number>;

/** Batches up to this size are placed by binary search and splice; larger ones are merged in one pass. */
const SPLICE_LIMIT = 32;

/** First position whose row is not before `row` (comparators end on the id, so positions are unique). */
function lowerBound(arr: OrderRow[], row: OrderRow, cmp: (a: OrderRow, b: OrderRow) => number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(arr[mid], row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `arr` without the rows whose ids are in `replaced`, merged with `batch` (sorted here) in order. */
function mergeSorted(arr: OrderRow[], batch: OrderRow[], replaced: Map<string, OrderRow>, cmp: (a: OrderRow, b: OrderRow) => number): OrderRow[] {
  batch.sort(cmp);
  const out: OrderRow[] = new Array(arr.length + batch.length);
  let n = 0;
  let j = 0;
  for (const r of arr) {
    if (replaced.has(r.id)) continue;
    while (j < batch.length && cmp(batch[j], r) < 0) out[n++] = batch[j++];
    out[n++] = r;
  }
  while (j < batch.length) out[n++] = batch[j++];
  out.length = n;
  return out;
}

export interface QueryResult {
  total: number;
  rows: OrderRow[];
}

/**
 * The in-memory order index: rows by id plus a lazily built sort order per key, kept current on small writes.
 * Filters scan the sorted array so results come out in order without sorting each query.
 */
export class OrderIndex {
  private byId = new Map<string, OrderRow>();
  private sorted = new Map<SortKey, OrderRow[]>();
  private lastKey = '';
  private lastQuery: OrderQueryParsed | undefined;
  private lastMatches: OrderRow[] = [];

  get size(): number {
    return this.byId.size;
  }

  get(id: string): OrderRow | undefined {
    return this.byId.get(id);
  }

  /**
   * Small batches (edits, sync) are placed into the cached sort orders by binary search instead of
   * throwing them away: re-sorting 100k rows after every edit cost up to half a second for name sorts.
   */
  upsert(rows: Iterable<OrderRow>): void {
    const list = Array.isArray(rows) ? rows : [...rows];
    if (list.length <= SPLICE_LIMIT) {
      for (const r of list) {
        const old = this.byId.get(r.id);
        if (old) this.count(old, -1);
        this.count(r, 1);
        this.byId.set(r.id, r);
        for (const [key, arr] of this.sorted) this.move(arr, key, old, r);
      }
    } else {
      // Bulk (an import chunk, a shard projected again): drop the old versions and merge the sorted batch in
      // one linear pass per cached order, instead of thousands of splices or a full re-sort of 100k rows.
      const fresh = new Map<string, OrderRow>();
      for (const r of list) fresh.set(r.id, r);
      for (const r of fresh.values()) {
        const old = this.byId.get(r.id);
        if (old) this.count(old, -1);
        this.count(r, 1);
        this.byId.set(r.id, r);
      }
      for (const [key, arr] of this.sorted) this.sorted.set(key, mergeSorted(arr, [...fresh.values()], fresh, comparators[key]));
    }
    this.forgetMatches();
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const old = this.byId.get(id);
      if (!old) continue;
      this.count(old, -1);
      this.byId.delete(id);
      for (const [key, arr] of this.sorted) this.move(arr, key, old, undefined);
    }
    this.forgetMatches();
  }

  clear(): void {
    this.byId.clear();
    this.sorted.clear();
    for (const m of Object.values(this.counts)) m.clear();
    this.forgetMatches();
  }

  all(): IterableIterator<OrderRow> {
    return this.byId.values();
  }

  private forgetMatches(): void {
    this.lastKey = '';
    this.lastQuery = undefined;
    this.lastMatches = [];
  }

  private move(arr: OrderRow[], key: SortKey, old: OrderRow | undefined, next: OrderRow | undefined): void {
    const cmp = comparators[key];
    if (old) {
      const i = lowerBound(arr, old, cmp);
      if (arr[i] === old) arr.splice(i, 1);
    }
    if (next) arr.splice(lowerBound(arr, next, cmp), 0, next);
  }

  private sortedBy(key: SortKey): OrderRow[] {
    let arr = this.sorted.get(key);
    if (!arr) {
      arr = [...this.byId.values()].sort(comparators[key]);
      this.sorted.set(key, arr);
    }
    return arr;
  }

  /** Repeated windows of one query (scrolling) reuse the last match list. */
  query(input: OrderQuery, offset: number, limit: number): QueryResult {
    const q = OrderQuery.parse(input);
    const key = JSON.stringify(q);
    if (key !== this.lastKey) {
      const match = rowMatcher(q);
      const out: OrderRow[] = [];
      if (this.narrows(q)) {
        // Typing more of the same search: the answer is a subset of the last one, already in order.
        for (const r of this.lastMatches) if (match(r)) out.push(r);
      } else {
        for (const r of this.sortedBy(q.sort)) if (match(r)) out.push(r);
        if (q.desc) out.reverse();
      }
      this.lastKey = key;
      this.lastQuery = q;
      this.lastMatches = out;
    }
    return { total: this.lastMatches.length, rows: this.lastMatches.slice(offset, offset + limit) };
  }

  /** Same filters and order as the last query, and a search that can only match fewer rows. */
  private narrows(q: OrderQueryParsed): boolean {
    const last = this.lastQuery;
    // Every term of a prefix of the new search is a substring of a term of the new search.
    if (!last || !last.search.trim() || !q.search.startsWith(last.search)) return false;
    return JSON.stringify({ ...last, search: '' }) === JSON.stringify({ ...q, search: '' });
  }

  /** Distinct values for filter menus, with counts. */
  facets(): Facets {
    const list = (m: Map<string, number>) => [...m].flatMap(([value, n]) => (n > 0 ? [{ value, n }] : [])).sort((a, b) => b.n - a.n);
    const f = this.counts;
    return { statuses: list(f.statuses), platforms: list(f.platforms), shops: list(f.shops), provinces: list(f.provinces), couriers: list(f.couriers) };
  }

  /** Facet counts kept current on every write, so the filter menus cost nothing while an import streams in. */
  private counts = { statuses: new Map<string, number>(), platforms: new Map<string, number>(), shops: new Map<string, number>(), provinces: new Map<string, number>(), couriers: new Map<string, number>() };

  private count(r: OrderRow, by: 1 | -1): void {
    const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + by);
    const f = this.counts;
    add(f.statuses, r.display);
    add(f.platforms, r.platform);
    add(f.shops, r.shopId);
    add(f.provinces, r.province);
    add(f.couriers, r.courierId);
  }
}

export interface FacetValue {
  value: string;
  n: number;
}
export interface Facets {
  statuses: FacetValue[];
  platforms: FacetValue[];
  shops: FacetValue[];
  provinces: FacetValue[];
  couriers: FacetValue[];
}
