// Reading a document from a JSON object: its text, id, metadata and span lists, checked and
// normalised (the single restore step for JSON imports). Format modules build on these parts:
// doccano, spaCy and plain JSONL objects are read whole by `readJsonDocument`; Spanwright JSONL,
// Label Studio, Hugging Face and brat use the parts they need.
import type { DocumentDraft, DocumentMeta, SourcedSpanDraft } from '../domain';
import type { ReadContext } from './format-module';
import { describe, isObject, setOwn, type Json } from './json-values';
import { isMetaField, META_FIELDS, type MetaField } from './metadata';
import { labelName, type LabelList } from './label-list';
import { restoreSpan, SpanContext, type OffsetUnit, type RawSpan } from './restore-span';

/** The checked `text` of a document object, or why it cannot be one. */
export function readText(value: Json): string | { reason: string } {
  if (!('text' in value)) return { reason: 'missing "text" field' };
  const text = value['text'];
  if (typeof text !== 'string') return { reason: `"text" must be a string (found ${describe(text)})` };
  if (text === '') return { reason: '"text" is empty' };
  if (text.trim() === '') return { reason: '"text" contains only white space' };
  const lone = loneSurrogateAt(text);
  if (lone !== undefined) return { reason: `"text" contains an unpaired surrogate (an invalid \\u escape) at code point ${lone}` };
  return text;
}

/** The document id: top-level `id`, else `meta.id` (spaCy/Prodigy lines carry it there). */
export function readId(value: Json): { id?: string } | { reason: string } {
  const metaObject = value['meta'];
  const holder = 'id' in value ? value : isObject(metaObject) && 'id' in metaObject ? metaObject : undefined;
  if (!holder) return {};
  const rawId = holder['id'];
  if (typeof rawId === 'number') return { id: String(rawId) };
  if (typeof rawId === 'string' && rawId !== '') return { id: rawId };
  if (rawId === '') return { reason: '"id" is empty' };
  if (rawId !== null) return { reason: `"id" must be a string or a number (found ${describe(rawId)})` };
  return {};
}

export interface MetaRead {
  title: string;
  fields: Partial<Record<MetaField, string>>;
  extra: Record<string, unknown>;
}

/**
 * Metadata: the `meta` object, then top-level keys other than `text`, `id`, `meta` and those
 * `skip` names (the format's own). The meta object wins over top-level keys of the same name.
 */
export function readMeta(value: Json, defaultTitle: string, skip: (key: string) => boolean): MetaRead | { reason: string } {
  const fields: Partial<Record<MetaField, string>> = {};
  const extra: Record<string, unknown> = {};
  const rawMeta = value['meta'];
  if (rawMeta !== undefined && rawMeta !== null && !isObject(rawMeta)) {
    return { reason: `"meta" must be an object (found ${describe(rawMeta)})` };
  }
  if (isObject(rawMeta)) {
    for (const [key, fieldValue] of Object.entries(rawMeta)) {
      if (key === 'id' && !('id' in value)) continue; // the document id, read by readId
      if (isMetaField(key) && typeof fieldValue === 'string') fields[key] = fieldValue;
      else setOwn(extra, key, fieldValue);
    }
  }
  for (const [key, fieldValue] of Object.entries(value)) {
    if (key === 'text' || key === 'id' || key === 'meta' || skip(key)) continue;
    if (isMetaField(key) && typeof fieldValue === 'string') {
      if (fields[key] === undefined) fields[key] = fieldValue;
    } else if (!Object.hasOwn(extra, key) && !(isMetaField(key) && fields[key] !== undefined)) {
      setOwn(extra, key, fieldValue);
    }
  }
  return { title: fields.title ?? defaultTitle, fields, extra };
}

export function documentMeta(meta: MetaRead): DocumentMeta {
  const result: DocumentMeta = { title: meta.title };
  for (const field of META_FIELDS) {
    const fieldValue = meta.fields[field];
    if (field !== 'title' && fieldValue !== undefined) result[field] = fieldValue;
  }
  if (Object.keys(meta.extra).length > 0) result.extra = meta.extra;
  return result;
}

/** How a list holds its spans: doccano `[start, end, "LABEL"]`, doccano entity objects, or `{start, end, label}`. */
export type SpanShape = 'tuple' | 'doccano-entity' | 'object';

const SHAPE_MESSAGES: Record<SpanShape, string> = {
  tuple: 'expected [start, end, "LABEL"]',
  'doccano-entity': 'expected {"start_offset": ..., "end_offset": ..., "label": "LABEL"}',
  object: 'expected an object with "start", "end" and "label"',
};

export interface SpanList {
  key: string;
  shape: SpanShape;
  items: readonly unknown[];
}

/** A span read from a list, with where it came from (so a format can resolve ids that point at it). */
export interface ReadSpan {
  draft: SourcedSpanDraft;
  list: string;
  index: number;
  item: unknown;
}

export interface SpanListOptions {
  /** Trust the layer the file gives each span (lossless files only). */
  fileLayers?: boolean;
  /** Names of label ids: a span whose label is a number (doccano 1.0) takes its name from here. */
  labelList?: LabelList;
  /** Told when a label id needs a label list (ReadContext.ask). */
  ask?: ReadContext['ask'];
  /** Reads what a format keeps beyond offsets and label into the draft, or says why the span is refused. */
  finish?: (draft: SourcedSpanDraft, item: unknown, name: string) => string | undefined;
}

/**
 * The spans of every list, in UTF-16 offsets. Any bad span refuses them all: the reason names
 * the first problem and how many more there are (half a document's spans would be subtly wrong).
 */
export function readSpanLists(
  lists: readonly SpanList[],
  context: SpanContext,
  options: SpanListOptions = {},
): ReadSpan[] | { reason: string } {
  const spans: ReadSpan[] = [];
  const problems: string[] = [];
  for (const { key, shape, items } of lists) {
    const name = (index: number): string => (lists.length > 1 ? `"${key}" span ${index + 1}` : `span ${index + 1}`);
    items.forEach((item, index) => {
      const raw = rawSpan(shape, item, options.fileLayers === true);
      if (raw === undefined) {
        problems.push(`${name(index)} is malformed: ${SHAPE_MESSAGES[shape]}`);
        return;
      }
      if (typeof raw.label === 'number') {
        // doccano 1.0 exports label ids; their names come from the project's label list.
        const named = labelName(options.labelList, raw.label);
        if (named === undefined) {
          options.ask?.('labelList');
          problems.push(
            options.labelList
              ? `${name(index)} label id ${raw.label} is not in the label list`
              : `${name(index)} label ${raw.label} is a label id: give the label list (spanwright --labels labels.json, or the import's label list)`,
          );
          return;
        }
        raw.label = named;
      }
      const draft = restoreSpan(raw, name(index), context);
      if (typeof draft === 'string') {
        problems.push(draft);
        return;
      }
      const problem = options.finish?.(draft, item, name(index));
      if (problem !== undefined) problems.push(problem);
      else spans.push({ draft, list: key, index, item });
    });
  }
  if (problems.length > 0) {
    const more = problems.length - 1;
    return { reason: more > 0 ? `${problems[0]} (and ${more} more problem${more > 1 ? 's' : ''})` : (problems[0] ?? '') };
  }
  return spans;
}

function rawSpan(shape: SpanShape, item: unknown, fileLayers: boolean): RawSpan | undefined {
  // doccano's intent detection writes `entities` as [start, end, "LABEL"] too.
  if (shape === 'tuple' || (shape === 'doccano-entity' && Array.isArray(item))) {
    if (!Array.isArray(item) || item.length !== 3) return undefined;
    const [start, end, label] = item as [unknown, unknown, unknown];
    return { start, end, label };
  }
  if (!isObject(item)) return undefined;
  if (shape === 'doccano-entity') {
    if (!('start_offset' in item) || !('end_offset' in item) || !('label' in item)) return undefined;
    return { start: item['start_offset'], end: item['end_offset'], label: item['label'] };
  }
  if (!('start' in item) || !('end' in item) || !('label' in item)) return undefined;
  return {
    start: item['start'],
    end: item['end'],
    label: item['label'],
    text: item['text'],
    ...(fileLayers ? { layer: item['layer'] } : {}),
  };
}

/** The keys that may hold spans in a doccano, spaCy/Prodigy or plain JSON document, and their shapes. */
const SPAN_LIST_KEYS: ReadonlyArray<readonly [string, SpanShape]> = [
  ['label', 'tuple'],
  ['labels', 'tuple'],
  ['entities', 'doccano-entity'],
  // doccano 1.0 (and what doccano-transformer reads): `{"label": 12, "start_offset", "end_offset", "user": 1}`.
  ['annotations', 'doccano-entity'],
  ['spans', 'object'],
];

const isSpanListKey = (key: string): boolean => SPAN_LIST_KEYS.some(([name]) => name === key);

/**
 * Whether `value[key]` holds spans rather than document classes: doccano text classification
 * uses the same `label` key for a class name or a list of class names.
 */
export function holdsSpans(value: Json, key: string): boolean {
  if (!(key in value)) return false;
  const list = value[key];
  if (key === 'spans') return list !== null;
  if (!Array.isArray(list)) return false;
  // doccano 1.0 `annotations` of a text classification project have no offsets: classes.
  if (key === 'annotations') return list.length > 0 && list.every((item) => isObject(item) && 'start_offset' in item);
  return (
    list.length === 0 ||
    (key === 'entities' ? list.every((item) => isObject(item) || Array.isArray(item)) : !list.every((item) => typeof item === 'string'))
  );
}

export interface JsonDocumentRead {
  draft: DocumentDraft;
  spans: ReadSpan[];
  /** What the reader noticed and the user should know (the offset unit it chose). */
  notes: string[];
}

/**
 * A doccano, spaCy/Prodigy or plain JSON document: `text`, optional `id`, metadata (`meta` and
 * top-level keys), and spans from every span list it has. `ownKeys` are the format's own (read
 * by its module, not metadata); a `label` that names document classes is otherwise kept as
 * metadata; spaCy `tokens` are left out (an export writes them again).
 */
export function readJsonDocument(
  value: Json,
  context: ReadContext,
  ownKeys: readonly string[] = [],
  options: { offsetUnits?: 'file' } = {},
): JsonDocumentRead | { reason: string } {
  const text = readText(value);
  if (typeof text !== 'string') return text;
  const id = readId(value);
  if ('reason' in id) return id;
  const meta = readMeta(
    value,
    context.defaultTitle,
    (key) => isSpanListKey(key) || ownKeys.includes(key) || (key === 'tokens' && Array.isArray(value['spans'])),
  );
  if ('reason' in meta) return meta;

  const lists: SpanList[] = [];
  for (const [key, shape] of SPAN_LIST_KEYS) {
    if (!(key in value)) continue;
    const list = value[key];
    if (key === 'spans' && list !== null && !Array.isArray(list)) return { reason: `"spans" must be an array (found ${describe(list)})` };
    if (holdsSpans(value, key)) lists.push({ key, shape, items: list as unknown[] });
    else if (key !== 'spans' && !ownKeys.includes(key)) setOwn(meta.extra, key, list);
  }
  const unread = unreadSpans(meta.extra);
  if (unread !== undefined) return { reason: unread };
  const read = (unit: OffsetUnit) =>
    readSpanLists(lists, new SpanContext(text, unit, context.labels), {
      ...(context.labelList ? { labelList: context.labelList } : {}),
      ...(context.ask ? { ask: context.ask } : {}),
      finish: (draft, item) => {
        draft.origin = 'imported';
        // doccano 1.0: who made each annotation (doccano's user id).
        const user = isObject(item) ? item['user'] : undefined;
        if (typeof user === 'number' || (typeof user === 'string' && user !== '')) draft.annotator = doccanoUser(user);
        return undefined;
      },
    });
  const notes: string[] = [];
  const spans =
    options.offsetUnits === 'file' ? readInFileUnit(text, lists, context.offsetUnit, read, notes, context.ask) : read('codepoint');
  if ('reason' in spans) return spans;
  const draft: DocumentDraft = { text, meta: documentMeta(meta), spans: spans.map((s) => s.draft) };
  if (id.id !== undefined) draft.id = id.id;
  return { draft, spans, notes };
}

/** Whether a text has characters that code points and UTF-16 count differently (emoji...). */
const hasAstral = (text: string): boolean => /[\u{10000}-\u{10FFFF}]/u.test(text);

/**
 * Spans of a file whose offsets may be code points (Python) or UTF-16 code units (JavaScript,
 * doccano's default): the unit the user chose; else code points, or UTF-16 when only they fit
 * (spans' `text`, ranges and character edges tell), with a note; when both fit and the spans
 * carry no text to tell, code points, with a note saying how to choose the other.
 */
function readInFileUnit(
  text: string,
  lists: readonly SpanList[],
  chosen: OffsetUnit | undefined,
  read: (unit: OffsetUnit) => ReadSpan[] | { reason: string },
  notes: string[],
  ask: ReadContext['ask'],
): ReadSpan[] | { reason: string } {
  const matters = hasAstral(text) && lists.some((list) => list.items.length > 0);
  // Once chosen, the choice stays open to change (the app's import report shows it).
  if (chosen !== undefined) {
    if (matters) ask?.('offsetUnit');
    return read(chosen);
  }
  const asCodePoints = read('codepoint');
  if (!matters) return asCodePoints;
  const asUtf16 = read('utf16');
  const same =
    !('reason' in asCodePoints) &&
    !('reason' in asUtf16) &&
    asCodePoints.every((s, i) => s.draft.start === asUtf16[i]?.draft.start && s.draft.end === asUtf16[i]?.draft.end);
  // The two units read the spans differently: the user may say which the file counts.
  if (!same) ask?.('offsetUnit');
  if ('reason' in asCodePoints) {
    if ('reason' in asUtf16) return asCodePoints;
    notes.push(
      'offsets read as UTF-16 code units (as JavaScript counts): only they fit the spans; choose the unit to override (--offsets, or "Offsets" in the import report)',
    );
    return asUtf16;
  }
  if ('reason' in asUtf16 || same) return asCodePoints;
  // Both fit and no text tells: the reading whose spans start and end at word edges more often.
  const codePointEdges = wordEdges(text, asCodePoints);
  const utf16Edges = wordEdges(text, asUtf16);
  if (utf16Edges > codePointEdges) {
    notes.push(
      'offsets read as UTF-16 code units (as JavaScript counts): code points fit too, but put span edges inside words; choose the unit to override (--offsets, or "Offsets" in the import report)',
    );
    return asUtf16;
  }
  if (utf16Edges === codePointEdges)
    notes.push(
      'offsets read as code points, but UTF-16 code units fit too and the spans carry no text to tell: if the file counts UTF-16 (JavaScript, doccano), choose that unit (--offsets utf16, or "Offsets" in the import report)',
    );
  return asCodePoints;
}

/** How many span edges fall at a word's edge: no letter or digit on both sides, no space inside. */
function wordEdges(text: string, spans: readonly ReadSpan[]): number {
  const word = /[\p{L}\p{N}\p{M}]/u;
  const at = (i: number): string => (i < 0 || i >= text.length ? ' ' : (text.charAt(i) ?? ' '));
  let count = 0;
  for (const { draft } of spans) {
    if (!(word.test(at(draft.start - 1)) && word.test(at(draft.start))) && !/\s/u.test(at(draft.start))) count++;
    if (!(word.test(at(draft.end - 1)) && word.test(at(draft.end))) && !/\s/u.test(at(draft.end - 1))) count++;
  }
  return count;
}

/** The annotator a doccano user id becomes (`doccano-user-3`), so each user's work stays apart. */
export function doccanoUser(user: number | string): string {
  return `doccano-user-${user}`;
}

/** Whether a value looks like a list of spans: `[start, end, label]` triples or objects with offsets. */
function looksLikeSpans(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.every((item) => {
    if (Array.isArray(item)) return item.length >= 3 && Number.isInteger(item[0]) && Number.isInteger(item[1]);
    // Spans have a label (spaCy/Prodigy `tokens` have offsets too, and are not spans).
    if (!isObject(item) || !('label' in item || 'labels' in item)) return false;
    return (
      (Number.isInteger(item['start']) && Number.isInteger(item['end'])) ||
      (Number.isInteger(item['start_offset']) && Number.isInteger(item['end_offset']))
    );
  });
}

/**
 * Why a document is refused when metadata (a key no reader took) holds what look like spans:
 * importing it with no spans would lose them without a word (`validate` would say OK).
 */
function unreadSpans(extra: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(extra)) {
    const inner = isObject(value) ? Object.entries(value).find(([, v]) => looksLikeSpans(v)) : undefined;
    const where = looksLikeSpans(value) ? `"${key}"` : inner ? `"${key}.${inner[0]}"` : undefined;
    if (where !== undefined)
      return `${where} holds what look like spans in a shape Spanwright does not read (spans go in "label", "entities", "spans" or "annotations"; see docs/formats.md)`;
  }
  return undefined;
}

/** The code-point index of the first unpaired surrogate, if any. */
function loneSurrogateAt(text: string): number | undefined {
  let codePoint = 0;
  for (let i = 0; i < text.length; i++, codePoint++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return codePoint;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return codePoint;
  }
  return undefined;
}
