// The one writer (storage/commit.ts) against fake-indexeddb (the real IndexedDB is exercised
// by the e2e tests): every change lands whole or not at all, counts follow, and it is logged.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deletionScope, invertChange, type Change, type NewDocument } from '../../../src-shared/annotations/change';
import { addRelation, addSpans, deleteSchemaItem, editLabel, removeSpans } from '../../../src-shared/annotations/edits';
import { documentRecord as documentAnnotationRecord, relationRecord, spanRecord } from '../../../src-shared/annotations/kinds';
import { createState } from '../../../src-shared/annotations/state';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Relation, Span } from '../../../src-shared/domain';
import { ok } from '../../../src-shared/result';
import { commitBuilt, commitChange } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { countLabelUses, countSchemaItemUses, createProject } from '../../../src-renderer/src/storage/projects';
import { readDocumentAnnotations, readSpans } from '../../../src-renderer/src/storage/spans';
import { testDocument, testSpan } from '../fixtures/records';

let db: SpanwrightDatabase;
let counter = 0;
const me = { annotator: 'me' };

function documentRecord(id: string): DocumentRecord {
  return testDocument(id, { order: counter++, textLength: 20 });
}

function span(id: string, documentId: string, label: string, start: number, end: number, annotator = 'me'): Span {
  return testSpan({ id, start, end, documentId, annotator, label, layer: label === 'CLAIM' ? 'claim' : 'entity' });
}

function relation(id: string, type: string, from: string, to: string): Relation {
  return { id, projectId: 'p', documentId: 'd1', annotator: 'me', type, from, to, origin: 'manual', createdAt: 0, updatedAt: 0 };
}

function newDocuments(ids: string[], spans: Span[] = []): Change {
  const documents: NewDocument[] = ids.map((id) => ({ record: documentRecord(id), text: 'x'.repeat(20) }));
  return { type: 'add-documents', documents, annotations: spans.map(spanRecord) };
}

/** The state of one document as storage has it, for building changes the way the app does. */
async function stateOf(documentId: string) {
  const project = await db.projects.get('p');
  const doc = await db.documents.get(documentId);
  const statuses = Object.entries(doc?.statuses ?? {}).map(([annotator, status]) => ({ documentId, annotator, status }));
  return createState(project?.schema ?? defaultSchema(), await readDocumentAnnotations(db, documentId), statuses);
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`test-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me');
});

afterEach(async () => {
  await db.delete();
});

describe('adding documents', () => {
  it('stores documents, texts and spans together, counts the spans, and logs the change without the texts', async () => {
    await commitChange(db, 'p', newDocuments(['d1', 'd2'], [span('s1', 'd1', 'PERSON', 0, 3)]), me);
    expect(await db.documents.count()).toBe(2);
    expect((await db.texts.get('d1'))?.text).toBe('x'.repeat(20));
    expect(await readSpans(db, 'd1')).toHaveLength(1);
    expect((await db.documents.get('d1'))?.spanCounts).toEqual({ me: 1 });
    const [entry] = await db.changeLog.toArray();
    expect(entry).toMatchObject({ projectId: 'p', annotator: 'me', change: { type: 'add-documents' } });
    expect(entry?.change.type === 'add-documents' && entry.change.documents.map((d) => d.text)).toEqual(['', '']);
  });

  it('writes nothing when any document fails', async () => {
    await commitChange(db, 'p', newDocuments(['d1']), me);
    // d1 is not read first: its add fails, and takes the whole change with it.
    await expect(commitChange(db, 'p', newDocuments(['d2', 'd1'], [span('s2', 'd1', 'PERSON', 0, 3)]), me)).rejects.toThrow(
      /^Document .* is in the database already\.$/,
    );
    expect((await db.documents.toArray()).map((d) => d.id)).toEqual(['d1']);
    expect(await db.spans.count()).toBe(0);
    expect(await db.texts.get('d2')).toBeUndefined();
    expect(await db.changeLog.count()).toBe(1);
  });

  it('refuses a span id the project already uses, writing nothing', async () => {
    await commitChange(db, 'p', newDocuments(['d1'], [span('s1', 'd1', 'PERSON', 0, 3)]), me);
    await expect(commitChange(db, 'p', newDocuments(['d2'], [span('s1', 'd2', 'ORG', 0, 3)]), me)).rejects.toThrow();
    expect(await db.documents.get('d2')).toBeUndefined();
    expect((await readSpans(db, 'd1'))[0]?.label).toBe('PERSON');
  });
});

describe('annotation changes', () => {
  beforeEach(() => commitChange(db, 'p', newDocuments(['d1']), me));

  it('keeps span counts and statuses in step, and an inverted change restores everything', async () => {
    const added = span('s1', 'd1', 'PERSON', 0, 3);
    const change = addSpans(await stateOf('d1'), [added]) as Change;
    await commitChange(db, 'p', change, me);
    expect(await db.documents.get('d1')).toMatchObject({ spanCounts: { me: 1 }, statuses: { me: 'in_progress' } });
    // Another annotator's span counts for them, and moves only their status.
    const theirs = span('t1', 'd1', 'LOC', 4, 6, 'ana');
    const second = addSpans(await stateOf('d1'), [theirs]) as Change;
    await commitChange(db, 'p', second, me);
    expect(await db.documents.get('d1')).toMatchObject({ spanCounts: { me: 1, ana: 1 }, statuses: { me: 'in_progress', ana: 'in_progress' } });
    await commitChange(db, 'p', invertChange(second), me);
    await commitChange(db, 'p', invertChange(change), me);
    expect(await readSpans(db, 'd1')).toEqual([]);
    expect(await db.documents.get('d1')).toMatchObject({ spanCounts: {}, statuses: {} });
    expect(await db.changeLog.count()).toBe(5);
  });

  it('deleting a span deletes its relations, and the inverse brings both back', async () => {
    await commitChange(db, 'p', addSpans(await stateOf('d1'), [span('c', 'd1', 'CLAIM', 0, 10), span('a', 'd1', 'PERSON', 0, 3)]) as Change, me);
    const link = addRelation(await stateOf('d1'), relation('r', 'SOURCE', 'c', 'a'));
    if (!link.ok) throw new Error(link.error);
    await commitChange(db, 'p', link.value, me);
    const deletion = removeSpans(await stateOf('d1'), [(await db.spans.get(['p', 'a'])) as Span]) as Change;
    await commitChange(db, 'p', deletion, me);
    expect(await db.relations.count()).toBe(0);
    await commitChange(db, 'p', invertChange(deletion), me);
    expect((await db.relations.toArray()).map((r) => [r.type, r.from, r.to])).toEqual([['SOURCE', 'c', 'a']]);
  });

  it('refuses, writing nothing, a change that would leave a relation pointing at a missing span', async () => {
    await commitChange(db, 'p', addSpans(await stateOf('d1'), [span('c', 'd1', 'CLAIM', 0, 10), span('a', 'd1', 'PERSON', 0, 3)]) as Change, me);
    await commitChange(db, 'p', { type: 'edit', removed: [], added: [relationRecord(relation('r', 'SOURCE', 'c', 'a'))] }, me);
    const bare: Change = { type: 'edit', removed: [spanRecord((await db.spans.get(['p', 'a'])) as Span)], added: [] };
    await expect(commitChange(db, 'p', bare, me)).rejects.toThrow(/pointing at nothing/);
    expect(await db.spans.count()).toBe(2);
  });

  it('refuses a change to a document that does not exist', async () => {
    await expect(commitChange(db, 'p', { type: 'edit', removed: [], added: [spanRecord(span('s', 'nope', 'ORG', 0, 1))] }, me)).rejects.toThrow(
      /another project|no longer exists|does not exist/,
    );
    expect(await db.spans.count()).toBe(0);
  });
});

describe('label renames and deletes', () => {
  beforeEach(async () => {
    await commitChange(db, 'p', newDocuments(['d1', 'd2'], [span('a', 'd1', 'PERSON', 0, 2), span('b', 'd1', 'ORG', 3, 5), span('c', 'd2', 'PERSON', 0, 2, 'ana')]), me);
  });

  it('renaming keeps every span, under the new name, and is undone by its inverse', async () => {
    const schema = (await db.projects.get('p'))?.schema ?? defaultSchema();
    const person = schema.labels[0]!;
    const change = editLabel(schema, 'PERSON', { ...person, name: 'PER' }) as Change;
    await commitChange(db, 'p', change, me);
    expect((await db.spans.toArray()).sort((a, b) => a.id.localeCompare(b.id)).map((s) => s.label)).toEqual(['PER', 'ORG', 'PER']);
    expect((await db.projects.get('p'))?.schema.labels[0]?.name).toBe('PER');
    await commitChange(db, 'p', invertChange(change), me);
    expect((await db.spans.toArray()).sort((a, b) => a.id.localeCompare(b.id)).map((s) => s.label)).toEqual(['PERSON', 'ORG', 'PERSON']);
  });

  it('deleting counts (per annotator) and removes the spans that use the label; the inverse restores them', async () => {
    expect(await countLabelUses(db, 'p', 'PERSON')).toEqual(new Map([['me', 1], ['ana', 1]]));
    const change = await commitBuilt(db, 'p', deletionScope('label', 'PERSON'), (state) => ok(deleteSchemaItem(state, 'label', 'PERSON', 9)), me);
    expect((await db.spans.toArray()).map((s) => s.id)).toEqual(['b']);
    expect((await db.documents.get('d1'))?.spanCounts).toEqual({ me: 1 });
    expect((await db.documents.get('d2'))?.spanCounts).toEqual({});
    expect((await db.projects.get('p'))?.schema.labels.some((l) => l.name === 'PERSON')).toBe(false);
    await commitChange(db, 'p', invertChange(change as Change), me);
    expect((await db.spans.toArray()).map((s) => s.id).sort()).toEqual(['a', 'b', 'c']);
    expect((await db.documents.get('d2'))?.spanCounts).toEqual({ ana: 1 });
    expect((await db.projects.get('p'))?.schema).toEqual(defaultSchema());
  });
});

describe('what a schema delete takes with it', () => {
  it('counts per annotator the spans of a label, the relations of a type and the documents labelled in a category', async () => {
    await commitChange(db, 'p', newDocuments(['d1', 'd2'], [span('c', 'd1', 'CLAIM', 0, 10), span('a', 'd1', 'PERSON', 0, 3), span('t', 'd2', 'PERSON', 0, 3, 'ana')]), me);
    await commitChange(db, 'p', { type: 'edit', removed: [], added: [relationRecord(relation('r', 'SOURCE', 'c', 'a'))] }, me);
    const labelled = (documentId: string, annotator: string, labels: Record<string, string[]>) =>
      documentAnnotationRecord({ projectId: 'p', documentId, annotator, labels, note: '', updatedAt: 0 });
    await commitChange(
      db,
      'p',
      { type: 'edit', removed: [], added: [labelled('d1', 'me', { topic: ['health'] }), labelled('d2', 'me', { topic: [] }), labelled('d2', 'ana', { topic: ['crime'] })] },
      me,
    );
    expect(await countSchemaItemUses(db, 'p', 'label', 'PERSON')).toEqual(new Map([['me', 1], ['ana', 1]]));
    expect(await countSchemaItemUses(db, 'p', 'relation-type', 'SOURCE')).toEqual(new Map([['me', 1]]));
    expect(await countSchemaItemUses(db, 'p', 'relation-type', 'ABOUT')).toEqual(new Map());
    // A category with no value chosen does not count.
    expect(await countSchemaItemUses(db, 'p', 'category', 'topic')).toEqual(new Map([['me', 1], ['ana', 1]]));
  });
});
