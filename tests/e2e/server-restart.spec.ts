// The server is a relay with a memory: stations keep working while it is down, and everything they wrote
// survives a restart in its SQLite file, so a brand-new station can fetch it all.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app.ts';
import { expectSynced, loadDemo, newStation, openOrder, orderCount, rows, setMemo, setUpStation, wsUrl } from './helpers';

const row = (page: Page, id: string) => page.locator(`[data-testid="order-row"][data-id="${id}"]`);

test('server restart: nothing is lost and a fresh station receives everything from the SQLite file', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'packdesk-restart-'));
  let server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: 'build', quiet: true });
  const base = server.url;
  const port = server.port;

  const a = await newStation(browser, base);
  await a.page.goto('/');
  await setUpStation(a.page, { name: 'Restart A', serverUrl: wsUrl(base) });
  await loadDemo(a.page, 1000);
  await expectSynced(a.page, 60_000);
  const id = (await rows(a.page).first().getAttribute('data-id'))!;

  await server.close();
  await expect(a.page.getByTestId('sync-badge')).not.toHaveAttribute('data-phase', 'synced');
  await openOrder(a.page, id);
  await setMemo(a.page, 'written while the server was down');
  await expect(row(a.page, id)).toContainText('written while the server was down');

  server = await startServer({ port, host: '127.0.0.1', dataDir, staticDir: 'build', quiet: true });
  await expectSynced(a.page, 30_000);

  const c = await newStation(browser, base);
  await c.page.goto('/');
  await setUpStation(c.page, { name: 'Fresh C', serverUrl: wsUrl(base) });
  await expect.poll(() => orderCount(c.page), { timeout: 60_000 }).toBe(1000);
  await c.page.getByTestId('search').fill(id.split(':')[2]);
  await expect(row(c.page, id)).toContainText('written while the server was down');
  await a.context.close();
  await c.context.close();
  await server.close();
});
