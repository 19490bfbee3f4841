// Label Studio tasks (what its JSON export gives and its import reads,
// https://labelstud.io/guide/task_format): the text and metadata under `data`, spans as
// `labels` results (offsets in code points, Python string indices), relations as `relation`
// results (`from_id`, `to_id`, `direction`, `labels`), and classifications as `choices`,
// `textarea` and `number` results: per region (the result has its region's `id`) they are span
// attributes, a `textarea` named `note` the span's note; per task (no region) `choices` are
// document labels (the control's name is the category), a `textarea` named `note` the
// document's note. A task with predictions and no annotations brings its predicted regions as
// pending suggestions, never as spans.
import type { AttributeDefinition, AttributeValue, DocumentAnnotationDraft, RelationDraft } from '../domain';
import { documentAnnotationsToWrite, relationsToWrite } from './export-relations';
import type { OutSpan } from './export-spans';
import type { ExportDocument, ExportOptions, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import { readJsonDocument } from './json-document';
import { isObject, quote, setOwn, type Json } from './json-values';
import type { LeftOutReport } from './left-out';
import { flatMeta, isMetaField } from './metadata';
import { compareText } from './stable-order';
import { spansAsSuggestions } from './suggestion-drafts';
import { pushAll } from '../push-all';

/** The control that holds notes, on a region or on the task. */
const NOTE = 'note';
const CLASSIFICATIONS = new Set(['choices', 'textarea', 'number']);

interface Region {
  /** The annotation the region belongs to (ids are unique within one). */
  annotation: number;
  id: string;
  /** Indexes of its spans (a region with several labels is several spans). */
  spans: number[];
}

/**
 * A task: `data.text` (other `data` keys are metadata) and the results of its annotations (or,
 * when it has none, its predictions), all annotators' together.
 */
function read(value: Json, context: ReadContext): ObjectResult {
  const data = value['data'] as Json;
  const annotations = Array.isArray(value['annotations']) && value['annotations'].length > 0 ? value['annotations'] : value['predictions'];
  const source = annotations === value['annotations'] ? 'annotations' : 'predictions';
  const spans: Json[] = [];
  const scores: Array<number | undefined> = [];
  const ids: Array<string | undefined> = [];
  const regions: Region[] = [];
  const others: Array<{ annotation: number; item: Json; where: string }> = [];
  let cancelled = false;
  const list: unknown[] = Array.isArray(annotations) ? annotations : [];
  // Several people's annotations of one task stay apart: each is the work of its `completed_by`.
  const annotators = source === 'annotations' ? annotatorsOf(list) : undefined;
  const spanAnnotators: Array<string | undefined> = [];
  const toNames = new Set<unknown>();
  for (const [index, annotation] of list.entries()) {
    if (!isObject(annotation) || !Array.isArray(annotation['result'])) return { reason: `${source}[${index}] has no "result" array` };
    if (annotation['was_cancelled'] === true) cancelled = true;
    for (const [resultIndex, item] of annotation['result'].entries()) {
      const where = `${source}[${index}].result[${resultIndex}]`;
      if (!isObject(item)) return { reason: `${where} is not an object` };
      toNames.add(item['to_name']);
      if (item['type'] !== 'labels') {
        others.push({ annotation: index, item, where });
        continue;
      }
      const result = item['value'];
      if (!isObject(result) || !Array.isArray(result['labels']) || result['labels'].length === 0) {
        return { reason: `${where} is malformed: expected "value": {"start", "end", "text", "labels": ["LABEL"]}` };
      }
      const region: Region = { annotation: index, id: typeof item['id'] === 'string' ? item['id'] : '', spans: [] };
      for (const label of result['labels'] as unknown[]) {
        region.spans.push(spans.length);
        spans.push({ start: result['start'], end: result['end'], label, text: result['text'] });
        scores.push(
          typeof item['score'] === 'number' ? item['score'] : typeof annotation['score'] === 'number' ? annotation['score'] : undefined,
        );
        ids.push(result['labels'].length === 1 && region.id !== '' ? region.id : undefined);
        spanAnnotators.push(annotators?.[index]?.id);
      }
      regions.push(region);
    }
  }
  const textKey = textKeyOf(data, spans, toNames);
  if (typeof textKey !== 'string') return textKey;
  const { [textKey]: text, ...meta } = data;
  const read = readJsonDocument({ ...('id' in value ? { id: value['id'] } : {}), text, meta, spans }, context, [], { offsetUnits: 'file' });
  if ('reason' in read) return read;
  const draft = read.draft;
  draft.spans.forEach((span, index) => {
    const id = ids[index];
    if (id !== undefined) span.sourceId = id;
    const annotator = spanAnnotators[index];
    if (annotator !== undefined) span.annotator = annotator;
  });
  if (annotators) draft.annotators = uniqueAnnotators(annotators);
  if (cancelled) draft.status = 'skipped';

  const notes: string[] = [...read.notes];
  const regionOf = (annotation: number, id: unknown): Region | undefined =>
    typeof id === 'string' && id !== '' ? regions.find((r) => r.annotation === annotation && r.id === id) : undefined;
  const relations: RelationDraft[] = [];
  const documents = new Map<string | undefined, DocumentAnnotationDraft>();
  const documentOf = (annotation: number): DocumentAnnotationDraft => {
    const annotator = annotators?.[annotation]?.id;
    const found = documents.get(annotator);
    if (found) return found;
    const made: DocumentAnnotationDraft = { ...(annotator !== undefined ? { annotator } : {}), labels: {}, note: '' };
    documents.set(annotator, made);
    return made;
  };
  const skipped = new Map<string, number>();
  for (const { annotation, item, where } of others) {
    const type = item['type'];
    const result = isObject(item['value']) ? item['value'] : {};
    const name = typeof item['from_name'] === 'string' ? item['from_name'] : '';
    if (type === 'relation') {
      const from = regionOf(annotation, item['from_id']);
      const to = regionOf(annotation, item['to_id']);
      if (!from || !to) {
        notes.push(
          `${where}: relation not imported: ${from ? 'to_id' : 'from_id'} ${quote(from ? item['to_id'] : item['from_id'])} is no labelled region`,
        );
        continue;
      }
      const [source, target] = item['direction'] === 'left' ? [to, from] : [from, to];
      const types = Array.isArray(item['labels']) && item['labels'].length > 0 ? (item['labels'] as unknown[]) : ['relation'];
      for (const relationType of types) {
        if (typeof relationType !== 'string' || relationType === '') continue;
        const annotator = annotators?.[annotation]?.id;
        for (const f of source.spans)
          for (const t of target.spans)
            relations.push({ type: relationType, from: f, to: t, origin: 'imported', ...(annotator !== undefined ? { annotator } : {}) });
      }
      continue;
    }
    if (typeof type !== 'string' || !CLASSIFICATIONS.has(type)) {
      skipped.set(String(type), (skipped.get(String(type)) ?? 0) + 1);
      continue;
    }
    const values = classificationValues(type, result);
    if (values === undefined)
      return {
        reason: `${where} is malformed: expected "value": {"${type === 'number' ? 'number' : type === 'textarea' ? 'text' : 'choices'}": ...}`,
      };
    const region = regionOf(annotation, item['id']);
    if (region) {
      for (const index of region.spans) {
        const span = draft.spans[index];
        if (!span) continue;
        if (type === 'textarea' && name === NOTE) {
          span.note = values.join('\n');
          continue;
        }
        const definition = context.labels.attributesOf(span.label).find((d) => d.name === name);
        span.attributes = { ...span.attributes };
        setOwn(span.attributes, name, attributeValue(type, values, definition));
      }
    } else if (type === 'choices') {
      const document = documentOf(annotation);
      const chosen = Object.hasOwn(document.labels, name) ? (document.labels[name] ?? []) : [];
      setOwn(document.labels, name, [...chosen, ...values.map(String).filter((v) => !chosen.includes(v))]);
    } else if (type === 'textarea' && name === NOTE) {
      const document = documentOf(annotation);
      document.note = document.note === '' ? values.join('\n') : `${document.note}\n${values.join('\n')}`;
    } else {
      notes.push(
        `${where}: a ${type} result on the whole task ("${name}") not imported: Spanwright keeps document labels (choices) and a note`,
      );
    }
  }
  for (const [type, count] of skipped)
    notes.push(
      `${count} result${count > 1 ? 's' : ''} of type ${quote(type)} not imported: Spanwright keeps spans, relations and classifications`,
    );
  if (relations.length > 0) draft.relations = relations;
  const kept = [...documents.values()].filter((d) => Object.keys(d.labels).length > 0 || d.note !== '');
  if (kept.length > 0) draft.documentAnnotations = kept;
  if (source === 'predictions') pushAll(notes, spansAsSuggestions(draft, 'pending', 'they are predictions, not annotations', scores));
  return { draft, format: 'label-studio', notes };
}

/**
 * Who made each annotation, when a task has several from different people (`completed_by`: a
 * user id, or in older exports the user object): `label-studio-user-3`, named by e-mail when
 * the export gives it. One person's annotations (or none named) stay the importer's work.
 */
function annotatorsOf(annotations: readonly unknown[]): Array<{ id: string; name: string } | undefined> | undefined {
  const people = annotations.map((annotation) => {
    const by = isObject(annotation) ? annotation['completed_by'] : undefined;
    const user = isObject(by) ? by['id'] : by;
    if (typeof user !== 'number' && (typeof user !== 'string' || user === '')) return undefined;
    const email = isObject(by) && typeof by['email'] === 'string' && by['email'] !== '' ? by['email'] : undefined;
    return { id: `label-studio-user-${user}`, name: email ?? `Label Studio user ${user}` };
  });
  const distinct = new Set(people.flatMap((p) => (p ? [p.id] : [])));
  return distinct.size > 1 ? people : undefined;
}

function uniqueAnnotators(people: ReadonlyArray<{ id: string; name: string } | undefined>): Array<{ id: string; name: string }> {
  const byId = new Map<string, { id: string; name: string }>();
  for (const person of people) if (person && !byId.has(person.id)) byId.set(person.id, person);
  return [...byId.values()];
}

/**
 * The `data` key that holds the text: `text`; else the key the results' `to_name` names (the
 * object tag's name is often its `value="$key"`); else the only string; else the string every
 * span's `text` fits. Why none fits, otherwise.
 */
function textKeyOf(data: Json, spans: readonly Json[], toNames: ReadonlySet<unknown>): string | { reason: string } {
  if ('text' in data) return 'text';
  const strings = Object.keys(data).filter((key) => typeof data[key] === 'string' && data[key] !== '');
  const named = strings.filter((key) => toNames.has(key));
  if (named.length === 1 && named[0] !== undefined) return named[0];
  if (strings.length === 1 && strings[0] !== undefined) return strings[0];
  const fits = strings.filter((key) => {
    const chars = Array.from(data[key] as string);
    return (
      spans.length > 0 &&
      spans.every((s) => typeof s['text'] !== 'string' || chars.slice(Number(s['start']), Number(s['end'])).join('') === s['text'])
    );
  });
  if (fits.length === 1 && fits[0] !== undefined) return fits[0];
  return {
    reason:
      strings.length === 0
        ? 'missing "data.text" field (and no other text under "data")'
        : `missing "data.text" field: the text is one of ${strings.map((k) => `"data.${k}"`).join(', ')}, and the spans do not tell which`,
  };
}

function classificationValues(type: string, value: Json): Array<string | number> | undefined {
  const given = value[type === 'number' ? 'number' : type === 'textarea' ? 'text' : 'choices'];
  if (type === 'number') return typeof given === 'number' ? [given] : undefined;
  if (type === 'textarea' && typeof given === 'string') return [given];
  return Array.isArray(given) && given.every((v) => typeof v === 'string') ? (given as string[]) : undefined;
}

/** A region's classification as a span attribute, typed by the label's attribute definition when there is one. */
function attributeValue(type: string, values: ReadonlyArray<string | number>, definition: AttributeDefinition | undefined): AttributeValue {
  const first = values[0] ?? '';
  switch (definition?.type) {
    case 'boolean':
      return String(first) === 'true' || String(first) === 'yes';
    case 'number':
      return typeof first === 'number' ? first : Number.isFinite(Number(first)) ? Number(first) : String(first);
    case 'multi-choice':
      return values.map(String);
    case 'choice':
    case 'text':
      return String(first);
    case undefined:
      if (type === 'number') return first;
      if (type === 'choices' && values.length > 1) return values.map(String);
      return String(first);
  }
}

/** The keys of a JSON-MIN row that hold regions: lists of `{"start", "end", "text", "labels": [...]}`. */
function regionKeys(value: Json): string[] {
  return Object.keys(value).filter((key) => {
    const list = value[key];
    return (
      Array.isArray(list) &&
      list.length > 0 &&
      list.every(
        (item) => isObject(item) && Number.isInteger(item['start']) && Number.isInteger(item['end']) && Array.isArray(item['labels']),
      )
    );
  });
}

/** JSON-MIN keys that describe one annotation (a row), not the task: not document metadata. */
const MIN_ANNOTATION_KEYS = ['annotator', 'annotation_id', 'created_at', 'updated_at', 'lead_time', 'agreement', 'draft_id'];
const MIN_ANNOTATOR = 'annotator';

/**
 * A JSON-MIN value that is a classification (what Label Studio's converter writes for a
 * `Choices`, `TextArea`, `Number` or `Rating` control): `{"choices": [...]}` (several choices),
 * `{"text": [...]}`, or a list of such results, per region when they carry `start`/`end`.
 * A single choice or text is a bare string, which a task's own fields are too.
 */
interface MinResult {
  type: 'choices' | 'textarea' | 'number' | 'rating';
  values: Array<string | number>;
  /** The region's offsets (as the file counts them), for a per-region result. */
  region?: { start: unknown; end: unknown };
}

function minResult(item: unknown): MinResult | undefined {
  if (!isObject(item) || 'labels' in item) return undefined;
  const region = 'start' in item && 'end' in item ? { region: { start: item['start'], end: item['end'] } } : {};
  const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (strings(item['choices'])) return { type: 'choices', values: item['choices'], ...region };
  if (strings(item['text'])) return { type: 'textarea', values: item['text'], ...region };
  if (typeof item['number'] === 'number') return { type: 'number', values: [item['number']], ...region };
  if (typeof item['rating'] === 'number') return { type: 'rating', values: [item['rating']], ...region };
  return undefined;
}

/** The classifications a JSON-MIN value holds, or undefined when it is not one (task data). */
function minResults(value: unknown): MinResult[] | undefined {
  if (isObject(value)) {
    const one = minResult(value);
    return one ? [one] : undefined;
  }
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const all = value.map(minResult);
  return all.every((r) => r !== undefined) ? (all as MinResult[]) : undefined;
}

/**
 * Label Studio's JSON-MIN export (https://labelstud.io/guide/export#JSON-MIN): one row per
 * annotation, the task's data keys at the top, each labels control's regions under its name
 * (`"label": [{"start", "end", "text", "labels"}]`), `annotator` its user id. Rows of one task
 * (the same `id`, else the same text) are one document (`mergeKey`). Classifications: several
 * choices (`{"choices": [...]}`) and a single choice at a key named after one of the project's
 * document categories are document labels (the key is the category); per-region results are the
 * attributes (a text area named `note`: the note) of the row's spans at those offsets; a text area
 * named `note` on the task is the document note; other results are reported, not kept.
 */
function readMin(value: Json, context: ReadContext): ObjectResult {
  const keys = regionKeys(value);
  const spans: Json[] = [];
  const regions: Array<{ start: unknown; end: unknown }> = [];
  for (const key of keys)
    for (const region of value[key] as Json[])
      for (const label of region['labels'] as unknown[]) {
        spans.push({ start: region['start'], end: region['end'], label, text: region['text'] });
        regions.push({ start: region['start'], end: region['end'] });
      }
  const data: Json = {};
  const results: Array<{ name: string; results: MinResult[] }> = [];
  const choices: Array<{ name: string; values: string[] }> = [];
  const categories = new Set(context.categories.map((c) => c.name));
  for (const [key, item] of Object.entries(value)) {
    if (keys.includes(key) || key === 'id' || MIN_ANNOTATION_KEYS.includes(key)) continue;
    const found = minResults(item);
    if (found) results.push({ name: key, results: found });
    else if (typeof item === 'string' && categories.has(key)) choices.push({ name: key, values: [item] });
    else setOwn(data, key, item);
  }
  const textKey = textKeyOf(data, spans, new Set());
  if (typeof textKey !== 'string') return textKey;
  const { [textKey]: text, ...meta } = data;
  const read = readJsonDocument({ ...('id' in value ? { id: value['id'] } : {}), text, meta, spans }, context, [], { offsetUnits: 'file' });
  if ('reason' in read) return read;
  const draft = read.draft;
  const notes = [...read.notes];
  const user = value[MIN_ANNOTATOR];
  const annotator = typeof user === 'number' || (typeof user === 'string' && user !== '') ? `label-studio-user-${user}` : undefined;
  if (annotator !== undefined) {
    for (const span of draft.spans) span.annotator = annotator;
    draft.annotators = [{ id: annotator, name: `Label Studio user ${String(user)}` }];
  }
  const document: DocumentAnnotationDraft = { ...(annotator !== undefined ? { annotator } : {}), labels: {}, note: '' };
  const choose = (name: string, values: readonly string[]): void => {
    const chosen = Object.hasOwn(document.labels, name) ? (document.labels[name] ?? []) : [];
    setOwn(document.labels, name, [...chosen, ...values.filter((v) => !chosen.includes(v))]);
  };
  for (const { name, values } of choices) choose(name, values);
  for (const { name, results: found } of results)
    for (const result of found) {
      if (result.region) {
        const { start, end } = result.region;
        const at = regions.flatMap((r, index) => (r.start === start && r.end === end ? [index] : []));
        if (at.length === 0) {
          notes.push(
            `"${name}": a ${result.type} result on [${String(start)}, ${String(end)}) not imported: no region of the row has those offsets`,
          );
          continue;
        }
        for (const index of at) {
          const span = draft.spans[index];
          if (!span) continue;
          if (result.type === 'textarea' && name === NOTE) {
            span.note = result.values.join('\n');
            continue;
          }
          const definition = context.labels.attributesOf(span.label).find((d) => d.name === name);
          span.attributes = { ...span.attributes };
          setOwn(span.attributes, name, attributeValue(result.type === 'rating' ? 'number' : result.type, result.values, definition));
        }
      } else if (result.type === 'choices') choose(name, result.values.map(String));
      else if (result.type === 'textarea' && name === NOTE)
        document.note = [document.note, ...result.values.map(String)].filter((n) => n !== '').join('\n');
      else
        notes.push(
          `"${name}": a ${result.type} result on the whole task not imported: Spanwright keeps document labels (choices) and a note`,
        );
    }
  if (Object.keys(document.labels).length > 0 || document.note !== '') draft.documentAnnotations = [document];
  const present = MIN_ANNOTATION_KEYS.filter((key) => key !== MIN_ANNOTATOR && key in value);
  const fileNotes =
    present.length > 0
      ? [`Label Studio JSON-MIN: each row's ${present.join(', ')} not kept (they describe one annotation, not the document)`]
      : [];
  // Spanwright's own metadata fields (title, source, url, date, language) are taken as the task's.
  for (const [key, item] of Object.entries(meta))
    if (typeof item === 'string' && !isMetaField(key))
      fileNotes.push(
        `Label Studio JSON-MIN: "${key}" kept as metadata: a single choice looks like a task's own field there; to read it as a document label, the project needs a document category named "${key}" (CLI: --schema)`,
      );
  const id = draft.id !== undefined ? `id:${draft.id}` : `text:${draft.text}`;
  return { draft, format: 'label-studio', notes, fileNotes, mergeKey: `label-studio-min ${id}` };
}

/** Reads JSON-MIN rows (asked before doccano, whose `label` key the default control name shares). */
export const labelStudioMinReader: JsonReader = {
  format: 'label-studio',
  // Rows with regions, or (a classification project's) rows with the annotation's own keys.
  claims: (value) =>
    !isObject(value['data']) &&
    (regionKeys(value).length > 0 || ('annotation_id' in value && MIN_ANNOTATOR in value && 'lead_time' in value)),
  read: readMin,
};

const reader: JsonReader = {
  format: 'label-studio',
  claims: (value) =>
    !('text' in value) && isObject(value['data']) && (Array.isArray(value['annotations']) || Array.isArray(value['predictions'])),
  read,
};

/**
 * A span attribute as a per-region result: a number, a text area for text attributes (by the
 * schema's `attributeTypes`), else choices (a yes/no attribute: "true" or "false").
 */
function attributeResult(name: string, value: AttributeValue, types: ExportOptions['attributeTypes']): { type: string; value: Json } {
  if (typeof value === 'number') return { type: 'number', value: { number: value } };
  if (typeof value === 'boolean') return { type: 'choices', value: { choices: [value ? 'true' : 'false'] } };
  if (Array.isArray(value)) return { type: 'choices', value: { choices: value } };
  const type = types && Object.hasOwn(types, name) ? types[name] : undefined;
  return type === 'text' ? { type: 'textarea', value: { text: [value] } } : { type: 'choices', value: { choices: [value] } };
}

/**
 * One task: spans as `labels` results of one annotation (result ids are span ids), each span's
 * attributes and note as results of its region, relations between written spans, and the
 * document labels (a `choices` result per category) and note of every annotator.
 */
function writeTask(doc: ExportDocument, spans: readonly OutSpan[], report: LeftOutReport, options: ExportOptions): string {
  const result: Json[] = [];
  for (const { span, label, start, end, text } of spans) {
    const region = { start, end, text };
    result.push({ id: span.id, from_name: 'label', to_name: 'text', type: 'labels', value: { ...region, labels: [label] } });
    for (const [name, value] of Object.entries(span.attributes).sort(([a], [b]) => compareText(a, b))) {
      const written = attributeResult(name, value, options.attributeTypes);
      result.push({ id: span.id, from_name: name, to_name: 'text', type: written.type, value: { ...region, ...written.value } });
    }
    if (span.note !== undefined && span.note !== '') {
      result.push({ id: span.id, from_name: NOTE, to_name: 'text', type: 'textarea', value: { ...region, text: [span.note] } });
    }
  }
  for (const { relation, from, to } of relationsToWrite(doc, report)) {
    result.push({ from_id: from.span.id, to_id: to.span.id, type: 'relation', direction: 'right', labels: [relation.type] });
  }
  const labels = new Map<string, string[]>();
  const documentNotes: string[] = [];
  for (const annotation of documentAnnotationsToWrite(doc)) {
    for (const [category, values] of Object.entries(annotation.labels)) {
      const chosen = labels.get(category) ?? [];
      labels.set(category, [...chosen, ...values.filter((v) => !chosen.includes(v))]);
    }
    if (annotation.note !== '') documentNotes.push(annotation.note);
  }
  for (const [category, values] of [...labels.entries()].sort(([a], [b]) => compareText(a, b))) {
    if (values.length > 0)
      result.push({ id: `document-${category}`, from_name: category, to_name: 'text', type: 'choices', value: { choices: values } });
  }
  if (documentNotes.length > 0)
    result.push({ id: `document-${NOTE}`, from_name: NOTE, to_name: 'text', type: 'textarea', value: { text: documentNotes } });
  // A document nobody has started is a task without annotations, not one annotated as empty.
  const annotations =
    doc.status === 'todo' && result.length === 0 ? [] : [{ ...(doc.status === 'skipped' ? { was_cancelled: true } : {}), result }];
  return JSON.stringify({ id: doc.id, data: { text: doc.text, ...flatMeta(doc.meta, ['text']) }, annotations });
}

export const labelStudio: FormatModule = {
  info: {
    id: 'label-studio',
    name: 'Label Studio JSON',
    extension: 'json',
    layers: ['entity', 'claim'],
    layerMode: 'many',
    overlaps: true,
    shape: 'json-array',
    importable: true,
    keepsText: true,
    holds: { relations: true, attributes: true, spanNotes: true, documentLabels: true, documentNotes: true, annotators: false },
  },
  reader,
  createWriter: (options) => ({ write: (doc, spans, report) => ({ chunk: writeTask(doc, spans, report, options) }) }),
};
