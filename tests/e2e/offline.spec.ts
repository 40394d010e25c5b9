// A station keeps working with the network gone: the app shell comes from the service worker, orders and
// edits from IndexedDB, and edits made offline reach the server when the network returns.
import { test, expect } from '@playwright/test';
import { expectSynced, loadDemo, newStation, openOrder, rows, setMemo, setUpStation } from './helpers';

test('offline: reload without network keeps the list and the last edit; offline edits sync when back online', async ({ page, context, browser, baseURL }) => {
  await page.goto('/');
  await setUpStation(page, { name: 'Offline 1' });
  await loadDemo(page, 1000);
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
  const id = (await rows(page).first().getAttribute('data-id'))!;
  await openOrder(page, id);
  await setMemo(page, 'before offline');
  await expectSynced(page);

  await context.setOffline(true);
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'offline');
  await openOrder(page, id);
  await expect(page.getByTestId('detail-memo')).toHaveValue('before offline');
  await setMemo(page, 'edited offline');
  await expect(page.locator(`[data-testid="order-row"][data-id="${id}"]`)).toContainText('edited offline');
  await expect(page.getByTestId('sync-pending')).not.toHaveText(/^0?$/);

  await context.setOffline(false);
  await expectSynced(page);

  // A fresh station on the same server sees the offline edit: it reached the server.
  const other = await newStation(browser, baseURL!);
  await other.page.goto('/');
  await setUpStation(other.page, { name: 'Checker' });
  await other.page.getByTestId('search').fill(id.split(':')[2]);
  await expect(other.page.locator(`[data-testid="order-row"][data-id="${id}"]`)).toContainText('edited offline', { timeout: 30_000 });
  await other.context.close();
});
