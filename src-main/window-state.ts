// Remembers the main window's size, position and maximized state between runs, in a small
// JSON file. Whatever is read back is validated and moved onto a display that still exists.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS place the window (centred). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const;
/** How much of the window must lie on a display for the saved position to be kept (enough to grab the title bar). */
const MIN_VISIBLE = { width: 120, height: 40 } as const;
const MAX_COORDINATE = 1_000_000;

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COORDINATE;
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_COORDINATE;
}

/** A stored state from parsed JSON, or null when anything about it is off (then defaults apply). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const { x, y, width, height, isMaximized } = record;
  if (!isSize(width) || !isSize(height)) return null;
  if (typeof isMaximized !== 'boolean') return null;
  const hasPosition = x !== undefined || y !== undefined;
  if (hasPosition) {
    if (!isCoordinate(x) || !isCoordinate(y)) return null;
    return { x, y, width, height, isMaximized };
  }
  return { width, height, isMaximized };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function clampSize(width: number, height: number, workArea: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(Math.min(width, workArea.width), Math.min(MIN_WINDOW_SIZE.width, workArea.width)),
    height: Math.max(Math.min(height, workArea.height), Math.min(MIN_WINDOW_SIZE.height, workArea.height)),
  };
}

/**
 * Fits a saved (or missing) state onto the current displays. `workAreas[0]` is the primary
 * display. A window that is no longer visible enough on any display (a monitor was unplugged)
 * is centred on the primary display; a window larger than its display is shrunk to fit.
 */
export function fitWindowStateToDisplays(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0];
  const wanted = saved ?? { ...DEFAULT_WINDOW_SIZE, isMaximized: false };
  if (primary === undefined) return { width: wanted.width, height: wanted.height, isMaximized: wanted.isMaximized };

  if (wanted.x !== undefined && wanted.y !== undefined) {
    const bounds: Rectangle = { x: wanted.x, y: wanted.y, width: wanted.width, height: wanted.height };
    const host = workAreas.find((area) => {
      const shared = overlap(bounds, area);
      return shared.width >= MIN_VISIBLE.width && shared.height >= MIN_VISIBLE.height;
    });
    if (host !== undefined) {
      const size = clampSize(wanted.width, wanted.height, host);
      // Keep the top-left inside the display so the title bar can be reached after shrinking.
      const x = Math.min(Math.max(wanted.x, host.x), host.x + host.width - size.width);
      const y = Math.min(Math.max(wanted.y, host.y), host.y + host.height - size.height);
      return { x, y, ...size, isMaximized: wanted.isMaximized };
    }
  }

  const size = clampSize(wanted.width, wanted.height, primary);
  return {
    x: primary.x + Math.floor((primary.width - size.width) / 2),
    y: primary.y + Math.floor((primary.height - size.height) / 2),
    ...size,
    isMaximized: wanted.isMaximized,
  };
}

/** Reads the state file; a missing, unreadable or corrupt file counts as "nothing saved". */
export function readWindowStateFile(filePath: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(filePath, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * Writes the state atomically (temp file + rename) so a crash mid-write never leaves a torn
 * file. Synchronous on purpose: it runs while the window closes, when the app may quit next.
 */
export function writeWindowStateFile(filePath: string, state: WindowState): void {
  const tempPath = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tempPath, `${JSON.stringify(state, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
    renameSync(tempPath, filePath);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error;
  }
}
