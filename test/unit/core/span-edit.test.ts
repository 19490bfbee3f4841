import { describe, expect, it } from 'vitest';
import { moveSpanEdge } from '../../../src-shared/span-edit';

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
