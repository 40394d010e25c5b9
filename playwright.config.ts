// End-to-end tests: real Debian Chromium against the built PWA served by our own server (server/), the way
// a station meets it. Tests that need their own server (restart, secrets) start one with startServer().
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 8790);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    viewport: { width: 1400, height: 900 },
    trace: 'off'
  },
  webServer: {
    command: `node server/main.ts`,
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: { PORT: String(port), HOST: '127.0.0.1', PACKDESK_DATA_DIR: join(tmpdir(), `packdesk-e2e-${Date.now()}`), PACKDESK_STATIC_DIR: 'build' }
  }
});
