import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareSpans, isSettled, type ReviewSpan } from '../../../src-shared/review/compare-spans';
import { describeTextDifference } from '../../../src-shared/review/text-difference';

let n = 0;
const s = (annotator: string, label: string, start: number, end: number, layer: 'entity' | 'claim' = 'entity'): ReviewSpan => ({
  id: `s${n++}`, annotator, layer, label, start, end,
});

describe('compareSpans', () => {
  it('sorts every kind of (dis)agreement into its item', () => {
    const items = compareSpans(
      [
        s('a', 'PERSON', 0, 5), s('b', 'PERSON', 0, 5), // agreement
        s('a', 'ORG', 10, 15), s('b', 'LOC', 10, 15), // label
        s('a', 'LOC', 20, 30), s('b', 'LOC', 22, 30), // boundary
        s('a', 'DATE', 40, 45), // missing for b
        s('b', 'CLAIM', 0, 30, 'claim'), // claim layer, missing for a
      ],
      ['a', 'b'],
    );
    expect(items.map((i) => [i.layer, i.start, i.end, i.kind])).toEqual([
      ['claim', 0, 30, 'missing'],
      ['entity', 0, 5, 'agreement'],
      ['entity', 10, 15, 'label'],
      ['entity', 20, 30, 'boundary'],
      ['entity', 40, 45, 'missing'],
    ]);
    const label = items[2];
    expect(label?.versions.map((v) => v.spans.map((x) => x.label))).toEqual([['ORG'], ['LOC']]);
  });

  it('only compares the annotators asked for, in their order', () => {
    const items = compareSpans([s('a', 'PERSON', 0, 5), s('c', 'ORG', 0, 5)], ['a', 'b']);
    expect(items).toHaveLength(1);
    expect(items[0]?.kind).toBe('missing');
    expect(items[0]?.versions.map((v) => v.annotator)).toEqual(['a', 'b']);
  });

  it('two spans of one annotator in one item is a boundary disagreement', () => {
    const items = compareSpans([s('a', 'LOC', 0, 10), s('b', 'LOC', 0, 4), s('b', 'LOC', 5, 10)], ['a', 'b']);
    expect(items.map((i) => i.kind)).toEqual(['boundary']);
  });

  it('keys stay the same for the same spans, whatever their ids or order', () => {
    const one = compareSpans([s('a', 'LOC', 0, 4), s('b', 'ORG', 0, 4)], ['a', 'b']);
    const two = compareSpans([s('b', 'ORG', 0, 4), s('a', 'LOC', 0, 4)], ['a', 'b']);
    expect(one[0]?.key).toBe(two[0]?.key);
  });

  it('every compared span lands in exactly one item, and items of a layer never overlap', () => {
    const arb = fc.array(
      fc.record({
        annotator: fc.constantFrom('a', 'b', 'c'),
        label: fc.constantFrom('X', 'Y'),
        layer: fc.constantFrom<'entity' | 'claim'>('entity', 'claim'),
        start: fc.integer({ min: 0, max: 50 }),
        length: fc.integer({ min: 1, max: 10 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const spans = raw.map((r, i) => ({ id: `x${i}`, annotator: r.annotator, label: r.label, layer: r.layer, start: r.start, end: r.start + r.length }));
        const items = compareSpans(spans, ['a', 'b', 'c']);
        const seen = items.flatMap((i) => i.versions.flatMap((v) => v.spans.map((x) => x.id))).sort();
        expect(seen).toEqual(spans.map((x) => x.id).sort());
        for (const layer of ['entity', 'claim']) {
          const ofLayer = items.filter((i) => i.layer === layer);
          for (let i = 1; i < ofLayer.length; i++) expect(ofLayer[i]!.start).toBeGreaterThanOrEqual(ofLayer[i - 1]!.end);
        }
      }),
    );
  });
});

describe('isSettled', () => {
  const [item] = compareSpans([s('a', 'ORG', 10, 15), s('b', 'LOC', 10, 15)], ['a', 'b']);
  it('is settled by a gold span over it, or a rejection, not by a gold span elsewhere', () => {
    expect(isSettled(item!, [], new Set())).toBe(false);
    expect(isSettled(item!, [s('gold', 'LOC', 10, 15)], new Set())).toBe(true);
    expect(isSettled(item!, [s('gold', 'LOC', 20, 25)], new Set())).toBe(false);
    expect(isSettled(item!, [s('gold', 'LOC', 10, 15, 'claim')], new Set())).toBe(false);
    expect(isSettled(item!, [], new Set([item!.key]))).toBe(true);
  });
});

describe('describeTextDifference', () => {
  it('is null for equal texts and names the first differing character otherwise', () => {
    expect(describeTextDifference('same', 'same')).toBeNull();
    expect(describeTextDifference('The 🚋 runs daily.', 'The 🚋 runs weekly.')).toBe(
      'the text differs at character 11: here “The 🚋 runs daily.”, in the file “The 🚋 runs weekly.” (lengths 17 and 18 characters)',
    );
    expect(describeTextDifference('abc', 'abcd')).toMatch(/^the text differs at character 3: .*lengths 3 and 4 characters/);
  });
});
