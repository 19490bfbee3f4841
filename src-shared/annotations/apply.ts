// Applies a change to an annotation state, purely: the state given is never modified, and a
// change that does not fit the state (a record changed or removed since, a relation left
// pointing at a missing span, a schema edited elsewhere) fails with a reason and changes nothing.
import type { DocumentStatus, LabelSchema } from '../domain';
import { fail, ok, type Result } from '../result';
import { changeParts, type Change, type SchemaItemChange, type SchemaItemKind } from './change';
import { describeRecord, documentAnnotationKey, recordKey, recordReferences, type AnnotationKindId, type AnnotationRecord, type AnnotationValues } from './kinds';
import { sameValue } from './same-value';
import type { AnnotationState } from './state';
import { setOwn } from '../own-keys';
import { PersistentMap, type MapEdit } from '../persistent-map';

type TableEdits = { [K in AnnotationKindId]?: MapEdit<string, AnnotationValues[K]> };

/**
 * A working copy. A table is edited as a persistent map (persistent-map.ts), so the tables of
 * the state given stay as they are without being copied: a label's change to a document of
 * 20,000 spans writes one entry, and the spans' map of the state before is shared.
 */
class Draft {
  schema: LabelSchema;
  private readonly edits: TableEdits = {};
  private statuses: Map<string, DocumentStatus> | null = null;

  constructor(private readonly base: AnnotationState) {
    this.schema = base.schema;
  }

  read<K extends AnnotationKindId>(kind: K): ReadonlyMap<string, AnnotationValues[K]> {
    const edit = this.edits[kind] as MapEdit<string, AnnotationValues[K]> | undefined;
    return edit ? edit.soFar() : (this.base.annotations[kind] as ReadonlyMap<string, AnnotationValues[K]>);
  }

  write<K extends AnnotationKindId>(kind: K): MapEdit<string, AnnotationValues[K]> {
    let edit = this.edits[kind] as MapEdit<string, AnnotationValues[K]> | undefined;
    if (!edit) {
      edit = PersistentMap.of(this.base.annotations[kind] as ReadonlyMap<string, AnnotationValues[K]>).edit();
      (this.edits as Record<string, unknown>)[kind] = edit;
    }
    return edit;
  }

  status(key: string): DocumentStatus {
    return (this.statuses ?? this.base.statuses).get(key) ?? 'todo';
  }

  setStatus(key: string, status: DocumentStatus): void {
    this.statuses ??= new Map(this.base.statuses);
    if (status === 'todo') this.statuses.delete(key);
    else this.statuses.set(key, status);
  }

  result(): AnnotationState {
    const tables: Partial<Record<AnnotationKindId, ReadonlyMap<string, unknown>>> = {};
    for (const [kind, edit] of Object.entries(this.edits) as [AnnotationKindId, MapEdit<string, unknown>][]) tables[kind] = edit.done();
    return {
      schema: this.schema,
      annotations: { ...this.base.annotations, ...tables } as AnnotationState['annotations'],
      statuses: this.statuses ?? this.base.statuses,
    };
  }
}

export function applyChange(state: AnnotationState, change: Change): Result<AnnotationState> {
  const draft = new Draft(state);
  for (const part of changeParts(change)) {
    const problem = applyPart(draft, part);
    if (problem !== null) return fail(problem);
  }
  return ok(draft.result());
}

function applyPart(draft: Draft, change: Change): string | null {
  switch (change.type) {
    case 'edit':
      return applyEdit(draft, change.removed, change.added);
    case 'status': {
      const key = documentAnnotationKey(change.documentId, change.annotator);
      if (draft.status(key) !== change.from) return `The document's status is no longer ${change.from}.`;
      draft.setStatus(key, change.to);
      return null;
    }
    case 'schema-item':
      return applySchemaItem(draft, change);
    case 'rename':
      return applyRename(draft, change.what, change.from, change.to);
    case 'add-documents':
      for (const { record } of change.documents) {
        for (const [annotator, status] of Object.entries(record.statuses)) draft.setStatus(documentAnnotationKey(record.id, annotator), status);
      }
      return applyEdit(draft, [], change.annotations);
    case 'remove-documents':
      for (const { record } of change.documents) {
        for (const annotator of Object.keys(record.statuses)) draft.setStatus(documentAnnotationKey(record.id, annotator), 'todo');
      }
      return applyEdit(draft, change.annotations, []);
    case 'document-meta':
      // Document details live with the document, not in the annotation state: storage checks
      // and writes them.
      return null;
    case 'batch':
      for (const part of change.changes) {
        const problem = applyPart(draft, part);
        if (problem !== null) return problem;
      }
      return null;
  }
}

function applyEdit(draft: Draft, removed: readonly AnnotationRecord[], added: readonly AnnotationRecord[]): string | null {
  for (const record of removed) {
    const key = recordKey(record);
    const current = draft.read(record.kind).get(key);
    if (current === undefined) return `The ${describeRecord(record)} no longer exists.`;
    if (!sameValue(current, record.value)) return `The ${describeRecord(record)} was changed elsewhere in the meantime.`;
    draft.write(record.kind).delete(key);
  }
  for (const record of added) {
    const key = recordKey(record);
    if (draft.read(record.kind).has(key)) return `The ${describeRecord(record)} exists already.`;
    (draft.write(record.kind) as MapEdit<string, unknown>).set(key, record.value);
  }
  return danglingReference(draft, removed, added);
}

/** A relation whose end is missing, or that links spans of another document or annotator. */
function danglingReference(draft: Draft, removed: readonly AnnotationRecord[], added: readonly AnnotationRecord[]): string | null {
  const spans = draft.read('span');
  const check = (record: AnnotationRecord): string | null => {
    const owner = record.value;
    for (const id of recordReferences(record)) {
      const span = spans.get(id);
      if (!span) return `The ${describeRecord(record)} would point at a span that does not exist.`;
      if (span.documentId !== owner.documentId || span.annotator !== owner.annotator) {
        return `The ${describeRecord(record)} would link spans of different documents or annotators.`;
      }
    }
    return null;
  };
  for (const record of added) {
    const problem = check(record);
    if (problem !== null) return problem;
  }
  const removedSpans = new Set(removed.flatMap((r) => (r.kind === 'span' && !spans.has(r.value.id) ? [r.value.id] : [])));
  if (removedSpans.size === 0) return null;
  for (const relation of draft.read('relation').values()) {
    if (removedSpans.has(relation.from) || removedSpans.has(relation.to)) {
      return `Removing the span would leave relation ${relation.type} pointing at nothing.`;
    }
  }
  return null;
}

const LISTS = { label: 'labels', 'relation-type': 'relationTypes', category: 'documentCategories' } as const;
const NOUNS: Record<SchemaItemKind, string> = { label: 'label', 'relation-type': 'relation type', category: 'document category' };

function applySchemaItem(draft: Draft, change: SchemaItemChange): string | null {
  const listName = LISTS[change.what];
  const list = draft.schema[listName] as ReadonlyArray<{ name: string }>;
  const noun = NOUNS[change.what];
  const next = [...list];
  if (change.before) {
    const at = list.findIndex((item) => item.name === change.before?.name);
    if (at === -1) return `There is no ${noun} named ${change.before.name} any more.`;
    if (!sameValue(list[at], change.before)) return `The ${noun} ${change.before.name} was changed elsewhere in the meantime.`;
    if (change.after && change.after.name !== change.before.name) return `A ${noun} is renamed by a rename, not redefined.`;
    if (change.after) next[at] = change.after;
    else next.splice(at, 1);
  } else if (change.after) {
    const name = change.after.name;
    if (list.some((item) => item.name === name)) return `There is already a ${noun} named ${name}.`;
    next.splice(Math.max(0, Math.min(change.at, next.length)), 0, change.after);
  }
  draft.schema = { ...draft.schema, [listName]: next };
  return null;
}

function applyRename(draft: Draft, what: SchemaItemKind, from: string, to: string): string | null {
  const schema = draft.schema;
  const list = what === 'label' ? schema.labels : what === 'relation-type' ? schema.relationTypes : schema.documentCategories;
  const noun = what === 'label' ? 'label' : what === 'relation-type' ? 'relation type' : 'document category';
  if (!list.some((item) => item.name === from)) return `There is no ${noun} named ${from} any more.`;
  if (from !== to && list.some((item) => item.name === to)) return `There is already a ${noun} named ${to}.`;
  const renamed = <T extends { name: string }>(items: readonly T[]): T[] => items.map((item) => (item.name === from ? { ...item, name: to } : item));
  const swap = (names: readonly string[]) => (names.includes(from) ? names.map((n) => (n === from ? to : n)) : (names as string[]));
  if (what === 'label') {
    draft.schema = {
      ...schema,
      labels: renamed(schema.labels),
      relationTypes: schema.relationTypes.map((t) => ({ ...t, sources: swap(t.sources), targets: swap(t.targets) })),
    };
    rewrite(draft, 'span', (span) => (span.label === from ? { ...span, label: to } : span));
    rewrite(draft, 'suggestion', (suggestion) => (suggestion.label === from ? { ...suggestion, label: to } : suggestion));
  } else if (what === 'relation-type') {
    draft.schema = { ...schema, relationTypes: renamed(schema.relationTypes) };
    rewrite(draft, 'relation', (relation) => (relation.type === from ? { ...relation, type: to } : relation));
  } else {
    draft.schema = { ...schema, documentCategories: renamed(schema.documentCategories) };
    rewrite(draft, 'document', (annotation) => {
      if (!Object.hasOwn(annotation.labels, from)) return annotation;
      const labels: Record<string, string[]> = {};
      for (const [name, values] of Object.entries(annotation.labels)) setOwn(labels, name === from ? to : name, values);
      return { ...annotation, labels };
    });
  }
  return null;
}

function rewrite<K extends AnnotationKindId>(draft: Draft, kind: K, update: (value: AnnotationValues[K]) => AnnotationValues[K]): void {
  const changed: Array<[string, AnnotationValues[K]]> = [];
  for (const [key, value] of draft.read(kind)) {
    const next = update(value);
    if (next !== value) changed.push([key, next]);
  }
  if (changed.length === 0) return;
  const table = draft.write(kind);
  for (const [key, value] of changed) table.set(key, value);
}
