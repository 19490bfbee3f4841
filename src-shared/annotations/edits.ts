// Builds the changes users make, from the state they see: the cascades (a span's relations go
// with it, a label's spans with the label) and the side rules (a first span moves the document
// from "to do" to "in progress") are decided here, once, so every caller gets them the same.
import type { DocumentAnnotation, DocumentStatus, Label, LabelSchema, Relation, Span } from '../domain';
import { fail, ok, type Result } from '../result';
import { combineChanges, type Change, type SchemaItemKind } from './change';
import { documentAnnotationKey, documentRecord, relationRecord, spanRecord, type AnnotationRecord } from './kinds';
import { statusIn, type AnnotationState } from './state';

/** The relations that point at any of the given spans. */
export function relationsOf(state: AnnotationState, spanIds: ReadonlySet<string>): Relation[] {
  return [...state.annotations.relation.values()].filter((r) => spanIds.has(r.from) || spanIds.has(r.to));
}

function firstWorkStatus(state: AnnotationState, documentId: string, annotator: string): Change | null {
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
  const current = labels[category.name] ?? [];
  const on = current.includes(value);
  const values = category.multiple ? (on ? current.filter((v) => v !== value) : [...current, value]) : on ? [] : [value];
  return { ...labels, [category.name]: values };
}

export function statusChange(state: AnnotationState, documentId: string, annotator: string, to: DocumentStatus): Change | null {
  const from = statusIn(state, documentId, annotator);
  return from === to ? null : { type: 'status', documentId, annotator, from, to };
}

/** A label's new definition; a new name renames every span (and relation-type ends) with it. */
export function editLabel(schema: LabelSchema, oldName: string, label: Label): Change | null {
  const rename: Change | null = label.name === oldName ? null : { type: 'rename', what: 'label', from: oldName, to: label.name };
  const renamedSchema: LabelSchema = rename
    ? {
        ...schema,
        labels: schema.labels.map((l) => (l.name === oldName ? { ...l, name: label.name } : l)),
        relationTypes: schema.relationTypes.map((t) => ({
          ...t,
          sources: t.sources.map((n) => (n === oldName ? label.name : n)),
          targets: t.targets.map((n) => (n === oldName ? label.name : n)),
        })),
      }
    : schema;
  const after: LabelSchema = { ...renamedSchema, labels: renamedSchema.labels.map((l) => (l.name === label.name ? label : l)) };
  return combineChanges([rename, { type: 'schema', from: renamedSchema, to: after }]);
}

/** A schema edit that touches no annotation (adding labels, types or categories, colours, hotkeys). */
export function schemaChange(from: LabelSchema, to: LabelSchema): Change | null {
  return from === to ? null : { type: 'schema', from, to };
}

/**
 * Deletes a label, relation type or document category with everything that uses it: a label's
 * spans and their relations, a type's relations, a category's values in document annotations.
 * `state` must hold those annotations (storage loads them: changeScope of a rename of the same item).
 */
export function deleteSchemaItem(state: AnnotationState, what: SchemaItemKind, name: string, now: number): Change | null {
  const schema = state.schema;
  const removed: AnnotationRecord[] = [];
  const added: AnnotationRecord[] = [];
  let after: LabelSchema;
  if (what === 'label') {
    const spans = [...state.annotations.span.values()].filter((s) => s.label === name);
    removed.push(...relationsOf(state, new Set(spans.map((s) => s.id))).map(relationRecord), ...spans.map(spanRecord));
    after = {
      ...schema,
      labels: schema.labels.filter((l) => l.name !== name),
      relationTypes: schema.relationTypes.map((t) => ({ ...t, sources: t.sources.filter((n) => n !== name), targets: t.targets.filter((n) => n !== name) })),
    };
  } else if (what === 'relation-type') {
    removed.push(...[...state.annotations.relation.values()].filter((r) => r.type === name).map(relationRecord));
    after = { ...schema, relationTypes: schema.relationTypes.filter((t) => t.name !== name) };
  } else {
    for (const annotation of state.annotations.document.values()) {
      if (!Object.hasOwn(annotation.labels, name)) continue;
      const labels = { ...annotation.labels };
      delete labels[name];
      removed.push(documentRecord(annotation));
      if (Object.keys(labels).length > 0 || annotation.note !== '') added.push(documentRecord({ ...annotation, labels, updatedAt: now }));
    }
    after = { ...schema, documentCategories: schema.documentCategories.filter((c) => c.name !== name) };
  }
  return combineChanges([removed.length + added.length > 0 ? { type: 'edit', removed, added } : null, { type: 'schema', from: schema, to: after }]);
}
