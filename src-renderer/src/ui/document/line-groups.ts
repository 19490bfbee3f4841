// The line groups of a long document (long-text.ts): which drawn lines each holds (a long line's
// pieces count as lines), and the text pieces a group is drawn as while it is far from the view,
// its lines' text without their marks. Only the groups near the view are drawn as lines with
// marks, so a long document holds few nodes.
import type { Line } from '../../../../src-shared/span-layout';

/** Lines per group, at most. */
export const LINES_PER_GROUP = 32;
/** A group closes once its lines hold this many UTF-16 units (pieces of a long line are lines: drawn-lines.ts). */
export const UNITS_PER_GROUP = 8_000;

/** The groups of a document's drawn lines. */
export interface LineGroups {
  /** Each group's first line, then the line count: group g holds lines [firsts[g], firsts[g + 1]). */
  readonly firsts: readonly number[];
  /** The group of each line. */
  readonly ofLine: Uint32Array;
}

/** Groups lines in order: up to LINES_PER_GROUP lines, closed early once they hold UNITS_PER_GROUP units. */
export function groupLines(lines: readonly Line[]): LineGroups {
  const firsts: number[] = [];
  const ofLine = new Uint32Array(lines.length);
  let count = 0;
  let units = 0;
  for (const [index, line] of lines.entries()) {
    if (index === 0 || count === LINES_PER_GROUP || units >= UNITS_PER_GROUP) {
      firsts.push(index);
      count = 0;
      units = 0;
    }
    ofLine[index] = firsts.length - 1;
    count++;
    units += line.end - line.start;
  }
  firsts.push(lines.length);
  return { firsts, ofLine };
}

/** How many groups there are. */
export function groupCount(groups: LineGroups): number {
  return groups.firsts.length - 1;
}

/** The lines [first, end) of a group. */
export function linesOfGroup(groups: LineGroups, group: number): { first: number; end: number } {
  return { first: groups.firsts[group] ?? 0, end: groups.firsts[group + 1] ?? 0 };
}

/** The group that holds a line. */
export function groupOfLine(groups: LineGroups, line: number): number {
  return groups.ofLine[line] ?? 0;
}

/**
 * The plain-text pieces of lines [first, end): their text and the line feeds between them, as
 * one piece; a line ending in CR LF ends a piece before its CR, which is not drawn (nor is it in a
 * line's paragraph), and the next piece starts at its LF. The pieces of a long line (drawn-lines.ts)
 * follow each other with nothing between. Each piece's `start` is its stored offset.
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
