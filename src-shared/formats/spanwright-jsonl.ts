// Spanwright JSONL: the lossless format. One line per document with everything Spanwright
// knows (layers, annotators, statuses, attributes, origins, notes, span and relation ids,
// relations, document labels and notes); offsets in code points (`offset_unit`), UTF-16 also
// read. Importing it into a new project and exporting again gives the same file. Version 2
// added span notes, `relations` and `document_annotations`; version 1 lines are still read.
import {
  DOCUMENT_STATUSES,
  SPAN_ORIGINS,
  type Annotator,
  type AttributeValue,
  type DocumentAnnotationDraft,
  type DocumentDraft,
  type DocumentStatus,
  type RelationDraft,
  type SourcedSpanDraft,
  type SpanOrigin,
} from '../domain';
import { documentAnnotationsToWrite, relationsToWrite } from './export-relations';
import type { FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import { readId, readMeta, readSpanLists, readText, documentMeta } from './json-document';
import { describe, isObject, quote, setOwn, type Json } from './json-values';
import { flatMeta } from './metadata';
import { SpanContext, type OffsetUnit } from './restore-span';
import { compareText, sortedRecord } from './stable-order';

export const SPANWRIGHT_FORMAT_VERSION = 2;
const READ_VERSIONS: readonly number[] = [1, 2];

/** Top-level keys of a line that are not metadata, by version. */
const OWN_KEYS_V1 = ['format', 'format_version', 'offset_unit', 'status', 'statuses', 'annotators', 'spans'];
const OWN_KEYS: Record<number, ReadonlySet<string>> = {
  1: new Set(OWN_KEYS_V1),
  2: new Set([...OWN_KEYS_V1, 'relations', 'document_annotations']),
};

function read(value: Json, context: ReadContext): ObjectResult {
  const text = readText(value);
  if (typeof text !== 'string') return text;
  const id = readId(value);
  if ('reason' in id) return id;

  const rawVersion = value['format_version'];
  if (rawVersion !== undefined && !READ_VERSIONS.includes(rawVersion as number)) {
    return {
      reason: `unsupported format_version ${JSON.stringify(rawVersion)} (this version of Spanwright reads ${READ_VERSIONS.join(' and ')})`,
    };
  }
  const version = rawVersion === undefined ? SPANWRIGHT_FORMAT_VERSION : (rawVersion as number);
  const ownKeys = OWN_KEYS[version] ?? new Set<string>();
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

  const meta = readMeta(value, context.defaultTitle, (key) => ownKeys.has(key));
  if ('reason' in meta) return meta;

  const rawSpans = value['spans'];
  if (rawSpans !== undefined && rawSpans !== null && !Array.isArray(rawSpans))
    return { reason: `"spans" must be an array (found ${describe(rawSpans)})` };
  const lists = Array.isArray(rawSpans) ? [{ key: 'spans', shape: 'object' as const, items: rawSpans }] : [];
  const spans = readSpanLists(lists, new SpanContext(text, unit, context.labels), {
    fileLayers: true,
    finish: (draft, item, name) => readSpanFields(draft, item, name, version),
  });
  if ('reason' in spans) return spans;

  const draft: DocumentDraft = { text, meta: documentMeta(meta), spans: spans.map((s) => s.draft) };
  if (version >= 2) {
    const relations = readRelations(value['relations'], draft.spans);
    if ('reason' in relations) return relations;
    if (relations.list.length > 0) draft.relations = relations.list;
    const annotations = readDocumentAnnotations(value['document_annotations']);
    if ('reason' in annotations) return annotations;
    if (annotations.list.length > 0) draft.documentAnnotations = annotations.list;
  }
  if (id.id !== undefined) draft.id = id.id;
  if (status !== undefined) draft.status = status;
  if (statuses !== undefined) draft.statuses = statuses;
  if (annotators !== undefined) draft.annotators = annotators;
  return { draft, format: 'spanwright' };
}

/** The span fields only this format keeps: id, annotator, attributes, origin, note (version 2). */
function readSpanFields(draft: SourcedSpanDraft, item: unknown, name: string, version: number): string | undefined {
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
    if (!attributes) return `${name} "attributes" must be an object of string, number, boolean or string-list values`;
    draft.attributes = attributes;
  }
  const origin = item['origin'];
  if (origin !== undefined && origin !== null) {
    if (!SPAN_ORIGINS.includes(origin as SpanOrigin))
      return `${name} has an unknown origin ${quote(origin)} (expected ${SPAN_ORIGINS.join(', ')})`;
    draft.origin = origin as SpanOrigin;
  }
  const note = item['note'];
  if (version >= 2 && note !== undefined && note !== null) {
    if (typeof note !== 'string') return `${name} "note" must be a string (found ${describe(note)})`;
    if (note !== '') draft.note = note;
  }
  return undefined;
}

/** Span attributes as a file gives them (string, number, yes/no or string-list values), or undefined. */
export function readAttributes(value: unknown): Record<string, AttributeValue> | undefined {
  if (!isObject(value)) return undefined;
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, attribute] of Object.entries(value)) {
    const list = Array.isArray(attribute) && attribute.every((item) => typeof item === 'string');
    if (!list && typeof attribute !== 'string' && typeof attribute !== 'number' && typeof attribute !== 'boolean') return undefined;
    setOwn(attributes, key, list ? [...(attribute as string[])] : (attribute as AttributeValue));
  }
  return attributes;
}

/** `relations`: {id, type, from, to (span ids of this line), annotator, origin, note}. */
function readRelations(value: unknown, spans: readonly SourcedSpanDraft[]): { list: RelationDraft[] } | { reason: string } {
  if (value === undefined || value === null) return { list: [] };
  if (!Array.isArray(value)) return { reason: `"relations" must be an array (found ${describe(value)})` };
  const index = new Map<string, number>();
  spans.forEach((span, at) => {
    if (span.sourceId !== undefined) index.set(span.sourceId, at);
  });
  const list: RelationDraft[] = [];
  for (const [at, item] of value.entries()) {
    const name = `relation ${at + 1}`;
    if (!isObject(item)) return { reason: `${name} is malformed: expected {"type", "from", "to"}` };
    const type = item['type'];
    if (typeof type !== 'string' || type.trim() === '')
      return { reason: `${name} has no type (expected a non-empty string, found ${describe(type)})` };
    const ends: number[] = [];
    for (const key of ['from', 'to'] as const) {
      const end = item[key];
      const id = typeof end === 'number' ? String(end) : end;
      const found = typeof id === 'string' ? index.get(id) : undefined;
      if (found === undefined) return { reason: `${name} "${key}" ${quote(end)} is not the id of a span of this document` };
      ends.push(found);
    }
    const [from = 0, to = 0] = ends;
    const draft: RelationDraft = { type, from, to };
    const id = item['id'];
    if (id !== undefined && id !== null) {
      if (typeof id === 'number') draft.sourceId = String(id);
      else if (typeof id === 'string' && id !== '') draft.sourceId = id;
      else return { reason: `${name} "id" must be a non-empty string or a number (found ${describe(id)})` };
    }
    const annotator = item['annotator'];
    if (annotator !== undefined && annotator !== null) {
      if (typeof annotator !== 'string') return { reason: `${name} "annotator" must be a string (found ${describe(annotator)})` };
      draft.annotator = annotator;
    }
    const owner = draft.annotator;
    if (owner !== undefined && [spans[from], spans[to]].some((span) => span?.annotator !== undefined && span.annotator !== owner)) {
      return { reason: `${name} links spans of another annotator than its own (${quote(owner)})` };
    }
    const origin = item['origin'];
    if (origin !== undefined && origin !== null) {
      if (!SPAN_ORIGINS.includes(origin as SpanOrigin))
        return { reason: `${name} has an unknown origin ${quote(origin)} (expected ${SPAN_ORIGINS.join(', ')})` };
      draft.origin = origin as SpanOrigin;
    }
    const note = item['note'];
    if (note !== undefined && note !== null) {
      if (typeof note !== 'string') return { reason: `${name} "note" must be a string (found ${describe(note)})` };
      if (note !== '') draft.note = note;
    }
    list.push(draft);
  }
  return { list };
}

/** `document_annotations`: per annotator, {annotator, labels: {category: [values]}, note}. */
function readDocumentAnnotations(value: unknown): { list: DocumentAnnotationDraft[] } | { reason: string } {
  if (value === undefined || value === null) return { list: [] };
  if (!Array.isArray(value)) return { reason: `"document_annotations" must be an array (found ${describe(value)})` };
  const list: DocumentAnnotationDraft[] = [];
  for (const [at, item] of value.entries()) {
    const name = `document_annotations[${at}]`;
    if (!isObject(item)) return { reason: `${name} must be {"annotator", "labels", "note"}` };
    const draft: DocumentAnnotationDraft = { labels: {}, note: '' };
    const annotator = item['annotator'];
    if (annotator !== undefined && annotator !== null) {
      if (typeof annotator !== 'string') return { reason: `${name} "annotator" must be a string (found ${describe(annotator)})` };
      draft.annotator = annotator;
    }
    const labels = item['labels'];
    if (labels !== undefined && labels !== null) {
      if (!isObject(labels)) return { reason: `${name} "labels" must be an object of category -> list of values` };
      for (const [category, values] of Object.entries(labels)) {
        if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
          return { reason: `${name} "labels" of category ${quote(category)} must be a list of strings` };
        }
        setOwn(draft.labels, category, [...(values as string[])]);
      }
    }
    const note = item['note'];
    if (note !== undefined && note !== null) {
      if (typeof note !== 'string') return { reason: `${name} "note" must be a string (found ${describe(note)})` };
      draft.note = note;
    }
    list.push(draft);
  }
  return { list };
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
    holds: { relations: true, attributes: true, spanNotes: true, documentLabels: true, documentNotes: true, annotators: true },
  },
  reader,
  createWriter: () => ({
    write: (doc, spans, report) => {
      const relations = relationsToWrite(doc, report);
      const annotations = documentAnnotationsToWrite(doc);
      return {
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
              ...(span.note !== undefined && span.note !== '' ? { note: span.note } : {}),
            })),
            ...(relations.length > 0
              ? {
                  relations: relations.map(({ relation }) => ({
                    id: relation.id,
                    type: relation.type,
                    from: relation.from,
                    to: relation.to,
                    annotator: relation.annotator,
                    origin: relation.origin,
                    ...(relation.note !== undefined && relation.note !== '' ? { note: relation.note } : {}),
                  })),
                }
              : {}),
            ...(annotations.length > 0
              ? {
                  document_annotations: annotations.map(({ annotator, labels, note }) => ({
                    annotator,
                    labels: sortedRecord(labels),
                    note,
                  })),
                }
              : {}),
          }) + '\n',
      };
    },
  }),
};
