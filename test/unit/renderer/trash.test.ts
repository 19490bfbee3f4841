// Removing documents (to the trash), restoring them, editing their details and deleting projects:
// through the one writer, all or nothing, with nothing lost until deleted for good.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentsScope, invertChange, type Change, type NewDocument } from '../../../src-shared/annotations/change';
import { editDocumentMeta, removeDocuments } from '../../../src-shared/annotations/edits';
import { documentRecord as documentAnnotationRecord, relationRecord, spanRecord, suggestionRecord } from '../../../src-shared/annotations/kinds';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { ok } from '../../../src-shared/result';
import { commitBuilt, commitChange } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject, deleteProject } from '../../../src-renderer/src/storage/projects';
import { deleteFromTrash, readTrash } from '../../../src-renderer/src/storage/trash';
import { testDocument, testSpan } from '../fixtures/records';

let db: SpanwrightDatabase;
const me = { annotator: 'me' };
const TEXT = 'Ana met Ben in Quay Street.';

function record(id: string, projectId = 'p', order = 0): DocumentRecord {
  return testDocument(id, { projectId, order, meta: { title: `Title ${id}`, source: 'wire' }, textLength: TEXT.length });
}
function span(id: string, documentId: string, annotator: string, start: number, end: number, projectId = 'p'): Span {
  return testSpan({ id, start, end, documentId, annotator, projectId }, TEXT);
}

/** Two documents; d1 holds spans of two annotators, a relation, document labels and a suggestion. */
async function fill(projectId = 'p'): Promise<void> {
  const a = span('s1', 'd1', 'me', 0, 3, projectId);
  const b = span('s2', 'd1', 'ana', 8, 11, projectId);
  const change: Change = {
    type: 'add-documents',
    documents: [{ record: record('d1', projectId), text: TEXT }, { record: record('d2', projectId, 1), text: TEXT }].map((d) => ({ ...d, record: { ...d.record, id: projectId === 'p' ? d.record.id : `${projectId}-${d.record.id}` } })),
    annotations: [],
  };
  if (projectId !== 'p') {
    await commitChange(db, projectId, change, me);
    return;
  }
  change.annotations = [
    spanRecord(a),
    spanRecord(span('s3', 'd1', 'me', 8, 11)),
    spanRecord(b),
    relationRecord({ id: 'r1', projectId, documentId: 'd1', annotator: 'me', type: 'SOURCE', from: 's1', to: 's3', origin: 'manual', createdAt: 0, updatedAt: 0 }),
    documentAnnotationRecord({ projectId, documentId: 'd1', annotator: 'me', labels: { topic: ['politics'] }, note: 'check', updatedAt: 0 }),
    suggestionRecord({ id: 'g1', projectId, documentId: 'd1', annotator: 'me', layer: 'entity', label: 'LOC', start: 15, end: 26, text: 'Quay Street', source: 'same-string', status: 'pending', createdAt: 0, updatedAt: 0 }),
  ];
  await commitChange(db, projectId, change, me);
}

async function remove(ids: string[]): Promise<Change | null> {
  const documents: NewDocument[] = [];
  for (const id of ids) documents.push({ record: (await db.documents.get(id)) as DocumentRecord, text: (await db.texts.get(id))?.text as string });
  return commitBuilt(db, 'p', documentsScope(ids), (state) => ok(removeDocuments(state, documents)), me);
}

async function rowsOf(documentId: string) {
  return {
    document: await db.documents.get(documentId),
    text: await db.texts.get(documentId),
    spans: await db.spans.where('documentId').equals(documentId).sortBy('id'),
    relations: await db.relations.where('documentId').equals(documentId).toArray(),
    documentAnnotations: await db.documentAnnotations.where('documentId').equals(documentId).toArray(),
    suggestions: await db.suggestions.where('documentId').equals(documentId).toArray(),
  };
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`trash-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me');
  await fill();
});

afterEach(async () => {
  await db.delete();
});

describe('the trash', () => {
  it('takes a removed document whole (every annotator) and gives it back exactly', async () => {
    const before = await rowsOf('d1');
    expect(before.spans).toHaveLength(3);
    const change = await remove(['d1']);
    expect(change?.type).toBe('remove-documents');
    const gone = await rowsOf('d1');
    expect(gone).toEqual({ document: undefined, text: undefined, spans: [], relations: [], documentAnnotations: [], suggestions: [] });
    const [entry, ...others] = await readTrash(db, 'p');
    expect(others).toHaveLength(0);
    expect(entry?.document.text).toBe(TEXT);
    expect(entry?.document.record.meta.title).toBe('Title d1');
    expect(entry?.annotations).toHaveLength(6);
    expect(entry?.removedBy).toBe('me');

    // Restoring is adding it back: everything as it was, and the trash forgets it.
    if (!entry) throw new Error('no entry');
    await commitChange(db, 'p', { type: 'add-documents', documents: [entry.document], annotations: entry.annotations }, me);
    expect(await rowsOf('d1')).toEqual(before);
    expect(await readTrash(db, 'p')).toEqual([]);
  });

  it('an undone removal leaves the trash too; redoing it puts it back', async () => {
    const change = (await remove(['d1', 'd2'])) as Change;
    expect((await readTrash(db, 'p')).map((e) => e.documentId).sort()).toEqual(['d1', 'd2']);
    await commitChange(db, 'p', invertChange(change), me);
    expect(await readTrash(db, 'p')).toEqual([]);
    expect((await rowsOf('d1')).spans).toHaveLength(3);
    await commitChange(db, 'p', change, me);
    expect(await readTrash(db, 'p')).toHaveLength(2);
  });

  it('refuses a removal that would leave annotations behind, and changes nothing', async () => {
    const documents: NewDocument[] = [{ record: (await db.documents.get('d1')) as DocumentRecord, text: TEXT }];
    // An import undone after new work: the change lists only the spans it brought.
    const stale: Change = { type: 'remove-documents', documents, annotations: [] };
    await expect(commitChange(db, 'p', stale, me)).rejects.toThrow(/annotations made since/);
    expect((await rowsOf('d1')).spans).toHaveLength(3);
    expect(await readTrash(db, 'p')).toEqual([]);
  });

  it('deletes for good only what it is asked to, in its project', async () => {
    await remove(['d1', 'd2']);
    await deleteFromTrash(db, 'other', ['d1']);
    expect(await readTrash(db, 'p')).toHaveLength(2);
    await deleteFromTrash(db, 'p', ['d1']);
    expect((await readTrash(db, 'p')).map((e) => e.documentId)).toEqual(['d2']);
  });
});

describe('document details', () => {
  it('edits title and details as an undoable change, refusing one made from stale details', async () => {
    const doc = (await db.documents.get('d2')) as DocumentRecord;
    const edit = editDocumentMeta('d2', doc.meta, { ...doc.meta, title: 'A better title', language: 'en' });
    if (!edit.ok || !edit.value) throw new Error('no change');
    await commitChange(db, 'p', edit.value, me);
    expect((await db.documents.get('d2'))?.meta).toEqual({ title: 'A better title', source: 'wire', language: 'en' });
    await expect(commitChange(db, 'p', edit.value, me)).rejects.toThrow(/changed elsewhere/);
    await commitChange(db, 'p', invertChange(edit.value), me);
    expect((await db.documents.get('d2'))?.meta).toEqual(doc.meta);
    expect(editDocumentMeta('d2', doc.meta, { ...doc.meta, title: '  ' })).toEqual({ ok: false, error: 'A document needs a title.' });
    expect(editDocumentMeta('d2', doc.meta, { ...doc.meta })).toEqual({ ok: true, value: null });
  });
});

describe('deleting a project', () => {
  it('removes every row of that project and nothing of another', async () => {
    await createProject(db, { id: 'q', name: 'Other', schema: defaultSchema() }, 'me');
    await fill('q');
    await remove(['d2']);
    await db.settings.put({ key: 'scrollTop:d1', value: 10 });
    await deleteProject(db, 'p');
    expect(await db.projects.get('p')).toBeUndefined();
    for (const table of [db.documents, db.spans, db.relations, db.documentAnnotations, db.suggestions, db.changeLog, db.trash]) {
      expect(await table.where('projectId').equals('p').count()).toBe(0);
    }
    expect(await db.texts.bulkGet(['d1', 'd2'])).toEqual([undefined, undefined]);
    expect(await db.settings.get('scrollTop:d1')).toBeUndefined();
    expect(await db.documents.where('projectId').equals('q').count()).toBe(2);
    expect(await db.texts.get('q-d1')).toEqual({ documentId: 'q-d1', text: TEXT });
  });
});
