// Which lines of a newly opened document get their marks (spans, suggestions) first. The text of
// every line is drawn at once; the marks of the lines in view are drawn in that same frame, and
// those of the other lines a chunk at a time after it, nearest the view first, so a large
// document with thousands of marks shows in the time of its text.

/** Lines [first, last] of the document that are in view. */
export interface LinesInView {
  first: number;
  last: number;
}

/** The first index in [0, count) where `isPast` holds (count if none); `isPast` must be false, then true. */
export function firstIndexWhere(count: number, isPast: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isPast(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** How many lines a line is from the view (0 inside it). */
function distance(line: number, view: LinesInView): number {
  return line < view.first ? view.first - line : line > view.last ? line - view.last : 0;
}

/**
 * Splits the lines that have marks into those drawn now (in view, or within `margin` lines of
 * it) and those drawn later, nearest the view first (below it before above it at one distance).
 */
export function marksDrawOrder(lines: Iterable<number>, view: LinesInView, margin: number): { now: number[]; later: number[] } {
  const now: number[] = [];
  const later: number[] = [];
  for (const line of lines) (distance(line, view) <= margin ? now : later).push(line);
  later.sort((a, b) => distance(a, view) - distance(b, view) || b - a);
  return { now, later };
}

/** Takes lines off the front of `queue` until they hold at least `marks` marks (or the queue is empty). */
export function takeChunk(queue: number[], marksOf: (line: number) => number, marks: number): number[] {
  let taken = 0;
  let total = 0;
  while (taken < queue.length && total < marks) total += marksOf(queue[taken++] as number);
  return queue.splice(0, taken);
}
