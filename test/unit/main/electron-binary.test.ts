import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executableInDist, findElectronExecutable } from '../../electron/electron-binary';

describe('finding the Electron binary for the desktop tests', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'spanwright-binary-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('knows the executable path on each platform', () => {
    expect(executableInDist('/d', 'linux')).toBe(join('/d', 'electron'));
    expect(executableInDist('/d', 'win32')).toBe(join('/d', 'electron.exe'));
    expect(executableInDist('/d', 'darwin')).toBe(join('/d', 'Electron.app', 'Contents', 'MacOS', 'Electron'));
  });

  it('finds nothing when neither the override nor node_modules/electron/dist has a binary', () => {
    expect(findElectronExecutable(root, {})).toBeNull();
    expect(findElectronExecutable(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'nowhere') })).toBeNull();
  });

  it('uses node_modules/electron/dist when it holds the binary', () => {
    const dist = join(root, 'node_modules', 'electron', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(executableInDist(dist), '');
    expect(findElectronExecutable(root, {})).toBe(executableInDist(dist));
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH', () => {
    const override = join(root, 'custom');
    const dist = join(root, 'node_modules', 'electron', 'dist');
    for (const dir of [override, dist]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(executableInDist(dir), '');
    }
    expect(findElectronExecutable(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(executableInDist(override));
  });
});
