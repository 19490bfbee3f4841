// The open document's spans kept in reading order by change: always what a sort of them all gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byPosition, spansInOrder, spansWithExtent } from '../../../src-shared/annotations/spans-in-order';
import type { Span } from '../../../src-shared/domain';
import { PersistentMap } from '../../../src-shared/persistent-map';

function span(id: string, start: number, end: number, label = 'ORG'): Span {
  return {
    id, projectId: 'p', documentId: 'd', annotator: 'me', layer: 'entity', label, start, end, text: '',
    attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0,
  };
}
const positions = (spans: readonly Span[]) => spans.map((s) => `${s.start}-${s.end}`);

describe('spans in order', () => {
  it('sorts by start, the longer first', () => {
    const spans = new Map([span('a', 5, 9), span('b', 0, 3), span('c', 5, 12)].map((s) => [s.id, s]));
    expect(spansInOrder(spans).map((s) => s.id)).toEqual(['b', 'c', 'a']);
  });

  // The session's states hold persistent maps (a change found by what it wrote); plain maps are compared entry by entry.
  it.each(['plain', 'persistent'])('after any edits to %s maps, holds every span once, in the order a sort of them all gives', (maps) => {
    const edit = fc.record({ kind: fc.constantFrom('add', 'remove', 'relabel', 'move'), id: fc.nat(30), start: fc.nat(50), length: fc.integer({ min: 1, max: 8 }) });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 14 }), { maxLength: 12 }), (rounds) => {
        let spans: ReadonlyMap<string, Span> = maps === 'plain' ? new Map<string, Span>() : PersistentMap.of(new Map<string, Span>());
        let ordered = spansInOrder(spans);
        for (const round of rounds) {
          const next = spans instanceof PersistentMap ? (spans as PersistentMap<string, Span>).edit() : new Map(spans);
          for (const { kind, id, start, length } of round) {
            const key = `s${id}`;
            const old = next.get(key);
            if (kind === 'add' && !old) next.set(key, span(key, start, start + length));
            else if (kind === 'remove') next.delete(key);
            else if (kind === 'relabel' && old) next.set(key, { ...old, label: old.label === 'ORG' ? 'LOC' : 'ORG' });
            else if (kind === 'move' && old) next.set(key, { ...old, start, end: start + length });
          }
          const after = next instanceof Map ? next : next.done();
          ordered = spansInOrder(after, { spans, ordered });
          spans = after;
          expect(new Set(ordered)).toEqual(new Set(spans.values()));
          expect(ordered).toHaveLength(spans.size);
          expect(positions(ordered)).toEqual(positions([...spans.values()].sort(byPosition)));
        }
      }),
    );
  });

  it('puts a span added last after those it ties with, as a stable sort of the state does', () => {
    const first = new Map([span('a', 0, 4), span('b', 6, 9)].map((s) => [s.id, s]));
    const ordered = spansInOrder(first);
    const second = new Map(first).set('c', span('c', 0, 4));
    expect(spansInOrder(second, { spans: first, ordered }).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect([...second.values()].sort(byPosition).map((s) => s.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('spans with an extent', () => {
  it('finds exactly the spans of one start and end, by binary search of the spans in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 4 })), { maxLength: 40 }), fc.nat(20), fc.integer({ min: 1, max: 4 }), (extents, start, length) => {
        const ordered = extents.map(([s, l], i) => span(`s${i}`, s, s + l)).sort(byPosition);
        const expected = ordered.filter((s) => s.start === start && s.end === start + length);
        expect(spansWithExtent(ordered, start, start + length)).toEqual(expected);
      }),
    );
  });
});
