// Compares annotators' spans on one document: groups overlapping spans of the same layer
// into review items and says how the annotators agree on each.
import { sameValue } from '../annotations/same-value';
import type { AttributeValue, LayerId } from '../domain';

export interface ReviewSpan {
  id: string;
  annotator: string;
  layer: LayerId;
  label: string;
  start: number;
  end: number;
  /** Compared too: the same span with other attribute values is a disagreement. */
  attributes?: Readonly<Record<string, AttributeValue>>;
}

/**
 * agreement: every compared annotator has the same single span (start, end, label,
 * attributes); attributes: the same span with other attribute values; label: same
 * boundaries, different labels; boundary: overlapping spans with different boundaries;
 * missing: some annotators have nothing here.
 */
export type ReviewKind = 'agreement' | 'attributes' | 'label' | 'boundary' | 'missing';

export interface ReviewItem {
  /** Stable for the same spans: used to remember a reviewer's decision. */
  key: string;
  layer: LayerId;
  start: number;
  end: number;
  kind: ReviewKind;
  /** Each compared annotator's spans in this item (possibly none), in annotator order. */
  versions: Array<{ annotator: string; spans: ReviewSpan[] }>;
}

const sameSpan = (a: ReviewSpan, b: ReviewSpan) => a.start === b.start && a.end === b.end && a.label === b.label;

function kindOf(versions: ReviewItem['versions']): ReviewKind {
  if (versions.some((v) => v.spans.length === 0)) return 'missing';
  const first = versions[0]?.spans ?? [];
  const allSingle = versions.every((v) => v.spans.length === 1);
  if (allSingle) {
    const reference = first[0] as ReviewSpan;
    const spans = versions.map((v) => v.spans[0] as ReviewSpan);
    if (spans.every((s) => sameSpan(s, reference))) {
      return spans.every((s) => sameValue(s.attributes ?? {}, reference.attributes ?? {})) ? 'agreement' : 'attributes';
    }
    if (spans.every((s) => s.start === reference.start && s.end === reference.end)) return 'label';
  }
  return 'boundary';
}

/** Review items of `annotators` (in that order) over `spans`, sorted by position. */
export function compareSpans(spans: readonly ReviewSpan[], annotators: readonly string[]): ReviewItem[] {
  const compared = spans.filter((s) => annotators.includes(s.annotator));
  const items: ReviewItem[] = [];
  for (const layer of ['entity', 'claim'] as const) {
    const ordered = compared.filter((s) => s.layer === layer).sort((a, b) => a.start - b.start || a.end - b.end);
    let group: ReviewSpan[] = [];
    let groupEnd = -1;
    const flush = () => {
      if (group.length === 0) return;
      const versions = annotators.map((annotator) => ({ annotator, spans: group.filter((s) => s.annotator === annotator) }));
      // The group is in start order (a spread of a long chain of overlaps would overflow the stack).
      const start = (group[0] as ReviewSpan).start;
      const key = `${layer}:${group
        .map((s) => `${s.annotator}/${s.start}-${s.end}/${s.label}`)
        .sort()
        .join('|')}`;
      items.push({ key, layer, start, end: groupEnd, kind: kindOf(versions), versions });
      group = [];
    };
    for (const span of ordered) {
      if (span.start >= groupEnd) flush();
      group.push(span);
      groupEnd = group.length === 1 ? span.end : Math.max(groupEnd, span.end);
    }
    flush();
  }
  return items.sort((a, b) => a.start - b.start || b.end - a.end || (a.layer < b.layer ? -1 : 1));
}

/**
 * An item is settled when gold holds one of its versions' spans exactly, or any
 * gold span of its layer overlapping it (the reviewer edited it), or it was rejected.
 */
export function isSettled(item: ReviewItem, gold: readonly ReviewSpan[], rejected: ReadonlySet<string>): boolean {
  if (rejected.has(item.key)) return true;
  return gold.some((g) => g.layer === item.layer && g.start < item.end && g.end > item.start);
}
