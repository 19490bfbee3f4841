// Span matching (exact and overlap, one to one) and the precision/recall/F1 built on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerId } from '../../../src-shared/domain';
import { score } from '../../../src-shared/agreement/scores';
import { matchSpans } from '../../../src-shared/agreement/span-matching';
import { scoreSpans, sumSpanScores } from '../../../src-shared/agreement/span-scores';
import type { AgreementSpan } from '../../../src-shared/agreement/types';

function span(label: string, start: number, end: number, documentId = 'd1', layer: LayerId = 'entity'): AgreementSpan {
  return { documentId, layer, label, start, end };
}

describe('score', () => {
  it('computes P, R and F1 from counts', () => {
    // tp 2, fp 1, fn 3: P = 2/3, R = 2/5, F1 = 4/(4 + 1 + 3) = 0.5.
    expect(score({ tp: 2, fp: 1, fn: 3 })).toEqual({ tp: 2, fp: 1, fn: 3, precision: 2 / 3, recall: 2 / 5, f1: 0.5 });
  });

  it('is 1 everywhere when neither side has spans, 0 where only one side has any', () => {
    expect(score({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(score({ tp: 0, fp: 0, fn: 4 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(score({ tp: 0, fp: 4, fn: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('matchSpans', () => {
  it('exact: same document, layer, label, start and end; duplicates pair off one to one', () => {
    const a = [span('PER', 0, 5), span('PER', 0, 5), span('ORG', 10, 15), span('PER', 20, 25, 'd2'), span('PER', 30, 35, 'd1', 'claim')];
    const b = [span('PER', 0, 5), span('ORG', 10, 14), span('PER', 20, 25, 'd1'), span('PER', 30, 35)];
    const result = matchSpans(a, b, 'exact');
    expect(result.pairs).toEqual([[0, 0]]);
    expect(result.unmatchedReference).toEqual([1, 2, 3, 4]);
    expect(result.unmatchedCandidate).toEqual([1, 2, 3]);
  });

  it('overlap: ranges must share a unit; touching ranges do not match', () => {
    const result = matchSpans([span('PER', 0, 5)], [span('PER', 5, 9)], 'overlap');
    expect(result.pairs).toEqual([]);
    expect(matchSpans([span('PER', 0, 5)], [span('PER', 4, 9)], 'overlap').pairs).toEqual([[0, 0]]);
  });

  it('overlap: one span never matches two, and the largest overlap is taken first', () => {
    // A: [0, 10). B: [0, 3) overlaps by 3, [2, 10) by 8 -> A pairs with B1; B0 is a false positive.
    const result = matchSpans([span('PER', 0, 10)], [span('PER', 0, 3), span('PER', 2, 10)], 'overlap');
    expect(result.pairs).toEqual([[0, 1]]);
    expect(result.unmatchedCandidate).toEqual([0]);
  });

  it('overlap: labels must agree unless ignoreLabel', () => {
    expect(matchSpans([span('PER', 0, 10)], [span('ORG', 0, 10)], 'overlap').pairs).toEqual([]);
    expect(matchSpans([span('PER', 0, 10)], [span('ORG', 0, 10)], 'overlap', { ignoreLabel: true }).pairs).toEqual([[0, 0]]);
    // With labels ignored, a same-label pair still wins over an equal different-label one.
    const a = [span('PER', 0, 10)];
    const b = [span('ORG', 0, 10), span('PER', 0, 10)];
    expect(matchSpans(a, b, 'overlap', { ignoreLabel: true }).pairs).toEqual([[0, 1]]);
  });
});

describe('scoreSpans', () => {
  // Reference A and candidate B on one document:
  //   PER [0, 5) exact in both; PER [10, 20) vs PER [12, 20): overlap only;
  //   ORG [30, 40) only in A; ORG [50, 60) vs LOC [50, 60): label differs.
  const a = [span('PER', 0, 5), span('PER', 10, 20), span('ORG', 30, 40), span('ORG', 50, 60)];
  const b = [span('PER', 0, 5), span('PER', 12, 20), span('LOC', 50, 60)];

  it('exact: counts per label and micro-averaged overall', () => {
    const result = scoreSpans(a, b, 'exact');
    // LOC: fp 1. ORG: fn 2. PER: tp 1, fp 1, fn 1. Overall tp 1, fp 2, fn 3:
    // P = 1/3, R = 1/4, F1 = 2/(2 + 2 + 3) = 2/7.
    expect(result.labels.map((item) => [item.label, item.tp, item.fp, item.fn])).toEqual([
      ['LOC', 0, 1, 0],
      ['ORG', 0, 0, 2],
      ['PER', 1, 1, 1],
    ]);
    expect(result.overall).toEqual({ tp: 1, fp: 2, fn: 3, precision: 1 / 3, recall: 1 / 4, f1: 2 / 7 });
    expect(result.labels[2]).toMatchObject({ layer: 'entity', precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('overlap: the partial PER match counts', () => {
    const result = scoreSpans(a, b, 'overlap');
    // Overall tp 2, fp 1, fn 2: P = 2/3, R = 2/4, F1 = 4/(4 + 1 + 2) = 4/7. PER is perfect.
    expect(result.overall).toEqual({ tp: 2, fp: 1, fn: 2, precision: 2 / 3, recall: 0.5, f1: 4 / 7 });
    expect(result.labels.find((item) => item.label === 'PER')).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
  });

  it('orders labels by layer, then by label; keeps layers apart', () => {
    const result = scoreSpans([span('Z', 0, 1), span('claim', 0, 9, 'd1', 'claim'), span('A', 2, 3)], [], 'exact');
    expect(result.labels.map((item) => `${item.layer}/${item.label}`)).toEqual(['entity/A', 'entity/Z', 'claim/claim']);
  });

  it('edge cases: nothing on either side is total agreement; one side empty is 0', () => {
    expect(scoreSpans([], [], 'overlap')).toEqual({ overall: { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 }, labels: [] });
    expect(scoreSpans(a, [], 'overlap').overall).toMatchObject({ fn: 4, precision: 0, recall: 0, f1: 0 });
    expect(scoreSpans([], b, 'exact').overall).toMatchObject({ fp: 3, precision: 0, recall: 0, f1: 0 });
  });

  it('total agreement gives 1 and total disagreement 0', () => {
    expect(scoreSpans(a, a, 'exact').overall.f1).toBe(1);
    expect(scoreSpans(a, [span('X', 70, 80)], 'overlap').overall).toMatchObject({ tp: 0, f1: 0, precision: 0, recall: 0 });
  });

  it('sums documents by counts, not by averaging scores', () => {
    const one = scoreSpans([span('PER', 0, 5)], [span('PER', 0, 5)], 'exact');
    const two = scoreSpans([span('PER', 0, 5, 'd2'), span('PER', 9, 12, 'd2')], [], 'exact');
    // tp 1, fn 2 -> recall 1/3 (the mean of the documents' recalls would be 0.5).
    expect(sumSpanScores([one, two]).overall).toMatchObject({ tp: 1, fp: 0, fn: 2, recall: 1 / 3 });
  });
});

describe('properties', () => {
  const spanArb = fc
    .record({
      documentId: fc.constantFrom('d1', 'd2'),
      layer: fc.constantFrom<LayerId>('entity', 'claim'),
      label: fc.constantFrom('PER', 'ORG', 'LOC'),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ length, ...rest }): AgreementSpan => ({ ...rest, end: rest.start + length }));
  const spansArb = fc.array(spanArb, { maxLength: 14 });

  it('F1 does not depend on which annotator is the reference (overall and per label)', () => {
    fc.assert(
      fc.property(spansArb, spansArb, fc.constantFrom('exact' as const, 'overlap' as const), (a, b, mode) => {
        const ab = scoreSpans(a, b, mode);
        const ba = scoreSpans(b, a, mode);
        expect(ab.overall.f1).toBeCloseTo(ba.overall.f1, 12);
        expect(ab.overall.tp).toBe(ba.overall.tp);
        expect(ab.overall.precision).toBeCloseTo(ba.overall.recall, 12);
        expect(ab.labels.map((item) => item.f1)).toEqual(ba.labels.map((item) => item.f1));
      }),
      { numRuns: 300 },
    );
  });

  it('overlap F1 >= exact F1, and matching is one to one', () => {
    fc.assert(
      fc.property(spansArb, spansArb, (a, b) => {
        expect(scoreSpans(a, b, 'overlap').overall.f1).toBeGreaterThanOrEqual(scoreSpans(a, b, 'exact').overall.f1);
        const matching = matchSpans(a, b, 'overlap');
        const references = matching.pairs.map(([r]) => r);
        const candidates = matching.pairs.map(([, c]) => c);
        expect(new Set(references).size).toBe(references.length);
        expect(new Set(candidates).size).toBe(candidates.length);
        expect(matching.pairs.length + matching.unmatchedReference.length).toBe(a.length);
        expect(matching.pairs.length + matching.unmatchedCandidate.length).toBe(b.length);
      }),
      { numRuns: 300 },
    );
  });

  it('an annotator compared with itself scores 1', () => {
    fc.assert(
      fc.property(spansArb, (a) => {
        expect(scoreSpans(a, a, 'exact').overall.f1).toBe(1);
        expect(scoreSpans(a, [...a].reverse(), 'overlap').overall.f1).toBe(1);
      }),
    );
  });
});
