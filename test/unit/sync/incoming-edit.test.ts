// What the server holds for one (document, annotator) turned into a change on the local copy:
// a teammate's work replaces ours, our own work from another machine is merged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src-shared/annotations/apply';
import { changeParts, type Change } from '../../../src-shared/annotations/change';
import { recordKey, type AnnotationRecord } from '../../../src-shared/annotations/kinds';
import { sameValue } from '../../../src-shared/annotations/same-value';
import { createState, recordsOf, statusIn, type AnnotationState } from '../../../src-shared/annotations/state';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentStatus, Relation, Span } from '../../../src-shared/domain';
import { mergeOwnAnnotations, replaceAnnotations } from '../../../src-shared/sync/incoming-edit';
import type { LocalAnnotations } from '../../../src-shared/sync/server-documents';
import { ANNOTATOR, DOCUMENT, localAnnotationsArb, PROJECT, sortedRecords, statusArb } from '../../support/sync-arbitraries';

const tagged = (record: AnnotationRecord) => `${record.kind}\u0000${recordKey(record)}`;

/**
 * Two versions of one annotator's work that share records: each record of `b` is `a`'s
 * version, a new version or absent, so records come out equal, changed, removed and added;
 * relations are kept only where both their spans are.
 */
const twoVersionsArb: fc.Arbitrary<[LocalAnnotations, LocalAnnotations]> = fc
  .tuple(localAnnotationsArb(), localAnnotationsArb(), fc.infiniteStream(fc.constantFrom('a', 'fresh', 'none')), statusArb)
  .map(([a, fresh, picks, status]) => {
    const fromA = new Map(a.records.map((r) => [tagged(r), r]));
    const fromFresh = new Map(fresh.records.map((r) => [tagged(r), r]));
    const chosen: AnnotationRecord[] = [];
    for (const key of new Set([...fromA.keys(), ...fromFresh.keys()])) {
      const pick = picks.next().value;
      const record =
        pick === 'a' ? (fromA.get(key) ?? fromFresh.get(key)) : pick === 'fresh' ? (fromFresh.get(key) ?? fromA.get(key)) : undefined;
      if (record) chosen.push(record);
    }
    const spans = new Set(chosen.flatMap((r) => (r.kind === 'span' ? [r.value.id] : [])));
    const records = chosen.filter((r) => r.kind !== 'relation' || (spans.has(r.value.from) && spans.has(r.value.to)));
    return [a, { status, records }];
  });

/** Another annotator's and another document's work, which a change must leave alone. */
const bystanders: AnnotationRecord[] = [
  { kind: 'span', value: span('other-1', 'ben', DOCUMENT) },
  { kind: 'span', value: span('other-2', ANNOTATOR, 'd2') },
  { kind: 'relation', value: relation('other-r', 'other-2', 'other-2', ANNOTATOR, 'd2') },
  {
    kind: 'document',
    value: { projectId: PROJECT, documentId: DOCUMENT, annotator: 'ben', labels: { topic: ['x'] }, note: '', updatedAt: 1 },
  },
];

function span(id: string, annotator = ANNOTATOR, documentId = DOCUMENT, fields: Partial<Span> = {}): Span {
  return {
    id,
    projectId: PROJECT,
    documentId,
    annotator,
    layer: 'entity',
    label: 'PERSON',
    start: 0,
    end: 3,
    text: 'Ana',
    attributes: {},
    origin: 'manual',
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

function relation(
  id: string,
  from: string,
  to: string,
  annotator = ANNOTATOR,
  documentId = DOCUMENT,
  fields: Partial<Relation> = {},
): Relation {
  return {
    id,
    projectId: PROJECT,
    documentId,
    annotator,
    type: 'SOURCE',
    from,
    to,
    origin: 'manual',
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

function stateHolding(local: LocalAnnotations): AnnotationState {
  return createState(
    defaultSchema(),
    [...local.records, ...bystanders],
    [
      { documentId: DOCUMENT, annotator: ANNOTATOR, status: local.status },
      { documentId: DOCUMENT, annotator: 'ben', status: 'done' },
    ],
  );
}

/** The annotator's records on the document in a state. */
function annotatorRecords(state: AnnotationState): AnnotationRecord[] {
  return sortedRecords([...recordsOf(state)].filter((r) => r.value.documentId === DOCUMENT && r.value.annotator === ANNOTATOR));
}

function applied(state: AnnotationState, change: Change | null): AnnotationState {
  if (change === null) return state;
  const result = applyChange(state, change);
  if (!result.ok) throw new Error(`the change does not apply: ${result.error}`);
  return result.value;
}

function danglingRelations(state: AnnotationState): Relation[] {
  return [...state.annotations.relation.values()].filter((r) => !state.annotations.span.has(r.from) || !state.annotations.span.has(r.to));
}

const edits = (change: Change | null) => (change ? changeParts(change).filter((p) => p.type === 'edit') : []);

describe('replaceAnnotations', () => {
  it('gives no change when the server holds what is here, whatever the order of records and keys', () => {
    fc.assert(
      fc.property(localAnnotationsArb(), (local) => {
        const reordered = {
          status: local.status,
          records: [...local.records]
            .reverse()
            .map((r) => ({ ...r, value: Object.fromEntries(Object.entries(r.value).reverse()) }) as AnnotationRecord),
        };
        expect(replaceAnnotations(DOCUMENT, ANNOTATOR, local, reordered)).toBeNull();
      }),
    );
  });

  it('removes and adds only the records that differ, and changes the status only when it differs', () => {
    fc.assert(
      fc.property(twoVersionsArb, ([local, incoming]) => {
        const change = replaceAnnotations(DOCUMENT, ANNOTATOR, local, incoming);
        const parts = change ? changeParts(change) : [];
        const removed = edits(change).flatMap((p) => (p.type === 'edit' ? p.removed : []));
        const added = edits(change).flatMap((p) => (p.type === 'edit' ? p.added : []));
        const unchanged = (r: AnnotationRecord, other: LocalAnnotations) =>
          other.records.some((o) => tagged(o) === tagged(r) && sameValue(o.value, r.value));
        expect(removed.every((r) => local.records.includes(r) && !unchanged(r, incoming))).toBe(true);
        expect(added.every((r) => incoming.records.includes(r) && !unchanged(r, local))).toBe(true);
        expect(removed.length).toBe(local.records.filter((r) => !unchanged(r, incoming)).length);
        expect(added.length).toBe(incoming.records.filter((r) => !unchanged(r, local)).length);
        const statuses = parts.filter((p) => p.type === 'status');
        expect(statuses).toEqual(
          local.status === incoming.status
            ? []
            : [{ type: 'status', documentId: DOCUMENT, annotator: ANNOTATOR, from: local.status, to: incoming.status }],
        );
      }),
    );
  });

  it('applies cleanly to a state holding the local records and leaves exactly the incoming ones', () => {
    fc.assert(
      fc.property(twoVersionsArb, ([local, incoming]) => {
        const before = stateHolding(local);
        const after = applied(before, replaceAnnotations(DOCUMENT, ANNOTATOR, local, incoming));
        expect(sameValue(annotatorRecords(after), sortedRecords(incoming.records))).toBe(true);
        expect(statusIn(after, DOCUMENT, ANNOTATOR)).toBe(incoming.status);
        expect(danglingRelations(after)).toEqual([]);
        // Nobody else's work moves.
        for (const record of bystanders) expect(after.annotations[record.kind].get(recordKey(record))).toBe(record.value);
        expect(statusIn(after, DOCUMENT, 'ben')).toBe('done');
      }),
    );
  });

  it('replaces spans under a relation that stays, and a relation whose spans go, in one change', () => {
    const local: LocalAnnotations = {
      status: 'in_progress',
      records: [
        { kind: 'span', value: span('a') },
        { kind: 'span', value: span('b') },
        { kind: 'span', value: span('c') },
        { kind: 'relation', value: relation('r1', 'a', 'b') },
        { kind: 'relation', value: relation('r2', 'b', 'c') },
      ],
    };
    const incoming: LocalAnnotations = {
      status: 'done',
      records: [
        { kind: 'span', value: span('a', ANNOTATOR, DOCUMENT, { label: 'ORG', updatedAt: 5 }) },
        { kind: 'span', value: span('b', ANNOTATOR, DOCUMENT, { end: 2, text: 'An', updatedAt: 5 }) },
        { kind: 'span', value: span('d') },
        { kind: 'relation', value: relation('r1', 'a', 'b') },
        { kind: 'relation', value: relation('r3', 'd', 'a') },
      ],
    };
    const change = replaceAnnotations(DOCUMENT, ANNOTATOR, local, incoming);
    const [edit] = edits(change);
    expect(edit?.type === 'edit' && edit.removed.map(tagged).sort()).toEqual([
      'relation\u0000r2',
      'span\u0000a',
      'span\u0000b',
      'span\u0000c',
    ]);
    expect(edit?.type === 'edit' && edit.added.map(tagged).sort()).toEqual([
      'relation\u0000r3',
      'span\u0000a',
      'span\u0000b',
      'span\u0000d',
    ]);
    const after = applied(stateHolding(local), change);
    expect(sameValue(annotatorRecords(after), sortedRecords(incoming.records))).toBe(true);
    expect(statusIn(after, DOCUMENT, ANNOTATOR)).toBe('done');
  });

  it('gives a status change alone when only the status differs', () => {
    const local: LocalAnnotations = { status: 'todo', records: [{ kind: 'span', value: span('a') }] };
    expect(replaceAnnotations(DOCUMENT, ANNOTATOR, local, { ...local, status: 'skipped' })).toEqual({
      type: 'status',
      documentId: DOCUMENT,
      annotator: ANNOTATOR,
      from: 'todo',
      to: 'skipped',
    });
  });
});

describe('mergeOwnAnnotations', () => {
  const byKey = (records: readonly AnnotationRecord[]) => new Map(records.map((r) => [tagged(r), r]));

  it('keeps every record of either side, and the later edit of a record on both', () => {
    fc.assert(
      fc.property(twoVersionsArb, ([local, incoming]) => {
        const merged = byKey(mergeOwnAnnotations(local, incoming).records);
        const mine = byKey(local.records);
        const theirs = byKey(incoming.records);
        expect([...merged.keys()].sort()).toEqual([...new Set([...mine.keys(), ...theirs.keys()])].sort());
        for (const [key, record] of merged) {
          const a = mine.get(key);
          const b = theirs.get(key);
          if (!a) expect(record).toBe(b);
          else if (!b) expect(record).toBe(a);
          else if (a.value.updatedAt !== b.value.updatedAt) expect(record).toBe(a.value.updatedAt > b.value.updatedAt ? a : b);
          else expect([a, b]).toContain(record);
        }
      }),
    );
  });

  it('takes the furthest status of the two', () => {
    const rank: Record<DocumentStatus, number> = { todo: 0, in_progress: 1, skipped: 2, done: 3 };
    fc.assert(
      fc.property(statusArb, statusArb, (a, b) => {
        const status = mergeOwnAnnotations({ status: a, records: [] }, { status: b, records: [] }).status;
        expect(status).toBe(rank[a] >= rank[b] ? a : b);
      }),
    );
  });

  it('gives the same result on both machines, whichever side is local (a tie in time included)', () => {
    fc.assert(
      fc.property(twoVersionsArb, ([a, b]) => {
        const here = mergeOwnAnnotations(a, b);
        const there = mergeOwnAnnotations(b, a);
        expect(here.status).toBe(there.status);
        expect(sameValue(sortedRecords(here.records), sortedRecords(there.records))).toBe(true);
      }),
    );
    // Edited on both machines in the same millisecond: one version wins on both.
    const one: LocalAnnotations = {
      status: 'todo',
      records: [{ kind: 'span', value: span('a', ANNOTATOR, DOCUMENT, { label: 'ORG', updatedAt: 7 }) }],
    };
    const two: LocalAnnotations = {
      status: 'todo',
      records: [{ kind: 'span', value: span('a', ANNOTATOR, DOCUMENT, { label: 'LOC', updatedAt: 7 }) }],
    };
    expect(mergeOwnAnnotations(one, two).records).toEqual(mergeOwnAnnotations(two, one).records);
  });

  it('merges into a change that applies and never leaves a relation pointing at a missing span', () => {
    fc.assert(
      fc.property(twoVersionsArb, ([local, incoming]) => {
        const merged = mergeOwnAnnotations(local, incoming);
        const after = applied(stateHolding(local), replaceAnnotations(DOCUMENT, ANNOTATOR, local, merged));
        expect(sameValue(annotatorRecords(after), sortedRecords(merged.records))).toBe(true);
        expect(danglingRelations(after)).toEqual([]);
        // Merging what came of it again changes nothing.
        expect(replaceAnnotations(DOCUMENT, ANNOTATOR, merged, mergeOwnAnnotations(merged, incoming))).toBeNull();
      }),
    );
  });

  it('keeps the span a relation edited on the other machine points at, though this machine never had it', () => {
    // Here: r1 links a and b. There: span c was added and r1 moved to point at it, later.
    const here: LocalAnnotations = {
      status: 'in_progress',
      records: [
        { kind: 'span', value: span('a') },
        { kind: 'span', value: span('b') },
        { kind: 'relation', value: relation('r1', 'a', 'b') },
      ],
    };
    const there: LocalAnnotations = {
      status: 'in_progress',
      records: [
        { kind: 'span', value: span('a') },
        { kind: 'span', value: span('c', ANNOTATOR, DOCUMENT, { start: 4, end: 8, text: 'Lima', createdAt: 9, updatedAt: 9 }) },
        { kind: 'relation', value: relation('r1', 'a', 'c', ANNOTATOR, DOCUMENT, { updatedAt: 9 }) },
      ],
    };
    for (const [local, incoming] of [
      [here, there],
      [there, here],
    ] as const) {
      const merged = mergeOwnAnnotations(local, incoming);
      expect(merged.records.map(tagged).sort()).toEqual(['relation\u0000r1', 'span\u0000a', 'span\u0000b', 'span\u0000c']);
      expect(merged.records.find((r) => r.kind === 'relation')?.value).toMatchObject({ from: 'a', to: 'c' });
      const after = applied(stateHolding(local), replaceAnnotations(DOCUMENT, ANNOTATOR, local, merged));
      expect(danglingRelations(after)).toEqual([]);
    }
  });
});
