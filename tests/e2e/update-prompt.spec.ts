// A new version of the app never swaps itself in under a packer mid-batch: the station shows an update
// prompt, and the new version takes over when the packer chooses to reload.
import { test, expect } from '@playwright/test';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app.ts';
import { setUpStation } from './helpers';

test('a new version shows an update prompt, and reloading activates it', async ({ browser }) => {
  const staticDir = mkdtempSync(join(tmpdir(), 'packdesk-build-'));
  cpSync('build', staticDir, { recursive: true });
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'packdesk-upd-')), staticDir, quiet: true });
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await setUpStation(page, { name: 'Update', alone: true });
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
  await expect(page.getByTestId('update-banner')).toHaveCount(0);

  // Deploy "a new version": the service worker script changes.
  appendFileSync(join(staticDir, 'sw.js'), '\n// next release\n');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 30_000 });

  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: !!reg?.waiting, active: reg?.active?.state };
  });
  expect(state).toEqual({ waiting: false, active: 'activated' });
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  await context.close();
  await server.close();
});
