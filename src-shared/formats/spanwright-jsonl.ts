// Spanwright JSONL: the lossless format. One line per document with everything Spanwright
// knows (layers, annotators, statuses, attributes, origins, span ids); offsets in code points
// (`offset_unit`), UTF-16 also read. Importing it into a new project and exporting again gives
// the same file.
import {
  DOCUMENT_STATUSES,
  type Annotator,
  type DocumentDraft,
  type DocumentStatus,
  type SourcedSpanDraft,
  type SpanOrigin,
} from '../domain';
import type { FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import { readId, readMeta, readSpanLists, readText, documentMeta } from './json-document';
import { describe, isObject, quote, setOwn, type Json } from './json-values';
import { flatMeta } from './metadata';
import { SpanContext, type OffsetUnit } from './restore-span';
import { compareText, sortedRecord } from './stable-order';

export const SPANWRIGHT_FORMAT_VERSION = 1;

const SPAN_ORIGINS: readonly SpanOrigin[] = ['manual', 'imported', 'suggestion', 'teammate'];
/** Top-level keys of a line that are not metadata. */
const OWN_KEYS = new Set(['format', 'format_version', 'offset_unit', 'status', 'statuses', 'annotators', 'spans']);

function read(value: Json, context: ReadContext): ObjectResult {
  const text = readText(value);
  if (typeof text !== 'string') return text;
  const id = readId(value);
  if ('reason' in id) return id;

  const version = value['format_version'];
  if (version !== undefined && version !== SPANWRIGHT_FORMAT_VERSION) {
    return {
      reason: `unsupported format_version ${JSON.stringify(version)} (this version of Spanwright reads ${SPANWRIGHT_FORMAT_VERSION})`,
    };
  }
  let unit: OffsetUnit = 'codepoint';
  const rawUnit = value['offset_unit'];
  if (rawUnit === 'utf16') unit = 'utf16';
  else if (rawUnit !== undefined && rawUnit !== 'codepoint') {
    return { reason: `unsupported offset_unit ${JSON.stringify(rawUnit)} (expected "codepoint" or "utf16")` };
  }
  let status: DocumentStatus | undefined;
  const rawStatus = value['status'];
  if (rawStatus !== undefined) {
    if (!DOCUMENT_STATUSES.includes(rawStatus as DocumentStatus)) {
      return { reason: `unknown status ${JSON.stringify(rawStatus)} (expected ${DOCUMENT_STATUSES.join(', ')})` };
    }
    status = rawStatus as DocumentStatus;
  }
  let statuses: Record<string, DocumentStatus> | undefined;
  const rawStatuses = value['statuses'];
  if (rawStatuses !== undefined) {
    if (!isObject(rawStatuses))
      return { reason: `"statuses" must be an object of annotator id -> status (found ${describe(rawStatuses)})` };
    statuses = {};
    for (const [who, what] of Object.entries(rawStatuses)) {
      if (!DOCUMENT_STATUSES.includes(what as DocumentStatus)) {
        return { reason: `unknown status ${JSON.stringify(what)} for annotator ${JSON.stringify(who)} in "statuses"` };
      }
      setOwn(statuses, who, what as DocumentStatus);
    }
  }
  let annotators: Annotator[] | undefined;
  const rawAnnotators = value['annotators'];
  if (rawAnnotators !== undefined) {
    if (!Array.isArray(rawAnnotators)) return { reason: `"annotators" must be an array of {id, name} (found ${describe(rawAnnotators)})` };
    annotators = [];
    for (const [index, entry] of rawAnnotators.entries()) {
      if (!isObject(entry) || typeof entry['id'] !== 'string' || entry['id'] === '' || typeof entry['name'] !== 'string') {
        return { reason: `annotators[${index}] must be {"id": string, "name": string}` };
      }
      annotators.push({ id: entry['id'], name: entry['name'] });
    }
  }

  const meta = readMeta(value, context.defaultTitle, (key) => OWN_KEYS.has(key));
  if ('reason' in meta) return meta;

  const rawSpans = value['spans'];
  if (rawSpans !== undefined && rawSpans !== null && !Array.isArray(rawSpans))
    return { reason: `"spans" must be an array (found ${describe(rawSpans)})` };
  const lists = Array.isArray(rawSpans) ? [{ key: 'spans', shape: 'object' as const, items: rawSpans }] : [];
  const spans = readSpanLists(lists, new SpanContext(text, unit, context.labels), { fileLayers: true, finish: readSpanFields });
  if ('reason' in spans) return spans;

  const draft: DocumentDraft = { text, meta: documentMeta(meta), spans: spans.map((s) => s.draft) };
  if (id.id !== undefined) draft.id = id.id;
  if (status !== undefined) draft.status = status;
  if (statuses !== undefined) draft.statuses = statuses;
  if (annotators !== undefined) draft.annotators = annotators;
  return { draft, format: 'spanwright' };
}

/** The span fields only this format keeps: id, annotator, attributes, origin. */
function readSpanFields(draft: SourcedSpanDraft, item: unknown, name: string): string | undefined {
  if (!isObject(item)) return undefined;
  const id = item['id'];
  if (id !== undefined && id !== null) {
    if (typeof id === 'number') draft.sourceId = String(id);
    else if (typeof id === 'string' && id !== '') draft.sourceId = id;
    else return `${name} "id" must be a non-empty string or a number (found ${describe(id)})`;
  }
  const annotator = item['annotator'];
  if (annotator !== undefined && annotator !== null) {
    if (typeof annotator !== 'string') return `${name} "annotator" must be a string (found ${describe(annotator)})`;
    draft.annotator = annotator;
  }
  const rawAttributes = item['attributes'];
  if (rawAttributes !== undefined && rawAttributes !== null) {
    const attributes = readAttributes(rawAttributes);
    if (!attributes) return `${name} "attributes" must be an object of string, number or boolean values`;
    draft.attributes = attributes;
  }
  const origin = item['origin'];
  if (origin !== undefined && origin !== null) {
    if (!SPAN_ORIGINS.includes(origin as SpanOrigin))
      return `${name} has an unknown origin ${quote(origin)} (expected ${SPAN_ORIGINS.join(', ')})`;
    draft.origin = origin as SpanOrigin;
  }
  return undefined;
}

function readAttributes(value: unknown): Record<string, string | number | boolean> | undefined {
  if (!isObject(value)) return undefined;
  const attributes: Record<string, string | number | boolean> = {};
  for (const [key, attribute] of Object.entries(value)) {
    if (typeof attribute !== 'string' && typeof attribute !== 'number' && typeof attribute !== 'boolean') return undefined;
    setOwn(attributes, key, attribute);
  }
  return attributes;
}

const reader: JsonReader = {
  format: 'spanwright',
  claims: (value) => value['format'] === 'spanwright',
  read,
};

export const spanwrightJsonl: FormatModule = {
  info: {
    id: 'spanwright',
    name: 'Spanwright JSONL',
    extension: 'jsonl',
    layers: ['entity', 'claim'],
    layerMode: 'many',
    overlaps: true,
    shape: 'lines',
    importable: true,
    keepsText: true,
    holds: { relations: false, attributes: true, spanNotes: false, documentLabels: false, documentNotes: false, annotators: true },
  },
  reader,
  createWriter: () => ({
    write: (doc, spans) => ({
      chunk:
        JSON.stringify({
          format: 'spanwright',
          format_version: SPANWRIGHT_FORMAT_VERSION,
          offset_unit: 'codepoint',
          id: doc.id,
          text: doc.text,
          meta: flatMeta(doc.meta, []),
          status: doc.status,
          ...(doc.statuses && Object.keys(doc.statuses).length > 0 ? { statuses: sortedRecord(doc.statuses) } : {}),
          ...(doc.annotators && doc.annotators.length > 0
            ? { annotators: [...doc.annotators].sort((a, b) => compareText(a.id, b.id)).map(({ id, name }) => ({ id, name })) }
            : {}),
          spans: spans.map(({ span, label, start, end, text }) => ({
            id: span.id,
            layer: span.layer,
            label,
            start,
            end,
            text,
            annotator: span.annotator,
            attributes: span.attributes,
            origin: span.origin,
          })),
        }) + '\n',
    }),
  }),
};
