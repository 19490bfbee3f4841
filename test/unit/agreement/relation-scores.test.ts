// Relation precision/recall/F1: both ends and the type must match; undirected types may swap their ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchSpans, type MatchMode } from '../../../src-shared/agreement/span-matching';
import { scoreRelations, sumRelationScores, type RelationEnds } from '../../../src-shared/agreement/relation-scores';
import type { AgreementSpan } from '../../../src-shared/agreement/types';

function span(label: string, start: number, end: number): AgreementSpan {
  return { documentId: 'd1', layer: 'entity', label, start, end };
}

// 'Ada Lovelace met Charles Babbage in London.'
// ann: 0 PER Ada Lovelace [0, 12), 1 PER Charles Babbage [17, 32), 2 LOC London [36, 42)
// bob: 0 PER Ada Lovelace [0, 12), 1 PER Charles Babbage [17, 32), 2 LOC "Londo" [36, 41): overlaps London only.
const ANN_SPANS = [span('PER', 0, 12), span('PER', 17, 32), span('LOC', 36, 42)];
const BOB_SPANS = [span('PER', 0, 12), span('PER', 17, 32), span('LOC', 36, 41)];
const ANN: RelationEnds[] = [
  { type: 'MET', from: 0, to: 1 }, // r1
  { type: 'IN', from: 1, to: 2 }, // r2: its target is London
  { type: 'KNOWS', from: 0, to: 1 }, // r3
];
const BOB: RelationEnds[] = [
  { type: 'MET', from: 0, to: 1 }, // s1 = r1
  { type: 'IN', from: 1, to: 2 }, // s2: r2 only where "Londo" matches London (overlap)
  { type: 'KNOWS', from: 1, to: 0 }, // s3: r3 swapped
  { type: 'MET', from: 1, to: 0 }, // s4: r1 reversed
];

function scored(mode: MatchMode, undirected: string[] = ['KNOWS']) {
  return scoreRelations(ANN, BOB, matchSpans(ANN_SPANS, BOB_SPANS, mode), new Set(undirected));
}

describe('scoreRelations', () => {
  it('exact ends: type and both ends must match, undirected ends may be swapped', () => {
    // MET: r1 = s1 tp; s4 is reversed and MET is directed: fp.  IN: London was not matched
    // exactly, so r2 fn and s2 fp.  KNOWS (undirected): r3 = s3 swapped, tp.
    // Overall tp 2, fp 2, fn 1: P = 2/4, R = 2/3, F1 = 2*2/(2*2 + 2 + 1) = 4/7.
    const result = scored('exact');
    expect(result.types).toEqual([
      { type: 'IN', tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 },
      { type: 'KNOWS', tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 },
      { type: 'MET', tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1, f1: 2 / 3 },
    ]);
    expect(result.overall).toEqual({ tp: 2, fp: 2, fn: 1, precision: 0.5, recall: 2 / 3, f1: 4 / 7 });
  });

  it('overlap ends: an end matches where the spans overlap', () => {
    // "Londo" now pairs with London, so r2 = s2: tp 3, fp 1 (s4), fn 0: P = 3/4, R = 1, F1 = 6/7.
    expect(scored('overlap').overall).toEqual({ tp: 3, fp: 1, fn: 0, precision: 0.75, recall: 1, f1: 6 / 7 });
  });

  it('a directed type needs the ends in the same order', () => {
    // KNOWS taken as directed: r3 fn, s3 fp. Exact: tp 1, fp 3, fn 2: F1 = 2/(2 + 3 + 2) = 2/7.
    expect(scored('exact', []).overall).toMatchObject({ tp: 1, fp: 3, fn: 2 });
    expect(scored('exact', []).overall.f1).toBeCloseTo(2 / 7, 12);
  });

  it('pairs duplicates one to one, and needs the types to match', () => {
    const matching = matchSpans(ANN_SPANS, BOB_SPANS, 'exact');
    // ann MET 0->1 twice, bob once: tp 1, fn 1. bob's SAW 0->1 is another type: fp.
    const result = scoreRelations(
      [
        { type: 'MET', from: 0, to: 1 },
        { type: 'MET', from: 0, to: 1 },
      ],
      [
        { type: 'MET', from: 0, to: 1 },
        { type: 'SAW', from: 0, to: 1 },
      ],
      matching,
      new Set(),
    );
    expect(result.types.map((item) => [item.type, item.tp, item.fp, item.fn])).toEqual([
      ['MET', 1, 0, 1],
      ['SAW', 0, 1, 0],
    ]);
  });

  it('with no relations on either side is total agreement on nothing', () => {
    expect(scoreRelations([], [], matchSpans(ANN_SPANS, BOB_SPANS, 'exact'), new Set())).toEqual({
      overall: { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 },
      types: [],
    });
  });

  it('sums documents count by count', () => {
    // exact + overlap as if two documents: MET tp 2 fp 2; IN tp 1 fp 1 fn 1; KNOWS tp 2.
    // tp 5, fp 3, fn 1: F1 = 10/(10 + 3 + 1) = 10/14.
    const sum = sumRelationScores([scored('exact'), scored('overlap')]);
    expect(sum.types.map((item) => [item.type, item.tp, item.fp, item.fn])).toEqual([
      ['IN', 1, 1, 1],
      ['KNOWS', 2, 0, 0],
      ['MET', 2, 2, 0],
    ]);
    expect(sum.overall.f1).toBeCloseTo(10 / 14, 12);
  });
});

describe('scoreRelations properties', () => {
  const spanArb = fc
    .record({ start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 6 }), label: fc.constantFrom('PER', 'LOC') })
    .map(({ start, length, label }) => span(label, start, start + length));
  const side = fc.array(spanArb, { minLength: 1, maxLength: 6 }).chain((spans) =>
    fc.record({
      spans: fc.constant(spans),
      relations: fc.array(
        fc.record({ type: fc.constantFrom('A', 'B'), from: fc.nat({ max: spans.length - 1 }), to: fc.nat({ max: spans.length - 1 }) }),
        { maxLength: 6 },
      ),
    }),
  );
  const undirected = new Set(['B']);

  it('F1 does not depend on which side is the reference; precision and recall swap', () => {
    fc.assert(
      fc.property(side, side, fc.constantFrom<MatchMode>('exact', 'overlap'), (a, b, mode) => {
        const ab = scoreRelations(a.relations, b.relations, matchSpans(a.spans, b.spans, mode), undirected).overall;
        const ba = scoreRelations(b.relations, a.relations, matchSpans(b.spans, a.spans, mode), undirected).overall;
        expect(ba.tp).toBe(ab.tp);
        expect(ba.f1).toBeCloseTo(ab.f1, 12);
        expect(ba.precision).toBeCloseTo(ab.recall, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('an annotator against a copy of itself scores 1 in both modes, and overlap pairs at least as many spans as exact', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        for (const mode of ['exact', 'overlap'] as const)
          expect(scoreRelations(a.relations, a.relations, matchSpans(a.spans, a.spans, mode), undirected).overall.f1).toBe(1);
        expect(matchSpans(a.spans, b.spans, 'overlap').pairs.length).toBeGreaterThanOrEqual(
          matchSpans(a.spans, b.spans, 'exact').pairs.length,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a maximum overlap matching may re-pair an exact match, and a relation on it then counts as missed', () => {
    // ann: [9, 13) and [11, 17); bob: [11, 17) and [16, 22). Two pairs are only possible as
    // [9, 13)-[11, 17) and [11, 17)-[16, 22), so bob's [11, 17) no longer pairs with ann's.
    const annSpans = [span('LOC', 9, 13), span('LOC', 11, 17)];
    const bobSpans = [span('LOC', 11, 17), span('LOC', 16, 22)];
    const annRelations: RelationEnds[] = [{ type: 'A', from: 1, to: 1 }];
    const bobRelations: RelationEnds[] = [{ type: 'A', from: 0, to: 0 }];
    expect(matchSpans(annSpans, bobSpans, 'overlap').pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(scoreRelations(annRelations, bobRelations, matchSpans(annSpans, bobSpans, 'exact'), undirected).overall.tp).toBe(1);
    expect(scoreRelations(annRelations, bobRelations, matchSpans(annSpans, bobSpans, 'overlap'), undirected).overall.tp).toBe(0);
  });
});
