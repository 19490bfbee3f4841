// Making and adjusting a span's extent, for the mouse, the keyboard and the span details: a
// selection snaps to whole tokens (or keeps its characters with Snap to words off), an edge
// moves by one token or one character, and no span ever splits a grapheme cluster.
import { graphemeNextTo, snapToCharacters, snapToWords, tokenize, type TextRange } from './segmentation';

const WINDOW = 400;

export type SpanEdge = 'start' | 'end';

/** How far an edge moves: to the next token boundary, or over one character (grapheme cluster). */
export type EdgeStep = 'token' | 'character';

/**
 * The extent a selection gives a new span: whole tokens when `snapToWords` (Haiti in Haiti’s),
 * else exactly the selected characters (Januari in Januaritempat). Either way white space at
 * the edges is trimmed and an edge inside a grapheme cluster widens to take it whole. Null when
 * the selection holds only white space.
 */
export function selectionExtent(text: string, selection: TextRange, snapToWordsOn: boolean, locale?: string): TextRange | null {
  return snapToWordsOn ? snapToWords(text, selection.start, selection.end, locale) : snapToCharacters(text, selection.start, selection.end);
}

/**
 * The span with `edge` moved one step earlier (-1) or later (+1); null when it cannot move
 * (it would empty the span or run off the text). A step by token lands on token boundaries;
 * a step by character moves over one grapheme cluster, and over white space to the next one,
 * so a span never starts or ends with white space.
 */
export function moveSpanEdge(
  text: string,
  span: TextRange,
  edge: SpanEdge,
  direction: -1 | 1,
  locale?: string,
  step: EdgeStep = 'token',
): TextRange | null {
  return step === 'character' ? moveByCharacter(text, span, edge, direction) : moveByToken(text, span, edge, direction, locale);
}

function moveByToken(text: string, span: TextRange, edge: SpanEdge, direction: -1 | 1, locale: string | undefined): TextRange | null {
  const at = edge === 'start' ? span.start : span.end;
  const tokens = tokenize(text, locale, { start: Math.max(0, at - WINDOW), end: Math.min(text.length, at + WINDOW) });
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

const BLANK = /^(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)+$/u;

/** The offset one non-blank cluster away from `offset` (blank clusters in between are passed). */
function pastOneCharacter(text: string, offset: number, direction: -1 | 1): number | null {
  let at = offset;
  for (;;) {
    const cluster = graphemeNextTo(text, at, direction);
    if (!cluster) return null;
    at = direction === 1 ? cluster.end : cluster.start;
    if (!BLANK.test(text.slice(cluster.start, cluster.end))) return at;
  }
}

/** `offset` moved past blank clusters towards `limit`. */
function pastBlanks(text: string, offset: number, direction: -1 | 1, limit: number): number {
  let at = offset;
  while (at !== limit) {
    const cluster = graphemeNextTo(text, at, direction);
    if (!cluster || !BLANK.test(text.slice(cluster.start, cluster.end))) break;
    at = direction === 1 ? cluster.end : cluster.start;
  }
  return at;
}

function moveByCharacter(text: string, span: TextRange, edge: SpanEdge, direction: -1 | 1): TextRange | null {
  if (edge === 'end') {
    if (direction === 1) {
      const end = pastOneCharacter(text, span.end, 1);
      return end === null ? null : { start: span.start, end };
    }
    const cluster = graphemeNextTo(text, span.end, -1);
    if (!cluster || cluster.start <= span.start) return null;
    return { start: span.start, end: pastBlanks(text, cluster.start, -1, span.start) };
  }
  if (direction === -1) {
    const start = pastOneCharacter(text, span.start, -1);
    return start === null ? null : { start, end: span.end };
  }
  const cluster = graphemeNextTo(text, span.start, 1);
  if (!cluster || cluster.end >= span.end) return null;
  return { start: pastBlanks(text, cluster.end, 1, span.end), end: span.end };
}
