// The open document's spans in reading order, kept by change: after a label, the spans already in
// order keep it and the few new or changed ones are merged in, instead of a sort of all of them on
// every key (20,000 spans: ~7 ms a label).
import type { Span } from '../domain';
import { keysChangedBetween } from '../persistent-map';

/** Reading order: by start, the longer first at one start. */
export const byPosition = (a: Span, b: Span): number => a.start - b.start || b.end - a.end;

/** A state's spans (by id) and the same spans in reading order. */
export interface SpansInOrder {
  spans: ReadonlyMap<string, Span>;
  ordered: readonly Span[];
}

/**
 * The spans of `spans` in reading order, from `before` (an earlier state's, in order) when given:
 * the unchanged ones keep their places and the new or changed ones are merged in after those
 * they tie with (as a stable sort puts spans added last).
 */
export function spansInOrder(spans: ReadonlyMap<string, Span>, before?: SpansInOrder): Span[] {
  if (!before) return [...spans.values()].sort(byPosition);
  if (before.spans === spans) return [...before.ordered];
  // What the change wrote: a few ids after a label, found without a pass over every span.
  const changed = keysChangedBetween(before.spans, spans);
  const fresh: Span[] = [];
  let replacedOrGone = 0;
  for (const id of changed) {
    const span = spans.get(id);
    if (span) fresh.push(span);
    if (before.spans.has(id)) replacedOrGone++;
  }
  // Every earlier span still there, unchanged (a label added one): none to take out.
  const kept = replacedOrGone === 0 ? before.ordered : before.ordered.filter((span) => !changed.has(span.id));
  // Not the same spans told two ways (an `ordered` not of `before.spans`): sort them all.
  if (kept.length + fresh.length !== spans.size) return [...spans.values()].sort(byPosition);
  if (fresh.length === 0) return [...kept];
  fresh.sort(byPosition);
  // Few fresh spans (a label): each goes in where a binary search puts it, and the rest is copied whole.
  if (fresh.length <= 8) {
    const merged = [...kept];
    let from = 0;
    for (const span of fresh) {
      const at = firstAfter(merged, span, from);
      merged.splice(at, 0, span);
      from = at + 1;
    }
    return merged;
  }
  const merged: Span[] = [];
  let k = 0;
  for (const span of fresh) {
    while (k < kept.length && byPosition(kept[k] as Span, span) <= 0) merged.push(kept[k++] as Span);
    merged.push(span);
  }
  while (k < kept.length) merged.push(kept[k++] as Span);
  return merged;
}

/** The spans of `ordered` (in reading order) that cover exactly start..end: a binary search, not a pass. */
export function spansWithExtent(ordered: readonly Span[], start: number, end: number): Span[] {
  let [low, high] = [0, ordered.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    const span = ordered[middle] as Span;
    // Before start..end in reading order: an earlier start, or the same start and a longer span.
    if (span.start < start || (span.start === start && span.end > end)) low = middle + 1;
    else high = middle;
  }
  const found: Span[] = [];
  for (let i = low; i < ordered.length && (ordered[i] as Span).start === start && (ordered[i] as Span).end === end; i++) found.push(ordered[i] as Span);
  return found;
}

/** The first index at or after `from` whose span comes after `span` (ties stay before it). */
function firstAfter(ordered: readonly Span[], span: Span, from: number): number {
  let [low, high] = [from, ordered.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byPosition(ordered[middle] as Span, span) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
