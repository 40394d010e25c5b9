// Two packing stations on one sync server: live edits, an offline station that reconnects, and concurrent
// status/hold changes that merge without a status ever going backwards.
import { test, expect, type Page } from '@playwright/test';
import { expectSynced, loadDemo, newStation, openOrder, rows, setMemo, setUpStation } from './helpers';

const row = (page: Page, id: string) => page.locator(`[data-testid="order-row"][data-id="${id}"]`);

async function find(page: Page, id: string) {
  await page.getByTestId('search').fill(id.split(':')[2]);
  await expect(row(page, id)).toBeVisible({ timeout: 30_000 });
}

test('two stations: live edits, offline edits on both sides, and a status that never goes backwards', async ({ browser, baseURL }) => {
  const a = await newStation(browser, baseURL!);
  const b = await newStation(browser, baseURL!);
  await a.page.goto('/');
  await setUpStation(a.page, { name: 'Station A' });
  await loadDemo(a.page, 1000);
  await expectSynced(a.page, 60_000);
  await b.page.goto('/');
  await setUpStation(b.page, { name: 'Station B' });
  await expect(b.page.getByTestId('peers')).toContainText('Station A');

  const ids = await rows(a.page).evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-id')!));
  const [one, two, three] = ids;

  // Live: an edit on A shows on B within 2 s.
  await find(b.page, one);
  await find(a.page, one);
  await openOrder(a.page, one);
  await setMemo(a.page, 'live from A');
  await expect(row(b.page, one)).toContainText('live from A', { timeout: 2_000 });

  // B goes offline; A holds one order, B changes another's memo.
  await b.context.setOffline(true);
  await expect(b.page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'offline');
  await find(a.page, two);
  await openOrder(a.page, two);
  await a.page.getByTestId('hold-toggle').click();
  await expect(row(a.page, two)).toHaveAttribute('data-display', 'on_hold');
  await find(b.page, three);
  await openOrder(b.page, three);
  await setMemo(b.page, 'offline memo from B');

  // Concurrent while B is offline: A advances order one's status, B holds it.
  await a.page.evaluate((id) => (globalThis as any).__packdesk.remote.edit({ orderId: id, field: 'status', value: 'printed' }), one);
  await find(b.page, one);
  await openOrder(b.page, one);
  await b.page.getByTestId('hold-toggle').click();

  await b.context.setOffline(false);
  await expectSynced(b.page);
  await expectSynced(a.page);
  for (const page of [a.page, b.page]) {
    await find(page, two);
    await expect(row(page, two)).toHaveAttribute('data-display', 'on_hold');
    await find(page, three);
    await expect(row(page, three)).toContainText('offline memo from B');
    await find(page, one);
    await expect(row(page, one)).toHaveAttribute('data-display', 'on_hold');
    await expect(row(page, one)).toHaveAttribute('data-status', 'printed');
  }
  await a.context.close();
  await b.context.close();
});
