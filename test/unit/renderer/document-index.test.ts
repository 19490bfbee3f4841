// The document list's index and filter (app/document-index.ts, app/document-filter.ts,
// app/changed-documents.ts): patched row by row, they must always equal what a fresh read of
// every row would give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedDocuments } from '../../../src-renderer/src/app/changed-documents';
import {
  documentPasses,
  filterIndex,
  NO_FILTER,
  refilter,
  type DocumentFilter,
  type FilterInputs,
} from '../../../src-renderer/src/app/document-filter';
import { DocumentIndex } from '../../../src-renderer/src/app/document-index';
import type { DocumentRecord, DocumentStatus } from '../../../src-shared/domain';

function doc(id: string, order: number, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    projectId: 'p',
    sourceId: id,
    order,
    meta: { title: `Title ${id}` },
    textHash: id,
    textLength: 1,
    statuses: {},
    spanCounts: {},
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

/** What the index must hold: every row, as a fresh read would give them. */
function expectSameAsFresh(index: DocumentIndex, rows: ReadonlyMap<string, DocumentRecord>) {
  const fresh = new DocumentIndex(rows.values());
  expect(index.ids).toEqual(fresh.ids);
  expect(index.size).toBe(rows.size);
  for (const annotator of ['me', 'ana', 'constructor']) expect(index.doneCount(annotator)).toBe(fresh.doneCount(annotator));
  expect([...index.annotatorsWithSpans].sort()).toEqual([...fresh.annotatorsWithSpans].sort());
  for (const id of fresh.ids) expect(index.titleKey(id)).toBe(fresh.titleKey(id));
}

describe('DocumentIndex', () => {
  it('lists by order, then id, as the [projectId+order] index reads them', () => {
    const index = new DocumentIndex([doc('b', 2), doc('z', 1), doc('a', 2), doc('m', 0)]);
    expect(index.ids).toEqual(['m', 'z', 'a', 'b']);
  });

  it('keeps the same id array when a row changes in place, and counts done and who has spans', () => {
    const index = new DocumentIndex([doc('a', 0), doc('b', 1)]);
    const ids = index.ids;
    const changed = index.apply(new Map([['a', doc('a', 0, { statuses: { me: 'done' }, spanCounts: { me: 2 } })]]));
    expect([...changed]).toEqual(['a']);
    expect(index.ids).toBe(ids);
    expect(index.version).toBe(1);
    expect(index.doneCount('me')).toBe(1);
    expect(index.annotatorsWithSpans).toEqual(['me']);
    const annotators = index.annotatorsWithSpans;
    index.apply(new Map([['b', doc('b', 1, { spanCounts: { me: 1 } })]]));
    expect(index.annotatorsWithSpans).toBe(annotators);
  });

  it('adds, moves and removes rows in place; a removed unknown row changes nothing', () => {
    const index = new DocumentIndex([doc('a', 0), doc('b', 2)]);
    index.apply(
      new Map<string, DocumentRecord | undefined>([
        ['c', doc('c', 1)],
        ['a', undefined],
        ['x', undefined],
      ]),
    );
    expect(index.ids).toEqual(['c', 'b']);
    expect(index.get('a')).toBeUndefined();
    expect(index.apply(new Map([['x', undefined]])).size).toBe(0);
    expect(index.version).toBe(1);
  });

  it('tells which rows changed since a version, or that it no longer knows', () => {
    const index = new DocumentIndex([doc('a', 0), doc('b', 1)]);
    index.apply(new Map([['a', doc('a', 0, { statuses: { me: 'done' } })]]));
    index.apply(new Map([['b', doc('b', 1, { statuses: { me: 'done' } })]]));
    expect([...(index.changedSince(0) ?? [])].sort()).toEqual(['a', 'b']);
    expect([...(index.changedSince(1) ?? [])]).toEqual(['b']);
    expect(index.changedSince(2)?.size).toBe(0);
    for (let i = 0; i < 40; i++) index.apply(new Map([['a', doc('a', 0, { meta: { title: `t${i}` } })]]));
    expect(index.changedSince(1)).toBeNull();
  });

  it('patched by any run of adds, edits and removals, equals a fresh read of the rows', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'constructor'];
    const statuses: DocumentStatus[] = ['todo', 'in_progress', 'done', 'skipped'];
    const row = fc.record({
      id: fc.constantFrom(...ids),
      present: fc.boolean(),
      order: fc.integer({ min: 0, max: 4 }),
      status: fc.constantFrom(...statuses),
      annotator: fc.constantFrom('me', 'ana', 'constructor'),
      spans: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 4 }), { maxLength: 12 }), (patches) => {
        const rows = new Map<string, DocumentRecord>();
        const index = new DocumentIndex();
        for (const patch of patches) {
          const updates = new Map<string, DocumentRecord | undefined>();
          for (const p of patch) {
            const record = p.present
              ? doc(p.id, p.order, {
                  meta: { title: `T${p.order}` },
                  statuses: Object.fromEntries([[p.annotator, p.status]]),
                  spanCounts: p.spans > 0 ? Object.fromEntries([[p.annotator, p.spans]]) : {},
                })
              : undefined;
            updates.set(p.id, record);
          }
          for (const [id, record] of updates) {
            if (record) rows.set(id, record);
            else rows.delete(id);
          }
          index.apply(updates);
          expectSameAsFresh(index, rows);
        }
      }),
    );
  });
});

describe('the list filter', () => {
  const rows = [
    doc('a', 0, { meta: { title: 'Harbour News' }, statuses: { me: 'done' } }),
    doc('b', 1, { meta: { title: 'Tram line' } }),
    doc('c', 2, { meta: { title: 'ÉCOLE' }, statuses: { ana: 'done' } }),
  ];
  const me: FilterInputs = { annotatorId: 'me' };

  it('matches status, title (any case) or a text match, and a document label', () => {
    const index = new DocumentIndex(rows);
    expect(filterIndex(index, NO_FILTER, me).ids).toBe(index.ids);
    expect(filterIndex(index, { ...NO_FILTER, status: 'todo' }, me).ids).toEqual(['b', 'c']);
    expect(filterIndex(index, { ...NO_FILTER, text: ' école ' }, me).ids).toEqual(['c']);
    expect(filterIndex(index, { ...NO_FILTER, text: 'harbour' }, { ...me, textMatches: new Map([['b', 1]]) }).ids).toEqual(['a', 'b']);
    const labels = new Map([['b', { topic: ['sport'] }]]);
    expect(
      filterIndex(index, { ...NO_FILTER, documentLabel: { category: 'topic', value: 'sport' } }, { ...me, labelsByDocument: labels }).ids,
    ).toEqual(['b']);
    const review: DocumentFilter = { ...NO_FILTER, status: 'needs-review' };
    expect(filterIndex(index, review, me).ids).toEqual(['a', 'b', 'c']);
    expect(
      filterIndex(index, review, {
        ...me,
        reviewLeft: new Map([
          ['a', 0],
          ['c', 2],
        ]),
      }).ids,
    ).toEqual(['c']);
  });

  it('after a patch, keeps its result when no row moved in or out, and recomputes when one did', () => {
    const index = new DocumentIndex(rows);
    const todo: DocumentFilter = { ...NO_FILTER, status: 'todo' };
    const before = filterIndex(index, todo, me);
    const spanOnly = index.apply(new Map([['b', doc('b', 1, { meta: { title: 'Tram line' }, spanCounts: { me: 1 } })]]));
    expect(refilter(before, index, spanOnly, todo, me)).toBe(before);
    const started = index.apply(new Map([['b', doc('b', 1, { meta: { title: 'Tram line' }, statuses: { me: 'in_progress' } })]]));
    const after = refilter(before, index, started, todo, me);
    expect(after.ids).toEqual(['c']);
    expect(documentPasses(index, 'b', todo, me)).toBe(false);
  });
});

describe('changedDocuments', () => {
  it('names the documents of the project that logged changes touched, and the last seq of any project', () => {
    const span = { kind: 'span' as const, value: { id: 's', projectId: 'p', documentId: 'd1', annotator: 'me' } } as never;
    const found = changedDocuments(
      [
        { seq: 4, projectId: 'p', change: { type: 'edit', removed: [], added: [span] } },
        { seq: 5, projectId: 'other', change: { type: 'status', documentId: 'x', annotator: 'me', from: 'todo', to: 'done' } },
        { seq: 6, projectId: 'p', change: { type: 'document-meta', documentId: 'd2', from: { title: 'a' }, to: { title: 'b' } } },
        { seq: 7, projectId: 'p', change: { type: 'rename', what: 'label', from: 'A', to: 'B' } },
      ],
      'p',
      3,
    );
    expect([...found.documentIds].sort()).toEqual(['d1', 'd2']);
    expect(found.lastSeq).toBe(7);
    expect(changedDocuments([], 'p', 9).lastSeq).toBe(9);
  });

  it('leaves out documents whose only changes are suggestions, relations or document labels', () => {
    const record = (kind: string, documentId: string) =>
      ({ kind, value: { id: `${kind}-${documentId}`, projectId: 'p', documentId, annotator: 'me' } }) as never;
    const found = changedDocuments(
      [
        {
          projectId: 'p',
          change: { type: 'edit', removed: [record('suggestion', 'd1')], added: [record('span', 'd2'), record('relation', 'd3')] },
        },
        {
          projectId: 'p',
          change: {
            type: 'batch',
            changes: [{ type: 'edit', removed: [], added: [record('suggestion', 'd4'), record('document', 'd5')] }],
          },
        },
      ],
      'p',
    );
    expect([...found.documentIds]).toEqual(['d2']);
  });
});
