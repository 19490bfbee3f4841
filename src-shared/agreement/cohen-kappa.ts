// Cohen's kappa: chance-corrected agreement of two raters who labelled the same items.
import { LabelPairTable, type KappaResult } from './label-pair-table';

export type { KappaResult };

/**
 * kappa = (po - pe) / (1 - pe) over two aligned label sequences (item i of `a` and of `b` are
 * the same item); see `LabelPairTable.kappa` for the 0/0 convention.
 */
export function cohenKappa(a: readonly string[], b: readonly string[]): KappaResult {
  if (a.length !== b.length)
    throw new RangeError(`cohenKappa: the raters labelled ${a.length} and ${b.length} items; they must label the same items`);
  const table = new LabelPairTable();
  for (let i = 0; i < a.length; i++) table.add(a[i] as string, b[i] as string);
  return table.kappa();
}
