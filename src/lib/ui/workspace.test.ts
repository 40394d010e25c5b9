// The workspace's pure rules and the row window's paging, without a browser.
import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../domain/order-row';
import { pickLang } from './i18n.svelte';
import { dictionaries, en, zh } from './messages';
import { RowWindow, PAGE_SIZE, type PageFetcher } from './row-window.svelte';
import { localDayMs, validateSetup } from './workspace.svelte';

const fakeRow = (id: string) => ({ id }) as OrderRow;

/** A fetcher whose answers the test releases by hand, in any order. */
function manualFetcher() {
  const calls: { offset: number; resolve: (rows: OrderRow[], total: number) => void }[] = [];
  const fetch: PageFetcher = (offset, limit) =>
    new Promise((resolve) => {
      calls.push({ offset, resolve: (rows, total) => resolve({ rows: rows.slice(0, limit), total, ready: true }) });
    });
  return { fetch, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('language', () => {
  it('prefers the saved language, then the browser, then Chinese', () => {
    expect(pickLang('en', ['zh-CN'])).toBe('en');
    expect(pickLang(null, ['en-GB', 'zh'])).toBe('en');
    expect(pickLang(null, ['zh-TW'])).toBe('zh-CN');
    expect(pickLang('fr', ['de-DE'])).toBe('zh-CN');
  });

  it('has an English text for every Chinese key and no empty texts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const dict of Object.values(dictionaries)) for (const text of Object.values(dict)) expect(text.length).toBeGreaterThan(0);
  });
});

describe('setup rules', () => {
  const base = { name: '一号台', user: '', serverUrl: 'wss://wh.example/sync', workAlone: false, secret: '' };

  it('requires a station name of at most 40 characters', () => {
    expect(validateSetup({ ...base, name: '  ' })).toBe('setup.nameRequired');
    expect(validateSetup({ ...base, name: 'x'.repeat(41) })).toBe('setup.nameTooLong');
    expect(validateSetup(base)).toBeNull();
  });

  it('needs a ws(s) address unless working alone', () => {
    expect(validateSetup({ ...base, serverUrl: 'http://wh.example' })).toBe('setup.serverInvalid');
    expect(validateSetup({ ...base, serverUrl: '', workAlone: true })).toBeNull();
  });
});

describe('paid-date range', () => {
  it('covers whole local days', () => {
    const from = localDayMs('2025-06-18', false)!;
    const to = localDayMs('2025-06-18', true)!;
    expect(new Date(from).getHours()).toBe(0);
    expect(to - from).toBe(86_400_000 - 1);
    expect(localDayMs('', false)).toBeUndefined();
  });
});

describe('row window', () => {
  it('fetches only the pages in view', async () => {
    const { fetch, calls } = manualFetcher();
    const w = new RowWindow(fetch, (e) => {
      throw e;
    });
    w.want(0, 40);
    w.want(0, 40);
    expect(calls.map((c) => c.offset)).toEqual([0]);
    calls[0].resolve([fakeRow('a'), fakeRow('b')], 100_000);
    await tick();
    expect(w.total).toBe(100_000);
    expect(w.rowAt(1)?.id).toBe('b');
    w.want(PAGE_SIZE * 500, PAGE_SIZE * 500 + 40);
    expect(calls.map((c) => c.offset)).toEqual([0, PAGE_SIZE * 500]);
  });

  it('ignores answers to an old query after a hard reset', async () => {
    const { fetch, calls } = manualFetcher();
    const w = new RowWindow(fetch, () => {});
    w.want(0, 20);
    w.reset(true);
    calls[0].resolve([fakeRow('old')], 50);
    await tick();
    expect(w.rowAt(0)).toBeUndefined();
    calls[1].resolve([fakeRow('new')], 7);
    await tick();
    expect(w.rowAt(0)?.id).toBe('new');
    expect(w.total).toBe(7);
  });

  it('folds a burst of query changes into one fetch of the newest query', async () => {
    const { fetch, calls } = manualFetcher();
    const w = new RowWindow(fetch, () => {});
    w.want(0, 20);
    for (let i = 0; i < 8; i++) w.reset(true); // eight keystrokes of a scanner while the first query runs
    expect(calls).toHaveLength(1);
    calls[0].resolve([fakeRow('first')], 9);
    await tick();
    expect(calls).toHaveLength(2);
    calls[1].resolve([fakeRow('newest')], 3);
    await tick();
    expect(w.rowAt(0)?.id).toBe('newest');
    expect(w.total).toBe(3);
  });

  it('keeps showing rows during a soft reset until fresh ones arrive', async () => {
    const { fetch, calls } = manualFetcher();
    const w = new RowWindow(fetch, () => {});
    w.want(0, 20);
    calls[0].resolve([fakeRow('a')], 1);
    await tick();
    w.reset(false);
    expect(w.rowAt(0)?.id).toBe('a');
    calls[1].resolve([fakeRow('a2')], 1);
    await tick();
    expect(w.rowAt(0)?.id).toBe('a2');
  });

  it('reports a failed page and stops loading', async () => {
    const errors: unknown[] = [];
    const w = new RowWindow(() => Promise.reject(new Error('engine gone')), (e) => errors.push(e));
    w.want(0, 10);
    await tick();
    expect(errors).toHaveLength(1);
    expect(w.loading).toBe(false);
  });
});
