// The document view's marks per line, kept current a change at a time: the same marks as built
// from scratch, and only the changed spans' lines touched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src-shared/domain';
import { splitLines } from '../../../src-shared/span-layout';
import { buildLineMarks, updateLineMarks, type LineMarks, type MarkContext } from '../../../src-renderer/src/ui/document/line-marks';
import { testSpan } from '../fixtures/records';

const TEXT = Array.from({ length: 40 }, (_, i) => `line ${i} of the text, some words here`).join('\n');
const LINES = splitLines(TEXT);

function span(id: string, start: number, end: number, label = 'ORG', layer: Span['layer'] = 'entity'): Span {
  return testSpan({ id, start, end, documentId: 'd', label, layer }, TEXT);
}

const context = (links: ReadonlyMap<string, number> = new Map()): MarkContext => ({ links, suggestions: new Map() });

/** Each line's marks, sorted by id, as plain values. */
function plain(marks: LineMarks): Record<number, unknown[]> {
  const out: Record<number, unknown[]> = {};
  for (const [line, list] of marks.byLine) out[line] = [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}

const anySpan = (id: string) =>
  fc
    .tuple(
      fc.nat(TEXT.length - 1),
      fc.integer({ min: 1, max: 120 }),
      fc.constantFrom('ORG', 'PERSON'),
      fc.constantFrom<Span['layer']>('entity', 'claim'),
    )
    .map(([start, length, label, layer]) => span(id, start, Math.min(TEXT.length, start + length), label, layer));

describe('line marks', () => {
  it('an update gives the marks a rebuild gives, and touches every line that changed and no other', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), span: anySpan('new') }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), span: anySpan('x') }),
      fc.record({ kind: fc.constant('note' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('link' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (seeds, edits) => {
        let spans: Span[] = seeds.map((seed, i) => span(`s${i}`, seed * 30, seed * 30 + 10 + (i % 3) * 40));
        let links = new Map<string, number>();
        const marks = buildLineMarks(LINES, spans, context(links));
        edits.forEach((e, n) => {
          const before = plain(marks);
          const changedIds = new Set<string>();
          const next = [...spans];
          const target = next.length > 0 && e.kind !== 'add' ? e.at % next.length : -1;
          const old = target >= 0 ? (next[target] as Span) : undefined;
          if (e.kind === 'add') next.push({ ...e.span, id: `new${n}` });
          else if (old && e.kind === 'remove') next.splice(target, 1);
          else if (old && e.kind === 'move') next[target] = { ...e.span, id: old.id };
          else if (old && e.kind === 'note') next[target] = { ...old, note: `note ${n}` };
          else if (old && e.kind === 'link') links = new Map([...links, [old.id, (links.get(old.id) ?? 0) + 1]]);
          for (const s of [...spans, ...next]) if (!spans.includes(s) || !next.includes(s)) changedIds.add(s.id);
          if (old && e.kind === 'link') changedIds.add(old.id);

          const touched = updateLineMarks(marks, next, context(links));
          spans = next;
          const rebuilt = buildLineMarks(LINES, spans, context(links));
          expect(plain(marks)).toEqual(plain(rebuilt));
          expect([...marks.byId.keys()].sort()).toEqual(spans.map((s) => s.id).sort());
          const after = plain(marks);
          const lineIds = (m: Record<number, unknown[]>, line: number) =>
            JSON.stringify(((m[line] ?? []) as Span[]).map((v) => [v.id, v.label, v.start, v.end]));
          for (let line = 0; line < LINES.length; line++) {
            // A line whose drawing changed is touched...
            if (lineIds(before, line) !== lineIds(after, line)) expect(touched.has(line)).toBe(true);
          }
          // ...and only the lines of the spans changed.
          for (const line of touched) {
            const holdsChanged = [before[line], after[line]].some((list) => ((list ?? []) as Span[]).some((v) => changedIds.has(v.id)));
            expect(holdsChanged).toBe(true);
          }
          expect(e.kind !== 'note' || !old || touched.size === 0).toBe(true);
        });
      }),
    );
  });

  it('a label in a document of thousands of spans leaves every other line as it was', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `word${i} and more`).join('\n');
    const lines = splitLines(text);
    const spans = lines.map((line, i) => ({ ...span(`s${i}`, line.start, line.start + 5), text: text.slice(line.start, line.start + 5) }));
    const marks = buildLineMarks(lines, spans, context());
    const listsBefore = new Map(marks.byLine);
    const line = lines[2500] as { start: number; end: number };
    const added = { ...span('new', line.start + 10, line.end), text: text.slice(line.start + 10, line.end) };
    const touched = updateLineMarks(marks, [...spans, added], context());
    expect([...touched]).toEqual([2500]);
    // The other lines keep their very lists: nothing was rebuilt for them.
    for (const [index, list] of marks.byLine) if (index !== 2500) expect(list).toBe(listsBefore.get(index));
    expect(marks.byLine.get(2500)?.map((v) => v.id)).toEqual(['s2500', 'new']);
  });

  it('a span removed, or its relation count changed, redraws its lines only', () => {
    const spans = [
      span('a', 0, 4),
      span('b', LINES[3]!.start, LINES[5]!.end, 'CLAIM', 'claim'),
      span('c', LINES[9]!.start, LINES[9]!.start + 4),
    ];
    const marks = buildLineMarks(LINES, spans, context());
    expect([...updateLineMarks(marks, [spans[0]!, spans[2]!], context())].sort()).toEqual([3, 4, 5]);
    expect(marks.byLine.has(4)).toBe(false);
    const links = new Map([['c', 1]]);
    expect([...updateLineMarks(marks, [spans[0]!, spans[2]!], context(links))]).toEqual([9]);
    expect(marks.byLine.get(9)?.[0]?.links).toBe(1);
    // The same list again: nothing to draw.
    expect(updateLineMarks(marks, [spans[0]!, spans[2]!], context(links)).size).toBe(0);
  });
});
