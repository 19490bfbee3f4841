// Turns a text and its spans into what the document view draws: one line per stored line,
// each a tree of properly nested span fragments. A span that crosses a line break or
// another span's edge is cut into fragments that all carry its id, so any overlap
// (claim around entity, entity across claim edge, same-layer overlaps) stays drawable.
import type { LayerId } from './domain';

export interface LayoutSpan {
  id: string;
  layer: LayerId;
  label: string;
  start: number;
  end: number;
  /**
   * Nesting depth counts only enclosing spans of the same layer and the same group (when set):
   * review draws each annotator's spans as a group, so gold inside a teammate's outline is
   * not drawn as nested.
   */
  depthGroup?: string;
}

export interface TextLeaf {
  kind: 'text';
  start: number;
  end: number;
}

export interface SpanFragment {
  kind: 'span';
  span: LayoutSpan;
  start: number;
  end: number;
  /** How many fragments of the same layer enclose this one (for stacked underlines). */
  depth: number;
  /** First and last fragment of the span, so the view can draw its edges. */
  isFirst: boolean;
  isLast: boolean;
  children: LayoutNode[];
}

export type LayoutNode = TextLeaf | SpanFragment;

export interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's content (before its \r\n or \n). */
  end: number;
}

/** Lines of the stored text. The line break itself (\n, or \r\n) belongs to no line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ start, end: text.length });
      return lines;
    }
    const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    lines.push({ start, end });
    start = newline + 1;
  }
}

/** Index of the line holding `offset` (a line-break offset belongs to the line before it). */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lines[mid] as Line).start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Indexes of the lines a span touches (at least one). */
export function linesTouched(lines: readonly Line[], start: number, end: number): number[] {
  const first = lineIndexAt(lines, start);
  const last = lineIndexAt(lines, Math.max(start, end - 1));
  const result: number[] = [];
  for (let i = first; i <= last; i++) result.push(i);
  return result;
}

interface Piece {
  span: LayoutSpan;
  start: number;
  end: number;
}

const LAYER_ORDER: Record<LayerId, number> = { claim: 0, entity: 1 };

/** Outer pieces first: earlier start, then longer, then claims around entities, then id. */
function comparePieces(a: Piece, b: Piece): number {
  return (
    a.start - b.start ||
    b.end - a.end ||
    LAYER_ORDER[a.span.layer] - LAYER_ORDER[b.span.layer] ||
    (a.span.id < b.span.id ? -1 : a.span.id > b.span.id ? 1 : 0)
  );
}

/** Lays out one line: spans outside it are ignored, spans crossing its edges are clipped. */
export function layoutLine(line: Line, spans: readonly LayoutSpan[]): LayoutNode[] {
  const pieces: Piece[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, line.start);
    const end = Math.min(span.end, line.end);
    if (start < end) pieces.push({ span, start, end });
  }
  pieces.sort(comparePieces);

  const root: SpanFragment = {
    kind: 'span',
    span: { id: '', layer: 'claim', label: '', start: line.start, end: line.end },
    start: line.start,
    end: line.end,
    depth: -1,
    isFirst: true,
    isLast: true,
    children: [],
  };
  const stack: SpanFragment[] = [root];
  // A piece that crosses the edge of the fragment it opens inside is cut there; the rest
  // goes back into the queue in order. The queue stays sorted, so a linear insert is fine.
  const queue = pieces;
  let index = 0;
  while (index < queue.length) {
    const piece = queue[index++] as Piece;
    while ((stack[stack.length - 1] as SpanFragment).end <= piece.start) stack.pop();
    const parent = stack[stack.length - 1] as SpanFragment;
    let end = piece.end;
    if (end > parent.end) {
      const rest: Piece = { span: piece.span, start: parent.end, end: piece.end };
      end = parent.end;
      let at = index;
      while (at < queue.length && comparePieces(queue[at] as Piece, rest) < 0) at++;
      queue.splice(at, 0, rest);
    }
    const depth = stack.filter((f) => f !== root && f.span.layer === piece.span.layer && f.span.depthGroup === piece.span.depthGroup).length;
    const fragment: SpanFragment = {
      kind: 'span',
      span: piece.span,
      start: piece.start,
      end,
      depth,
      isFirst: piece.start === piece.span.start,
      isLast: end === piece.span.end,
      children: [],
    };
    parent.children.push(fragment);
    stack.push(fragment);
  }
  fillText(root);
  return root.children;
}

/** Adds text leaves for the uncovered stretches inside every fragment. */
function fillText(fragment: SpanFragment): void {
  const filled: LayoutNode[] = [];
  let cursor = fragment.start;
  for (const child of fragment.children) {
    if (child.start > cursor) filled.push({ kind: 'text', start: cursor, end: child.start });
    if (child.kind === 'span') fillText(child);
    filled.push(child);
    cursor = child.end;
  }
  if (cursor < fragment.end) filled.push({ kind: 'text', start: cursor, end: fragment.end });
  fragment.children = filled;
}
