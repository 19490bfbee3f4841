// Reading a whole project's rows a page at a time (storage/documents.ts readProjectDocuments):
// the same rows, in list order, as one read, whatever the page size and however many rows share
// an order across a page's edge; and the index taking them in page by page equals one built at once.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord } from '../../../src-shared/domain';
import { commitChange } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { readProjectDocuments } from '../../../src-renderer/src/storage/documents';
import { DocumentIndex } from '../../../src-renderer/src/app/document-index';
import { createProject } from '../../../src-renderer/src/storage/projects';

let db: SpanwrightDatabase;

const record = (id: string, order: number, projectId: string): DocumentRecord => ({
  id,
  projectId,
  sourceId: id,
  order,
  meta: { title: id },
  textHash: `h-${id}`,
  textLength: 1,
  statuses: {},
  spanCounts: {},
  createdAt: 0,
  updatedAt: 0,
});

async function addDocuments(projectId: string, orders: readonly number[], prefix: string) {
  const documents = orders.map((order, i) => ({ record: record(`${prefix}${i}`, order, projectId), text: 'x' }));
  await commitChange(db, projectId, { type: 'add-documents', documents, annotations: [] }, { annotator: 'me' });
}

const oneRead = (projectId: string) =>
  db.documents.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).toArray();

beforeEach(async () => {
  db = new SpanwrightDatabase(`pages-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'P', schema: defaultSchema() }, 'me');
  await createProject(db, { id: 'q', name: 'Q', schema: defaultSchema() }, 'me');
});

afterEach(async () => {
  await db.delete();
});

describe('readProjectDocuments', () => {
  it('reads every row of the project once, in list order, for any page size and shared orders', async () => {
    // Orders with runs of equal values longer than a page, and another project's rows between.
    await addDocuments('p', [5, 1, 1, 1, 1, 1, 2, 3, 3, 9, 9, 9, 9, 9, 9, 9, 0, 4], 'd');
    await addDocuments('q', [1, 2, 3], 'other');
    const expected = await oneRead('p');
    expect(expected).toHaveLength(18);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), async (pageRows) => {
        const ids: string[] = [];
        await readProjectDocuments(db, 'p', (rows) => ids.push(...rows.map((r) => r.id)), pageRows);
        // Rows may come again at a page’s edge (runs of one order longer than a page: many times), never out of order.
        expect([...new Set(ids)]).toEqual(expected.map((r) => r.id));
      }),
      { numRuns: 20 },
    );
  });

  it('gives the change-log position read before the rows', async () => {
    await addDocuments('p', [0, 1, 2], 'd');
    const newest = await db.changeLog.orderBy(':id').lastKey();
    let read = 0;
    const { lastSeq } = await readProjectDocuments(db, 'p', (rows) => (read += rows.length), 2);
    expect(read).toBeGreaterThanOrEqual(3);
    expect(lastSeq).toBe(newest);
  });
});

describe('DocumentIndex taking a project in a page at a time', () => {
  it('equals the index built from all rows at once, pages overlapping or not, a row moved or not', async () => {
    await addDocuments('p', [3, 1, 1, 2, 7, 7, 7, 0], 'd');
    const all = await oneRead('p');
    const whole = new DocumentIndex(all);
    const paged = new DocumentIndex();
    paged.loadPage(all.slice(0, 5));
    paged.loadPage(all.slice(3)); // overlapping: rows 3 and 4 again
    paged.finishLoading();
    expect(paged.ids).toEqual(whole.ids);
    expect(paged.records()).toEqual(whole.records());
    // A row that moved while the pages were read comes out of order: the index sorts it in.
    const moved = new DocumentIndex();
    moved.loadPage([...all.slice(1), { ...(all[0] as DocumentRecord), order: 5 }]);
    moved.finishLoading();
    expect(moved.ids).toEqual([...all.slice(1, 5).map((r) => r.id), (all[0] as DocumentRecord).id, ...all.slice(5).map((r) => r.id)]);
  });
});
