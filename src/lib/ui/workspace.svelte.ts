// The order workspace's state: station config, filters and the query they make, the row window, the
// selection, the open order and the sync state. It talks to the engine only through StationApi; every call
// goes through `run`, so a rejected promise becomes a banner instead of a blank page or a floating promise.
import type { EngineEvent, OrderDetail, OrderEdit, StationApi, StationConfig, SyncState } from '../app/station-api';
import type { Catalog, Courier, Shop, Warehouse } from '../domain/schemas';
import type { Facets, OrderQuery, SortKey } from '../domain/order-query';
import type { DisplayStatus } from '../domain/status';
import type { MessageKey } from './messages';
import { RowWindow } from './row-window.svelte';
import { DemoLoader } from './demo-loader.svelte';

const REFRESH_THROTTLE_MS = 400;
const DAY_MS = 86_400_000;

export interface Banner {
  id: number;
  kind: 'error' | 'storage' | 'reminder';
  message: string;
}

export interface SetupInput {
  name: string;
  user: string;
  serverUrl: string;
  workAlone: boolean;
  secret: string;
}

/** The courier menu's value for orders without a courier (the empty value means "all"). */
export const NO_COURIER = '(none)';

export type FilterName = 'platform' | 'shop' | 'province' | 'courier';

/** A yyyy-mm-dd date input value as local midnight (or the last millisecond of that day). */
export function localDayMs(value: string, endOfDay: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return endOfDay ? start + DAY_MS - 1 : start;
}

export function validateSetup(input: SetupInput): MessageKey | null {
  const name = input.name.trim();
  if (!name) return 'setup.nameRequired';
  if (name.length > 40) return 'setup.nameTooLong';
  if (!input.workAlone && !/^wss?:\/\/\S+$/.test(input.serverUrl.trim())) return 'setup.serverInvalid';
  return null;
}

export class Workspace {
  config = $state.raw<StationConfig | null>(null);
  started = $state(false);
  setupOpen = $state(false);
  catalog = $state.raw<Catalog | null>(null);
  facets = $state.raw<Facets | null>(null);
  sync = $state.raw<SyncState | null>(null);
  banners = $state<Banner[]>([]);

  statuses = $state<DisplayStatus[]>([]);
  filters = $state<Record<FilterName, string>>({ platform: '', shop: '', province: '', courier: '' });
  paidFrom = $state('');
  paidTo = $state('');
  searchText = $state('');
  private search = $state('');
  sort = $state<SortKey>('paidAt');
  desc = $state(true);

  selectedIndex = $state(-1);
  detailId = $state<string | null>(null);
  detail = $state.raw<OrderDetail | null>(null);
  detailMissing = $state(false);

  readonly rows: RowWindow;
  readonly demo: DemoLoader;
  /** Resolves once start() has opened the station: panels opened early (templates) wait for it. */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  shops = $derived(new Map<string, Shop>((this.catalog?.shops ?? []).map((s) => [s.id, s])));
  couriers = $derived(new Map<string, Courier>((this.catalog?.couriers ?? []).map((c) => [c.id, c])));
  warehouses = $derived(new Map<string, Warehouse>((this.catalog?.warehouses ?? []).map((w) => [w.id, w])));

  /** A plain object (never a proxy): it crosses the worker boundary. */
  query = $derived.by((): OrderQuery => {
    const one = (v: string) => (v ? [v] : []);
    return {
      statuses: [...this.statuses],
      platforms: one(this.filters.platform),
      shops: one(this.filters.shop),
      provinces: one(this.filters.province),
      couriers: this.filters.courier === NO_COURIER ? [''] : one(this.filters.courier),
      paidFrom: localDayMs(this.paidFrom, false),
      paidTo: localDayMs(this.paidTo, true),
      search: this.search,
      sort: this.sort,
      desc: this.desc
    };
  });

  private nextBannerId = 1;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRefresh = 0;
  private disposed = false;
  private backupChecked = false;

  constructor(readonly api: StationApi) {
    this.rows = new RowWindow(
      (offset, limit) => this.api.query(this.query, offset, limit),
      (e) => this.report(e)
    );
    this.demo = new DemoLoader(this);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Opens the station: setup first if it has never been configured, then data and engine events. */
  async start(): Promise<void> {
    await this.run(async () => {
      this.config = await this.api.open();
      this.setupOpen = this.config === null;
      await this.api.subscribe((e) => this.onEvent(e));
      this.sync = await this.api.syncState();
    });
    this.started = true;
    this.markReady();
    await this.reloadAll();
    // Remind about backups once per session, for a station that opens with orders in it.
    if (!this.backupChecked && (this.facets?.statuses ?? []).some((f) => f.n > 0)) {
      this.backupChecked = true;
      void this.checkBackupAge();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.refreshTimer);
  }

  /** Runs an engine call; a rejection becomes a banner. Resolves to whether it succeeded. */
  async run(fn: () => Promise<void>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (e) {
      this.report(e);
      return false;
    }
  }

  report(e: unknown, kind: Banner['kind'] = 'error'): void {
    const message = e instanceof Error ? e.message || e.name : typeof e === 'string' ? e : JSON.stringify(e);
    if (this.banners.some((b) => b.message === message && b.kind === kind)) return;
    this.banners.push({ id: this.nextBannerId++, kind, message });
  }

  dismiss(id: number): void {
    this.banners = this.banners.filter((b) => b.id !== id);
  }

  async reloadAll(): Promise<void> {
    await this.run(async () => {
      // The engine has no catalog before the station is set up; the list and facets are simply empty.
      const [catalog, facets] = await Promise.all([this.config ? this.api.catalog() : null, this.api.facets()]);
      this.catalog = catalog;
      this.facets = facets;
    });
    this.rows.reset(true);
    this.selectedIndex = -1;
  }

  async saveSetup(input: SetupInput): Promise<MessageKey | null> {
    const problem = validateSetup(input);
    if (problem) return problem;
    await this.run(async () => {
      this.config = await this.api.configure({
        ...(this.config ? { id: this.config.id } : {}),
        name: input.name.trim(),
        user: input.user.trim(),
        serverUrl: input.workAlone ? '' : input.serverUrl.trim(),
        secret: input.workAlone ? '' : input.secret
      });
      this.setupOpen = false;
      this.sync = await this.api.syncState();
    });
    if (this.config && !this.catalog) await this.reloadAll();
    return null;
  }

  // ---- backup

  /** A reminder banner when the station has orders and its last backup is more than a day old (or never made). */
  async checkBackupAge(now = Date.now()): Promise<void> {
    if (!this.config) return;
    // A station whose storage cannot answer already shows a storage banner; no reminder on top of it.
    const last = await this.api.lastBackupAt().catch(() => null);
    if (last === null || now - last > 86_400_000) this.report(last === null ? 'backup:never' : 'backup:old', 'reminder');
  }

  async backupNow(save: (name: string, mime: string, bytes: Uint8Array) => void): Promise<void> {
    await this.run(async () => {
      const file = await this.api.backup();
      save(file.name, file.mime, file.bytes);
      this.banners = this.banners.filter((b) => !b.message.startsWith('backup:'));
    });
  }

  async restore(file: File): Promise<void> {
    const ok = await this.run(async () => {
      this.config = await this.api.restoreBackup(new Uint8Array(await file.arrayBuffer()));
      this.setupOpen = false;
      this.sync = await this.api.syncState();
    });
    if (ok) await this.reloadAll();
  }

  // ---- filters and sorting

  toggleStatus(s: DisplayStatus): void {
    this.statuses = this.statuses.includes(s) ? this.statuses.filter((x) => x !== s) : [...this.statuses, s];
    this.queryChanged();
  }

  clearStatuses(): void {
    this.statuses = [];
    this.queryChanged();
  }

  setFilter(name: FilterName, value: string): void {
    this.filters[name] = value;
    if (name === 'platform' && this.filters.shop && this.shops.get(this.filters.shop)?.platform !== value && value) this.filters.shop = '';
    this.queryChanged();
  }

  setPaid(which: 'from' | 'to', value: string): void {
    if (which === 'from') this.paidFrom = value;
    else this.paidTo = value;
    this.queryChanged();
  }

  /** Searches on every keystroke; RowWindow folds bursts (a scanner's keys) into the newest query. */
  setSearch(text: string): void {
    this.searchText = text;
    if (this.search === text.trim()) return;
    this.search = text.trim();
    this.queryChanged();
  }

  sortBy(key: SortKey): void {
    if (this.sort === key) this.desc = !this.desc;
    else {
      this.sort = key;
      this.desc = key === 'paidAt' || key === 'amount' || key === 'priority';
    }
    this.queryChanged();
  }

  clearFilters(): void {
    this.statuses = [];
    this.filters = { platform: '', shop: '', province: '', courier: '' };
    this.paidFrom = '';
    this.paidTo = '';
    this.searchText = '';
    this.search = '';
    this.queryChanged();
  }

  get filtered(): boolean {
    const f = this.filters;
    return this.statuses.length > 0 || !!(f.platform || f.shop || f.province || f.courier || this.paidFrom || this.paidTo || this.search);
  }

  private queryChanged(): void {
    this.selectedIndex = -1;
    this.rows.reset(true);
  }

  // ---- selection and detail

  select(index: number): void {
    if (this.rows.total === 0) return;
    this.selectedIndex = Math.max(0, Math.min(this.rows.total - 1, index));
  }

  move(delta: number): void {
    this.select(this.selectedIndex < 0 ? 0 : this.selectedIndex + delta);
    if (this.detailId) {
      const row = this.rows.rowAt(this.selectedIndex);
      if (row) void this.openDetail(row.id);
    }
  }

  async openSelected(): Promise<void> {
    const row = this.rows.rowAt(this.selectedIndex);
    if (row) await this.openDetail(row.id);
  }

  async openDetail(id: string): Promise<void> {
    this.detailId = id;
    this.detailMissing = false;
    if (this.detail?.order.id !== id) this.detail = null;
    await this.reloadDetail();
  }

  closeDetail(): void {
    this.detailId = null;
    this.detail = null;
  }

  private async reloadDetail(): Promise<void> {
    const id = this.detailId;
    if (!id) return;
    await this.run(async () => {
      const d = await this.api.order(id);
      if (this.detailId !== id) return;
      this.detail = d;
      this.detailMissing = d === null;
    });
  }

  async edit(edit: OrderEdit): Promise<boolean> {
    const ok = await this.run(() => this.api.edit(edit));
    await this.reloadDetail();
    this.refreshNow();
    return ok;
  }

  // ---- engine events

  private onEvent(e: EngineEvent): void {
    if (this.disposed) return;
    switch (e.kind) {
      case 'sync':
        this.sync = e.state;
        break;
      case 'storage-error':
        this.report(e.message, 'storage');
        break;
      case 'index':
        this.rows.ready = e.ready;
        if (e.ready) {
          this.scheduleRefresh(true);
          if (!this.backupChecked && e.total > 0) {
            this.backupChecked = true;
            void this.checkBackupAge();
          }
        }
        break;
      case 'rows':
        this.scheduleRefresh(!this.detailId || e.ids.length === 0 || e.ids.includes(this.detailId));
        break;
    }
  }

  private pendingDetail = false;

  /** Engine row changes arrive in bursts (sync, bulk edits): refresh at most every REFRESH_THROTTLE_MS. */
  private scheduleRefresh(detailToo: boolean): void {
    this.pendingDetail ||= detailToo;
    if (this.refreshTimer !== undefined) return;
    const wait = Math.max(0, this.lastRefresh + REFRESH_THROTTLE_MS - performance.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const detail = this.pendingDetail;
      this.pendingDetail = false;
      this.refreshNow();
      if (detail) void this.reloadDetail();
    }, wait);
  }

  private refreshNow(): void {
    if (this.disposed) return;
    this.lastRefresh = performance.now();
    this.rows.reset(false);
    void this.run(async () => {
      const facets = await this.api.facets();
      this.facets = facets;
      // Shops and couriers arrive with demo data or from other stations: fetch the catalog when rows name unknown ones.
      const unknown = facets.shops.some((f) => !this.shops.has(f.value)) || facets.couriers.some((f) => f.value && !this.couriers.has(f.value));
      if (unknown && this.config) this.catalog = await this.api.catalog();
    });
  }
}
