// Export: the filtered list as a spreadsheet a seller opens in Excel, and a platform's bulk-ship upload file
// with the tracking numbers of the selected orders.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadDemo, orderCount, setUpStation } from './helpers';

test('export the filtered orders to CSV and a platform bulk-ship file', async ({ page }) => {
  await page.goto('/');
  await setUpStation(page, { name: 'Export', alone: true });
  await loadDemo(page, 1000);
  await page.getByTestId('filter-platform').selectOption('pdd');
  await expect.poll(() => orderCount(page)).toBeLessThan(1000);
  const shown = await orderCount(page);
  const firstNo = (await page.getByTestId('order-row').first().getAttribute('data-id'))!.split(':')[2];

  await page.getByTestId('export-open').click();
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv-utf8').click();
  const csv = readFileSync((await (await csvDownload).path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel opens UTF-8 correctly
  const text = csv.toString('utf8');
  expect(text).toContain(firstNo);
  // Header plus one line per order shown (quoted memos may hold line breaks, so count order numbers instead).
  expect(text.match(/^\uFEFF?订单号/m)).not.toBeNull();
  expect((text.match(/pdd,/g) ?? []).length).toBe(shown);

  await page.getByTestId('export-open').click();
  const shipDownload = page.waitForEvent('download');
  await page.getByTestId('export-ship-pdd').click();
  const ship = await shipDownload;
  const shipText = new TextDecoder('gbk').decode(readFileSync((await ship.path())!));
  const lines = shipText.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines[0]).toMatch(/订单号/);
  for (const line of lines.slice(1)) expect(line).toMatch(/\d{6}-\d+.*,.+,\w+/);
});
