// A Chromium a test starts itself and can kill like a crash (see KillableChromium).
import { chromium, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';

/** The size of a killable browser's window, as the other tests' pages. */
export const VIEWPORT = { width: 1400, height: 900 };

/**
 * A Chromium this test starts itself, with a profile directory that outlives it, so that it
 * can be killed like a crash. Playwright's own launchers cannot do that: `browser.close()` and
 * `context.close()` shut down cleanly, and a launched or persistent browser does not expose its
 * process to the test. So the binary and flags of playwright.config.ts are spawned here with
 * `--remote-debugging-port=0` in its own process group, Playwright connects over CDP, and
 * `kill()` sends SIGKILL to the whole group (browser, renderer, storage and GPU processes):
 * no unload handler, no IndexedDB flush on shutdown, no goodbye to the server.
 */
export class KillableChromium {
  private constructor(
    private readonly child: ChildProcess,
    private connected: Browser | null,
  ) {}

  static async launch(userDataDir: string): Promise<KillableChromium> {
    const launchOptions = test.info().project.use.launchOptions ?? {};
    const executable = launchOptions.executablePath ?? chromium.executablePath();
    const args = [
      ...(launchOptions.args ?? []),
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      'about:blank',
    ];
    const child = spawn(executable, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const endpoint = new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 15_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-4_000);
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited while starting (${code ?? signal}):\n${output}`));
      });
    });
    const run = new KillableChromium(child, null);
    // A detached process outlives a test run that dies: make sure it goes with it.
    const killOnExit = () => run.killNow();
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    try {
      run.connected = await chromium.connectOverCDP(await endpoint);
    } catch (error) {
      await run.kill();
      throw error;
    }
    return run;
  }

  get browser(): Browser {
    if (!this.connected) throw new Error('Chromium is not connected');
    return this.connected;
  }

  /** The profile's one window, sized as the other tests' pages. */
  async page(): Promise<Page> {
    const context = this.browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(VIEWPORT);
    return page;
  }

  /** SIGKILL to the browser's process group; resolves once the browser process is gone. */
  async kill(): Promise<void> {
    const { child } = this;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    this.killNow();
    await exited;
  }

  private killNow(): void {
    if (this.child.pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
