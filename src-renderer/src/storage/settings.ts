// Small key-value settings: identity, last open project and document, scroll positions, snapping,
// theme and font size.
import type { SpanwrightDatabase } from './database';

export async function readSetting<T>(db: SpanwrightDatabase, key: string, isValid: (v: unknown) => v is T): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row && isValid(row.value) ? row.value : undefined;
}

export async function writeSetting(db: SpanwrightDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
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
} as const;
