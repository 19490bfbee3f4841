import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutLine, lineIndexAt, linesTouched, splitLines, type LayoutNode, type LayoutSpan } from '../../../src-shared/span-layout';

function flatten(nodes: readonly LayoutNode[], out: Array<{ start: number; end: number; ids: string[] }> = [], ids: string[] = []) {
  for (const node of nodes) {
    if (node.kind === 'text') out.push({ start: node.start, end: node.end, ids });
    else flatten(node.children, out, [...ids, node.span.id]);
  }
  return out;
}

describe('splitLines', () => {
  it('splits on LF and CRLF, keeping offsets into the stored text', () => {
    expect(splitLines('ab\r\ncd\n\nef')).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
      { start: 7, end: 7 },
      { start: 8, end: 10 },
    ]);
    expect(splitLines('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('finds the line of an offset and the lines a span touches', () => {
    const lines = splitLines('one\ntwo\nthree');
    expect(lineIndexAt(lines, 0)).toBe(0);
    expect(lineIndexAt(lines, 3)).toBe(0);
    expect(lineIndexAt(lines, 4)).toBe(1);
    expect(lineIndexAt(lines, 12)).toBe(2);
    expect(linesTouched(lines, 2, 9)).toEqual([0, 1, 2]);
    expect(linesTouched(lines, 4, 7)).toEqual([1]);
  });
});

describe('layoutLine', () => {
  const line = { start: 0, end: 30 };
  const span = (id: string, layer: 'entity' | 'claim', start: number, end: number): LayoutSpan => ({ id, layer, label: id.toUpperCase(), start, end });

  it('nests an entity inside a claim', () => {
    const nodes = layoutLine(line, [span('e', 'entity', 5, 10), span('c', 'claim', 0, 20)]);
    expect(nodes).toHaveLength(2);
    const claim = nodes[0];
    expect(claim).toMatchObject({ kind: 'span', start: 0, end: 20, isFirst: true, isLast: true });
    expect(flatten(nodes)).toEqual([
      { start: 0, end: 5, ids: ['c'] },
      { start: 5, end: 10, ids: ['c', 'e'] },
      { start: 10, end: 20, ids: ['c'] },
      { start: 20, end: 30, ids: [] },
    ]);
  });

  it('cuts a crossing span into fragments that keep its id', () => {
    const nodes = layoutLine(line, [span('a', 'entity', 0, 10), span('b', 'entity', 5, 15)]);
    expect(flatten(nodes)).toEqual([
      { start: 0, end: 5, ids: ['a'] },
      { start: 5, end: 10, ids: ['a', 'b'] },
      { start: 10, end: 15, ids: ['b'] },
      { start: 15, end: 30, ids: [] },
    ]);
    const inner = (nodes[0] as { children: LayoutNode[] }).children[1];
    expect(inner).toMatchObject({ kind: 'span', isFirst: true, isLast: false, depth: 1 });
    expect(nodes[1]).toMatchObject({ kind: 'span', start: 10, end: 15, isFirst: false, isLast: true, depth: 0 });
  });

  it('clips spans to the line', () => {
    const nodes = layoutLine({ start: 10, end: 20 }, [span('x', 'claim', 0, 15), span('y', 'entity', 25, 30)]);
    expect(nodes[0]).toMatchObject({ kind: 'span', start: 10, end: 15, isFirst: false, isLast: true });
    expect(flatten(nodes)).toEqual([
      { start: 10, end: 15, ids: ['x'] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it('covers every offset exactly once and marks each with every span that holds it', () => {
    const spanArb = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 15 }), fc.constantFrom<'entity' | 'claim'>('entity', 'claim'))
      .map(([start, length, layer]) => ({ start, end: Math.min(40, start + length), layer }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 12 }), fc.integer({ min: 0, max: 20 }), (raw, lineStart) => {
        const spans = raw.filter((s) => s.end > s.start).map((s, i) => span(`s${i}`, s.layer, s.start, s.end));
        const l = { start: lineStart, end: 40 };
        const pieces = flatten(layoutLine(l, spans));
        let cursor = l.start;
        for (const piece of pieces) {
          expect(piece.start).toBe(cursor);
          expect(piece.end).toBeGreaterThan(piece.start);
          cursor = piece.end;
          const holding = spans.filter((s) => s.start <= piece.start && s.end >= piece.end).map((s) => s.id).sort();
          expect([...piece.ids].sort()).toEqual(holding);
        }
        expect(cursor).toBe(l.end);
      }),
    );
  });

  it('counts nesting depth within a depth group only (gold inside a teammate outline is not nested)', () => {
    const line = { start: 0, end: 20 };
    const spans: LayoutSpan[] = [
      { id: 'ana', layer: 'entity', label: 'LOC', start: 0, end: 12, depthGroup: 'ana' },
      { id: 'gold', layer: 'entity', label: 'LOC', start: 0, end: 5, depthGroup: 'gold' },
      { id: 'gold-inner', layer: 'entity', label: 'LOC', start: 1, end: 3, depthGroup: 'gold' },
    ];
    const [outer] = layoutLine(line, spans);
    const gold = outer?.kind === 'span' ? outer.children.find((n) => n.kind === 'span') : undefined;
    const inner = gold?.kind === 'span' ? gold.children.find((n) => n.kind === 'span') : undefined;
    expect(outer).toMatchObject({ span: { id: 'ana' }, depth: 0 });
    expect(gold).toMatchObject({ span: { id: 'gold' }, depth: 0 });
    expect(inner).toMatchObject({ span: { id: 'gold-inner' }, depth: 1 });
    // Without groups, every enclosing span of the layer counts.
    const ungrouped = layoutLine(line, spans.map(({ depthGroup: _, ...span }) => span));
    const first = ungrouped[0];
    const second = first?.kind === 'span' ? first.children.find((n) => n.kind === 'span') : undefined;
    expect(second).toMatchObject({ depth: 1 });
  });
});
