// The formats the command line reads and writes, looked up in the core's registry, so a
// format added there (registry.ts and exporter.ts) is available to `convert` with no change here.
import { FORMATS, type FormatId, type FormatInfo } from '../src-shared/formats/registry';
import type { ImportFormat } from '../src-shared/formats/import-result';
import type { StdinShape } from './corpus-stream';

/** The ids `--to` takes. */
export const WRITABLE_FORMATS: readonly FormatId[] = FORMATS.map((format) => format.id);
/** The ids `--from` takes (besides 'auto'). */
export const READABLE_FORMATS: readonly FormatId[] = FORMATS.filter((format) => format.importable).map((format) => format.id);

/** A format by the id the user typed, if the command line can read ('from') or write ('to') it. */
export function resolveFormat(id: string, direction: 'from' | 'to'): FormatInfo | undefined {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (!format) return undefined;
  return direction === 'to' || format.importable ? format : undefined;
}

/**
 * Whether a document the importer recognised as `found` may be read as `expected`. A line
 * with a text and no spans ('jsonl') or a plain text file fits any format.
 */
export function fitsFormat(expected: FormatInfo, found: ImportFormat): boolean {
  return found === expected.id || found === 'jsonl' || found === 'text';
}

/** How standard input must be read for a format: brat is a zip, Label Studio a JSON array. */
export function stdinShape(format: FormatInfo | undefined): StdinShape {
  if (!format) return 'auto';
  if (format.id === 'conll2003') return 'conll'; // a column file, read whole
  return format.shape === 'files' ? 'zip' : format.shape === 'json-array' ? 'json' : 'jsonl';
}
