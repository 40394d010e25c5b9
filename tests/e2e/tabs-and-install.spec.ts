// One PC, two tabs of Packdesk: they are one station and see each other's edits at once, even with the
// network gone. And the app is installable: a manifest with icons, served next to a service worker.
import { test, expect } from '@playwright/test';
import { loadDemo, openOrder, rows, setMemo, setUpStation } from './helpers';

test('two tabs of one browser share the station and see each other’s edits, even offline', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/');
  await setUpStation(first, { name: 'Tabs' });
  await loadDemo(first, 1000);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByTestId('setup-dialog')).toBeHidden();
  await expect(rows(second).first()).toBeVisible();

  await context.setOffline(true);
  const id = (await rows(first).first().getAttribute('data-id'))!;
  await openOrder(first, id);
  await setMemo(first, 'typed in the first tab');
  await expect(second.locator(`[data-testid="order-row"][data-id="${id}"]`)).toContainText('typed in the first tab', { timeout: 5_000 });
  await context.setOffline(false);
});

test('the app is installable: manifest, icons and a service worker', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
});
