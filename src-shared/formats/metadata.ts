// Document metadata in files: the known fields, and flat key/values for formats that keep
// metadata beside the text (doccano, spaCy `meta`, Label Studio `data`).
import type { DocumentMeta } from '../domain';
import { setOwn } from './json-values';

/** The metadata fields Spanwright knows; anything else is kept in `extra`. */
export const META_FIELDS = ['title', 'source', 'url', 'date', 'language'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export function isMetaField(key: string): key is MetaField {
  return (META_FIELDS as readonly string[]).includes(key);
}

/**
 * Metadata as flat key/values: the known fields, then `extra`. An extra key that would
 * overwrite a known field or one of the format's own keys is left out.
 */
export function flatMeta(meta: DocumentMeta, reserved: readonly string[]): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const field of META_FIELDS) {
    const value = meta[field];
    if (value !== undefined) flat[field] = value;
  }
  for (const [key, value] of Object.entries(meta.extra ?? {})) {
    if (value === undefined || Object.hasOwn(flat, key) || reserved.includes(key)) continue;
    setOwn(flat, key, value);
  }
  return flat;
}
