// Moving a span's edge by one token (word or punctuation), for adjusting boundaries from the
// keyboard or the span details: the result always starts and ends on token boundaries.
import { tokenize, type TextRange } from './segmentation';

const WINDOW = 400;

export type SpanEdge = 'start' | 'end';

/** The span with `edge` moved one token earlier (-1) or later (+1); null when it cannot move. */
export function moveSpanEdge(text: string, span: TextRange, edge: SpanEdge, direction: -1 | 1, locale?: string): TextRange | null {
  const at = edge === 'start' ? span.start : span.end;
  const from = Math.max(0, at - WINDOW);
  const tokens = tokenize(text.slice(from, Math.min(text.length, at + WINDOW)), locale).map((t) => ({ start: t.start + from, end: t.end + from }));
  if (edge === 'end') {
    if (direction === 1) {
      const next = tokens.find((t) => t.end > span.end);
      return next ? { start: span.start, end: next.end } : null;
    }
    const previous = tokens.filter((t) => t.end < span.end && t.end > span.start).pop();
    return previous ? { start: span.start, end: previous.end } : null;
  }
  if (direction === -1) {
    const previous = tokens.filter((t) => t.start < span.start).pop();
    return previous ? { start: previous.start, end: span.end } : null;
  }
  const next = tokens.find((t) => t.start > span.start && t.start < span.end);
  return next ? { start: next.start, end: span.end } : null;
}
