// The lines the document view draws: the stored lines, a very long one (machine-joined text, a
// whole article without a line feed) cut into pieces drawn one under the other. A piece is the
// unit that is drawn with its marks or not, so a line of 100,000 marks is drawn a piece at a
// time near the view, not whole. Pieces end after white space where there is some, so the cut
// reads as the browser's own wrap; else between two characters (never inside one). Pure.
import { splitsSurrogatePair } from '../../../../src-shared/offsets';
import { splitLines, type Line } from '../../../../src-shared/span-layout';

/** Lines longer than this (UTF-16 units) are drawn in pieces. */
export const LONG_LINE = 10_000;
/** A piece's length at most. */
export const PIECE_UNITS = 2_000;

const WHITE_SPACE = /\s/;
/** Units around a cut looked at for the character boundary (a character is a few units, an emoji sequence a few dozen). */
const BOUNDARY_WINDOW = 64;

let graphemes: Intl.Segmenter | null = null;

/** Where a piece starting at `start` ends, at most at `limit`. */
function pieceEnd(text: string, start: number, limit: number): number {
  // After the last white space in the piece's second half.
  for (let at = limit; at > start + PIECE_UNITS / 2; at--) if (WHITE_SPACE.test(text.charAt(at - 1))) return at;
  // No white space (a run of CJK, a long token): the last character boundary up to the limit.
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const from = Math.max(start + 1, limit - BOUNDARY_WINDOW);
  let cut = -1;
  for (const { index } of graphemes.segment(text.slice(from, limit + BOUNDARY_WINDOW))) {
    if (from + index > limit) break;
    // The slice's own start may be inside a character: not a boundary.
    if (index > 0) cut = from + index;
  }
  if (cut > start) return cut;
  // One character over the whole window (pathological): at least not inside a surrogate pair.
  return splitsSurrogatePair(text, limit) ? limit - 1 : limit;
}

/** The drawn lines of a text, in order, covering what `splitLines` covers: its lines, long ones in pieces. */
export function drawnLines(text: string): Line[] {
  const lines = splitLines(text);
  if (!lines.some((line) => line.end - line.start > LONG_LINE)) return lines;
  const drawn: Line[] = [];
  for (const line of lines) {
    if (line.end - line.start <= LONG_LINE) {
      drawn.push(line);
      continue;
    }
    let start = line.start;
    while (line.end - start > PIECE_UNITS) {
      const end = pieceEnd(text, start, start + PIECE_UNITS);
      drawn.push({ start, end });
      start = end;
    }
    drawn.push({ start, end: line.end });
  }
  return drawn;
}
