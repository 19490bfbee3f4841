// Cohen's kappa: chance-corrected agreement of two raters who labelled the same items.

export interface KappaResult {
  /** Null when there is nothing to compare (no items). */
  kappa: number | null;
  /** Observed agreement po: the share of items both raters labelled alike. */
  observed: number;
  /** Agreement expected by chance pe, from each rater's own label frequencies. */
  expected: number;
  items: number;
}

/**
 * kappa = (po - pe) / (1 - pe) over two aligned label sequences (item i of `a` and of `b` are
 * the same item). When pe = 1 both raters gave every item one and the same label, so po = 1
 * too and the formula is 0/0: we define kappa = 1 there (they agree on everything).
 */
export function cohenKappa(a: readonly string[], b: readonly string[]): KappaResult {
  if (a.length !== b.length) throw new RangeError(`cohenKappa: the raters labelled ${a.length} and ${b.length} items; they must label the same items`);
  const items = a.length;
  if (items === 0) return { kappa: null, observed: 0, expected: 0, items };
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agree = 0;
  for (let i = 0; i < items; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) agree++;
    countsA.set(x, (countsA.get(x) ?? 0) + 1);
    countsB.set(y, (countsB.get(y) ?? 0) + 1);
  }
  const observed = agree / items;
  let expected = 0;
  for (const [label, count] of countsA) expected += (count / items) * ((countsB.get(label) ?? 0) / items);
  // pe is exactly 1 (1 * 1) only when both gave every item the same one label.
  const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items };
}
