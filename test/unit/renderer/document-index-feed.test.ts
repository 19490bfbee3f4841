// The document index kept current from the change log (app/document-index-feed.ts), against
// fake-indexeddb: after every commit it equals a fresh read of the project's rows.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src-shared/annotations/change';
import { addSpans } from '../../../src-shared/annotations/edits';
import { createState } from '../../../src-shared/annotations/state';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { followProjectDocuments } from '../../../src-renderer/src/app/document-index-feed';
import type { DocumentIndex } from '../../../src-renderer/src/app/document-index';
import { commitChange } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';
import { testDocument, testSpan } from '../fixtures/records';

let db: SpanwrightDatabase;
const me = { annotator: 'me' };

function record(id: string, order: number, projectId = 'p'): DocumentRecord {
  return testDocument(id, { projectId, order, textLength: 20 });
}

function span(id: string, documentId: string): Span {
  return testSpan({ id, start: 0, end: 3, documentId });
}

const add = (ids: string[], from: number, projectId = 'p'): Change => ({
  type: 'add-documents',
  documents: ids.map((id, i) => ({ record: record(id, from + i, projectId), text: 'x'.repeat(20) })),
  annotations: [],
});

/** Follows project `p` and resolves each time the index settles to `wanted`. */
function follow() {
  let latest: DocumentIndex | undefined;
  const waiters: Array<() => void> = [];
  const stop = followProjectDocuments(
    db,
    'p',
    (index) => {
      latest = index;
      for (const wake of waiters.splice(0)) wake();
    },
    (error) => {
      throw error;
    },
  );
  const until = async (check: (index: DocumentIndex) => boolean) => {
    for (let i = 0; i < 100; i++) {
      if (latest && check(latest)) return latest;
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    throw new Error('the index never got there');
  };
  return { stop, until };
}

async function expectFresh(index: DocumentIndex) {
  const rows = await db.documents.where('projectId').equals('p').toArray();
  expect(new Set(index.ids)).toEqual(new Set(rows.map((r) => r.id)));
  for (const row of rows) expect(index.get(row.id)).toEqual(row);
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`feed-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'P', schema: defaultSchema() }, 'me');
  await createProject(db, { id: 'q', name: 'Q', schema: defaultSchema() }, 'me');
  await commitChange(db, 'p', add(['d1', 'd2'], 0), me);
});

afterEach(async () => {
  await db.delete();
});

describe('followProjectDocuments', () => {
  it('reads the rows once, then follows labels, imports and removals of this project only', async () => {
    const feed = follow();
    const first = await feed.until((index) => index.size === 2);
    await expectFresh(first);
    const ids = first.ids;

    const state = createState(defaultSchema(), [], []);
    await commitChange(db, 'p', addSpans(state, [span('s1', 'd1')]) as Change, me);
    let index = await feed.until((i) => i.get('d1')?.spanCounts['me'] === 1);
    expect(index.ids).toBe(ids);
    expect(index.get('d1')?.statuses).toEqual({ me: 'in_progress' });
    expect(index.annotatorsWithSpans).toEqual(['me']);

    await commitChange(db, 'q', add(['other'], 0, 'q'), me);
    await commitChange(db, 'p', add(['d3'], 2), me);
    index = await feed.until((i) => i.size === 3);
    expect(index.ids).toEqual(['d1', 'd2', 'd3']);
    expect(index.get('other')).toBeUndefined();

    const d2 = (await db.documents.get('d2')) as DocumentRecord;
    await commitChange(db, 'p', { type: 'remove-documents', documents: [{ record: d2, text: '' }], annotations: [] }, me);
    index = await feed.until((i) => i.size === 2);
    expect(index.ids).toEqual(['d1', 'd3']);
    await expectFresh(index);
    feed.stop();
  });
});
