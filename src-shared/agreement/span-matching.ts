// Pairs one annotator's spans with another's, one to one: by exact position or by overlap.
import type { AgreementSpan } from './types';

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
 * - `overlap`: the ranges intersect (share at least one unit). Spans in the same position pair
 *   first, then the remaining pairs are taken greedily by largest overlap, so one span never
 *   matches two. Taking the exact pairs first changes nothing greedy would do (no pair can
 *   overlap a span by more than its length) but guarantees that overlap matching finds every
 *   exact match. Ties are broken by the pair's positions in an order that does not depend on
 *   which side is the reference, so the number of matches is symmetric.
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

  const groups = new Map<string, { reference: number[]; candidate: number[] }>();
  const groupOf = (key: string): { reference: number[]; candidate: number[] } => {
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
  const matchedReference = new Set<number>();
  const matchedCandidate = new Set<number>();
  const take = (r: number, c: number): void => {
    pairs.push([r, c]);
    matchedReference.add(r);
    matchedCandidate.add(c);
  };

  for (const group of groups.values()) {
    if (group.reference.length === 0 || group.candidate.length === 0) continue;
    pairSamePosition(reference, candidate, group, (span) => `${span.start}:${span.end}:${span.label}`, take, matchedReference, matchedCandidate);
    if (ignoreLabel) pairSamePosition(reference, candidate, group, (span) => `${span.start}:${span.end}`, take, matchedReference, matchedCandidate);
    if (mode === 'overlap') pairByOverlap(reference, candidate, group, take, matchedReference, matchedCandidate);
  }

  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return {
    pairs,
    unmatchedReference: reference.map((_, index) => index).filter((index) => !matchedReference.has(index)),
    unmatchedCandidate: candidate.map((_, index) => index).filter((index) => !matchedCandidate.has(index)),
  };
}

type Take = (reference: number, candidate: number) => void;

function pairSamePosition(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  group: { reference: number[]; candidate: number[] },
  key: (span: AgreementSpan) => string,
  take: Take,
  matchedReference: ReadonlySet<number>,
  matchedCandidate: ReadonlySet<number>,
): void {
  const waiting = new Map<string, number[]>();
  for (const r of group.reference) {
    if (matchedReference.has(r)) continue;
    const k = key(reference[r] as AgreementSpan);
    const list = waiting.get(k);
    if (list) list.push(r);
    else waiting.set(k, [r]);
  }
  for (const c of group.candidate) {
    if (matchedCandidate.has(c)) continue;
    const r = waiting.get(key(candidate[c] as AgreementSpan))?.shift();
    if (r !== undefined) take(r, c);
  }
}

interface Candidate {
  r: number;
  c: number;
  overlap: number;
  sameLabel: boolean;
  /** The two spans' positions, smaller first: a tie-break blind to which side is which. */
  low: AgreementSpan;
  high: AgreementSpan;
}

function pairByOverlap(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  group: { reference: number[]; candidate: number[] },
  take: Take,
  matchedReference: Set<number>,
  matchedCandidate: Set<number>,
): void {
  const open = group.candidate.filter((c) => !matchedCandidate.has(c)).sort((x, y) => (candidate[x] as AgreementSpan).start - (candidate[y] as AgreementSpan).start);
  const options: Candidate[] = [];
  for (const r of group.reference) {
    if (matchedReference.has(r)) continue;
    const a = reference[r] as AgreementSpan;
    for (const c of open) {
      const b = candidate[c] as AgreementSpan;
      if (b.start >= a.end) break;
      const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (overlap <= 0) continue;
      const aFirst = comparePosition(a, b) <= 0;
      options.push({ r, c, overlap, sameLabel: a.label === b.label, low: aFirst ? a : b, high: aFirst ? b : a });
    }
  }
  options.sort(
    (x, y) =>
      y.overlap - x.overlap ||
      Number(y.sameLabel) - Number(x.sameLabel) ||
      comparePosition(x.low, y.low) ||
      comparePosition(x.high, y.high),
  );
  for (const option of options) {
    if (matchedReference.has(option.r) || matchedCandidate.has(option.c)) continue;
    take(option.r, option.c);
  }
}

function comparePosition(a: AgreementSpan, b: AgreementSpan): number {
  return a.start - b.start || a.end - b.end || compareText(a.label, b.label);
}

/** Code-unit order, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
