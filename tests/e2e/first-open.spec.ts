// A seller's first minutes: name the station, load demo orders, narrow the list down, open one, edit it.
import { test, expect } from '@playwright/test';
import { loadDemo, openOrder, orderCount, rows, setMemo, setUpStation } from './helpers';

test('first open: set up, load 10k demo orders, filter, search, open and edit an order', async ({ page }) => {
  await page.goto('/');
  await setUpStation(page, { name: '打包台 1', user: '小王' });
  await loadDemo(page, 10000);
  await expect.poll(() => orderCount(page)).toBe(10000);
  await expect(rows(page).first()).toBeVisible();
  // A virtualised list: only a window of the 10k rows is in the DOM.
  expect(await rows(page).count()).toBeLessThan(120);

  const province = await page.getByTestId('filter-province').locator('option').nth(1).getAttribute('value');
  await page.getByTestId('filter-province').selectOption(province!);
  await expect.poll(() => orderCount(page)).toBeLessThan(10000);
  const inProvince = await orderCount(page);
  expect(inProvince).toBeGreaterThan(0);
  await page.getByTestId('filter-status-pending_audit').click();
  await expect.poll(() => orderCount(page)).toBeLessThanOrEqual(inProvince);
  for (const text of await rows(page).allTextContents()) expect(text).toContain(province!.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, ''));

  const first = rows(page).first();
  const id = (await first.getAttribute('data-id'))!;
  await openOrder(page, id);
  const phone = (await page.getByTestId('detail').getByTestId('detail-phone').textContent())!;
  const tail = phone.replace(/\D/g, '').slice(-4);
  await page.keyboard.press('Escape');

  await page.getByTestId('search').fill(tail);
  await expect(page.locator(`[data-testid="order-row"][data-id="${id}"]`)).toBeVisible();

  await openOrder(page, id);
  await expect(page.getByTestId('detail-weight')).toHaveText(/^[1-9][\d,]* g$/);
  await expect(page.getByTestId('detail-warehouse')).toHaveText(/仓/);
  await setMemo(page, '客户要求周五前到 — deliver by Friday');
  await expect(page.getByTestId('history')).toContainText('客户要求周五前到');
  await expect(page.getByTestId('history')).toContainText('打包台 1');
  await expect(page.locator(`[data-testid="order-row"][data-id="${id}"]`)).toContainText('客户要求周五前到');
});
