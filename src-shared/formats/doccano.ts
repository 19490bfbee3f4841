// doccano JSONL, the shapes its import and export use: sequence labelling (`label`: [start,
// end, "LABEL"]), relation extraction (`entities` with `id`/`start_offset`/`end_offset`/`label`
// and `relations` with `id`/`from_id`/`to_id`/`type`), text classification (`label`: a class
// or a list of classes) and intent detection (`entities` as triples, `cats`: classes). Offsets
// are code points. Metadata as top-level keys, as doccano keeps unknown keys.
import type { DocumentAnnotationDraft, RelationDraft } from '../domain';
import { categorise, importedDocumentLabels } from './document-labels';
import { flatDocumentLabels, relationsToWrite } from './export-relations';
import type { ExportDocument, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import type { OutSpan } from './export-spans';
import { doccanoUser, holdsSpans, readJsonDocument, type ReadSpan } from './json-document';
import { labelName } from './label-list';
import { isObject, quote, type Json } from './json-values';
import type { LeftOutReport } from './left-out';
import { flatMeta } from './metadata';
import { pushAll } from '../push-all';

/** A class name or a list of them (doccano text classification), as opposed to spans. */
function isClassList(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'));
}

const spanKeys = ['label', 'labels', 'entities', 'annotations'];

/** doccano 1.0 text classification: `annotations` of `{"label": 3, "user": 1}`, without offsets. */
function classAnnotations(value: Json): Json[] | undefined {
  const list = value['annotations'];
  if (!Array.isArray(list) || list.length === 0 || holdsSpans(value, 'annotations')) return undefined;
  return list.every((item) => isObject(item) && 'label' in item && !('start_offset' in item)) ? (list as Json[]) : undefined;
}

/** The keys of an object that hold document classes: `label` (when it holds no spans) and `cats`. */
function classKeys(value: Json): string[] {
  return ['label', 'cats'].filter((key) => key in value && isClassList(value[key]) && !holdsSpans(value, key));
}

function read(value: Json, context: ReadContext): ObjectResult {
  const classes = classKeys(value);
  const classItems = classAnnotations(value);
  const ownKeys = [...classes, ...(Array.isArray(value['relations']) ? ['relations'] : []), ...(classItems ? ['annotations'] : [])];
  const read = readJsonDocument(value, context, ownKeys, { offsetUnits: 'file' });
  if ('reason' in read) return read;
  const notes: string[] = [...read.notes];
  const values = classes.flatMap((key) => {
    const given = value[key];
    return typeof given === 'string' ? [given] : (given as string[]);
  });
  const annotations = importedDocumentLabels(values, context.categories);
  if (classItems) {
    const byUser = userClasses(classItems, context);
    if (typeof byUser === 'string') return { reason: byUser };
    pushAll(annotations, byUser);
  }
  if (annotations.length > 0) read.draft.documentAnnotations = annotations;
  // doccano users are annotators of their own: name them, so the app can list their work.
  const users = new Set([...read.draft.spans, ...annotations].flatMap((a) => (a.annotator ? [a.annotator] : [])));
  if (users.size > 0) read.draft.annotators = [...users].map((id) => ({ id, name: id.replace('doccano-user-', 'doccano user ') }));
  if (Array.isArray(value['relations'])) {
    const relations = readRelations(value['relations'], read.spans, notes);
    if (relations.length > 0) read.draft.relations = relations;
  }
  return { draft: read.draft, format: 'doccano', notes };
}

/** doccano 1.0 class annotations, one document annotation per user; label ids named by the label list. */
function userClasses(items: readonly Json[], context: ReadContext): DocumentAnnotationDraft[] | string {
  const byUser = new Map<string, string[]>();
  for (const [index, item] of items.entries()) {
    const label = item['label'];
    const name =
      typeof label === 'number' ? labelName(context.labelList, label) : typeof label === 'string' && label !== '' ? label : undefined;
    if (name === undefined && typeof label === 'number') context.ask?.('labelList');
    if (name === undefined)
      return typeof label === 'number'
        ? `annotation ${index + 1} label ${label} is a label id${context.labelList ? ' that the label list does not name' : ": give the label list (spanwright --labels labels.json, or the import's label list)"}`
        : `annotation ${index + 1} has no label`;
    const user = item['user'];
    const annotator = typeof user === 'number' || (typeof user === 'string' && user !== '') ? doccanoUser(user) : '';
    byUser.set(annotator, [...(byUser.get(annotator) ?? []), name]);
  }
  return [...byUser].map(([annotator, values]) => ({
    ...(annotator !== '' ? { annotator } : {}),
    labels: categorise(values, context.categories),
    note: '',
  }));
}

/**
 * `relations` between `entities` by their `id`. A relation that names no entity of the line,
 * or has no type, is not imported and is reported (the rest of the document is).
 */
function readRelations(items: readonly unknown[], spans: readonly ReadSpan[], notes: string[]): RelationDraft[] {
  const byId = new Map<string, number>();
  spans.forEach((span, index) => {
    const id = span.list === 'entities' && isObject(span.item) ? span.item['id'] : undefined;
    if (typeof id === 'number' || (typeof id === 'string' && id !== '')) byId.set(String(id), index);
  });
  const relations: RelationDraft[] = [];
  items.forEach((item, index) => {
    const name = `relation ${index + 1}`;
    if (!isObject(item)) return notes.push(`${name} not imported: expected {"from_id", "to_id", "type"}`);
    const type = item['type'];
    if (typeof type !== 'string' || type.trim() === '') return notes.push(`${name} not imported: it has no "type"`);
    const end = (key: 'from_id' | 'to_id'): number | undefined => {
      const id = item[key];
      return typeof id === 'number' || typeof id === 'string' ? byId.get(String(id)) : undefined;
    };
    const from = end('from_id');
    const to = end('to_id');
    if (from === undefined || to === undefined) {
      const key = from === undefined ? 'from_id' : 'to_id';
      return notes.push(`${name} not imported: ${key} ${quote(item[key])} is not the id of an entity of this line`);
    }
    const relation: RelationDraft = { type, from, to, origin: 'imported' };
    const id = item['id'];
    if (typeof id === 'number' || (typeof id === 'string' && id !== '')) relation.sourceId = String(id);
    relations.push(relation);
    return undefined;
  });
  return relations;
}

const reader: JsonReader = {
  format: 'doccano',
  // spaCy/Prodigy lines (`spans`) may carry a class `label` too: theirs is metadata.
  claims: (value) =>
    spanKeys.some((key) => holdsSpans(value, key)) ||
    (!holdsSpans(value, 'spans') && (classKeys(value).length > 0 || classAnnotations(value) !== undefined)),
  read,
};

/**
 * Sequence labelling (`label` triples), or relation extraction (`entities` numbered from 0 and
 * `relations` by those numbers) when the document has relations to write; document labels as
 * `cats` (every category's chosen values).
 */
function writeLine(doc: ExportDocument, spans: readonly OutSpan[], report: LeftOutReport): string {
  const relations = relationsToWrite(doc, report);
  const classes = flatDocumentLabels(doc);
  const numbers = new Map(spans.map((out, index) => [out.span.id, index]));
  const annotations =
    relations.length > 0
      ? {
          entities: spans.map(({ label, start, end }, index) => ({ id: index, label, start_offset: start, end_offset: end })),
          relations: relations.map(({ relation, from, to }, index) => ({
            id: index,
            from_id: numbers.get(from.span.id),
            to_id: numbers.get(to.span.id),
            type: relation.type,
          })),
        }
      : { label: spans.map(({ label, start, end }) => [start, end, label]) };
  return JSON.stringify({
    id: doc.id,
    text: doc.text,
    ...annotations,
    ...(classes.length > 0 ? { cats: classes } : {}),
    ...flatMeta(doc.meta, ['id', 'text', 'label', 'entities', 'relations', 'cats']),
  });
}

export const doccano: FormatModule = {
  info: {
    id: 'doccano',
    name: 'doccano JSONL',
    extension: 'jsonl',
    layers: ['entity', 'claim'],
    layerMode: 'many',
    overlaps: true,
    shape: 'lines',
    importable: true,
    keepsText: true,
    holds: { relations: true, attributes: false, spanNotes: false, documentLabels: true, documentNotes: false, annotators: false },
  },
  reader,
  createWriter: () => ({ write: (doc, spans, report) => ({ chunk: writeLine(doc, spans, report) + '\n' }) }),
};
