// A change to the document the last commit changed starts from that commit's state, unread, only
// while nothing else has been committed since: a teammate's window or a worker writing the same
// document in between is read, never overwritten or miscounted.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { spanAdded, spanRemoved, testDocument, testSpan } from '../fixtures/records';
import { closeWindows, twoWindowsWithProject, type StorageWindow } from '../fixtures/storage-window';

const TEXT = 'Ana met Ben and Cy in Quay Street.';
const NAME = 'commit-reuse-test';

type Window = StorageWindow;

function record(id: string): DocumentRecord {
  return testDocument(id, { textHash: 'h', textLength: TEXT.length });
}
function span(id: string, start: number, end: number, documentId = 'd1'): Span {
  return testSpan({ id, start, end, documentId }, TEXT);
}
const add = spanAdded;
const remove = spanRemoved;
const me = { annotator: 'me' };

let one: Window;
let two: Window;

beforeEach(async () => {
  [one, two] = await twoWindowsWithProject(NAME, [
    { record: record('d1'), text: TEXT },
    { record: { ...record('d2'), order: 1 }, text: TEXT },
  ]);
});

afterEach(() => closeWindows(one, two));

const stored = async (w: Window, documentId = 'd1') => (await w.db.spans.where('documentId').equals(documentId).toArray()).map((s) => s.id).sort();
const counted = async (w: Window, documentId = 'd1') => (await w.db.documents.get(documentId))?.spanCounts;

describe('a commit after a commit to the same document', () => {
  it('does not read the document’s annotations again, and counts and stores as a full read would', async () => {
    const ana = span('ana', 0, 3);
    await one.commitChange(one.db, 'p', add(ana), me);
    const reads = vi.spyOn(one.db.spans, 'where');
    await one.commitChange(one.db, 'p', add(span('ben', 8, 11)), me);
    await one.commitChange(one.db, 'p', remove(ana), me);
    expect(reads).not.toHaveBeenCalled();
    expect(await stored(one)).toEqual(['ben']);
    expect(await counted(one)).toEqual({ me: 1 });
    // Another document is read in full.
    await one.commitChange(one.db, 'p', add(span('cy', 16, 18, 'd2')), me);
    expect(reads).toHaveBeenCalled();
    expect(await counted(one, 'd2')).toEqual({ me: 1 });
  });

  it('reads the document again when another window committed to it in between', async () => {
    await one.commitChange(one.db, 'p', add(span('ana', 0, 3)), me);
    await two.commitChange(two.db, 'p', add(span('ben', 8, 11)), me);
    await one.commitChange(one.db, 'p', add(span('cy', 16, 18)), me);
    expect(await stored(one)).toEqual(['ana', 'ben', 'cy']);
    expect(await counted(one)).toEqual({ me: 3 });
    // What the other window added is there to remove: the state it is checked against holds it.
    await one.commitChange(one.db, 'p', remove(span('ben', 8, 11)), me);
    expect(await stored(one)).toEqual(['ana', 'cy']);
    expect(await counted(one)).toEqual({ me: 2 });
  });

  it('after a refused change, the next one starts from what is stored', async () => {
    const ana = span('ana', 0, 3);
    await one.commitChange(one.db, 'p', add(ana), me);
    // The same span again: refused (its id is taken), nothing written.
    await expect(one.commitChange(one.db, 'p', add(ana), me)).rejects.toThrow();
    await two.commitChange(two.db, 'p', add(span('ben', 8, 11)), me);
    await one.commitChange(one.db, 'p', add(span('cy', 16, 18)), me);
    expect(await stored(one)).toEqual(['ana', 'ben', 'cy']);
    expect(await counted(one)).toEqual({ me: 3 });
  });
});
