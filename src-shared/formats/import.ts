// Reads an import file (plain text, Spanwright JSONL, doccano, spaCy/Prodigy, Label Studio
// tasks, Hugging Face token JSONL, or plain JSONL) into document drafts. (brat: brat-import.ts.) Never throws: every problem becomes an issue naming the file, the line
// and the reason, and a line with any problem is rejected whole.
import {
  DOCUMENT_STATUSES,
  type Annotator,
  LAYERS,
  type DocumentDraft,
  type DocumentMeta,
  type DocumentStatus,
  type Label,
  type LayerId,
  type SourcedSpanDraft,
  type SpanDraft,
  type SpanOrigin,
} from '../domain';
import { codePointLength, OffsetConverter, splitsSurrogatePair } from '../offsets';
import { isGraphemeBoundary } from '../segmentation';
import { decodeTextFile } from './decode';

export type ImportFormat = 'text' | 'spanwright' | 'doccano' | 'spacy' | 'jsonl' | 'label-studio' | 'hf-token' | 'brat';

export interface ImportIssue {
  file: string;
  /** 1-based line of a JSONL file, or item number of a JSON array (see `lineKind`). */
  line?: number;
  /** What `line` counts: a line of the file (default) or an item of a JSON array. */
  lineKind?: 'line' | 'item';
  reason: string;
}

export interface ParsedDocument {
  file: string;
  line?: number;
  format: ImportFormat;
  draft: DocumentDraft;
}

export interface UnknownLabel {
  name: string;
  layer: LayerId;
  count: number;
}

export interface ImportParseResult {
  file: string;
  documents: ParsedDocument[];
  issues: ImportIssue[];
  unknownLabels: UnknownLabel[];
}

/** One line for the user: `news.jsonl, line 7: span 2 [12, 9) has end before start`. */
export function formatImportIssue(issue: ImportIssue): string {
  if (issue.line === undefined) return `${issue.file}: ${issue.reason}`;
  return `${issue.file}, ${issue.lineKind ?? 'line'} ${issue.line}: ${issue.reason}`;
}

const META_FIELDS = ['title', 'source', 'url', 'date', 'language'] as const;
type MetaField = (typeof META_FIELDS)[number];
const SPAN_ORIGINS: readonly SpanOrigin[] = ['manual', 'imported', 'suggestion', 'teammate'];
/** Top-level keys of a native line that are not metadata. */
const NATIVE_KEYS = new Set(['format', 'format_version', 'offset_unit', 'status', 'statuses', 'annotators', 'spans']);
const NATIVE_FORMAT_VERSION = 1;

export function parseImportFile(fileName: string, bytes: Uint8Array, knownLabels: readonly Label[]): ImportParseResult {
  const file = baseName(fileName);
  const result: ImportParseResult = { file, documents: [], issues: [], unknownLabels: [] };
  try {
    readFile(file, bytes, knownLabels, result);
  } catch (error) {
    // Defensive: a bug here must cost one file, not the app.
    result.documents = [];
    result.unknownLabels = [];
    result.issues.push({ file, reason: `could not be read: ${errorMessage(error)}` });
  }
  return result;
}

function readFile(file: string, bytes: Uint8Array, knownLabels: readonly Label[], result: ImportParseResult): void {
  const extension = extensionOf(file);
  const stem = extension ? file.slice(0, -(extension.length + 1)) : file;
  if (extension !== 'txt' && extension !== 'jsonl' && extension !== 'ndjson' && extension !== 'json') {
    result.issues.push({
      file,
      reason: `unsupported file type${extension ? ` ".${extension}"` : ''}: import .txt, .jsonl or .json files`,
    });
    return;
  }
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) {
    result.issues.push(decoded.line === undefined ? { file, reason: decoded.reason } : { file, line: decoded.line, reason: decoded.reason });
    return;
  }
  const text = decoded.text;
  const labels = new LabelIndex(knownLabels);

  if (extension === 'txt') {
    if (text.trim() === '') {
      result.issues.push({ file, reason: 'file contains only white space' });
      return;
    }
    result.documents.push({ file, format: 'text', draft: { text, meta: { title: stem }, spans: [] } });
    return;
  }

  const accept = (value: unknown, line: number | undefined, lineKind: 'line' | 'item', title: string): void => {
    const parsed = readObject(value, title, labels);
    if ('reason' in parsed) {
      result.issues.push(line === undefined ? { file, reason: parsed.reason } : { file, line, lineKind, reason: parsed.reason });
      return;
    }
    labels.count(parsed.draft.spans);
    for (const note of parsed.notes ?? []) {
      result.issues.push(line === undefined ? { file, reason: note } : { file, line, lineKind, reason: note });
    }
    result.documents.push(line === undefined ? { file, format: parsed.format, draft: parsed.draft } : { file, line, format: parsed.format, draft: parsed.draft });
  };

  let nonBlank = 0;
  // A .json file is an array of documents or one document; if it is not JSON as a whole, it is JSONL.
  const parsedWhole = extension === 'json' ? tryParseJson(text) : undefined;
  const whole = parsedWhole && 'value' in parsedWhole ? parsedWhole : undefined;
  if (whole && Array.isArray(whole.value)) {
    whole.value.forEach((item: unknown, index: number) => accept(item, index + 1, 'item', `${stem} #${index + 1}`));
    nonBlank = whole.value.length;
  } else if (whole) {
    accept(whole.value, undefined, 'item', stem);
    nonBlank = 1;
  } else {
    const lines = text.split('\n');
    lines.forEach((rawLine, index) => {
      const lineText = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      if (lineText.trim() === '') return;
      nonBlank++;
      const parsed = tryParseJson(lineText);
      if ('error' in parsed) {
        result.issues.push({ file, line: index + 1, reason: `invalid JSON: ${parsed.error}` });
        return;
      }
      accept(parsed.value, index + 1, 'line', `${stem} #${index + 1}`);
    });
  }

  if (result.documents.length === 0) {
    result.issues.push({
      file,
      reason: nonBlank === 0 ? 'no documents found: the file has no JSON objects' : 'no documents imported: every entry has a problem',
    });
  }
  result.unknownLabels = labels.unknown();
}

/** Remembers the project's labels and counts the names a file uses that the project lacks. */
export class LabelIndex {
  private readonly known = new Map<string, LayerId>();
  private readonly unknownCounts = new Map<string, UnknownLabel>();

  constructor(labels: readonly Label[]) {
    for (const label of labels) this.known.set(label.name, label.layer);
  }

  layerOf(name: string, fileLayer: unknown): LayerId {
    const known = this.known.get(name);
    if (known) return known;
    if (isLayer(fileLayer)) return fileLayer;
    return name.toLowerCase() === 'claim' ? 'claim' : 'entity';
  }

  count(spans: readonly SpanDraft[]): void {
    for (const span of spans) {
      if (this.known.has(span.label)) continue;
      const layer = span.layer ?? 'entity';
      const key = `${layer}\u0000${span.label}`;
      const entry = this.unknownCounts.get(key);
      if (entry) entry.count++;
      else this.unknownCounts.set(key, { name: span.label, layer, count: 1 });
    }
  }

  unknown(): UnknownLabel[] {
    return [...this.unknownCounts.values()];
  }
}

/** `notes`: parts of an imported document Spanwright cannot keep (reported, the rest imported). */
export type ObjectResult = { draft: DocumentDraft; format: ImportFormat; notes?: string[] } | { reason: string };

type Json = Record<string, unknown>;

/** Validates and normalises one JSON value into a draft (the single `restore` step for imports). */
export function restoreDocument(value: unknown, defaultTitle: string, labels: LabelIndex): ObjectResult {
  return readObject(value, defaultTitle, labels);
}

function readObject(value: unknown, defaultTitle: string, labels: LabelIndex): ObjectResult {
  if (!isObject(value)) return { reason: `not a JSON object (found ${describe(value)})` };
  if (!('text' in value) && isObject(value['data']) && (Array.isArray(value['annotations']) || Array.isArray(value['predictions']))) {
    return readLabelStudioTask(value, defaultTitle, labels);
  }
  if (!('text' in value) && Array.isArray(value['tokens']) && 'ner_tags' in value) return readTokenTags(value, defaultTitle, labels);
  const native = value['format'] === 'spanwright';

  if (!('text' in value)) return { reason: 'missing "text" field' };
  const text = value['text'];
  if (typeof text !== 'string') return { reason: `"text" must be a string (found ${describe(text)})` };
  if (text === '') return { reason: '"text" is empty' };
  if (text.trim() === '') return { reason: '"text" contains only white space' };
  const lone = loneSurrogateAt(text);
  if (lone !== undefined) return { reason: `"text" contains an unpaired surrogate (an invalid \\u escape) at code point ${lone}` };

  let id: string | undefined;
  // spaCy/Prodigy lines carry their id in meta.
  const metaObject = value['meta'];
  const idHolder = 'id' in value ? value : isObject(metaObject) && 'id' in metaObject ? metaObject : undefined;
  if (idHolder) {
    const rawId = idHolder['id'];
    if (typeof rawId === 'number') id = String(rawId);
    else if (typeof rawId === 'string' && rawId !== '') id = rawId;
    else if (rawId === '') return { reason: '"id" is empty' };
    else if (rawId !== null) return { reason: `"id" must be a string or a number (found ${describe(rawId)})` };
  }

  let unit: 'codepoint' | 'utf16' = 'codepoint';
  let status: DocumentStatus | undefined;
  let statuses: Record<string, DocumentStatus> | undefined;
  let annotators: Annotator[] | undefined;
  if (native) {
    const version = value['format_version'];
    if (version !== undefined && version !== NATIVE_FORMAT_VERSION) {
      return { reason: `unsupported format_version ${JSON.stringify(version)} (this version of Spanwright reads ${NATIVE_FORMAT_VERSION})` };
    }
    const rawUnit = value['offset_unit'];
    if (rawUnit === 'utf16') unit = 'utf16';
    else if (rawUnit !== undefined && rawUnit !== 'codepoint') {
      return { reason: `unsupported offset_unit ${JSON.stringify(rawUnit)} (expected "codepoint" or "utf16")` };
    }
    const rawStatus = value['status'];
    if (rawStatus !== undefined) {
      if (!DOCUMENT_STATUSES.includes(rawStatus as DocumentStatus)) {
        return { reason: `unknown status ${JSON.stringify(rawStatus)} (expected ${DOCUMENT_STATUSES.join(', ')})` };
      }
      status = rawStatus as DocumentStatus;
    }
    const rawStatuses = value['statuses'];
    if (rawStatuses !== undefined) {
      if (!isObject(rawStatuses)) return { reason: `"statuses" must be an object of annotator id -> status (found ${describe(rawStatuses)})` };
      statuses = {};
      for (const [who, what] of Object.entries(rawStatuses)) {
        if (!DOCUMENT_STATUSES.includes(what as DocumentStatus)) {
          return { reason: `unknown status ${JSON.stringify(what)} for annotator ${JSON.stringify(who)} in "statuses"` };
        }
        setOwn(statuses, who, what as DocumentStatus);
      }
    }
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
  }

  const meta = readMeta(value, native, defaultTitle);
  if ('reason' in meta) return meta;

  const spans = readSpans(value, native, text, unit, labels);
  if ('reason' in spans) return spans;
  for (const key of spans.classificationKeys) setOwn(meta.extra, key, value[key]);

  const documentMeta: DocumentMeta = { title: meta.title };
  for (const field of META_FIELDS) {
    const fieldValue = meta.fields[field];
    if (field !== 'title' && fieldValue !== undefined) documentMeta[field] = fieldValue;
  }
  if (Object.keys(meta.extra).length > 0) documentMeta.extra = meta.extra;

  const draft: DocumentDraft = { text, meta: documentMeta, spans: spans.spans };
  if (id !== undefined) draft.id = id;
  if (status !== undefined) draft.status = status;
  if (statuses !== undefined) draft.statuses = statuses;
  if (annotators !== undefined) draft.annotators = annotators;
  const format: ImportFormat = native ? 'spanwright' : spans.format;
  return { draft, format };
}

interface MetaRead {
  title: string;
  fields: Partial<Record<MetaField, string>>;
  extra: Record<string, unknown>;
}

function readMeta(value: Json, native: boolean, defaultTitle: string): MetaRead | { reason: string } {
  const fields: Partial<Record<MetaField, string>> = {};
  const extra: Record<string, unknown> = {};
  const rawMeta = value['meta'];
  if (rawMeta !== undefined && rawMeta !== null && !isObject(rawMeta)) {
    return { reason: `"meta" must be an object (found ${describe(rawMeta)})` };
  }
  // The meta object wins over top-level keys of the same name.
  if (isObject(rawMeta)) {
    for (const [key, fieldValue] of Object.entries(rawMeta)) {
      if (key === 'id' && !('id' in value)) continue; // the document id, read by readObject
      if (isMetaField(key) && typeof fieldValue === 'string') fields[key] = fieldValue;
      else setOwn(extra, key, fieldValue);
    }
  }
  for (const [key, fieldValue] of Object.entries(value)) {
    if (key === 'text' || key === 'id' || key === 'meta') continue;
    if (native && NATIVE_KEYS.has(key)) continue;
    if (!native && SPAN_KEYS.has(key)) continue; // decided by readSpans
    // spaCy/Prodigy tokens are derived from the text (an export writes them again).
    if (!native && key === 'tokens' && Array.isArray(value['spans'])) continue;
    if (isMetaField(key) && typeof fieldValue === 'string') {
      if (fields[key] === undefined) fields[key] = fieldValue;
    } else if (!Object.hasOwn(extra, key) && !(isMetaField(key) && fields[key] !== undefined)) {
      setOwn(extra, key, fieldValue);
    }
  }
  return { title: fields.title ?? defaultTitle, fields, extra };
}

const SPAN_KEYS = new Set(['label', 'labels', 'entities', 'spans']);

interface SpansRead {
  spans: SourcedSpanDraft[];
  format: ImportFormat;
  /** Keys that held document-level classes rather than spans: kept in meta.extra. */
  classificationKeys: string[];
}

interface RawSpan {
  id?: unknown;
  label: unknown;
  start: unknown;
  end: unknown;
  layer?: unknown;
  text?: unknown;
  annotator?: unknown;
  attributes?: unknown;
  origin?: unknown;
}

function readSpans(value: Json, native: boolean, text: string, unit: 'codepoint' | 'utf16', labels: LabelIndex): SpansRead | { reason: string } {
  const lists: Array<{ key: string; items: unknown[] }> = [];
  const classificationKeys: string[] = [];
  let format: ImportFormat = 'jsonl';
  for (const key of SPAN_KEYS) {
    if (!(key in value)) continue;
    const list = value[key];
    if (native && key !== 'spans') continue; // a native line's other keys are metadata
    if (key === 'spans') {
      if (list === null) continue;
      if (!Array.isArray(list)) return { reason: `"spans" must be an array (found ${describe(list)})` };
      lists.push({ key, items: list });
      if (format === 'jsonl') format = 'spacy';
    } else if (Array.isArray(list) && (list.length === 0 || (key === 'entities' ? list.every(isObject) : !list.every((item) => typeof item === 'string')))) {
      lists.push({ key, items: list });
      format = 'doccano';
    } else {
      // A plain string or a list of strings is a document class (text classification), not spans.
      classificationKeys.push(key);
    }
  }
  if (native) format = 'spanwright';

  const converter = new OffsetConverter(text);
  const length = unit === 'utf16' ? text.length : converter.codePointLength;
  const unitName = unit === 'utf16' ? 'UTF-16 code units' : 'code points';
  const spans: SourcedSpanDraft[] = [];
  const problems: string[] = [];

  for (const { key, items } of lists) {
    const name = (index: number): string => (lists.length > 1 ? `"${key}" span ${index + 1}` : `span ${index + 1}`);
    items.forEach((item, index) => {
      const raw = key === 'label' || key === 'labels' ? tupleSpan(item) : key === 'entities' ? doccanoEntity(item) : objectSpan(item);
      if (raw === undefined) {
        problems.push(`${name(index)} is malformed: ${SHAPES[key] ?? 'unexpected shape'}`);
        return;
      }
      const span = checkSpan(raw, name(index), { native, text, unit, length, unitName, converter, labels });
      if (typeof span === 'string') problems.push(span);
      else spans.push(span);
    });
  }
  if (problems.length > 0) {
    const more = problems.length - 1;
    return { reason: more > 0 ? `${problems[0]} (and ${more} more problem${more > 1 ? 's' : ''})` : (problems[0] ?? '') };
  }
  return { spans, format, classificationKeys };
}

const SHAPES: Record<string, string> = {
  label: 'expected [start, end, "LABEL"]',
  labels: 'expected [start, end, "LABEL"]',
  entities: 'expected {"start_offset": ..., "end_offset": ..., "label": "LABEL"}',
  spans: 'expected an object with "start", "end" and "label"',
};

function tupleSpan(item: unknown): RawSpan | undefined {
  if (!Array.isArray(item) || item.length !== 3) return undefined;
  const [start, end, label] = item as [unknown, unknown, unknown];
  return { start, end, label };
}

function doccanoEntity(item: unknown): RawSpan | undefined {
  if (!isObject(item) || !('start_offset' in item) || !('end_offset' in item) || !('label' in item)) return undefined;
  return { start: item['start_offset'], end: item['end_offset'], label: item['label'] };
}

function objectSpan(item: unknown): RawSpan | undefined {
  if (!isObject(item) || !('start' in item) || !('end' in item) || !('label' in item)) return undefined;
  return {
    id: item['id'],
    start: item['start'],
    end: item['end'],
    label: item['label'],
    layer: item['layer'],
    text: item['text'],
    annotator: item['annotator'],
    attributes: item['attributes'],
    origin: item['origin'],
  };
}

interface SpanContext {
  native: boolean;
  text: string;
  unit: 'codepoint' | 'utf16';
  length: number;
  unitName: string;
  converter: OffsetConverter;
  labels: LabelIndex;
}

/** A span draft in UTF-16 offsets, or the reason the span is rejected. */
function checkSpan(raw: RawSpan, name: string, context: SpanContext): SourcedSpanDraft | string {
  const { start, end, label } = raw;
  if (typeof label !== 'string' || label.trim() === '') {
    return `${name} has no label (expected a non-empty string, found ${describe(label)})`;
  }
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return `${name} offsets are not integers: [${JSON.stringify(start)}, ${JSON.stringify(end)})`;
  }
  const from = start as number;
  const to = end as number;
  const where = `${name} [${from}, ${to})`;
  if (to < from) return `${where} has end before start`;
  if (to === from) return `${where} is empty (end equals start)`;
  if (from < 0 || to > context.length) {
    return `${where} is out of range: the text is ${context.length} ${context.unitName} long`;
  }
  const utf16Start = context.unit === 'utf16' ? from : context.converter.toUtf16(from);
  const utf16End = context.unit === 'utf16' ? to : context.converter.toUtf16(to);
  if (utf16Start === undefined || utf16End === undefined) {
    return `${where} is out of range: the text is ${context.length} ${context.unitName} long`;
  }
  const splits = edgeProblem(context.text, where, [
    [utf16Start, from],
    [utf16End, to],
  ]);
  if (splits !== undefined) return splits;
  const covered = context.text.slice(utf16Start, utf16End);
  if (raw.text !== undefined && raw.text !== null && raw.text !== covered) {
    return `${where} text ${quote(raw.text)} does not match the text at its offsets ${quote(covered)}`;
  }

  const draft: SourcedSpanDraft = { layer: context.labels.layerOf(label, context.native ? raw.layer : undefined), label, start: utf16Start, end: utf16End };
  if (!context.native) {
    draft.origin = 'imported';
    return draft;
  }
  if (raw.id !== undefined && raw.id !== null) {
    if (typeof raw.id === 'number') draft.sourceId = String(raw.id);
    else if (typeof raw.id === 'string' && raw.id !== '') draft.sourceId = raw.id;
    else return `${name} "id" must be a non-empty string or a number (found ${describe(raw.id)})`;
  }
  if (raw.annotator !== undefined && raw.annotator !== null) {
    if (typeof raw.annotator !== 'string') return `${name} "annotator" must be a string (found ${describe(raw.annotator)})`;
    draft.annotator = raw.annotator;
  }
  if (raw.attributes !== undefined && raw.attributes !== null) {
    const attributes = readAttributes(raw.attributes);
    if (!attributes) return `${name} "attributes" must be an object of string, number or boolean values`;
    draft.attributes = attributes;
  }
  if (raw.origin !== undefined && raw.origin !== null) {
    if (!SPAN_ORIGINS.includes(raw.origin as SpanOrigin)) {
      return `${name} has an unknown origin ${quote(raw.origin)} (expected ${SPAN_ORIGINS.join(', ')})`;
    }
    draft.origin = raw.origin as SpanOrigin;
  }
  return draft;
}

/** Why a span edge cannot be stored (it splits a character or grapheme cluster), if it cannot. */
export function edgeProblem(text: string, where: string, edges: ReadonlyArray<readonly [utf16: number, fileOffset: number]>): string | undefined {
  for (const [offset, fileOffset] of edges) {
    if (splitsSurrogatePair(text, offset)) {
      return `${where} splits a character (a UTF-16 surrogate pair) at ${fileOffset}`;
    }
    if (!isGraphemeBoundary(text, offset)) {
      return `${where} splits a grapheme cluster at ${fileOffset} (it cuts a combining mark, emoji sequence or similar off its base character)`;
    }
  }
  return undefined;
}

/**
 * A Label Studio task: `data.text` (other `data` keys are metadata) and the `labels` results of
 * its annotations (or, when it has none, its predictions). Offsets are code points.
 */
function readLabelStudioTask(value: Json, defaultTitle: string, labels: LabelIndex): ObjectResult {
  const data = value['data'] as Json;
  const annotations = Array.isArray(value['annotations']) && value['annotations'].length > 0 ? value['annotations'] : value['predictions'];
  const source = annotations === value['annotations'] ? 'annotations' : 'predictions';
  const spans: Json[] = [];
  const ids: Array<string | undefined> = [];
  let cancelled = false;
  let relations = 0;
  for (const [index, annotation] of (Array.isArray(annotations) ? annotations : []).entries()) {
    if (!isObject(annotation) || !Array.isArray(annotation['result'])) return { reason: `${source}[${index}] has no "result" array` };
    if (annotation['was_cancelled'] === true) cancelled = true;
    for (const [resultIndex, item] of annotation['result'].entries()) {
      const where = `${source}[${index}].result[${resultIndex}]`;
      if (!isObject(item)) return { reason: `${where} is not an object` };
      if (item['type'] === 'relation') {
        relations++;
        continue;
      }
      // Relations, choices, text areas... belong to no span: Spanwright has nowhere to keep them.
      if (item['type'] !== 'labels') return { reason: `${where} has type ${quote(item['type'])}: only "labels" results (spans) can be imported` };
      const result = item['value'];
      if (!isObject(result) || !Array.isArray(result['labels']) || result['labels'].length === 0) {
        return { reason: `${where} is malformed: expected "value": {"start", "end", "text", "labels": ["LABEL"]}` };
      }
      for (const label of result['labels'] as unknown[]) {
        spans.push({ start: result['start'], end: result['end'], label, text: result['text'] });
        ids.push(result['labels'].length === 1 && typeof item['id'] === 'string' && item['id'] !== '' ? item['id'] : undefined);
      }
    }
  }
  const { text, ...meta } = data;
  if (text === undefined) return { reason: 'missing "data.text" field' };
  const read = readObject({ ...('id' in value ? { id: value['id'] } : {}), text, meta, spans }, defaultTitle, labels);
  if ('reason' in read) return read;
  read.draft.spans.forEach((span, index) => {
    const id = ids[index];
    if (id !== undefined) span.sourceId = id;
  });
  if (cancelled) read.draft.status = 'skipped';
  const notes = relations > 0 ? [`${relations} relation${relations > 1 ? 's' : ''} not imported: Spanwright has no relations yet`] : [];
  return { draft: read.draft, format: 'label-studio', notes };
}

/**
 * Hugging Face token classification: `tokens` and BIO `ner_tags` (strings). The text is the
 * tokens joined by single spaces (the file does not keep the original spacing). An `I-X` that
 * does not continue an `X` starts a new span, as conlleval reads it.
 */
function readTokenTags(value: Json, defaultTitle: string, labels: LabelIndex): ObjectResult {
  const tokens = value['tokens'] as unknown[];
  const tags = value['ner_tags'];
  if (!Array.isArray(tags)) return { reason: `"ner_tags" must be an array (found ${describe(tags)})` };
  if (tags.length !== tokens.length) return { reason: `"tokens" has ${tokens.length} items but "ner_tags" has ${tags.length}` };
  let text = '';
  let length = 0; // code points
  const spans: Array<{ start: number; end: number; label: string }> = [];
  let open: { start: number; end: number; label: string } | undefined;
  for (const [index, token] of tokens.entries()) {
    const tag = tags[index];
    if (typeof token !== 'string' || token === '') return { reason: `token ${index + 1} must be a non-empty string (found ${describe(token)})` };
    if (typeof tag !== 'string') {
      return { reason: `tag ${index + 1} is ${describe(tag)}: "ner_tags" must be tag names ("B-PER"), not class numbers (map them with the dataset's label list first)` };
    }
    const match = /^([BI])-(.+)$/u.exec(tag);
    if (tag !== 'O' && !match) return { reason: `tag ${index + 1} ${quote(tag)} is not a BIO tag (expected "O", "B-LABEL" or "I-LABEL")` };
    if (text !== '') {
      text += ' ';
      length++;
    }
    const start = length;
    text += token;
    length += codePointLength(token);
    const end = length;
    if (match && match[1] === 'I' && open && open.label === match[2]) {
      open.end = end;
      continue;
    }
    if (open) spans.push(open);
    open = match ? { start, end, label: match[2] ?? '' } : undefined;
  }
  if (open) spans.push(open);
  const meta: Json = {};
  for (const [key, field] of Object.entries(value)) if (key !== 'id' && key !== 'tokens' && key !== 'ner_tags') setOwn(meta, key, field);
  const read = readObject({ ...('id' in value ? { id: value['id'] } : {}), text, meta, spans }, defaultTitle, labels);
  if ('reason' in read) return read;
  return { draft: read.draft, format: 'hf-token' };
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

// --- small helpers -------------------------------------------------------------------------

function tryParseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLayer(value: unknown): value is LayerId {
  return LAYERS.includes(value as LayerId);
}

function isMetaField(key: string): key is MetaField {
  return (META_FIELDS as readonly string[]).includes(key);
}

/** Sets an own property even for keys like `__proto__` that plain assignment would misread. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] || fileName;
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
}
