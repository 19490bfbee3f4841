// Krippendorff's alpha for nominal data: chance-corrected agreement of any number of coders, with missing values.

/** A coder's value for a unit; null or undefined when the coder did not code it. */
export type NominalValue = string | null | undefined;

export interface AlphaResult {
  /** Null when no unit has two values (nothing is pairable). */
  alpha: number | null;
  /** Observed disagreement D_o. */
  observedDisagreement: number;
  /** Disagreement expected by chance D_e. */
  expectedDisagreement: number;
  /** Pairable values n: the values of units that have at least two. */
  pairableValues: number;
}

/**
 * alpha = 1 - D_o / D_e with the nominal distance (0 for equal values, 1 otherwise), following
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
 *   D_o = (1/n) * sum over units u of (m_u^2 - sum_c n_uc^2) / (m_u - 1)
 *   D_e = (n^2 - sum_c n_c^2) / (n (n - 1))
 * where m_u is the number of values in unit u, n_uc how many of them are c, n the sum of m_u
 * over the units with m_u >= 2 (the others are left out) and n_c the count of c among those.
 * `units[u]` holds each coder's value for unit u (rows may differ in length).
 * When every pairable value is the same, D_e = D_o = 0: we define alpha = 1, as for kappa.
 */
export function krippendorffAlpha(units: readonly (readonly NominalValue[])[]): AlphaResult {
  const coders = units.reduce((most, unit) => Math.max(most, unit.length), 0);
  return krippendorffAlphaOf(units.length, coders, (u, c) => units[u]?.[c]);
}

/**
 * krippendorffAlpha of `units` units and `coders` coders, `value(unit, coder)` giving each value
 * (null or undefined: not coded), without an array per unit (the command line's agreement runs
 * over millions of tokens).
 */
export function krippendorffAlphaOf(units: number, coders: number, value: (unit: number, coder: number) => NominalValue): AlphaResult {
  const totals = new Map<string, number>();
  let pairableValues = 0;
  let disagreementSum = 0;
  const counts = new Map<string, number>();
  for (let u = 0; u < units; u++) {
    counts.clear();
    let m = 0;
    for (let c = 0; c < coders; c++) {
      const coded = value(u, c);
      if (coded === null || coded === undefined) continue;
      counts.set(coded, (counts.get(coded) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;
    pairableValues += m;
    let squares = 0;
    for (const [coded, count] of counts) {
      squares += count * count;
      totals.set(coded, (totals.get(coded) ?? 0) + count);
    }
    disagreementSum += (m * m - squares) / (m - 1);
  }
  return alphaOf(totals, pairableValues, disagreementSum);
}

/** The figures from the value totals (in the order values first came), the pairable values and the disagreement sum. */
export function alphaOf(totals: ReadonlyMap<string, number>, pairableValues: number, disagreementSum: number): AlphaResult {
  const n = pairableValues;
  if (n === 0) return { alpha: null, observedDisagreement: 0, expectedDisagreement: 0, pairableValues: 0 };
  let squares = 0;
  for (const count of totals.values()) squares += count * count;
  const observedDisagreement = disagreementSum / n;
  const expectedDisagreement = (n * n - squares) / (n * (n - 1));
  const alpha = totals.size === 1 ? 1 : 1 - observedDisagreement / expectedDisagreement;
  return { alpha, observedDisagreement, expectedDisagreement, pairableValues };
}
