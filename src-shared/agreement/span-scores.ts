// Span-level precision, recall and F1 of a candidate annotator against a reference, per label and overall.
import { LAYERS, type LayerId } from '../domain';
import { addCounts, NO_COUNTS, score, type MatchCounts, type Score } from './scores';
import { compareText, matchSpans, type MatchMode, type SpanMatching } from './span-matching';
import type { AgreementSpan } from './types';

export interface LabelScore extends Score {
  layer: LayerId;
  label: string;
}

export interface SpanScores {
  /** Micro-averaged: the counts of every label summed, then scored. */
  overall: Score;
  /** One entry per layer and label that either side used, in layer order then label order. */
  labels: LabelScore[];
}

/**
 * Scores `candidate` against `reference` (the reference's spans are the truth: precision is the
 * share of the candidate's spans that match, recall the share of the reference's that do).
 * F1 does not depend on which side is the reference. See `score` for the 0/0 conventions.
 */
export function scoreSpans(reference: readonly AgreementSpan[], candidate: readonly AgreementSpan[], mode: MatchMode): SpanScores {
  return scoreMatching(reference, candidate, matchSpans(reference, candidate, mode));
}

/** The same scores from a matching already made (the report reuses it for relations and attributes). */
export function scoreMatching(
  reference: readonly AgreementSpan[],
  candidate: readonly AgreementSpan[],
  matching: SpanMatching,
): SpanScores {
  const counts = new Map<string, { layer: LayerId; label: string; counts: MatchCounts }>();
  const entry = (span: AgreementSpan): { counts: MatchCounts } => {
    const key = `${span.layer}\u0000${span.label}`;
    let found = counts.get(key);
    if (!found) {
      found = { layer: span.layer, label: span.label, counts: { ...NO_COUNTS } };
      counts.set(key, found);
    }
    return found;
  };
  for (const [r] of matching.pairs) entry(reference[r] as AgreementSpan).counts.tp++;
  for (const r of matching.unmatchedReference) entry(reference[r] as AgreementSpan).counts.fn++;
  for (const c of matching.unmatchedCandidate) entry(candidate[c] as AgreementSpan).counts.fp++;
  return fromCounts([...counts.values()]);
}

/** The scores of several parts (documents) taken together: counts are summed, then scored. */
export function sumSpanScores(parts: readonly SpanScores[]): SpanScores {
  const counts = new Map<string, { layer: LayerId; label: string; counts: MatchCounts }>();
  for (const part of parts) {
    for (const item of part.labels) {
      const key = `${item.layer}\u0000${item.label}`;
      const found = counts.get(key);
      if (found) found.counts = addCounts(found.counts, item);
      else counts.set(key, { layer: item.layer, label: item.label, counts: { tp: item.tp, fp: item.fp, fn: item.fn } });
    }
  }
  return fromCounts([...counts.values()]);
}

function fromCounts(entries: Array<{ layer: LayerId; label: string; counts: MatchCounts }>): SpanScores {
  entries.sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || compareText(a.label, b.label));
  let total: MatchCounts = NO_COUNTS;
  for (const item of entries) total = addCounts(total, item.counts);
  return {
    overall: score(total),
    labels: entries.map((item) => ({ layer: item.layer, label: item.label, ...score(item.counts) })),
  };
}
