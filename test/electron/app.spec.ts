// Launches the built desktop app and checks the window, the bridge and the security defaults.
// Skipped (with one line on stdout) where no Electron binary is installed, e.g. offline CI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { NO_ELECTRON_MESSAGE, findElectronExecutable } from './electron-binary';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const executablePath = findElectronExecutable(projectRoot);

// Playwright loads this file in the runner (to list tests) and again in each worker; printing
// only in the runner (no TEST_WORKER_INDEX) gives exactly one line.
if (executablePath === null && process.env['TEST_WORKER_INDEX'] === undefined) console.log(NO_ELECTRON_MESSAGE);
test.skip(executablePath === null, NO_ELECTRON_MESSAGE);

/** The page's view of the bridge, declared here so this test does not depend on renderer files. */
type PageWindow = Window & { spanwright?: { platform: string; appVersion(): Promise<string> }; require?: unknown; process?: unknown; ipcRenderer?: unknown };

let electronApp: ElectronApplication;
let page: Page;
let userDataDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (executablePath === null) return;
  // Always test what is in src-main now, not a stale out/ (set SPANWRIGHT_SKIP_BUILD=1 to reuse it).
  if (process.env['SPANWRIGHT_SKIP_BUILD'] !== '1') {
    execFileSync(process.execPath, [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
  }
  userDataDir = mkdtempSync(join(tmpdir(), 'spanwright-electron-test-'));
  const args = [join(projectRoot, 'out', 'main', 'main.js'), `--user-data-dir=${userDataDir}`];
  // Chromium refuses to start as root with its OS sandbox (containers, CI); the renderer
  // sandbox flag in webPreferences still applies to what the page can reach.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  electronApp = await _electron.launch({ executablePath, args, cwd: projectRoot });
  page = await electronApp.firstWindow();
});

test.afterAll(async () => {
  await electronApp?.close();
  if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
});

test('opens a window titled Spanwright on the app:// origin', async () => {
  await expect(page).toHaveTitle('Spanwright');
  expect(page.url()).toBe('app://spanwright/index.html');
});

test('exposes the electron bridge and nothing of Node', async () => {
  const exposed = await page.evaluate(() => {
    const view = window as PageWindow;
    return {
      platform: view.spanwright?.platform,
      members: Object.keys(view.spanwright ?? {}).sort(),
      require: typeof view.require,
      process: typeof view.process,
      ipcRenderer: typeof view.ipcRenderer,
    };
  });
  expect(exposed).toEqual({
    platform: 'electron',
    members: ['appVersion', 'onMenuCommand', 'openFiles', 'platform', 'saveFile'],
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('answers the app version over IPC', async () => {
  const version = await page.evaluate(() => (window as PageWindow).spanwright?.appVersion());
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
});

test('serves the UI with the strict Content-Security-Policy header', async () => {
  const csp = await page.evaluate(async () => (await fetch('app://spanwright/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
});

test('shows the document list', async () => {
  await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
});
