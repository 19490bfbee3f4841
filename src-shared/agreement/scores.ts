// Precision, recall and F1 from true-positive, false-positive and false-negative counts.

export interface MatchCounts {
  /** Spans of the candidate matched to a span of the reference. */
  tp: number;
  /** Spans of the candidate with no match in the reference. */
  fp: number;
  /** Spans of the reference with no match in the candidate. */
  fn: number;
}

export interface Score extends MatchCounts {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The scores of a count. Where a ratio would be 0/0 the convention is: when neither side has a
 * span (tp = fp = fn = 0) both agree completely on nothing, so every figure is 1; when only one
 * side has spans, the figure the empty side leaves undefined is 0 (nothing it marked was right,
 * or nothing it should have marked was found).
 */
export function score(counts: MatchCounts): Score {
  const { tp, fp, fn } = counts;
  if (tp + fp + fn === 0) return { tp, fp, fn, precision: 1, recall: 1, f1: 1 };
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    f1: (2 * tp) / (2 * tp + fp + fn),
  };
}

export function addCounts(a: MatchCounts, b: MatchCounts): MatchCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const NO_COUNTS: MatchCounts = Object.freeze({ tp: 0, fp: 0, fn: 0 });
