// How many of the open document's spans share a key (a label; a label and a text), kept by
// change: after a label, only the spans that changed are counted again, not every span (the
// annotation session keeps the objects of spans a change leaves alone, in a persistent map).
import type { Span } from '../../../src-shared/domain';
import { keysChangedBetween } from '../../../src-shared/persistent-map';

export interface SpanCounts {
  /** The spans counted, as given. */
  spans: ReadonlyMap<string, Span>;
  /** Spans per key; a key no span has is absent. */
  counts: Map<string, number>;
  keyOf: (span: Span) => string;
}

/** The key of a span's (label, text) pair: a pair whose last span goes takes back the same-string proposals it made. */
export function pairKey(span: Span): string {
  return `${span.label}\u0000${span.text}`;
}

/** Counts every span under its key. */
export function countSpans(spans: ReadonlyMap<string, Span>, keyOf: (span: Span) => string): SpanCounts {
  const counts = new Map<string, number>();
  for (const span of spans.values()) {
    const key = keyOf(span);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { spans, counts, keyOf };
}

/**
 * Brings `counted` to `spans` (a span object it holds is taken as unchanged) and returns the keys
 * no span has any more that some span had before.
 */
export function updateCounts(counted: SpanCounts, spans: ReadonlyMap<string, Span>): string[] {
  const { counts, keyOf } = counted;
  const before = counted.spans;
  counted.spans = spans;
  if (before === spans) return [];
  const lowered = new Set<string>();
  // The state's spans are a persistent map: the changed ids come without a pass over every span.
  for (const id of keysChangedBetween(before, spans)) {
    const [was, now] = [before.get(id), spans.get(id)];
    if (was) {
      const key = keyOf(was);
      const left = (counts.get(key) ?? 0) - 1;
      if (left > 0) counts.set(key, left);
      else counts.delete(key);
      lowered.add(key);
    }
    if (now) {
      const key = keyOf(now);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...lowered].filter((key) => !counts.has(key));
}
