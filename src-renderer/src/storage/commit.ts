// The one writer of annotations: every change (spans, relations, document labels and notes,
// statuses, the label schema, imported documents) is applied here, in one transaction, by the
// core's pure applyChange over the slice of the project it touches, and appended to the
// change log. Nothing else in the renderer writes these tables.
import { applyChange } from '../../../src-shared/annotations/apply';
import { sameValue } from '../../../src-shared/annotations/same-value';
import { changeScope, type Change, type ChangeScope, type NewDocument } from '../../../src-shared/annotations/change';
import { documentAnnotationKey, ANNOTATION_KIND_IDS, type AnnotationKindId, type AnnotationRecord, type AnnotationValues } from '../../../src-shared/annotations/kinds';
import { createState, type AnnotationState } from '../../../src-shared/annotations/state';
import type { Annotator, DocumentRecord, DocumentStatus, Project } from '../../../src-shared/domain';
import type { Result } from '../../../src-shared/result';
import Dexie, { type Table } from 'dexie';
import type { SpanwrightDatabase } from './database';
import { setOwn } from '../../../src-shared/own-keys';
import { assertMayWrite } from './write-permits';

/** Who commits a change: the change log records it. */
export interface Author {
  annotator: string;
}

interface Slice {
  project: Project;
  state: AnnotationState;
  /** Document rows whose every annotation is in the slice (their counts can be recounted). */
  documents: Map<string, DocumentRecord>;
}

export const tablesOf = (db: SpanwrightDatabase) => [
  db.projects, db.documents, db.texts, db.spans, db.relations, db.documentAnnotations, db.suggestions, db.annotators, db.changeLog, db.trash,
];

function storageKey<K extends AnnotationKindId>(kind: K, value: AnnotationValues[K]): [string, string] {
  if (kind === 'document') {
    const annotation = value as AnnotationValues['document'];
    return [annotation.documentId, annotation.annotator];
  }
  const keyed = value as { projectId: string; id: string };
  return [keyed.projectId, keyed.id];
}

function tableOf(db: SpanwrightDatabase, kind: AnnotationKindId) {
  switch (kind) {
    case 'span':
      return db.spans;
    case 'relation':
      return db.relations;
    case 'document':
      return db.documentAnnotations;
    case 'suggestion':
      return db.suggestions;
  }
}

/**
 * A table's rows of these documents. One `equals` query per document: IndexedDB reads each in
 * one getAll, where `anyOf` walks a cursor row by row (2,000 spans cost ~40 ms a commit).
 */
async function ofDocuments<T>(table: Table<T, [string, string]>, documentIds: readonly string[]): Promise<T[]> {
  const perDocument = await Promise.all(documentIds.map((id) => table.where('documentId').equals(id).toArray()));
  return perDocument.flat();
}

/**
 * `added`: documents the change adds, not read. They cannot be in the database (their rows are
 * added, never put: one already there fails the change, see writeDocuments), and an import chunk
 * would otherwise ask for each of its hundreds of fresh ids in vain.
 */
async function loadSlice(db: SpanwrightDatabase, projectId: string, scope: ChangeScope, added: ReadonlySet<string> = new Set()): Promise<Slice> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('The project no longer exists.');
  const records: AnnotationRecord[] = [];
  const seen = new Set<string>();
  const add = (record: AnnotationRecord, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    records.push(record);
  };
  const documentIds = new Set(scope.documents);
  const labelSpans = scope.labels.size === 0 ? [] : await db.spans.where('[projectId+label]').anyOf([...scope.labels].map((l) => [projectId, l])).toArray();
  if (scope.labelDocuments) for (const span of labelSpans) documentIds.add(span.documentId);
  for (const span of labelSpans) add({ kind: 'span', value: span }, `span\u0000${span.id}`);
  if (scope.labels.size > 0) {
    // A label renamed or deleted takes its suggestions along.
    const labelSuggestions = await db.suggestions.where('[projectId+label]').anyOf([...scope.labels].map((l) => [projectId, l])).toArray();
    for (const value of labelSuggestions) add({ kind: 'suggestion', value }, `suggestion\u0000${value.id}`);
  }

  const ids = [...documentIds].filter((id) => !added.has(id));
  const documents = new Map<string, DocumentRecord>();
  for (const doc of await db.documents.bulkGet(ids)) if (doc && doc.projectId === projectId) documents.set(doc.id, doc);
  for (const id of scope.documents) {
    if (!documents.has(id) && !scope.newDocuments.has(id)) throw new Error('The document no longer exists in this project.');
  }
  // A document not in the database yet (being added) holds no rows to read: an import of
  // thousands of documents would otherwise ask four empty questions for each.
  const stored = ids.filter((id) => documents.has(id));
  if (stored.length > 0) {
    const [spans, relations, annotations, suggestions] = await Promise.all([
      ofDocuments(db.spans, stored),
      ofDocuments(db.relations, stored),
      ofDocuments(db.documentAnnotations, stored),
      ofDocuments(db.suggestions, stored),
    ]);
    for (const value of spans) add({ kind: 'span', value }, `span\u0000${value.id}`);
    for (const value of relations) add({ kind: 'relation', value }, `relation\u0000${value.id}`);
    for (const value of annotations) add({ kind: 'document', value }, `document\u0000${documentAnnotationKey(value.documentId, value.annotator)}`);
    for (const value of suggestions) add({ kind: 'suggestion', value }, `suggestion\u0000${value.id}`);
  }
  if (scope.relationTypes.size > 0) {
    const relations = await db.relations.where('[projectId+type]').anyOf([...scope.relationTypes].map((t) => [projectId, t])).toArray();
    for (const value of relations) add({ kind: 'relation', value }, `relation\u0000${value.id}`);
  }
  if (scope.categories) {
    for (const value of await db.documentAnnotations.where('projectId').equals(projectId).toArray()) {
      add({ kind: 'document', value }, `document\u0000${documentAnnotationKey(value.documentId, value.annotator)}`);
    }
  }
  const statuses = [...documents.values()].flatMap((doc) =>
    Object.entries(doc.statuses).map(([annotator, status]) => ({ documentId: doc.id, annotator, status })),
  );
  return { project, state: createState(project.schema, records, statuses), documents };
}

/** The ids of the documents a change adds (and does not also remove: those are read). */
function addedDocuments(change: Change): Set<string> {
  const parts = change.type === 'batch' ? change.changes : [change];
  const idsOf = (type: Change['type']) => parts.flatMap((part) => (part.type === type && 'documents' in part ? part.documents.map((d) => d.record.id) : []));
  const removed = new Set(idsOf('remove-documents'));
  return new Set(idsOf('add-documents').filter((id) => !removed.has(id)));
}

/**
 * The state the last commit of a one-document change left, and the change log entry it wrote.
 * The next change to the same document starts from it instead of reading and indexing all the
 * document's annotations again (~50 ms a label at 20,000 spans), as long as that entry is still
 * the log's newest: nothing has been committed since, by this window, a worker or another window
 * (annotations are written by commits only, and every commit is logged).
 */
interface LastCommit {
  projectId: string;
  documentId: string;
  seq: number;
  state: AnnotationState;
}
const lastCommits = new WeakMap<SpanwrightDatabase, LastCommit>();

/** The one document a change's scope is, or null when it reaches further (labels, new documents). */
function oneDocumentOf(scope: ChangeScope): string | null {
  const [documentId, ...others] = scope.documents;
  const further = scope.labels.size > 0 || scope.relationTypes.size > 0 || scope.categories || scope.labelDocuments || scope.newDocuments.size > 0;
  return documentId !== undefined && others.length === 0 && !further ? documentId : null;
}

/** The slice of the last commit, when it is still what the database holds (see LastCommit); else null. */
async function lastCommitSlice(db: SpanwrightDatabase, projectId: string, scope: ChangeScope): Promise<Slice | null> {
  const documentId = oneDocumentOf(scope);
  const last = lastCommits.get(db);
  if (!documentId || !last || last.projectId !== projectId || last.documentId !== documentId) return null;
  if ((await db.changeLog.orderBy(':id').lastKey()) !== last.seq) return null;
  const [project, document] = await Promise.all([db.projects.get(projectId), db.documents.get(documentId)]);
  // Gone meanwhile: the full read says why.
  if (!project || !document || document.projectId !== projectId) return null;
  return { project, state: last.state, documents: new Map([[documentId, document]]) };
}

async function writeAnnotations(db: SpanwrightDatabase, before: AnnotationState, after: AnnotationState): Promise<void> {
  for (const kind of ANNOTATION_KIND_IDS) {
    const old = before.annotations[kind] as ReadonlyMap<string, AnnotationValues[typeof kind]>;
    const next = after.annotations[kind] as ReadonlyMap<string, AnnotationValues[typeof kind]>;
    if (old === next) continue;
    const deleted = [...old].filter(([key]) => !next.has(key)).map(([, value]) => storageKey(kind, value));
    const changed = [...next].filter(([key, value]) => old.has(key) && old.get(key) !== value).map(([, value]) => value);
    // New records are added, never put: an id already used elsewhere in the project aborts the change.
    const added = [...next].filter(([key]) => !old.has(key)).map(([, value]) => value);
    const table = tableOf(db, kind) as unknown as {
      bulkDelete(keys: unknown[]): Promise<void>;
      bulkPut(items: unknown[]): Promise<unknown>;
      bulkAdd(items: unknown[]): Promise<unknown>;
    };
    if (deleted.length > 0) await table.bulkDelete(deleted);
    if (changed.length > 0) await table.bulkPut(changed);
    if (added.length > 0) await table.bulkAdd(added);
  }
}

/** Span counts and statuses of the slice's documents, from the state after the change. */
async function writeDocumentFacts(db: SpanwrightDatabase, slice: Slice, after: AnnotationState, now: number, addedIds: ReadonlySet<string>): Promise<void> {
  // Counted in maps, then written to records once per annotator: a record's own-key setter per
  // span was most of a label's commit at 20,000 spans.
  const tallies = new Map<string, Map<string, number>>();
  for (const span of after.annotations.span.values()) {
    if (!slice.documents.has(span.documentId)) continue;
    let perAnnotator = tallies.get(span.documentId);
    if (!perAnnotator) tallies.set(span.documentId, (perAnnotator = new Map()));
    perAnnotator.set(span.annotator, (perAnnotator.get(span.annotator) ?? 0) + 1);
  }
  const counts = new Map<string, Record<string, number>>();
  for (const [documentId, perAnnotator] of tallies) {
    const record: Record<string, number> = {};
    for (const [annotator, count] of perAnnotator) setOwn(record, annotator, count);
    counts.set(documentId, record);
  }
  const statuses = new Map<string, Record<string, DocumentStatus>>();
  for (const [key, status] of after.statuses) {
    const [documentId, annotator] = key.split('\u0000') as [string, string];
    const perAnnotator = statuses.get(documentId) ?? {};
    setOwn(perAnnotator, annotator, status);
    statuses.set(documentId, perAnnotator);
  }
  // Documents added by this change are written whole, in one request: their records are the
  // change's own, just added. Others are updated field by field (an earlier part of the change
  // may have changed their details).
  const added: DocumentRecord[] = [];
  for (const doc of slice.documents.values()) {
    const spanCounts = counts.get(doc.id) ?? {};
    const docStatuses = statuses.get(doc.id) ?? {};
    if (sameCounts(spanCounts, doc.spanCounts) && sameCounts(docStatuses, doc.statuses)) continue;
    if (addedIds.has(doc.id)) added.push({ ...doc, spanCounts, statuses: docStatuses, updatedAt: now });
    else await db.documents.update(doc.id, { spanCounts, statuses: docStatuses, updatedAt: now });
  }
  if (added.length > 0) await db.documents.bulkPut(added);
}

function sameCounts<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** What the log keeps of a change: imported texts are not repeated (they never change). */
function loggedForm(change: Change): Change {
  switch (change.type) {
    case 'add-documents':
    case 'remove-documents':
      return { ...change, documents: change.documents.map((d) => ({ record: d.record, text: '' })) };
    case 'batch':
      return { ...change, changes: change.changes.map(loggedForm) };
    default:
      return change;
  }
}

const WRITES_DOCUMENTS: ReadonlySet<Change['type']> = new Set(['batch', 'add-documents', 'remove-documents', 'document-meta']);

/** Adds the document rows; one whose id is taken already refuses the change, saying which. */
async function addNewDocuments(db: SpanwrightDatabase, documents: readonly NewDocument[]): Promise<void> {
  try {
    await db.documents.bulkAdd(documents.map((d) => d.record));
  } catch (error) {
    const taken = error instanceof Dexie.BulkError ? Object.entries(error.failuresByPos).find(([, e]) => e.name === 'ConstraintError') : undefined;
    if (taken) throw new Error(`Document ${documents[Number(taken[0])]?.record.meta.title ?? ''} is in the database already.`);
    throw error;
  }
}

async function writeDocuments(db: SpanwrightDatabase, change: Change, projectId: string, author: Author, now: number): Promise<void> {
  if (change.type === 'batch') {
    // Only the parts that write documents are awaited: thousands of awaits that ask the database
    // nothing (a merge's status changes) lose Dexie's hold on the transaction, which then commits early.
    for (const part of change.changes) if (WRITES_DOCUMENTS.has(part.type)) await writeDocuments(db, part, projectId, author, now);
    return;
  }
  if (change.type === 'add-documents') {
    if (change.documents.some((d) => d.record.projectId !== projectId)) throw new Error('A document belongs to another project.');
    // Added, never put: a document already in the database fails the add (and so the change),
    // without a read of every new id first.
    await addNewDocuments(db, change.documents);
    await db.texts.bulkAdd(change.documents.map((d) => ({ documentId: d.record.id, text: d.text })));
    // A document back (restored, or a removal undone) leaves the trash. Only those in it are
    // deleted: an import of thousands would otherwise ask to delete each of them.
    const ids = new Set(change.documents.map((d) => d.record.id));
    const trashed = (await db.trash.where('projectId').equals(projectId).primaryKeys()).filter((id) => ids.has(id));
    if (trashed.length > 0) await db.trash.bulkDelete(trashed);
  } else if (change.type === 'remove-documents') {
    // Nothing removed is lost: every removed document goes to the trash with its text (as
    // stored) and all its annotations, until restored or deleted for good.
    const ids = change.documents.map((d) => d.record.id);
    // A removal must take every annotation its documents hold (no row left pointing nowhere):
    // one built from an older state (an import undone after new work) is refused.
    const held = (
      await Promise.all([db.spans, db.relations, db.documentAnnotations, db.suggestions].map((table) => table.where('documentId').anyOf(ids).count()))
    ).reduce((a, b) => a + b, 0);
    if (held !== change.annotations.length)
      throw new Error(`${change.documents.length === 1 ? 'The document holds' : 'The documents hold'} annotations made since; remove ${change.documents.length === 1 ? 'it' : 'them'} from the document list instead.`);
    const texts = await db.texts.bulkGet(ids);
    await db.trash.bulkPut(
      change.documents.map((d, i) => ({
        documentId: d.record.id,
        projectId,
        removedAt: now,
        removedBy: author.annotator,
        document: { record: d.record, text: texts[i]?.text ?? d.text },
        annotations: change.annotations.filter((a) => a.value.documentId === d.record.id),
      })),
    );
    await db.documents.bulkDelete(ids);
    await db.texts.bulkDelete(ids);
  } else if (change.type === 'document-meta') {
    const doc = await db.documents.get(change.documentId);
    if (!doc || doc.projectId !== projectId) throw new Error('The document no longer exists in this project.');
    if (!sameValue(doc.meta, change.from)) throw new Error(`The details of “${doc.meta.title}” were changed elsewhere.`);
    await db.documents.update(change.documentId, { meta: change.to, updatedAt: now });
  }
}

/** Applies and logs a change; returns the state after it and the seq of its log entry. */
async function commitInTransaction(
  db: SpanwrightDatabase,
  projectId: string,
  change: Change,
  author: Author,
  slice: Slice,
  extra?: CommitExtras,
): Promise<{ state: AnnotationState; seq: number }> {
  const applied = applyChange(slice.state, change);
  if (!applied.ok) throw new Error(applied.error);
  const now = Date.now();
  await writeDocuments(db, change, projectId, author, now);
  // Added documents are counted from their annotations like any other.
  const addedIds = new Set<string>();
  const parts = change.type === 'batch' ? change.changes : [change];
  for (const part of parts) {
    if (part.type !== 'add-documents') continue;
    for (const d of part.documents) {
      slice.documents.set(d.record.id, d.record);
      addedIds.add(d.record.id);
    }
  }
  // One whose details the same change edits is no longer as the change added it.
  for (const part of parts) if (part.type === 'document-meta') addedIds.delete(part.documentId);
  await writeAnnotations(db, slice.state, applied.value);
  if (applied.value.schema !== slice.state.schema) await db.projects.update(projectId, { schema: applied.value.schema, updatedAt: now });
  await writeDocumentFacts(db, slice, applied.value, now, addedIds);
  if (extra?.annotators && extra.annotators.length > 0) {
    const known = await db.annotators.bulkGet(extra.annotators.map((a) => a.id));
    await db.annotators.bulkPut(extra.annotators.filter((_, i) => !known[i]));
  }
  const seq = await db.changeLog.add({ id: crypto.randomUUID(), projectId, time: now, annotator: author.annotator, change: loggedForm(change) });
  return { state: applied.value, seq };
}

export interface CommitExtras {
  /** Names of annotators the change brings (imports): added when not known yet. */
  annotators?: readonly Annotator[];
}

/**
 * What a write transaction spans: the tables it writes, and `settings`, where the project's
 * writer token (the fence of write-permits.ts) is read in the same transaction as the write.
 */
export const writeScope = (db: SpanwrightDatabase) => [...tablesOf(db), db.settings];

/**
 * Applies one change inside a write transaction the caller holds (over `writeScope`, with the
 * writer checked first): a streamed import commits its chunks so, all of them or none.
 */
export async function commitInOpenTransaction(db: SpanwrightDatabase, projectId: string, change: Change, author: Author, extra?: CommitExtras): Promise<void> {
  const slice = await loadSlice(db, projectId, changeScope(change), addedDocuments(change));
  await commitInTransaction(db, projectId, change, author, slice, extra);
}

/** Applies one change in one transaction (all of it or nothing) and logs it. Throws with the reason when it does not fit. */
export async function commitChange(db: SpanwrightDatabase, projectId: string, change: Change, author: Author, extra?: CommitExtras): Promise<void> {
  const scope = changeScope(change);
  const documentId = oneDocumentOf(scope);
  let last: LastCommit | undefined;
  try {
    await db.transaction('rw', writeScope(db), async () => {
      // Only the window that holds the project writes it (two windows would overwrite each other).
      // Checked first, inside this transaction: the steal that follows the check cannot slip in
      // before the write, because the taking window's writer token is written in a transaction
      // IndexedDB runs after this one, and that window loads the project only after it
      // (assertMayWrite says how; the only gap left is a full disk, where the lock alone guards).
      await assertMayWrite(db, projectId);
      const slice = (await lastCommitSlice(db, projectId, scope)) ?? (await loadSlice(db, projectId, scope, addedDocuments(change)));
      const written = await commitInTransaction(db, projectId, change, author, slice, extra);
      if (documentId) last = { projectId, documentId, ...written };
    });
  } catch (error) {
    lastCommits.delete(db);
    throw error;
  }
  // Kept only once its transaction has committed: an aborted one's seq is given out again.
  if (last) lastCommits.set(db, last);
  else lastCommits.delete(db);
}

/**
 * Builds a change from the slice of the project `scope` names (a label delete needs every
 * span of the label) and commits it, in one transaction. Returns the change (for undo), or
 * null when there was nothing to do; throws with the reason when it cannot be built.
 */
export async function commitBuilt(
  db: SpanwrightDatabase,
  projectId: string,
  scope: ChangeScope,
  build: (state: AnnotationState) => Result<Change | null>,
  author: Author,
): Promise<Change | null> {
  return db.transaction('rw', writeScope(db), async () => {
    await assertMayWrite(db, projectId);
    const slice = await loadSlice(db, projectId, scope);
    const built = build(slice.state);
    if (!built.ok) throw new Error(built.error);
    if (built.value === null) return null;
    await commitInTransaction(db, projectId, built.value, author, slice);
    return built.value;
  });
}

/** Reads the slice of a project a scope names, for building a change or counting what it would touch. */
export async function readSlice(db: SpanwrightDatabase, projectId: string, scope: ChangeScope): Promise<AnnotationState> {
  return db.transaction('r', tablesOf(db), async () => (await loadSlice(db, projectId, scope)).state);
}
