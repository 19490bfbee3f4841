import { defineConfig } from '@playwright/test';

// End-to-end tests drive the web build in real Chromium with real IndexedDB.
// CHROMIUM_PATH (default: Debian's /usr/bin/chromium when present) avoids Playwright's own
// browser download, which is not available on offline or locked-down machines.
import { existsSync } from 'node:fs';

const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// Each run gets its own port (workers inherit it through the environment), so two runs on
// one machine do not fight over the web server.
// Chromium refuses to load pages from a few ports (5060 and 5061, SIP, are in this range).
const CHROMIUM_UNSAFE_PORTS = new Set([5060, 5061]);
const runPort = 4319 + (process.pid % 1000);
process.env.E2E_PORT ??= String(CHROMIUM_UNSAFE_PORTS.has(runPort) ? runPort + 2 : runPort);
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e',
      use: {
        baseURL: `http://127.0.0.1:${port}/`,
        acceptDownloads: true,
        viewport: { width: 1400, height: 900 },
        launchOptions: {
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
  webServer: {
    command: `node scripts/serve-web.mjs`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
