// Fleiss' kappa: chance-corrected agreement of a fixed number of raters who all rated every item.

export interface FleissResult {
  /** Null when there are no items. */
  kappa: number | null;
  /** Mean agreement per item, P-bar. */
  observed: number;
  /** Agreement expected by chance, P-bar-e = sum of squared category shares. */
  expected: number;
  items: number;
  raters: number;
}

/**
 * Fleiss' kappa from a table of counts: `counts[i][j]` raters put item i in category j. Every
 * item must have the same number of raters n >= 2. When P-bar-e = 1 every rating fell in one
 * category, so every item has full agreement and kappa is 0/0: we define it as 1.
 */
export function fleissKappaFromCounts(counts: readonly (readonly number[])[]): FleissResult {
  const items = counts.length;
  const first = counts[0];
  if (!first) return { kappa: null, observed: 0, expected: 0, items: 0, raters: 0 };
  const raters = sum(first);
  if (raters < 2) throw new RangeError(`fleissKappa: each item needs at least 2 ratings (item 1 has ${raters})`);
  const categoryTotals: number[] = first.map(() => 0);
  let agreementSum = 0;
  counts.forEach((row, i) => {
    if (row.length !== first.length)
      throw new RangeError(`fleissKappa: item ${i + 1} has ${row.length} categories, item 1 has ${first.length}`);
    if (sum(row) !== raters)
      throw new RangeError(
        `fleissKappa: item ${i + 1} has ${sum(row)} ratings, item 1 has ${raters}; every item must be rated by every rater`,
      );
    let squares = 0;
    row.forEach((count, j) => {
      squares += count * count;
      categoryTotals[j] = (categoryTotals[j] as number) + count;
    });
    agreementSum += (squares - raters) / (raters * (raters - 1));
  });
  return fleissFromSums(agreementSum, categoryTotals, items, raters);
}

/** Fleiss' kappa from the ratings themselves: `ratings[i][r]` is rater r's label for item i. */
export function fleissKappa(ratings: readonly (readonly string[])[]): FleissResult {
  const categories = new Map<string, number>();
  for (const row of ratings) for (const label of row) if (!categories.has(label)) categories.set(label, categories.size);
  const counts = ratings.map((row) => {
    const counted: number[] = new Array<number>(categories.size).fill(0);
    for (const label of row) {
      const j = categories.get(label) as number;
      counted[j] = (counted[j] as number) + 1;
    }
    return counted;
  });
  return fleissKappaFromCounts(counts);
}

/**
 * fleissKappa of `items` items each rated by the same `raters` raters, `label(item, rater)`
 * giving each rating: the same figures, summed in the same order, without a row per item (the
 * command line's agreement runs over millions of tokens).
 */
export function fleissKappaOf(items: number, raters: number, label: (item: number, rater: number) => string): FleissResult {
  if (items === 0) return { kappa: null, observed: 0, expected: 0, items: 0, raters: 0 };
  if (raters < 2) throw new RangeError(`fleissKappa: each item needs at least 2 ratings (item 1 has ${raters})`);
  // Categories numbered in order of first appearance, as fleissKappa numbers them.
  const categories = new Map<string, number>();
  const categoryTotals: number[] = [];
  const row = new Map<string, number>();
  let agreementSum = 0;
  for (let i = 0; i < items; i++) {
    row.clear();
    for (let r = 0; r < raters; r++) {
      const value = label(i, r);
      row.set(value, (row.get(value) ?? 0) + 1);
      if (!categories.has(value)) {
        categories.set(value, categoryTotals.length);
        categoryTotals.push(0);
      }
    }
    let squares = 0;
    for (const [value, count] of row) {
      squares += count * count;
      const j = categories.get(value) as number;
      categoryTotals[j] = (categoryTotals[j] as number) + count;
    }
    agreementSum += (squares - raters) / (raters * (raters - 1));
  }
  return fleissFromSums(agreementSum, categoryTotals, items, raters);
}

/** The figures from the per-item agreement sum and the category totals (every way of counting ends here). */
export function fleissFromSums(agreementSum: number, categoryTotals: readonly number[], items: number, raters: number): FleissResult {
  const observed = agreementSum / items;
  const ratings = items * raters;
  const used = categoryTotals.filter((total) => total > 0);
  const expected = used.length === 1 ? 1 : used.reduce((acc, total) => acc + (total / ratings) ** 2, 0);
  const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items, raters };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
