// Storage logic against fake-indexeddb (the real IndexedDB is exercised by the e2e tests).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { storeDocuments, type PreparedDocument } from '../../../src-renderer/src/storage/documents';
import { countSpansWithLabel, createProject, deleteLabel, updateLabel } from '../../../src-renderer/src/storage/projects';
import { applySpanChange, invertChange, readSpans } from '../../../src-renderer/src/storage/spans';

let db: SpanwrightDatabase;
let counter = 0;

function documentRecord(id: string): DocumentRecord {
  return {
    id, projectId: 'p', sourceId: id, order: counter++, meta: { title: id }, textHash: `h-${id}`, textLength: 20,
    statuses: {}, spanCounts: {}, createdAt: 0, updatedAt: 0,
  };
}

function span(id: string, documentId: string, label: string, start: number, end: number): Span {
  return {
    id, projectId: 'p', documentId, annotator: 'me', layer: label === 'CLAIM' ? 'claim' : 'entity', label,
    start, end, text: 'x'.repeat(end - start), attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0,
  };
}

function prepared(id: string, spans: Span[] = []): PreparedDocument {
  return { record: { ...documentRecord(id), spanCounts: spans.length > 0 ? { me: spans.length } : {} }, text: 'x'.repeat(20), spans };
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`test-${Math.random()}`);
  await createProject(db, 'p', 'Test', defaultSchema());
});

afterEach(async () => {
  await db.delete();
});

describe('storeDocuments', () => {
  it('stores documents, texts and spans together', async () => {
    await storeDocuments(db, [prepared('d1', [span('s1', 'd1', 'PERSON', 0, 3)]), prepared('d2')]);
    expect(await db.documents.count()).toBe(2);
    expect((await db.texts.get('d1'))?.text).toBe('x'.repeat(20));
    expect(await readSpans(db, 'd1')).toHaveLength(1);
  });

  it('writes nothing when any document fails', async () => {
    await storeDocuments(db, [prepared('d1')]);
    await expect(storeDocuments(db, [prepared('d2'), prepared('d1')])).rejects.toThrow();
    expect((await db.documents.toArray()).map((d) => d.id)).toEqual(['d1']);
    expect(await db.texts.get('d2')).toBeUndefined();
  });
});

describe('applySpanChange', () => {
  it('keeps the span count and status in step, and an inverted change restores everything', async () => {
    await storeDocuments(db, [prepared('d1')]);
    const added = span('s1', 'd1', 'PERSON', 0, 3);
    const change = { documentId: 'd1', removed: [], added: [added] };
    await applySpanChange(db, change);
    expect(await db.documents.get('d1')).toMatchObject({ spanCounts: { me: 1 }, statuses: { me: 'in_progress' } });
    const relabelled = { ...added, label: 'ORG' };
    await applySpanChange(db, { documentId: 'd1', removed: [added], added: [relabelled] });
    expect(await db.documents.get('d1')).toMatchObject({ spanCounts: { me: 1 } });
    // Another annotator's span counts for them, and moves only their status.
    const theirs = { ...span('t1', 'd1', 'LOC', 4, 6), annotator: 'ana' };
    await applySpanChange(db, { documentId: 'd1', removed: [], added: [theirs] });
    expect(await db.documents.get('d1')).toMatchObject({ spanCounts: { me: 1, ana: 1 }, statuses: { me: 'in_progress', ana: 'in_progress' } });
    await applySpanChange(db, invertChange({ documentId: 'd1', removed: [], added: [theirs] }));
    expect((await readSpans(db, 'd1'))[0]?.label).toBe('ORG');
    await applySpanChange(db, invertChange(change));
    expect(await readSpans(db, 'd1')).toEqual([]);
    expect((await db.documents.get('d1'))?.spanCounts).toEqual({});
  });

  it('refuses a change to a document that does not exist', async () => {
    await expect(applySpanChange(db, { documentId: 'nope', removed: [], added: [span('s', 'nope', 'ORG', 0, 1)] })).rejects.toThrow(/no longer exists/);
    expect(await db.spans.count()).toBe(0);
  });
});

describe('label renames and deletes', () => {
  beforeEach(async () => {
    await storeDocuments(db, [
      prepared('d1', [span('a', 'd1', 'PERSON', 0, 2), span('b', 'd1', 'ORG', 3, 5)]),
      prepared('d2', [span('c', 'd2', 'PERSON', 0, 2)]),
    ]);
  });

  it('renaming keeps every span, under the new name', async () => {
    const person = defaultSchema().labels[0]!;
    await updateLabel(db, 'p', 'PERSON', { ...person, name: 'PER' });
    expect((await db.spans.toArray()).sort((a, b) => a.id.localeCompare(b.id)).map((s) => s.label)).toEqual(['PER', 'ORG', 'PER']);
    expect((await db.projects.get('p'))?.schema.labels[0]?.name).toBe('PER');
  });

  it('deleting counts and removes the spans that use the label', async () => {
    expect(await countSpansWithLabel(db, 'p', 'PERSON')).toBe(2);
    expect(await deleteLabel(db, 'p', 'PERSON')).toBe(2);
    expect((await db.spans.toArray()).map((s) => s.id)).toEqual(['b']);
    expect((await db.documents.get('d1'))?.spanCounts).toEqual({ me: 1 });
    expect((await db.documents.get('d2'))?.spanCounts).toEqual({});
    expect((await db.projects.get('p'))?.schema.labels.some((l) => l.name === 'PERSON')).toBe(false);
  });
});
