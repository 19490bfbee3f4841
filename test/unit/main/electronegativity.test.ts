// The Electronegativity gate of `npm test`: it must fail on a finding nobody explained and on an
// explanation whose finding has gone, or it would pass whatever src-main becomes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '../../../scripts/electronegativity.mjs');
const fixture = mkdtempSync(join(tmpdir(), 'spanwright-electronegativity-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

writeFileSync(
  join(fixture, 'window.ts'),
  "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
);

function scanFixture(allowlist: unknown): { status: number | null; output: string } {
  const allowlistPath = join(fixture, `allowlist-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(allowlistPath, JSON.stringify(allowlist));
  const result = spawnSync(process.execPath, [script, '--input', fixture, '--allowlist', allowlistPath], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('npm run electronegativity', { timeout: 60_000 }, () => {
  it('fails on a finding the allowlist does not explain, naming the check and the file', () => {
    const { status, output } = scanFixture([]);
    expect(status).toBe(1);
    expect(output).toMatch(/Unexplained: NODE_INTEGRATION_JS_CHECK at window\.ts:\d+/);
    expect(output).toMatch(/Unexplained: CONTEXT_ISOLATION_JS_CHECK at window\.ts/);
  });

  it('fails on an allowlist entry with no finding, and on one without a reason', () => {
    const stale = scanFixture([{ check: 'PRELOAD_JS_CHECK', file: 'main.ts', why: 'gone since' }]);
    expect(stale.status).toBe(1);
    expect(stale.output).toContain('Stale allowlist entry (no such finding any more): PRELOAD_JS_CHECK in main.ts');

    const noReason = scanFixture([{ check: 'NODE_INTEGRATION_JS_CHECK', file: 'window.ts', why: ' ' }]);
    expect(noReason.status).toBe(1);
    expect(noReason.output).toContain('allowlist entry 1 needs a non-empty "why"');
  });
});
