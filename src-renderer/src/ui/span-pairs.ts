// How many spans hold each (label, text) pair, kept by change: after a label, only the spans
// that changed are looked at, not a string built for each of the document's spans. A pair whose
// last span goes (an undo, a delete, a relabel) takes back the same-string proposals it made.
import type { Span } from '../../../src-shared/domain';

export interface SpanPairs {
  /** The spans counted, as given. */
  spans: ReadonlyMap<string, Span>;
  /** Spans per pair key. */
  counts: Map<string, number>;
}

/** The key of a span's (label, text) pair. */
export function pairKey(span: Span): string {
  return `${span.label}\u0000${span.text}`;
}

/** The pairs of every span. */
export function countPairs(spans: ReadonlyMap<string, Span>): SpanPairs {
  const counts = new Map<string, number>();
  for (const span of spans.values()) counts.set(pairKey(span), (counts.get(pairKey(span)) ?? 0) + 1);
  return { spans, counts };
}

/**
 * Brings `pairs` to `spans` (a span object it holds is taken as unchanged) and returns the pair
 * keys no span holds any more that some span held before.
 */
export function updatePairs(pairs: SpanPairs, spans: ReadonlyMap<string, Span>): string[] {
  const { counts } = pairs;
  const before = pairs.spans;
  pairs.spans = spans;
  if (before === spans) return [];
  const lowered: string[] = [];
  for (const [id, span] of before) {
    if (spans.get(id) === span) continue;
    const key = pairKey(span);
    const left = (counts.get(key) ?? 0) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
    lowered.push(key);
  }
  for (const [id, span] of spans) {
    if (before.get(id) === span) continue;
    const key = pairKey(span);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...new Set(lowered)].filter((key) => !counts.has(key));
}
