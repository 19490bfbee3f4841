import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fitWindowStateToDisplays,
  parseWindowState,
  readWindowStateFile,
  writeWindowStateFile,
  type Rectangle,
} from '../../../src-main/window-state';

const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('accepts a complete state', () => {
    expect(parseWindowState({ x: 10, y: -20, width: 1000, height: 700, isMaximized: true })).toEqual({
      x: 10,
      y: -20,
      width: 1000,
      height: 700,
      isMaximized: true,
    });
  });

  it('accepts a state without a position', () => {
    expect(parseWindowState({ width: 1000, height: 700, isMaximized: false })).toEqual({
      width: 1000,
      height: 700,
      isMaximized: false,
    });
  });

  it('drops unknown fields', () => {
    expect(parseWindowState({ width: 800, height: 600, isMaximized: false, evil: 'x' })).toEqual({
      width: 800,
      height: 600,
      isMaximized: false,
    });
  });

  it.each([
    null,
    42,
    'text',
    [],
    {},
    { width: 800, height: 600 },
    { width: '800', height: 600, isMaximized: false },
    { width: 0, height: 600, isMaximized: false },
    { width: -5, height: 600, isMaximized: false },
    { width: 800.5, height: 600, isMaximized: false },
    { width: Number.NaN, height: 600, isMaximized: false },
    { width: Number.POSITIVE_INFINITY, height: 600, isMaximized: false },
    { width: 800, height: 600, isMaximized: 'yes' },
    { x: 10, width: 800, height: 600, isMaximized: false },
    { x: 10, y: null, width: 800, height: 600, isMaximized: false },
    { x: 1e12, y: 0, width: 800, height: 600, isMaximized: false },
  ])('rejects %j', (value) => {
    expect(parseWindowState(value)).toBeNull();
  });
});

describe('fitWindowStateToDisplays', () => {
  it('centres the default 1280x800 window on the primary display when nothing is saved', () => {
    expect(fitWindowStateToDisplays(null, [laptop])).toEqual({ x: 320, y: 125, width: 1280, height: 800, isMaximized: false });
  });

  it('keeps a saved position that is on a display', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, isMaximized: false };
    expect(fitWindowStateToDisplays(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('moves a window from an unplugged monitor back to the primary display, keeping its size', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, isMaximized: true };
    expect(fitWindowStateToDisplays(saved, [laptop])).toEqual({ x: 260, y: 75, width: 1400, height: 900, isMaximized: true });
  });

  it('treats a window with only a sliver on screen as lost', () => {
    const saved = { x: 1900, y: 100, width: 800, height: 600, isMaximized: false };
    expect(fitWindowStateToDisplays(saved, [laptop])).toEqual({ x: 560, y: 225, width: 800, height: 600, isMaximized: false });
  });

  it('shrinks a window larger than its display and pulls its corner inside', () => {
    const saved = { x: -50, y: -30, width: 3000, height: 2000, isMaximized: false };
    expect(fitWindowStateToDisplays(saved, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1050, isMaximized: false });
  });

  it('pulls a window hanging off the right edge back so its title bar is reachable', () => {
    const saved = { x: 1500, y: 500, width: 800, height: 600, isMaximized: false };
    expect(fitWindowStateToDisplays(saved, [laptop])).toEqual({ x: 1120, y: 450, width: 800, height: 600, isMaximized: false });
  });

  it('centres a state without position', () => {
    expect(fitWindowStateToDisplays({ width: 1000, height: 600, isMaximized: false }, [rightMonitor, laptop])).toEqual({
      x: 1920 + 780,
      y: 400,
      width: 1000,
      height: 600,
      isMaximized: false,
    });
  });

  it('never goes below the minimum size unless the display itself is smaller', () => {
    expect(fitWindowStateToDisplays({ width: 100, height: 100, isMaximized: false }, [laptop])).toMatchObject({ width: 640, height: 480 });
    const tiny: Rectangle = { x: 0, y: 0, width: 600, height: 400 };
    expect(fitWindowStateToDisplays(null, [tiny])).toEqual({ x: 0, y: 0, width: 600, height: 400, isMaximized: false });
  });

  it('returns the wanted size without position when no display is known', () => {
    expect(fitWindowStateToDisplays(null, [])).toEqual({ width: 1280, height: 800, isMaximized: false });
  });
});

describe('window state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanwright-window-state-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips and leaves no temp file behind', () => {
    const file = join(dir, 'window-state.json');
    const state = { x: 5, y: 6, width: 900, height: 700, isMaximized: true };
    writeWindowStateFile(file, state);
    expect(readWindowStateFile(file)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('replaces an existing file', () => {
    const file = join(dir, 'window-state.json');
    writeWindowStateFile(file, { width: 900, height: 700, isMaximized: false });
    writeWindowStateFile(file, { width: 1000, height: 750, isMaximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ width: 1000, height: 750, isMaximized: true });
  });

  it('reads missing or corrupt files as nothing saved', () => {
    expect(readWindowStateFile(join(dir, 'missing.json'))).toBeNull();
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"width": 900, "hei');
    expect(readWindowStateFile(corrupt)).toBeNull();
  });

  it('cleans up its temp file when the rename fails', () => {
    // Renaming a file over a non-empty directory fails on every platform.
    const blocker = join(dir, 'blocker');
    mkdirSync(blocker);
    writeFileSync(join(blocker, 'inside'), '');
    expect(() => writeWindowStateFile(blocker, { width: 900, height: 700, isMaximized: false })).toThrow();
    expect(readdirSync(dir)).toEqual(['blocker']);
  });
});
