// The lines the document view draws: a very long line cut into pieces that cover it exactly,
// after white space where there is some, and never inside a character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, type Line } from '../../../src-shared/span-layout';
import { drawnLines, LONG_LINE, PIECE_UNITS } from '../../../src-renderer/src/ui/document/drawn-lines';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Whether a character boundary is at `at` (looked at in a window around it: segmenting the whole text is slow). */
function isCharacterBoundary(text: string, at: number): boolean {
  const from = Math.max(0, at - 32);
  return [...graphemes.segment(text.slice(from, at + 32))].some((segment) => from + segment.index === at);
}

/** Checks that the drawn lines are the stored lines, long ones as contiguous pieces no longer than PIECE_UNITS. */
function expectPiecesOf(text: string, drawn: readonly Line[]): void {
  let at = 0;
  for (const line of splitLines(text)) {
    if (line.end - line.start <= LONG_LINE) {
      expect(drawn[at++]).toEqual(line);
      continue;
    }
    let start = line.start;
    while (start < line.end) {
      const piece = drawn[at++] as Line;
      expect(piece.start).toBe(start);
      expect(piece.end).toBeGreaterThan(start);
      expect(piece.end - piece.start).toBeLessThanOrEqual(PIECE_UNITS);
      start = piece.end;
    }
    expect(start).toBe(line.end);
  }
  expect(at).toBe(drawn.length);
}

describe('drawn lines', () => {
  it('are the stored lines when none is long', () => {
    const text = 'A short line.\r\nAnother one.\n\n' + 'x'.repeat(LONG_LINE);
    expect(drawnLines(text)).toEqual(splitLines(text));
  });

  it('cut a long line after white space, as a wrap would', () => {
    const text = `Title\n${'The harbour reopened on Monday. '.repeat(2_000)}\nEnd`;
    const drawn = drawnLines(text);
    expectPiecesOf(text, drawn);
    expect(drawn.length).toBeGreaterThan(30);
    // Every piece of the long line but its last ends with white space.
    for (const piece of drawn.slice(1, -2)) expect(text.charAt(piece.end - 1)).toBe(' ');
  });

  it('cut a line without white space between characters, never inside one', () => {
    // Family emoji (a ZWJ sequence of 11 units), an e with a combining accent, flags, CJK.
    const text = '👨‍👩‍👧‍👦e\u0301🇫🇷中文'.repeat(1_500);
    const drawn = drawnLines(text);
    expectPiecesOf(text, drawn);
    for (const piece of drawn) expect(isCharacterBoundary(text, piece.start)).toBe(true);
  });

  it('cover any text with pieces cut at character boundaries', () => {
    // Runs of characters with a line feed or white space now and then: some lines long.
    const unit = fc.constantFrom('a', 'é', 'e\u0301', '😀', '👍🏽', '👨‍👩‍👧', '中', 'ب', 'word');
    const gap = fc.constantFrom(' ', '\t', '\n', '\r\n', '');
    const run = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 3_000, size: 'max' }), gap).map(([units, end]) => units.join('') + end);
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 12 }), (runs) => {
        const text = runs.join('');
        const drawn = drawnLines(text);
        expectPiecesOf(text, drawn);
        const lineStarts = new Set(splitLines(text).map((line) => line.start));
        for (const piece of drawn) if (!lineStarts.has(piece.start)) expect(isCharacterBoundary(text, piece.start)).toBe(true);
      }),
      // Shrinking texts this long takes minutes: the first failure is reported as it is.
      { numRuns: 30, endOnFailure: true },
    );
  });
});
