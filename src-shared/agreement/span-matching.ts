// Pairs one annotator's spans with another's, one to one: by exact position or by overlap.
import { munkres } from 'munkres';
import type { AgreementSpan } from './types';
import { pushAll, maxOf } from '../push-all';

export type MatchMode = 'exact' | 'overlap';

export const MATCH_MODES: readonly MatchMode[] = ['exact', 'overlap'];

export interface SpanMatching {
  /** [index into reference, index into candidate] of each matched pair. */
  pairs: Array<[number, number]>;
  /** Indices of reference spans left unmatched, ascending. */
  unmatchedReference: number[];
  /** Indices of candidate spans left unmatched, ascending. */
  unmatchedCandidate: number[];
}

export interface MatchOptions {
  /**
   * Pair spans whatever their labels (for a confusion matrix of labels). Same-label pairs are
   * still preferred where the choice is otherwise equal.
   */
  ignoreLabel?: boolean;
}

/**
 * Matches spans of the same document and layer (and label, unless `ignoreLabel`).
 *
 * - `exact`: same start and end. Duplicates pair off one to one.
 * - `overlap`: the ranges intersect (share at least one unit). The pairs are a **maximum
 *   matching**: as many pairs as the overlaps allow (a greedy "largest overlap first" can pair
 *   fewer). Among the matchings of that size it keeps the most pairs in the same position, then
 *   the largest total overlap, then (with `ignoreLabel`) the most same-label pairs, then the
 *   pairs first in text order. Overlap matching therefore pairs at least as many spans as exact
 *   matching, and the same pairs whichever side is the reference.
 *
 * Offsets are compared as given: the report passes code points, so "largest overlap" counts
 * characters as Python does, an emoji as one.
 */
export function matchSpans(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  mode: MatchMode,
  options: MatchOptions = {},
): SpanMatching {
  const ignoreLabel = options.ignoreLabel === true;
  const groupKey = (span: AgreementSpan): string =>
    ignoreLabel ? `${span.documentId}\u0000${span.layer}` : `${span.documentId}\u0000${span.layer}\u0000${span.label}`;

  const groups = new Map<string, Group>();
  const groupOf = (key: string): Group => {
    let group = groups.get(key);
    if (!group) {
      group = { reference: [], candidate: [] };
      groups.set(key, group);
    }
    return group;
  };
  reference.forEach((span, index) => groupOf(groupKey(span)).reference.push(index));
  candidate.forEach((span, index) => groupOf(groupKey(span)).candidate.push(index));

  const pairs: Array<[number, number]> = [];
  for (const group of groups.values()) {
    if (group.reference.length === 0 || group.candidate.length === 0) continue;
    if (mode === 'exact') pushAll(pairs, pairSamePosition(reference, candidate, group, ignoreLabel));
    else
      for (const component of overlapComponents(reference, candidate, group))
        pushAll(pairs, maximumMatching(reference, candidate, component));
  }

  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const matchedReference = new Set(pairs.map(([r]) => r));
  const matchedCandidate = new Set(pairs.map(([, c]) => c));
  return {
    pairs,
    unmatchedReference: reference.map((_, index) => index).filter((index) => !matchedReference.has(index)),
    unmatchedCandidate: candidate.map((_, index) => index).filter((index) => !matchedCandidate.has(index)),
  };
}

interface Group {
  reference: number[];
  candidate: number[];
}

/** Same start and end (same label first when labels are ignored), one to one in order. */
function pairSamePosition(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  group: Group,
  ignoreLabel: boolean,
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const taken = new Set<number>();
  const keys: Array<(span: AgreementSpan) => string> = [(span) => `${span.start}:${span.end}:${span.label}`];
  if (ignoreLabel) keys.push((span) => `${span.start}:${span.end}`);
  const pairedCandidates = new Set<number>();
  for (const key of keys) {
    const waiting = new Map<string, number[]>();
    for (const r of group.reference) {
      if (taken.has(r)) continue;
      const k = key(reference[r] as AgreementSpan);
      const list = waiting.get(k);
      if (list) list.push(r);
      else waiting.set(k, [r]);
    }
    for (const c of group.candidate) {
      if (pairedCandidates.has(c)) continue;
      const r = waiting.get(key(candidate[c] as AgreementSpan))?.shift();
      if (r === undefined) continue;
      pairs.push([r, c]);
      taken.add(r);
      pairedCandidates.add(c);
    }
  }
  return pairs;
}

/**
 * The group split into sets of spans connected by overlaps (sorted by start, a span joins the
 * set while it starts before the set's furthest end). No span overlaps one of another set, so
 * each set is matched alone, which keeps the assignment problems small.
 */
function overlapComponents(reference: readonly AgreementSpan[], candidate: readonly AgreementSpan[], group: Group): Group[] {
  const items = [
    ...group.reference.map((index) => ({ side: 'reference' as const, index, span: reference[index] as AgreementSpan })),
    ...group.candidate.map((index) => ({ side: 'candidate' as const, index, span: candidate[index] as AgreementSpan })),
  ].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const components: Group[] = [];
  let current: Group | undefined;
  let end = -Infinity;
  for (const item of items) {
    // A span of no length overlaps nothing, but pairs with one in the same position: keep it with spans starting there.
    if (!current || item.span.start > end || (item.span.start === end && item.span.end > item.span.start)) {
      current = { reference: [], candidate: [] };
      components.push(current);
      end = item.span.end;
    } else end = Math.max(end, item.span.end);
    current[item.side].push(item.index);
  }
  return components.filter((component) => component.reference.length > 0 && component.candidate.length > 0);
}

/** What a pair is worth, compared field by field in this order (after "it is a pair"). */
interface PairValue {
  sameLabelSamePlace: number;
  samePlace: number;
  overlap: number;
  sameLabel: number;
}

function pairValue(a: AgreementSpan, b: AgreementSpan): PairValue | null {
  const samePlace = a.start === b.start && a.end === b.end;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0 && !samePlace) return null;
  const sameLabel = a.label === b.label;
  return {
    sameLabelSamePlace: Number(samePlace && sameLabel),
    samePlace: Number(samePlace),
    overlap: Math.max(0, overlap),
    sameLabel: Number(sameLabel),
  };
}

/**
 * A maximum-weight assignment (Hungarian method, the `munkres` package) whose weights put the
 * number of pairs first: each field of `PairValue` is scaled past the largest sum the fields
 * after it can reach, in bigints so that no weight loses precision. Last comes the pairs'
 * order by position (the two spans' positions, smaller first, so blind to which side is the
 * reference): pair k of E gets 2^(E-1-k), so no two matchings weigh the same and the one chosen
 * does not depend on the side or on how the assignment is solved.
 */
function maximumMatching(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  component: Group,
): Array<[number, number]> {
  const edges: Array<{ row: number; column: number; value: PairValue; low: AgreementSpan; high: AgreementSpan }> = [];
  component.reference.forEach((r, row) => {
    const a = reference[r] as AgreementSpan;
    component.candidate.forEach((c, column) => {
      const b = candidate[c] as AgreementSpan;
      const value = pairValue(a, b);
      if (!value) return;
      const aFirst = comparePosition(a, b) <= 0;
      edges.push({ row, column, value, low: aFirst ? a : b, high: aFirst ? b : a });
    });
  });
  if (edges.length === 0) return [];
  edges.sort((x, y) => comparePosition(x.low, y.low) || comparePosition(x.high, y.high));

  const n = BigInt(Math.min(component.reference.length, component.candidate.length));
  const longest = BigInt(maxOf(edges.map((edge) => edge.value.overlap)));
  const sameLabelUnit = 1n << BigInt(edges.length);
  const overlapUnit = sameLabelUnit * (n + 1n);
  const samePlaceUnit = overlapUnit * (n * longest + 1n);
  const sameLabelSamePlaceUnit = samePlaceUnit * (n + 1n);
  const pairUnit = sameLabelSamePlaceUnit * (n + 1n);
  const weights = component.reference.map(() => component.candidate.map(() => 0n));
  edges.forEach((edge, k) => {
    const { value } = edge;
    (weights[edge.row] as bigint[])[edge.column] =
      pairUnit +
      BigInt(value.sameLabelSamePlace) * sameLabelSamePlaceUnit +
      BigInt(value.samePlace) * samePlaceUnit +
      BigInt(value.overlap) * overlapUnit +
      BigInt(value.sameLabel) * sameLabelUnit +
      (1n << BigInt(edges.length - 1 - k));
  });
  let top = 0n;
  for (const row of weights) for (const w of row) if (w > top) top = w;
  // munkres minimises a cost: the cost of a pair is how far its weight falls short of the best.
  const assignment = munkres(weights.map((row) => row.map((w) => top - w)));
  const pairs: Array<[number, number]> = [];
  for (const [row, column] of assignment) {
    if ((weights[row]?.[column] ?? 0n) === 0n) continue;
    pairs.push([component.reference[row] as number, component.candidate[column] as number]);
  }
  return pairs;
}

function comparePosition(a: AgreementSpan, b: AgreementSpan): number {
  return a.start - b.start || a.end - b.end || compareText(a.label, b.label);
}

/** Code-unit order, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
