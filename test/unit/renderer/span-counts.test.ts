// Spans counted by key and kept by change: the (label, text) pairs, a pair reported gone only when
// its last span goes, whatever the change (add, delete, relabel, undo of several); and the
// counts themselves equal a count from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src-shared/domain';
import { countSpans, pairKey, updateCounts } from '../../../src-renderer/src/ui/span-counts';
import { testSpan } from '../fixtures/records';

const byId = (spans: Span[]) => new Map(spans.map((span) => [span.id, span]));

describe('span counts', () => {
  it('reports a pair gone when its last span is deleted or relabelled, not before', () => {
    const a = testSpan({ id: 'a', start: 0, end: 4, text: 'Ruiz', label: 'PERSON' });
    const b = testSpan({ id: 'b', start: 10, end: 14, text: 'Ruiz', label: 'PERSON' });
    const pairs = countSpans(byId([a, b]), pairKey);
    expect(updateCounts(pairs, byId([b]))).toEqual([]);
    const relabelled = { ...b, label: 'ORG' };
    expect(updateCounts(pairs, byId([relabelled]))).toEqual([pairKey(b)]);
    expect(pairs.counts).toEqual(new Map([[pairKey(relabelled), 1]]));
    expect(updateCounts(pairs, pairs.spans)).toEqual([]);
  });

  it('agrees with comparing the whole sets of pairs, for any series of changes', () => {
    const labels = ['PERSON', 'ORG'];
    const texts = ['Ana', 'Ruiz', 'Haiti'];
    const span = fc.record({ id: fc.constantFrom('s1', 's2', 's3', 's4', 's5'), label: fc.constantFrom(...labels), text: fc.constantFrom(...texts) });
    const state = fc.uniqueArray(span, { selector: (s) => s.id, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 8 }), (states) => {
        let maps = states.map((spans) => byId(spans.map((s) => testSpan({ id: s.id, start: 0, end: s.text.length, label: s.label, text: s.text }))));
        // A span unchanged between two states is the same object, as the session keeps it.
        maps = maps.map((map, index) => {
          const previous = index > 0 ? maps[index - 1] : undefined;
          if (!previous) return map;
          return new Map([...map].map(([id, s]) => {
            const old = previous.get(id);
            return [id, old && pairKey(old) === pairKey(s) ? old : s];
          }));
        });
        const pairs = countSpans(maps[0] as Map<string, Span>, pairKey);
        for (let index = 1; index < maps.length; index++) {
          const before = new Set([...(maps[index - 1] as Map<string, Span>).values()].map(pairKey));
          const after = new Set([...(maps[index] as Map<string, Span>).values()].map(pairKey));
          expect(new Set(updateCounts(pairs, maps[index] as Map<string, Span>))).toEqual(new Set([...before].filter((key) => !after.has(key))));
          expect(pairs.counts).toEqual(countSpans(maps[index] as Map<string, Span>, pairKey).counts);
        }
      }),
    );
  });
});
