// The order workspace as a packer uses it, in real Chromium, on the in-memory station with demo orders.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { flushSync, mount, unmount } from 'svelte';
import { createMemoryStation, type MemoryStation } from '../app/memory-station';
import { memoryEnv } from '../app/browser-env';
import type { StationConfig } from '../app/station-api';
import StationWorkspace from './StationWorkspace.svelte';

const CONFIG: StationConfig = { id: 'station-a', name: '一号打包台', user: '小王', serverUrl: '', secret: '' };
const NOW = Date.UTC(2025, 5, 18, 4, 0, 0);

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function open(opts: { orders?: 0 | 1000 | 10000; configured?: boolean; languages?: string[] } = {}) {
  await page.viewport(1440, 900);
  let t = NOW;
  const station = createMemoryStation({ config: opts.configured === false ? null : CONFIG, clock: { now: () => (t += 1000) } });
  if (opts.orders) {
    await station.configure(CONFIG);
    await station.loadDemo(opts.orders, 1, () => {});
  }
  const env = memoryEnv({ languages: opts.languages ?? ['zh-CN', 'zh'] });
  const target = document.createElement('div');
  document.body.appendChild(target);
  const app = mount(StationWorkspace, { target, props: { api: station, env } });
  cleanup = () => {
    unmount(app);
    target.remove();
  };
  return { station, env };
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="order-row"]')];
const rowIds = () => rows().map((r) => r.dataset.id ?? '');
const total = () => Number(document.querySelector<HTMLElement>('[data-testid="order-count"]')?.dataset.total ?? NaN);
const waitTotal = (n: number) => expect.poll(total).toBe(n);

async function expectRowsWithin(station: MemoryStation, query: Parameters<MemoryStation['query']>[0]) {
  const expected = await station.query(query, 0, 100_000);
  await waitTotal(expected.total);
  await expect.poll(() => rows().length).toBeGreaterThan(0);
  const allowed = new Set(expected.rows.map((r) => r.id));
  await expect.poll(() => rowIds().every((id) => allowed.has(id))).toBe(true);
  return expected;
}

describe('order list', () => {
  it('renders only a window of rows for 10k orders and shows the total', async () => {
    await open({ orders: 10000 });
    await waitTotal(10000);
    await expect.element(page.getByTestId('order-count')).toMatchTextContent('10,000');
    await expect.poll(() => rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(80);

    const list = document.querySelector<HTMLElement>('[data-testid="order-list"]')!;
    list.scrollTop = 36 * 6000;
    list.dispatchEvent(new Event('scroll'));
    await expect.poll(() => rows().some((r) => r.getAttribute('aria-rowindex') === '6001')).toBe(true);
    expect(rows().length).toBeLessThan(80);
  });

  it('filters by a phone tail typed in the search box', async () => {
    const { station } = await open({ orders: 10000 });
    await waitTotal(10000);
    const sample = (await station.query({}, 1234, 1)).rows[0];
    await userEvent.fill(page.getByTestId('search'), sample.phoneTail);
    const expected = await expectRowsWithin(station, { search: sample.phoneTail });
    expect(expected.total).toBeLessThan(10000);
    expect(rowIds()).toContain(sample.id);
  });

  it('filters by a status chip and shows its count', async () => {
    const { station } = await open({ orders: 10000 });
    await waitTotal(10000);
    const cancelled = (await station.facets()).statuses.find((s) => s.value === 'cancelled')!;
    await expect.element(page.getByTestId('filter-status-cancelled')).toMatchTextContent(String(cancelled.n));
    await page.getByTestId('filter-status-cancelled').click();
    await expectRowsWithin(station, { statuses: ['cancelled'] });
    expect(total()).toBe(cancelled.n);
    expect(rows().every((r) => r.querySelector('[data-status="cancelled"]'))).toBe(true);
    await page.getByTestId('filter-status-all').click();
    await waitTotal(10000);
  });

  it('filters by platform and sorts by amount from the column header', async () => {
    const { station } = await open({ orders: 1000 });
    await waitTotal(1000);
    const platform = (await station.facets()).platforms[0].value;
    await page.getByTestId('filter-platform').selectOptions(platform);
    await expectRowsWithin(station, { platforms: [platform] });
    await page.getByTestId('sort-amount').click();
    const top = (await station.query({ platforms: [platform], sort: 'amount', desc: true }, 0, 1)).rows[0];
    await expect.poll(() => rowIds()[0]).toBe(top.id);
  });

  it('moves the selection with the arrow keys, opens with Enter and closes with Esc', async () => {
    await open({ orders: 1000 });
    await waitTotal(1000);
    await expect.poll(() => rows().length).toBeGreaterThan(3);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect.poll(() => rows().find((r) => r.classList.contains('selected'))?.getAttribute('aria-rowindex')).toBe('2');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByTestId('detail')).toBeVisible();
    const second = rows().find((r) => r.getAttribute('aria-rowindex') === '2')!;
    await expect.element(page.getByTestId('detail')).toMatchTextContent(second.querySelectorAll('.cell')[2].textContent!.trim());
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByTestId('detail')).not.toBeInTheDocument();
    await userEvent.keyboard('/');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('search');
  });
});

describe('order detail', () => {
  it('Ctrl+P opens the print dialog for the filtered list', async () => {
    await open({ orders: 1000 });
    await waitTotal(1000);
    await userEvent.keyboard('{Control>}p{/Control}');
    await expect.element(page.getByTestId('print-panel')).toBeVisible();
  });

  it('opens a row and shows every line of the order', async () => {
    const { station } = await open({ orders: 1000 });
    await waitTotal(1000);
    await expect.poll(() => rows().length).toBeGreaterThan(0);
    const id = rowIds()[0];
    const detail = (await station.order(id))!;
    rows()[0].click();
    await expect.element(page.getByTestId('detail')).toBeVisible();
    await expect.poll(() => document.querySelectorAll('[data-testid="detail-line"]').length).toBe(detail.order.lines.length);
    await expect.element(page.getByTestId('detail')).toMatchTextContent(detail.order.orderNo);
    await expect.element(page.getByTestId('detail')).toMatchTextContent(detail.order.recipient.address.detail);
  });

  it('saves an edited memo: the list and the history show it', async () => {
    const { station } = await open({ orders: 1000 });
    await waitTotal(1000);
    await expect.poll(() => rows().length).toBeGreaterThan(0);
    const id = rowIds()[0];
    rows()[0].click();
    const memo = '<b>易碎</b> 轻放 ' + Date.now();
    await userEvent.fill(page.getByTestId('detail-memo'), memo);
    await page.getByTestId('memo-save').click();

    await expect.element(page.getByTestId('history')).toMatchTextContent(memo);
    await expect.element(page.getByTestId('history')).toMatchTextContent('小王 · 一号打包台');
    const row = () => document.querySelector<HTMLElement>(`[data-testid="order-row"][data-id="${CSS.escape(id)}"]`);
    await expect.poll(() => row()?.textContent ?? '').toContain(memo);
    expect(document.querySelector('[data-testid="history"] b')).toBeNull();
    expect((await station.order(id))!.row.memo).toBe(memo);

    await userEvent.fill(page.getByTestId('detail-memo'), '第二次');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await expect.element(page.getByTestId('detail-memo-current')).toMatchTextContent('第二次');
  });

  it('holds and releases an order and adds a tag', async () => {
    const { station } = await open({ orders: 1000 });
    await waitTotal(1000);
    await expect.poll(() => rows().length).toBeGreaterThan(0);
    const id = rowIds()[0];
    rows()[0].click();
    await page.getByTestId('hold-toggle').click();
    await expect.element(page.getByTestId('hold-toggle')).toHaveAttribute('data-held', 'true');
    const row = () => document.querySelector<HTMLElement>(`[data-testid="order-row"][data-id="${CSS.escape(id)}"]`);
    await expect.poll(() => row()?.querySelector('[data-status]')?.getAttribute('data-status')).toBe('on_hold');
    await expect.element(page.getByTestId('filter-status-on_hold')).toMatchTextContent('1');

    await userEvent.fill(page.getByTestId('tag-input'), '加急');
    await page.getByTestId('tag-add').click();
    await expect.poll(async () => (await station.order(id))!.row.tags).toEqual(['加急']);
    await expect.element(page.getByTestId('tags')).toMatchTextContent('加急');

    await page.getByTestId('hold-toggle').click();
    await expect.element(page.getByTestId('hold-toggle')).toHaveAttribute('data-held', 'false');
    await expect.poll(() => document.querySelectorAll('[data-testid="history-entry"][data-field="hold"]').length).toBe(2);
  });

  it('shows a conflict when another station changed the memo at the same time', async () => {
    const { station } = await open({ orders: 1000 });
    await waitTotal(1000);
    await expect.poll(() => rows().length).toBeGreaterThan(0);
    const id = rowIds()[0];
    await station.edit({ orderId: id, field: 'memo', value: '本站备注' });
    await station.remoteEdit({ orderId: id, field: 'memo', value: '二号台备注' }, { id: 'station-b', name: '二号打包台', user: '小李' });
    rows()[0].click();
    await expect.element(page.getByTestId('conflicts')).toMatchTextContent('二号打包台');
    await expect.element(page.getByTestId('conflicts')).toMatchTextContent('本站备注');
  });
});

describe('station', () => {
  it('requires a station name in the setup dialog', async () => {
    const { station } = await open({ configured: false });
    await expect.element(page.getByTestId('setup-dialog')).toBeVisible();
    await expect.element(page.getByTestId('server-url')).toHaveValue('ws://localhost:5173/sync');
    await page.getByTestId('setup-save').click();
    await expect.element(page.getByTestId('setup-problem')).toBeVisible();
    expect(await station.open()).toBeNull();

    await userEvent.fill(page.getByTestId('station-name'), '三号台');
    await userEvent.fill(page.getByTestId('user-name'), '阿珍');
    await page.getByTestId('work-alone').click();
    await page.getByTestId('setup-save').click();
    await expect.element(page.getByTestId('setup-dialog')).not.toBeInTheDocument();
    expect(await station.open()).toMatchObject({ name: '三号台', user: '阿珍', serverUrl: '' });
    await expect.element(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'off');
  });

  it('switches the language to English and back, and remembers it', async () => {
    const { env } = await open({ orders: 1000 });
    await waitTotal(1000);
    await expect.element(page.getByTestId('order-count')).toMatchTextContent('共 1,000 单');
    await expect.element(page.getByTestId('filter-status-pending_audit')).toMatchTextContent('待审核');
    expect(env.lang).toBe('zh-CN');
    await page.getByTestId('lang-switch').click();
    await expect.element(page.getByTestId('order-count')).toMatchTextContent('1,000 orders');
    await expect.element(page.getByTestId('load-demo')).toMatchTextContent('Load demo data');
    await expect.element(page.getByTestId('filter-status-pending_audit')).toMatchTextContent('To audit');
    expect(env.lang).toBe('en');
    expect(env.prefs.get('lang')).toBe('en');
    await page.getByTestId('lang-switch').click();
    await expect.element(page.getByTestId('load-demo')).toMatchTextContent('加载演示数据');
  });

  it('starts in English on an English browser', async () => {
    await open({ languages: ['en-US'] });
    await expect.element(page.getByTestId('load-demo')).toMatchTextContent('Load demo data');
  });

  it('loads demo data with live progress and reports the time taken', async () => {
    await open({});
    await waitTotal(0);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('demo-size-1000').click();
    await page.getByTestId('demo-start').click();
    await expect.element(page.getByTestId('demo-progress')).toBeVisible();
    await expect.element(page.getByTestId('demo-done')).toMatchTextContent('1,000');
    await expect.element(page.getByTestId('demo-progress')).toMatchTextContent('100%');
    await waitTotal(1000);
  });

  it('shows sync state, pending changes and peers', async () => {
    const { station } = await open({});
    await expect.element(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'off');
    station.setSync({ phase: 'refused', reason: 'wrong secret' });
    await expect.element(page.getByTestId('sync-badge')).toMatchTextContent('wrong secret');
    station.setSync({ phase: 'synced', reason: '', pending: 3, peers: [{ id: 'b', name: '二号打包台', user: '小李' }] });
    await expect.element(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'synced');
    await expect.element(page.getByTestId('sync-pending')).toMatchTextContent('3');
    await expect.element(page.getByTestId('peers')).toMatchTextContent('二号打包台');
  });

  it('shows storage errors and failed calls as banners without losing the page', async () => {
    const { station } = await open({ orders: 1000 });
    await waitTotal(1000);
    station.emit({ kind: 'storage-error', message: 'quota exceeded' });
    await expect.element(page.getByTestId('error-banner')).toMatchTextContent('quota exceeded');
    await page.getByTestId('error-dismiss').click();
    await expect.element(page.getByTestId('error-banner')).not.toBeInTheDocument();

    station.failNext('order', 'engine crashed');
    rows()[0].click();
    await expect.element(page.getByTestId('error-banner')).toMatchTextContent('engine crashed');
    flushSync();
    expect(rows().length).toBeGreaterThan(0);
  });

  it('shows the update banner when a new version waits', async () => {
    await page.viewport(1440, 900);
    const station = createMemoryStation({ config: CONFIG });
    const target = document.createElement('div');
    document.body.appendChild(target);
    let reloaded = false;
    const app = mount(StationWorkspace, {
      target,
      props: { api: station, env: memoryEnv(), update: async () => void (reloaded = true) }
    });
    cleanup = () => {
      unmount(app);
      target.remove();
    };
    await expect.element(page.getByTestId('update-banner')).toBeVisible();
    await page.getByTestId('update-reload').click();
    await expect.poll(() => reloaded).toBe(true);
  });
});
