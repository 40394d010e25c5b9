// Shared steps for end-to-end tests: set a station up, load demo data, read what the list shows.
import { expect, type Page, type Browser, type BrowserContext } from '@playwright/test';

export async function setUpStation(page: Page, opts: { name: string; user?: string; serverUrl?: string; alone?: boolean; secret?: string }) {
  await expect(page.getByTestId('setup-dialog')).toBeVisible();
  await page.getByTestId('station-name').fill(opts.name);
  await page.getByTestId('user-name').fill(opts.user ?? 'Tester');
  if (opts.alone) await page.getByTestId('work-alone').check();
  else if (opts.serverUrl) await page.getByTestId('server-url').fill(opts.serverUrl);
  if (opts.secret !== undefined) await page.getByTestId('secret').fill(opts.secret);
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-dialog')).toBeHidden();
}

export async function loadDemo(page: Page, size: 1000 | 10000 | 100000) {
  await page.getByTestId('load-demo').click();
  await page.getByTestId(`demo-size-${size}`).click();
  await page.getByTestId('demo-start').click();
  await expect(page.getByTestId('demo-done')).toBeVisible({ timeout: 120_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('demo-dialog')).toBeHidden();
}

export async function orderCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('order-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

export function rows(page: Page) {
  return page.getByTestId('order-row');
}

export async function openOrder(page: Page, id: string) {
  await page.locator(`[data-testid="order-row"][data-id="${id}"]`).click();
  await expect(page.getByTestId('detail')).toBeVisible();
}

export async function setMemo(page: Page, memo: string) {
  await page.getByTestId('detail-memo').fill(memo);
  await page.getByTestId('memo-save').click();
}

/** Waits until the station says it is synced with nothing pending. */
export async function expectSynced(page: Page, timeout = 20_000) {
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'synced', { timeout });
}

/** A station of its own: a context with its own storage, as a separate PC would be. */
export async function newStation(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  return { context, page };
}

export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws').replace(/\/$/, '') + '/sync';
