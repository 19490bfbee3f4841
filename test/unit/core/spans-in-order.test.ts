// The open document's spans kept in reading order by change: always what a sort of them all gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byPosition, spansInOrder } from '../../../src-shared/annotations/spans-in-order';
import type { Span } from '../../../src-shared/domain';

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

  it('after any edits, holds every span once, in the order a sort of them all gives', () => {
    const edit = fc.record({ kind: fc.constantFrom('add', 'remove', 'relabel', 'move'), id: fc.nat(30), start: fc.nat(50), length: fc.integer({ min: 1, max: 8 }) });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 6 }), { maxLength: 12 }), (rounds) => {
        let spans = new Map<string, Span>();
        let ordered = spansInOrder(spans);
        for (const round of rounds) {
          const next = new Map(spans);
          for (const { kind, id, start, length } of round) {
            const key = `s${id}`;
            const old = next.get(key);
            if (kind === 'add' && !old) next.set(key, span(key, start, start + length));
            else if (kind === 'remove') next.delete(key);
            else if (kind === 'relabel' && old) next.set(key, { ...old, label: old.label === 'ORG' ? 'LOC' : 'ORG' });
            else if (kind === 'move' && old) next.set(key, { ...old, start, end: start + length });
          }
          ordered = spansInOrder(next, { spans, ordered });
          spans = next;
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
