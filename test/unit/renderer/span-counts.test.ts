// Spans counted by key and kept by change: the (label, text) pairs, a pair reported gone only when
// its last span goes, whatever the change (add, delete, relabel, undo of several); and the
// counts themselves equal a count from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src-shared/domain';
import { PersistentMap } from '../../../src-shared/persistent-map';
import { countSpans, pairKey, updateCounts } from '../../../src-renderer/src/ui/span-counts';
import { testSpan } from '../fixtures/records';

const byId = (spans: Span[]) => new Map(spans.map((span) => [span.id, span]));

/** The same states as persistent maps, each an edit of the one before (as applyChange makes them). */
function persistentChain(maps: Map<string, Span>[]): Map<string, Span>[] {
  const chain: ReadonlyMap<string, Span>[] = [];
  let current = PersistentMap.of(new Map(maps[0]));
  chain.push(current);
  for (const map of maps.slice(1)) {
    const edit = current.edit();
    for (const id of [...current.keys()]) if (!map.has(id)) edit.delete(id);
    for (const [id, span] of map) if (current.get(id) !== span) edit.set(id, span);
    current = edit.done();
    chain.push(current);
  }
  return chain as Map<string, Span>[];
}

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

  // The session's states hold persistent maps, each edited from the one before; plain maps are compared entry by entry.
  it.each(['plain', 'persistent'])('agrees with comparing the whole sets of pairs, for any series of changes (%s maps)', (kind) => {
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
        if (kind === 'persistent') maps = persistentChain(maps);
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
