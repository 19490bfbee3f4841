import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGraphemeBoundary } from '../../../src-shared/segmentation';
import { moveSpanEdge, selectionExtent, type EdgeStep, type SpanEdge } from '../../../src-shared/span-edit';

const text = 'Mayor Dana Whitcombe opened the line.';
const dana = { start: 6, end: 10 }; // "Dana"

describe('moveSpanEdge', () => {
  const slice = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);
  it('grows and shrinks by whole tokens at either edge', () => {
    expect(slice(moveSpanEdge(text, dana, 'end', 1))).toBe('Dana Whitcombe');
    expect(slice(moveSpanEdge(text, dana, 'start', -1))).toBe('Mayor Dana');
    const both = { start: 6, end: 20 };
    expect(slice(moveSpanEdge(text, both, 'end', -1))).toBe('Dana');
    expect(slice(moveSpanEdge(text, both, 'start', 1))).toBe('Whitcombe');
    expect(slice(moveSpanEdge(text, { start: 21, end: 36 }, 'end', 1))).toBe('opened the line.');
  });

  it('never empties a span or runs off the text', () => {
    expect(moveSpanEdge(text, dana, 'end', -1)).toBeNull();
    expect(moveSpanEdge(text, dana, 'start', 1)).toBeNull();
    expect(moveSpanEdge(text, { start: 0, end: 5 }, 'start', -1)).toBeNull();
    expect(moveSpanEdge(text, { start: 32, end: 37 }, 'end', 1)).toBeNull();
  });

  it('steps over an emoji and a combining accent as single characters', () => {
    const t = 'Cafe\u0301 🚋 Valdeluz';
    expect(moveSpanEdge(t, { start: 0, end: 5 }, 'end', 1)).toEqual({ start: 0, end: 8 });
    expect(moveSpanEdge(t, { start: 0, end: 8 }, 'end', 1)).toEqual({ start: 0, end: 17 });
  });
});

describe('moveSpanEdge: clitics and compounds', () => {
  const t = 'Rain hit Port-au-Prince’s harbour.';
  const slice = (r: { start: number; end: number } | null) => (r ? t.slice(r.start, r.end) : null);
  it('steps over the possessive as a token of its own', () => {
    const port = { start: 9, end: 23 };
    expect(slice(port)).toBe('Port-au-Prince');
    expect(slice(moveSpanEdge(t, port, 'end', 1))).toBe('Port-au-Prince’s');
    expect(slice(moveSpanEdge(t, { start: 9, end: 25 }, 'end', -1))).toBe('Port-au-Prince');
  });
});

describe('moveSpanEdge by character', () => {
  const t = 'pada Januaritempat itu';
  const slice = (r: { start: number; end: number } | null) => (r ? t.slice(r.start, r.end) : null);
  const januari = { start: 5, end: 12 };
  it('moves either edge by one character', () => {
    expect(slice(moveSpanEdge(t, januari, 'end', 1, undefined, 'character'))).toBe('Januarit');
    expect(slice(moveSpanEdge(t, januari, 'end', -1, undefined, 'character'))).toBe('Januar');
    expect(slice(moveSpanEdge(t, januari, 'start', 1, undefined, 'character'))).toBe('anuari');
    expect(slice(moveSpanEdge(t, { start: 6, end: 12 }, 'start', -1, undefined, 'character'))).toBe('Januari');
  });

  it('reaches the parts of a compound', () => {
    const text = 'Port-au-Prince';
    let span: { start: number; end: number } | null = { start: 0, end: text.length };
    for (let i = 0; i < 10 && span; i++) span = moveSpanEdge(text, span, 'end', -1, undefined, 'character');
    expect(span && text.slice(span.start, span.end)).toBe('Port');
  });

  it('steps over white space to the next character, never leaving it at an edge', () => {
    expect(slice(moveSpanEdge(t, { start: 0, end: 4 }, 'end', 1, undefined, 'character'))).toBe('pada J');
    expect(slice(moveSpanEdge(t, { start: 0, end: 6 }, 'end', -1, undefined, 'character'))).toBe('pada');
    expect(slice(moveSpanEdge(t, { start: 5, end: 18 }, 'start', -1, undefined, 'character'))).toBe('a Januaritempat');
    expect(slice(moveSpanEdge(t, { start: 3, end: 18 }, 'start', 1, undefined, 'character'))).toBe('Januaritempat');
  });

  it('never splits a grapheme cluster, never empties a span, never runs off the text', () => {
    const text = 'e\u0301👩‍👩‍👧x';
    expect(moveSpanEdge(text, { start: 0, end: 2 }, 'end', 1, undefined, 'character')).toEqual({ start: 0, end: 10 });
    expect(moveSpanEdge(text, { start: 0, end: 10 }, 'end', -1, undefined, 'character')).toEqual({ start: 0, end: 2 });
    expect(moveSpanEdge(text, { start: 0, end: 2 }, 'end', -1, undefined, 'character')).toBeNull();
    expect(moveSpanEdge(text, { start: 0, end: 2 }, 'start', 1, undefined, 'character')).toBeNull();
    expect(moveSpanEdge(text, { start: 0, end: 2 }, 'start', -1, undefined, 'character')).toBeNull();
    expect(moveSpanEdge(text, { start: 10, end: 11 }, 'end', 1, undefined, 'character')).toBeNull();
  });
});

describe('selectionExtent', () => {
  it('snaps to tokens, or keeps the selected characters with Snap to words off', () => {
    const t = 'Haiti’s rain fell on Januaritempat.';
    const haiti = { start: 0, end: 5 };
    expect(selectionExtent(t, haiti, true)).toEqual(haiti);
    const januari = { start: t.indexOf('Januari'), end: t.indexOf('Januari') + 7 };
    expect(selectionExtent(t, januari, true)).toEqual({ start: januari.start, end: januari.start + 13 });
    expect(selectionExtent(t, januari, false)).toEqual(januari);
    expect(selectionExtent(t, { start: 7, end: 8 }, false)).toBeNull();
  });
});

describe('span edits: properties', () => {
  const pieces = ['Haiti', '’s', "n't", 'l’', '-', ' ', 'e\u0301', '👩‍👩‍👧', '🇫🇷', 'x', '.', '\r\n'];
  const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
  it('a moved edge and a selection always land on grapheme boundaries, inside the text, never empty', () => {
    fc.assert(
      fc.property(
        text,
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom<SpanEdge>('start', 'end'),
        fc.constantFrom<-1 | 1>(-1, 1),
        fc.constantFrom<EdgeStep>('token', 'character'),
        (t, a, b, snap, edge, direction, step) => {
          const selection = { start: Math.min(a, b) % (t.length + 1), end: Math.max(a, b) % (t.length + 1) };
          const span = selectionExtent(
            t,
            { start: Math.min(selection.start, selection.end), end: Math.max(selection.start, selection.end) },
            snap,
          );
          if (!span) return;
          for (const range of [span, moveSpanEdge(t, span, edge, direction, undefined, step)]) {
            if (!range) continue;
            expect(range.start).toBeGreaterThanOrEqual(0);
            expect(range.end).toBeLessThanOrEqual(t.length);
            expect(range.start).toBeLessThan(range.end);
            expect(isGraphemeBoundary(t, range.start)).toBe(true);
            expect(isGraphemeBoundary(t, range.end)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
