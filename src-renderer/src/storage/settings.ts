// Small key-value settings: identity, last open project and document, scroll positions, snapping,
// theme and font size, input limits.
import { sameValue } from '../../../src-shared/annotations/same-value';
import type { SpanwrightDatabase } from './database';

export async function readSetting<T>(db: SpanwrightDatabase, key: string, isValid: (v: unknown) => v is T): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row && isValid(row.value) ? row.value : undefined;
}

/** Stores a setting. Nothing is written when it holds this value already: opening the app and a project writes nothing. */
export async function writeSetting(db: SpanwrightDatabase, key: string, value: unknown): Promise<void> {
  const stored = await db.settings.get(key);
  if (stored && sameValue(stored.value, value)) return;
  await db.settings.put({ key, value });
}

/**
 * Remembers a preference (scroll position, open document, theme) when it can: a full disk
 * (read-only, said by its banner) or any other failure only means it is not remembered.
 */
export function rememberSetting(db: SpanwrightDatabase, key: string, value: unknown): void {
  writeSetting(db, key, value).catch(() => undefined);
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export const SETTING = {
  annotator: 'annotator',
  lastProjectId: 'lastProjectId',
  openDocument: (projectId: string) => `openDocument:${projectId}`,
  scrollTop: (documentId: string) => `scrollTop:${documentId}`,
  /** Whether a selection snaps to whole words in this project (on unless turned off). */
  snapToWords: (projectId: string) => `snapToWords:${projectId}`,
  /** Review items the reviewer rejected (no gold span), by item key. */
  reviewRejected: (documentId: string) => `reviewRejected:${documentId}`,
  /** The colour theme: 'system', 'light' or 'dark' (for every project). */
  theme: 'theme',
  /** The document text's font size in CSS pixels (for every project). */
  documentFontSize: 'documentFontSize',
  /** The input limits (input-limits.ts; for every project). */
  inputLimits: 'inputLimits',
} as const;
