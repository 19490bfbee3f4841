// A long document's line groups drawn as plain text: every piece is the stored text at its offset,
// the pieces hold every unit of the group's lines and the line feeds between them, and no CR.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, type Line } from '../../../src-shared/span-layout';
import { drawnLines, PIECE_UNITS } from '../../../src-renderer/src/ui/document/drawn-lines';
import { groupCount, groupLines, groupOfLine, LINES_PER_GROUP, linesOfGroup, plainPieces, UNITS_PER_GROUP } from '../../../src-renderer/src/ui/document/line-groups';

describe('line groups', () => {
  it('puts each line in one group, the groups covering every line once, in order', () => {
    const short = (count: number): Line[] => Array.from({ length: count }, (_, i) => ({ start: i * 10, end: i * 10 + 9 }));
    expect(groupCount(groupLines([]))).toBe(0);
    expect(groupCount(groupLines(short(1)))).toBe(1);
    expect(groupCount(groupLines(short(LINES_PER_GROUP)))).toBe(1);
    expect(groupCount(groupLines(short(LINES_PER_GROUP + 1)))).toBe(2);
    const lines = short(LINES_PER_GROUP * 3 + 5);
    const groups = groupLines(lines);
    const seen: number[] = [];
    for (let group = 0; group < groupCount(groups); group++) {
      const { first, end } = linesOfGroup(groups, group);
      for (let line = first; line < end; line++) {
        expect(groupOfLine(groups, line)).toBe(group);
        seen.push(line);
      }
    }
    expect(seen).toEqual(Array.from({ length: lines.length }, (_, i) => i));
  });

  it('closes a group early once its lines hold enough text (the pieces of a long line)', () => {
    const text = 'word '.repeat(20_000);
    const lines = drawnLines(text);
    const groups = groupLines(lines);
    expect(groupCount(groups)).toBeGreaterThan(1);
    for (let group = 0; group < groupCount(groups); group++) {
      const { first, end } = linesOfGroup(groups, group);
      const units = (lines[end - 1] as Line).end - (lines[first] as Line).start;
      // Closed at the first line that takes it to the limit: at most one piece over it.
      expect(units).toBeLessThan(UNITS_PER_GROUP + PIECE_UNITS);
    }
    // Drawn as plain text, the groups together are the stored text.
    const drawn = Array.from({ length: groupCount(groups) }, (_, group) => {
      const { first, end } = linesOfGroup(groups, group);
      return plainPieces(text, lines, first, end).map((piece) => piece.text).join('');
    });
    expect(drawn.join('')).toBe(text);
  });

  it('draws a group as one piece of its lines and the line feeds between them', () => {
    const text = 'first line\nsecond\n\nfourth';
    const lines = splitLines(text);
    expect(plainPieces(text, lines, 0, 4)).toEqual([{ start: 0, text }]);
    expect(plainPieces(text, lines, 1, 3)).toEqual([{ start: 11, text: 'second\n' }]);
    expect(plainPieces(text, lines, 2, 3)).toEqual([]);
  });

  it('leaves out the CR of a CR LF line end, as a line drawn as a paragraph does', () => {
    const text = 'one\r\ntwo\nthree\r\n\r\nfive';
    const lines = splitLines(text);
    expect(plainPieces(text, lines, 0, lines.length)).toEqual([
      { start: 0, text: 'one' },
      { start: 4, text: '\ntwo\nthree' },
      { start: 15, text: '\n' },
      { start: 17, text: '\nfive' },
    ]);
  });

  it('maps every drawn unit to its stored offset, for any text and any run of lines', () => {
    const unit = fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r\n', '\r', 'ب');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), fc.nat(20), fc.nat(20), (units, a, b) => {
        const text = units.join('');
        const lines = splitLines(text);
        const first = Math.min(a, lines.length - 1);
        const end = Math.min(lines.length, first + 1 + b);
        const pieces = plainPieces(text, lines, first, end);
        let drawn = '';
        let previousEnd = -1;
        for (const piece of pieces) {
          expect(piece.text.length).toBeGreaterThan(0);
          expect(text.slice(piece.start, piece.start + piece.text.length)).toBe(piece.text);
          expect(piece.start).toBeGreaterThan(previousEnd);
          previousEnd = piece.start + piece.text.length;
          drawn += piece.text;
        }
        // What is drawn is the lines' text joined by line feeds: the CRs of CR LF ends left out.
        const expected = lines.slice(first, end).map((line) => text.slice(line.start, line.end)).join('\n');
        expect(drawn).toBe(expected);
      }),
    );
  });
});
