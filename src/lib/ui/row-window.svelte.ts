// The rows the order list can show, fetched from the engine in fixed pages around the visible range.
// Only a few pages are ever held (never an array of 100k rows), and they are plain arrays: a single
// `version` counter is the reactive signal, so scrolling costs one fetch per page and no deep proxies.
//
// Every fetch is tagged with a generation. A soft reset (rows changed in the engine) keeps stale pages on
// screen until fresh ones replace them, so edits and sync never make the list flash; a hard reset (the
// query changed) drops everything and ignores answers to the old query.
import type { OrderRow } from '../domain/order-row';
import type { QueryResult } from '../domain/order-query';

export const PAGE_SIZE = 100;
const MAX_PAGES = 24;

export type PageFetcher = (offset: number, limit: number) => Promise<QueryResult & { ready: boolean }>;

interface Page {
  gen: number;
  rows: OrderRow[];
  used: number;
}

export class RowWindow {
  total = $state(0);
  ready = $state(true);
  /** True until the first page of the current query has arrived. */
  loading = $state(true);
  /** Bumped whenever the held pages change; read it to re-render rows. */
  version = $state(0);
  /** Bumped on every hard reset (a new query): the list scrolls back to the top. */
  resets = $state(0);

  private pages = new Map<number, Page>();
  private inflight = new Set<string>();
  private gen = 0;
  private minGen = 0;
  private totalGen = -1;
  private first = 0;
  private last = 0;
  private tick = 0;

  constructor(
    private fetchPage: PageFetcher,
    private onError: (e: unknown) => void
  ) {}

  /** The row at a list position, or undefined while its page loads. Tracks `version`. */
  rowAt(index: number): OrderRow | undefined {
    void this.version;
    const page = this.pages.get(Math.floor(index / PAGE_SIZE));
    return page?.rows[index % PAGE_SIZE];
  }

  /** The list shows positions first..last (inclusive, overscan included): load what is missing. */
  want(first: number, last: number): void {
    this.first = Math.max(0, first);
    this.last = Math.max(this.first, last);
    this.loadVisible();
  }

  /** Refetch the visible pages. Hard: the query changed, so old pages are wrong, not just old. */
  reset(hard: boolean): void {
    this.gen++;
    if (hard) {
      this.minGen = this.gen;
      this.pages.clear();
      this.loading = true;
      this.resets++;
      this.last -= this.first;
      this.first = 0;
      this.version++;
    }
    this.loadVisible();
  }

  /** True while an answer to an outdated query is still being computed: new fetches wait for it. */
  private get staleInflight(): boolean {
    for (const key of this.inflight) if (Number(key.slice(0, key.indexOf(':'))) < this.minGen) return true;
    return false;
  }

  private loadVisible(): void {
    // Coalesce bursts (typing, a scanner): while the engine still works on an outdated query, queue
    // nothing more; when it answers, only the newest query is fetched.
    if (this.staleInflight) return;
    const a = Math.floor(this.first / PAGE_SIZE);
    const b = Math.floor(this.last / PAGE_SIZE);
    for (let p = a; p <= b; p++) {
      const have = this.pages.get(p);
      if (have) have.used = ++this.tick;
      if (have && have.gen === this.gen) continue;
      if (p > a && p * PAGE_SIZE >= this.total && this.totalGen === this.gen) break;
      this.load(p, this.gen);
    }
  }

  private load(p: number, gen: number): void {
    const key = `${gen}:${p}`;
    if (this.inflight.has(key)) return;
    this.inflight.add(key);
    this.fetchPage(p * PAGE_SIZE, PAGE_SIZE).then(
      (res) => {
        this.inflight.delete(key);
        if (gen < this.minGen) {
          this.loadVisible();
          return;
        }
        const have = this.pages.get(p);
        if (!have || have.gen <= gen) this.pages.set(p, { gen, rows: res.rows, used: ++this.tick });
        if (gen >= this.totalGen) {
          this.totalGen = gen;
          this.total = res.total;
          this.ready = res.ready;
          this.loading = false;
        }
        this.trim();
        this.version++;
      },
      (e: unknown) => {
        this.inflight.delete(key);
        if (gen >= this.minGen) this.loading = false;
        else this.loadVisible();
        this.onError(e);
      }
    );
  }

  /** Keep the cache small: drop least recently used pages outside the visible range. */
  private trim(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const a = Math.floor(this.first / PAGE_SIZE);
    const b = Math.floor(this.last / PAGE_SIZE);
    const victims = [...this.pages].filter(([p]) => p < a || p > b).sort((x, y) => x[1].used - y[1].used);
    for (const [p] of victims) {
      if (this.pages.size <= MAX_PAGES) break;
      this.pages.delete(p);
    }
  }
}
