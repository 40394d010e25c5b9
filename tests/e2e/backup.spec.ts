// Backup: one file holds the station; restoring it into a fresh browser brings back every order and edit.
// A station with orders and no recent backup is reminded.
import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemo, openOrder, rows, setMemo, setUpStation } from './helpers';

test('back up a station and restore it into a fresh browser', async ({ browser, baseURL }) => {
  const ctxA = await browser.newContext({ baseURL });
  const a = await ctxA.newPage();
  await a.goto('/');
  await setUpStation(a, { name: 'Backup source', alone: true });
  await loadDemo(a, 1000);
  const id = (await rows(a).first().getAttribute('data-id'))!;
  await openOrder(a, id);
  await setMemo(a, '恢复后应该还在');
  await a.reload();
  await expect(a.getByTestId('backup-reminder')).toBeVisible();
  const download = a.waitForEvent('download');
  await a.getByTestId('backup-reminder-now').click();
  const file = join(mkdtempSync(join(tmpdir(), 'packdesk-backup-')), 'station.pdbackup');
  await (await download).saveAs(file); // the download itself goes away with its browser context
  await expect(a.getByTestId('backup-reminder')).toHaveCount(0);
  await ctxA.close();

  const ctxB = await browser.newContext({ baseURL });
  const b = await ctxB.newPage();
  await b.goto('/');
  await expect(b.getByTestId('setup-dialog')).toBeVisible();
  await b.getByTestId('restore-input').setInputFiles(file);
  await expect(b.getByTestId('setup-dialog')).toBeHidden({ timeout: 30_000 });
  await expect(b.getByTestId('station-label')).toContainText('Backup source');
  await b.getByTestId('search').fill(id.split(':')[2]);
  await expect(b.locator(`[data-testid="order-row"][data-id="${id}"]`)).toContainText('恢复后应该还在');
  await ctxB.close();
});

test('a file that is not a backup is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('restore-input').setInputFiles({ name: 'orders.pdbackup', mimeType: 'application/octet-stream', buffer: Buffer.from('not a backup at all') });
  await expect(page.getByTestId('error-banner')).toContainText(/not a Packdesk backup/);
  await expect(page.getByTestId('setup-dialog')).toBeVisible();
});
