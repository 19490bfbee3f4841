// doccano JSONL, the shapes its import and export use: sequence labelling (`label`: [start,
// end, "LABEL"]), relation extraction (`entities` with `id`/`start_offset`/`end_offset`/`label`
// and `relations` with `id`/`from_id`/`to_id`/`type`), text classification (`label`: a class
// or a list of classes) and intent detection (`entities` as triples, `cats`: classes). Offsets
// are code points. Metadata as top-level keys, as doccano keeps unknown keys.
import type { RelationDraft } from '../domain';
import { importedDocumentLabels } from './document-labels';
import { flatDocumentLabels, relationsToWrite } from './export-relations';
import type { ExportDocument, FormatModule, JsonReader, ObjectResult, ReadContext } from './format-module';
import type { OutSpan } from './export-spans';
import { holdsSpans, readJsonDocument, type ReadSpan } from './json-document';
import { isObject, quote, type Json } from './json-values';
import type { LeftOutReport } from './left-out';
import { flatMeta } from './metadata';

/** A class name or a list of them (doccano text classification), as opposed to spans. */
function isClassList(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'));
}

const spanKeys = ['label', 'labels', 'entities'];

/** The keys of an object that hold document classes: `label` (when it holds no spans) and `cats`. */
function classKeys(value: Json): string[] {
  return ['label', 'cats'].filter((key) => key in value && isClassList(value[key]) && !holdsSpans(value, key));
}

function read(value: Json, context: ReadContext): ObjectResult {
  const classes = classKeys(value);
  const ownKeys = [...classes, ...(Array.isArray(value['relations']) ? ['relations'] : [])];
  const read = readJsonDocument(value, context, ownKeys);
  if ('reason' in read) return read;
  const notes: string[] = [];
  const values = classes.flatMap((key) => {
    const given = value[key];
    return typeof given === 'string' ? [given] : (given as string[]);
  });
  const annotations = importedDocumentLabels(values, context.categories);
  if (annotations.length > 0) read.draft.documentAnnotations = annotations;
  if (Array.isArray(value['relations'])) {
    const relations = readRelations(value['relations'], read.spans, notes);
    if (relations.length > 0) read.draft.relations = relations;
  }
  return { draft: read.draft, format: 'doccano', notes };
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
  claims: (value) => spanKeys.some((key) => holdsSpans(value, key)) || (!holdsSpans(value, 'spans') && classKeys(value).length > 0),
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
