// Storage space in words: whether an error means the disk (or the browser's quota) is full,
// when to warn that space runs low, and what to tell the user about persistent storage.
// Pure decisions; storage/space-guard.ts applies them to the database and the UI shows them.

import { bytesInWords } from './bytes-in-words';

const MB = 1_000_000;

/** Warn when less than this share of the quota is left... */
export const LOW_SPACE_SHARE = 0.1;
/** ...or less than this many bytes: an import of a large corpus needs a few tens of MB. */
export const LOW_SPACE_BYTES = 50 * MB;

/** The banner's words when a write found no space: the app is read-only until space is freed. */
export const READ_ONLY_TITLE = 'Read-only: there is no space left to save';
export const READ_ONLY_DETAIL =
  'The disk, or the storage the browser allows Spanwright, is full, so nothing more can be saved. ' +
  'Everything saved before is safe: you can read it and export it. ' +
  'Export a project bundle, free some space (delete files, or empty the trash of your computer), then choose Try again.';
/** What an edit refused in read-only mode says: the banner's cause, in the same words. */
export const READ_ONLY_REFUSAL =
  'Not saved: Spanwright is read-only because there is no space left to save. Free some space, then choose Try again.';
/** An error that was a full disk, in words (instead of `QuotaExceededError`). */
export const NO_SPACE_MESSAGE =
  'There is no space left to save: the disk, or the storage the browser allows Spanwright, is full. Nothing was changed.';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
// Our own messages (READ_ONLY_REFUSAL, NO_SPACE_MESSAGE) match none of these, on purpose.
const QUOTA_WORDS = /quota ?exceeded|quota_reached|no space left on device|ENOSPC/i;

/** The name of the error a write gets while the app is read-only (storage/space-guard.ts). */
// Not Dexie's own `ReadOnlyError` (a write inside a read-only transaction), which means something else.
export const READ_ONLY_ERROR_NAME = 'DiskFullReadOnlyError';

/** Whether `error`, or an error it wraps (Dexie's `inner` and `failures`, a `cause`), passes `test`. */
function anyWrapped(error: unknown, test: (e: { name?: unknown; message?: unknown }) => boolean, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (test(e)) return true;
  const failures = Array.isArray(e.failures) ? (e.failures as unknown[]) : [];
  return [e.inner, e.cause, ...failures].some((inner) => anyWrapped(inner, test, depth + 1));
}

/**
 * Whether `error` means there is no space to write: a DOMException QuotaExceededError,
 * Firefox's names for it, a disk-full I/O error, or any of these wrapped by Dexie.
 */
export const isQuotaError = (error: unknown): boolean =>
  anyWrapped(
    error,
    (e) => (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) || (typeof e.message === 'string' && QUOTA_WORDS.test(e.message)),
  );

/** Whether `error` is (or wraps) a write refused because the app is read-only. */
export const isReadOnlyRefusal = (error: unknown): boolean => anyWrapped(error, (e) => e.name === READ_ONLY_ERROR_NAME);

/** A write that failed for want of space, in words; null for any other failure. */
export function spaceErrorMessage(error: unknown): string | null {
  if (isReadOnlyRefusal(error)) return READ_ONLY_REFUSAL;
  return isQuotaError(error) ? NO_SPACE_MESSAGE : null;
}

export interface SpaceEstimate {
  /** Bytes this origin's storage uses. */
  usage: number;
  /** Bytes it may use (the browser caps it by the free disk space). */
  quota: number;
}

export type SpaceLevel = 'ample' | 'low' | 'full';

export interface SpaceReport {
  level: SpaceLevel;
  usage: number;
  quota: number;
  /** Bytes left (never negative). */
  left: number;
}

/** How much room is left, from `navigator.storage.estimate()`; null when the browser does not say. */
export function judgeSpace(estimate: { usage?: number; quota?: number } | null | undefined): SpaceReport | null {
  const usage = estimate?.usage;
  const quota = estimate?.quota;
  if (typeof usage !== 'number' || typeof quota !== 'number' || !Number.isFinite(usage) || !Number.isFinite(quota) || quota <= 0)
    return null;
  const left = Math.max(0, quota - usage);
  const level: SpaceLevel = left === 0 ? 'full' : left < LOW_SPACE_BYTES || left < quota * LOW_SPACE_SHARE ? 'low' : 'ample';
  return { level, usage, quota, left };
}


/** The warning shown before space runs out; null while there is room (or nothing is known). */
export function lowSpaceWarning(report: SpaceReport | null): string | null {
  if (!report || report.level === 'ample') return null;
  const share = Math.floor((report.left / report.quota) * 100);
  return (
    `Space is running low: ${bytesInWords(report.left)} left for Spanwright's data (${share} % of what it may use). ` +
    'Export a project bundle as a backup and free some space before the disk is full: when it is, Spanwright can only be read, not saved.'
  );
}

/** What we know of persistent storage: `navigator.storage.persisted()` / `persist()`. */
export type PersistenceState = 'granted' | 'refused' | 'unsupported' | 'unknown';

export interface PersistenceAdvice {
  /** One line: whether the data is kept for good. */
  state: string;
  /** What to do about it, when anything. */
  advice: string | null;
}

/** Whether the browser may clear our data to make room, and what the user can do about it. */
export function persistenceAdvice(platform: 'electron' | 'web', state: PersistenceState): PersistenceAdvice {
  if (platform === 'electron') {
    return { state: 'Kept permanently: your data is in Spanwright’s own data folder and is never cleared to make room.', advice: null };
  }
  switch (state) {
    case 'granted':
      return { state: 'Kept permanently: the browser will not clear Spanwright’s data to make room.', advice: null };
    case 'refused':
      return {
        state: 'Not kept permanently: when the disk runs low, the browser may clear Spanwright’s data without asking.',
        advice:
          'To keep it: install Spanwright as an app (the install button in the address bar) or bookmark this page, then reload it; ' +
          'or allow this site to keep its data in the browser’s site settings. Meanwhile, export project bundles regularly.',
      };
    case 'unsupported':
      return {
        state: 'This browser cannot promise to keep Spanwright’s data: it may clear it when the disk runs low.',
        advice: 'Export project bundles regularly, or use the desktop app, which always keeps its data.',
      };
    case 'unknown':
      return { state: 'Checking whether the browser keeps Spanwright’s data permanently…', advice: null };
  }
}

/** What Try again found, in words (a restart needs none: the app starts again). */
export function tryAgainMessage(outcome: 'writable' | 'still-full' | 'unknown'): string {
  switch (outcome) {
    case 'writable':
      return 'There is space again: changes are saved as before.';
    case 'still-full':
      return 'Still no space left to save. Free some more space, then try again.';
    case 'unknown':
      return 'Could not check for space: the database did not answer. Reload Spanwright if this goes on.';
  }
}
