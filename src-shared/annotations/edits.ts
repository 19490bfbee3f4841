// Builds the changes users make, from the state they see: the cascades (a span's relations go
// with it, a label's spans with the label) and the side rules (a first span moves the document
// from "to do" to "in progress") are decided here, once, so every caller gets them the same.
import type { DocumentAnnotation, DocumentMeta, DocumentStatus, Label, LabelSchema, Relation, Span } from '../domain';
import { fail, ok, type Result } from '../result';
import { combineChanges, type Change, type NewDocument, type SchemaItemChange, type SchemaItemKind, type SchemaItems } from './change';
import { documentAnnotationKey, documentRecord, relationRecord, spanRecord, suggestionRecord, type AnnotationRecord } from './kinds';
import { sameValue } from './same-value';
import { recordsOf, statusIn, type AnnotationState } from './state';
import { ownValue } from '../own-keys';
import { pushAll } from '../push-all';

/** The relations that point at any of the given spans. */
export function relationsOf(state: AnnotationState, spanIds: ReadonlySet<string>): Relation[] {
  return [...state.annotations.relation.values()].filter((r) => spanIds.has(r.from) || spanIds.has(r.to));
}

/** A first piece of work moves the annotator's document from "to do" to "in progress". */
export function firstWorkStatus(state: AnnotationState, documentId: string, annotator: string): Change | null {
  return statusIn(state, documentId, annotator) === 'todo' ? { type: 'status', documentId, annotator, from: 'todo', to: 'in_progress' } : null;
}

/** New spans (one document), moving their annotator's document from "to do" to "in progress". */
export function addSpans(state: AnnotationState, spans: readonly Span[]): Change | null {
  if (spans.length === 0) return null;
  const owners = new Map(spans.map((s) => [documentAnnotationKey(s.documentId, s.annotator), s]));
  return combineChanges([
    { type: 'edit', removed: [], added: spans.map(spanRecord) },
    ...[...owners.values()].map((s) => firstWorkStatus(state, s.documentId, s.annotator)),
  ]);
}

/** Removes spans and every relation that points at them. */
export function removeSpans(state: AnnotationState, spans: readonly Span[]): Change | null {
  if (spans.length === 0) return null;
  const relations = relationsOf(state, new Set(spans.map((s) => s.id)));
  return { type: 'edit', removed: [...relations.map(relationRecord), ...spans.map(spanRecord)], added: [] };
}

/** Replaces spans by others in one step (review: accept a version); relations of removed spans go too. */
export function replaceSpans(state: AnnotationState, removed: readonly Span[], added: readonly Span[]): Change | null {
  const keptIds = new Set(added.map((s) => s.id));
  const gone = removed.filter((s) => !keptIds.has(s.id));
  const relations = relationsOf(state, new Set(gone.map((s) => s.id)));
  return combineChanges([
    removed.length + added.length === 0
      ? null
      : { type: 'edit', removed: [...relations.map(relationRecord), ...removed.map(spanRecord)], added: added.map(spanRecord) },
    ...added.slice(0, 1).map((s) => firstWorkStatus(state, s.documentId, s.annotator)),
  ]);
}

/** One span modified (label, edges, attributes, note); its relations stay. */
export function updateSpan(before: Span, after: Span): Change | null {
  if (before === after) return null;
  return { type: 'edit', removed: [spanRecord(before)], added: [spanRecord(after)] };
}

/** Why a relation of this type cannot link these spans, or null when it can. */
export function relationProblem(schema: LabelSchema, type: string, from: Span, to: Span): string | null {
  const definition = schema.relationTypes.find((t) => t.name === type);
  if (!definition) return `There is no relation type ${type}.`;
  if (from.id === to.id) return 'A relation links two different spans.';
  if (from.documentId !== to.documentId || from.annotator !== to.annotator) return 'A relation links spans of one document and one annotator.';
  const allows = (names: readonly string[], label: string) => names.length === 0 || names.includes(label);
  const fits = allows(definition.sources, from.label) && allows(definition.targets, to.label);
  const fitsSwapped = !definition.directed && allows(definition.sources, to.label) && allows(definition.targets, from.label);
  if (!fits && !fitsSwapped) {
    const list = (names: readonly string[]) => (names.length === 0 ? 'any label' : names.join(', '));
    return `${type} goes from ${list(definition.sources)} to ${list(definition.targets)}, not from ${from.label} to ${to.label}.`;
  }
  return null;
}

/** A new relation, checked against the schema and the relations already there. */
export function addRelation(state: AnnotationState, relation: Relation): Result<Change> {
  const spans = state.annotations.span;
  const from = spans.get(relation.from);
  const to = spans.get(relation.to);
  if (!from || !to) return fail('Both ends of a relation must be spans of the open document.');
  const problem = relationProblem(state.schema, relation.type, from, to);
  if (problem) return fail(problem);
  const directed = state.schema.relationTypes.find((t) => t.name === relation.type)?.directed ?? true;
  const duplicate = [...state.annotations.relation.values()].some(
    (r) =>
      r.type === relation.type &&
      r.annotator === relation.annotator &&
      ((r.from === relation.from && r.to === relation.to) || (!directed && r.from === relation.to && r.to === relation.from)),
  );
  if (duplicate) return fail(`These spans are already linked by ${relation.type}.`);
  return ok({ type: 'edit', removed: [], added: [relationRecord(relation)] });
}

export function removeRelations(relations: readonly Relation[]): Change | null {
  return relations.length === 0 ? null : { type: 'edit', removed: relations.map(relationRecord), added: [] };
}

export function updateRelation(before: Relation, after: Relation): Change | null {
  return before === after ? null : { type: 'edit', removed: [relationRecord(before)], added: [relationRecord(after)] };
}

/** An annotator's document annotation (labels and note) of a document, if any. */
export function documentAnnotationIn(state: AnnotationState, documentId: string, annotator: string): DocumentAnnotation | undefined {
  return state.annotations.document.get(documentAnnotationKey(documentId, annotator));
}

/**
 * Replaces (or creates, or removes when empty) an annotator's document annotation. An empty one
 * (no labels, no note) is not stored, so "nothing chosen" has one form.
 */
export function updateDocumentAnnotation(
  state: AnnotationState,
  owner: { projectId: string; documentId: string; annotator: string },
  update: (labels: Record<string, string[]>, note: string) => { labels: Record<string, string[]>; note: string },
  now: number,
): Change | null {
  const before = state.annotations.document.get(documentAnnotationKey(owner.documentId, owner.annotator));
  const next = update(before?.labels ?? {}, before?.note ?? '');
  const labels = Object.fromEntries(Object.entries(next.labels).filter(([, values]) => values.length > 0));
  const empty = Object.keys(labels).length === 0 && next.note === '';
  const after: DocumentAnnotation | undefined = empty ? undefined : { ...owner, labels, note: next.note, updatedAt: now };
  const removed: AnnotationRecord[] = before ? [documentRecord(before)] : [];
  const added: AnnotationRecord[] = after ? [documentRecord(after)] : [];
  if (removed.length + added.length === 0) return null;
  return combineChanges([{ type: 'edit', removed, added }, firstWorkStatus(state, owner.documentId, owner.annotator)]);
}

/** Toggles (multiple choice) or sets/clears (single choice) one value of a document category. */
export function toggleDocumentLabel(labels: Record<string, string[]>, category: { name: string; multiple: boolean }, value: string): Record<string, string[]> {
  const current = ownValue(labels, category.name) ?? [];
  const on = current.includes(value);
  const values = category.multiple ? (on ? current.filter((v) => v !== value) : [...current, value]) : on ? [] : [value];
  return { ...labels, [category.name]: values };
}

export function statusChange(state: AnnotationState, documentId: string, annotator: string, to: DocumentStatus): Change | null {
  const from = statusIn(state, documentId, annotator);
  return from === to ? null : { type: 'status', documentId, annotator, from, to };
}

/**
 * A schema item's new definition (a label, relation type or document category); a new name
 * renames it everywhere it is used (spans, relation-type ends, relations, document labels).
 */
export function editSchemaItem<K extends SchemaItemKind>(schema: LabelSchema, what: K, oldName: string, item: SchemaItems[K]): Change | null {
  const list = schema[LIST_OF[what]] as unknown as ReadonlyArray<SchemaItems[K]>;
  const at = list.findIndex((l) => l.name === oldName);
  const old = list[at];
  if (!old) return null;
  const rename: Change | null = item.name === oldName ? null : { type: 'rename', what, from: oldName, to: item.name };
  const renamed = { ...old, name: item.name };
  return combineChanges([rename, sameValue(renamed, item) ? null : ({ type: 'schema-item', what, before: renamed, after: item, at } as SchemaItemChange)]);
}

/** A label's new definition; a new name renames every span (and relation-type ends) with it. */
export function editLabel(schema: LabelSchema, oldName: string, label: Label): Change | null {
  return editSchemaItem(schema, 'label', oldName, label);
}

const LIST_OF = { label: 'labels', 'relation-type': 'relationTypes', category: 'documentCategories' } as const;

/** Indexes of a longest increasing run (not necessarily contiguous) of `values`. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  values.forEach((value, i) => {
    for (let j = 0; j < i; j++) {
      if ((values[j] as number) < value && (length[j] as number) + 1 > (length[i] as number)) {
        length[i] = (length[j] as number) + 1;
        previous[i] = j;
      }
    }
  });
  let at = length.indexOf(Math.max(0, ...length));
  const kept = new Set<number>();
  while (at !== -1) {
    kept.add(at);
    at = previous[at] as number;
  }
  return kept;
}

function itemChanges<K extends SchemaItemKind>(what: K, from: ReadonlyArray<SchemaItems[K]>, to: ReadonlyArray<SchemaItems[K]>): SchemaItemChange[] {
  const change = (before: SchemaItems[K] | null, after: SchemaItems[K] | null, at: number) => ({ type: 'schema-item', what, before, after, at }) as SchemaItemChange;
  const fromIndex = new Map(from.map((item, i) => [item.name, i]));
  // Items both lists hold stay in place when they keep their order; the others move (removed, then added).
  const common = to.filter((item) => fromIndex.has(item.name));
  const inOrder = longestIncreasing(common.map((item) => fromIndex.get(item.name) as number));
  const staying = new Set(common.filter((_, i) => inOrder.has(i)).map((item) => item.name));
  const changes: SchemaItemChange[] = [];
  // Removals from the end first, so every recorded place stays right; then redefinitions; then additions in order.
  for (let at = from.length - 1; at >= 0; at--) {
    const item = from[at] as SchemaItems[K];
    if (!staying.has(item.name)) changes.push(change(item, null, at));
  }
  const kept = from.filter((item) => staying.has(item.name));
  const target = new Map(to.map((item) => [item.name, item]));
  kept.forEach((item, at) => {
    const next = target.get(item.name) as SchemaItems[K];
    if (!sameValue(item, next)) changes.push(change(item, next, at));
  });
  to.forEach((item, at) => {
    if (!staying.has(item.name)) changes.push(change(null, item, at));
  });
  return changes;
}

/** The item-by-item changes from one schema to another (added, removed, redefined; renames are not guessed). */
export function schemaChange(from: LabelSchema, to: LabelSchema): Change | null {
  if (from === to) return null;
  return combineChanges([
    ...itemChanges('label', from.labels, to.labels),
    ...itemChanges('relation-type', from.relationTypes, to.relationTypes),
    ...itemChanges('category', from.documentCategories, to.documentCategories),
  ]);
}

/**
 * Deletes a label, relation type or document category with everything that uses it: a label's
 * spans and their relations (and its place in relation types' ends), a type's relations, a
 * category's values in document annotations. `state` must hold those annotations (storage
 * loads them: change.ts `deletionScope`).
 */
export function deleteSchemaItem(state: AnnotationState, what: SchemaItemKind, name: string, now: number): Change | null {
  const schema = state.schema;
  const list = schema[LIST_OF[what]] as ReadonlyArray<{ name: string }>;
  const at = list.findIndex((item) => item.name === name);
  if (at === -1) return null;
  const removed: AnnotationRecord[] = [];
  const added: AnnotationRecord[] = [];
  const schemaParts: Change[] = [];
  if (what === 'label') {
    const spans = [...state.annotations.span.values()].filter((s) => s.label === name);
    pushAll(removed, relationsOf(state, new Set(spans.map((s) => s.id))).map(relationRecord));
    pushAll(removed, spans.map(spanRecord));
    pushAll(removed, [...state.annotations.suggestion.values()].filter((s) => s.label === name).map(suggestionRecord));
    // A relation type loses the label from its ends; one left with no allowed source or
    // target (an empty list would mean "any label") goes too, with its relations.
    const goneTypes = new Set<string>();
    for (let index = schema.relationTypes.length - 1; index >= 0; index--) {
      const type = schema.relationTypes[index] as (typeof schema.relationTypes)[number];
      if (!type.sources.includes(name) && !type.targets.includes(name)) continue;
      const after = { ...type, sources: type.sources.filter((n) => n !== name), targets: type.targets.filter((n) => n !== name) };
      const emptied = (type.sources.length > 0 && after.sources.length === 0) || (type.targets.length > 0 && after.targets.length === 0);
      if (emptied) goneTypes.add(type.name);
      schemaParts.push({ type: 'schema-item', what: 'relation-type', before: type, after: emptied ? null : after, at: index });
    }
    const removedIds = new Set(removed.map((r) => (r.kind === 'relation' ? r.value.id : '')));
    for (const relation of state.annotations.relation.values()) {
      if (goneTypes.has(relation.type) && !removedIds.has(relation.id)) removed.unshift(relationRecord(relation));
    }
  } else if (what === 'relation-type') {
    pushAll(removed, [...state.annotations.relation.values()].filter((r) => r.type === name).map(relationRecord));
  } else {
    for (const annotation of state.annotations.document.values()) {
      if (!Object.hasOwn(annotation.labels, name)) continue;
      const labels = { ...annotation.labels };
      delete labels[name];
      removed.push(documentRecord(annotation));
      if (Object.keys(labels).length > 0 || annotation.note !== '') added.push(documentRecord({ ...annotation, labels, updatedAt: now }));
    }
  }
  schemaParts.push({ type: 'schema-item', what, before: list[at], after: null, at } as SchemaItemChange);
  return combineChanges([removed.length + added.length > 0 ? { type: 'edit', removed, added } : null, ...schemaParts]);
}

/**
 * Removes documents with every annotation they hold, of every annotator (the state must hold
 * all of them: storage loads whole documents for this). Its inverse brings all of it back.
 */
export function removeDocuments(state: AnnotationState, documents: readonly NewDocument[]): Change | null {
  if (documents.length === 0) return null;
  const ids = new Set(documents.map((d) => d.record.id));
  const annotations = [...recordsOf(state)].filter((record) => ids.has(record.value.documentId));
  return { type: 'remove-documents', documents: [...documents], annotations };
}

/** Edits a document's title and details; null when nothing changes. */
export function editDocumentMeta(documentId: string, from: DocumentMeta, to: DocumentMeta): Result<Change | null> {
  if (to.title.trim() === '') return fail('A document needs a title.');
  return ok(sameValue(from, to) ? null : { type: 'document-meta', documentId, from, to });
}
