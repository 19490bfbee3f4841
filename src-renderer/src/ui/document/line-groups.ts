// The line groups of a long document (long-text.ts): which lines each holds, and the text pieces
// a group is drawn as while it is far from the view, its lines' text without their marks. Only
// the groups near the view are drawn as lines with marks, so a long document holds few nodes.
import type { Line } from '../../../../src-shared/span-layout';

/** Lines per group. */
export const LINES_PER_GROUP = 32;

/** The group that holds a line. */
export function groupOfLine(line: number): number {
  return Math.floor(line / LINES_PER_GROUP);
}

/** The lines [first, end) of a group. */
export function linesOfGroup(group: number, lineCount: number): { first: number; end: number } {
  const first = group * LINES_PER_GROUP;
  return { first, end: Math.min(lineCount, first + LINES_PER_GROUP) };
}

/** How many groups `lineCount` lines make. */
export function groupCount(lineCount: number): number {
  return Math.ceil(lineCount / LINES_PER_GROUP);
}

/**
 * The plain-text pieces of lines [first, end): their text and the line feeds between them, as
 * one piece; a line ending in CR LF ends a piece before its CR, which is not drawn (nor is it in a
 * line's paragraph), and the next piece starts at its LF. Each piece's `start` is its stored offset.
 */
export function plainPieces(text: string, lines: readonly Line[], first: number, end: number): Array<{ start: number; text: string }> {
  const pieces: Array<{ start: number; text: string }> = [];
  const firstLine = lines[first];
  if (!firstLine || end <= first) return pieces;
  let start = firstLine.start;
  for (let index = first; index < end; index++) {
    const line = lines[index] as Line;
    const next = lines[index + 1];
    const last = index === end - 1;
    // A CR before the line feed (the next line starts two units after this one's end).
    if (last || (next && next.start - line.end > 1)) {
      if (line.end > start) pieces.push({ start, text: text.slice(start, line.end) });
      start = line.end + 1;
    }
  }
  return pieces;
}
