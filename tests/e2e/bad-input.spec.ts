// What goes wrong at a real station: a wrong secret, a server that does not answer, a full disk, site data
// cleared underneath a running tab. Each gives a clear message and the station keeps working locally.
import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app.ts';
import { loadDemo, openOrder, rows, setMemo, setUpStation, wsUrl } from './helpers';

test('a wrong secret shows that sync was refused and why, and the station keeps working locally', async ({ browser }) => {
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'packdesk-secret-')), staticDir: 'build', secret: 'right-secret', quiet: true });
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await setUpStation(page, { name: 'Wrong key', serverUrl: wsUrl(server.url), secret: 'not-the-secret' });
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'refused');
  await expect(page.getByTestId('sync-badge')).toContainText(/secret|密钥/i);
  await loadDemo(page, 1000);
  const id = (await rows(page).first().getAttribute('data-id'))!;
  await openOrder(page, id);
  await setMemo(page, 'works without sync');
  await expect(page.locator(`[data-testid="order-row"][data-id="${id}"]`)).toContainText('works without sync');
  await context.close();
  await server.close();
});

test('a server address that does not answer leaves the station working offline', async ({ page }) => {
  await page.goto('/');
  await setUpStation(page, { name: 'Nowhere', serverUrl: 'ws://127.0.0.1:9/sync' });
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', /offline|connecting/);
  await loadDemo(page, 1000);
  await expect(rows(page).first()).toBeVisible();
});

test('a full disk gives a clear message instead of a blank page', async ({ page, context, baseURL }) => {
  // Chromium applies a quota override only to storage opened after it: set it before the app loads.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 400_000 });
  await page.goto('/');
  await setUpStation(page, { name: 'Small disk', alone: true });
  await page.getByTestId('load-demo').click();
  await page.getByTestId('demo-size-10000').click();
  await page.getByTestId('demo-start').click();
  await expect(page.getByTestId('error-banner').first()).toContainText(/quota|存储空间/i, { timeout: 60_000 });
  await expect(page.getByTestId('order-list')).toBeVisible();
  // The station is still usable: the orders that were stored can be opened and searched.
  await expect(page.getByTestId('order-row').first()).toBeVisible();
});

test('deleting the database underneath a running station gives a clear message', async ({ page }) => {
  await page.goto('/');
  await setUpStation(page, { name: 'Cleared', alone: true });
  await loadDemo(page, 1000);
  await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('packdesk');
    req.onsuccess = req.onerror = req.onblocked = () => resolve(null);
  }));
  await expect(page.getByTestId('error-banner')).toContainText(/deleted|删除/i);
  await expect(rows(page).first()).toBeVisible();
});
