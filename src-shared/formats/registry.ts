// Every file format Spanwright reads or writes, one module each, and what each can hold, so the
// export dialog can offer the right choices and say in advance what a format will leave out.
// exporter.ts and import.ts dispatch through it; adding a format is one module and one line here.
import type { LayerId } from '../domain';
import { brat } from './brat';
import { claims } from './claims';
import { conll2003 } from './conll2003';
import { doccano } from './doccano';
import type { FormatId, FormatInfo, FormatModule, JsonReader, ReadOnlyFormat } from './format-module';
import { hfToken } from './hf-token';
import type { Json } from './json-values';
import { labelStudio, labelStudioMinReader } from './label-studio';
import { plainJsonl, plainJsonlReader } from './plain-jsonl';
import { plainText } from './plain-text';
import { spacy } from './spacy';
import { spanwrightJsonl } from './spanwright-jsonl';

export type { FormatId, FormatInfo } from './format-module';

/** The formats Spanwright writes, in the order the export dialog offers them. */
const MODULES: readonly FormatModule[] = [spanwrightJsonl, doccano, spacy, labelStudio, brat, hfToken, conll2003, claims];

export const FORMATS: readonly FormatInfo[] = MODULES.map((module) => module.info);

/** Formats Spanwright reads but does not write. */
export const READ_ONLY_FORMATS: readonly ReadOnlyFormat[] = [plainText, plainJsonl];

/**
 * The readers of JSON objects (a JSONL line, a JSON array item), asked in this order: the
 * first that claims an object reads it. Label Studio tasks and Hugging Face objects have no `text`;
 * doccano's span lists win over spaCy's `spans` in an object that has both; plain JSONL takes
 * any other object.
 */
const JSON_READERS: readonly JsonReader[] = [
  ...[labelStudio, hfToken, spanwrightJsonl, claims].flatMap((module) => (module.reader ? [module.reader] : [])),
  // Label Studio JSON-MIN rows name their regions' list after the control, often `label`.
  labelStudioMinReader,
  ...[doccano, spacy].flatMap((module) => (module.reader ? [module.reader] : [])),
];

export function formatModule(id: FormatId): FormatModule {
  const module = MODULES.find((candidate) => candidate.info.id === id);
  if (!module) throw new RangeError(`unknown export format ${JSON.stringify(id)}`);
  return module;
}

export function formatInfo(id: FormatId): FormatInfo {
  return formatModule(id).info;
}

/** The layers an export writes when the user has not chosen: all it holds, or the first for 'one'. */
export function defaultLayers(id: FormatId): LayerId[] {
  const info = formatInfo(id);
  return info.layerMode === 'one' ? info.layers.slice(0, 1) : [...info.layers];
}

/** The reader for a JSON object (plain JSONL when no other claims it). */
export function jsonReaderFor(value: Json): JsonReader {
  return JSON_READERS.find((reader) => reader.claims(value)) ?? plainJsonlReader;
}
