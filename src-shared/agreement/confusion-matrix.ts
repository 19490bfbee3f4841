// Confusion matrices of two annotators: of token labels, and of the labels of spans matched by overlap.
import type { LayerId } from '../domain';
import { LabelPairTable } from './label-pair-table';
import { compareText, matchSpans } from './span-matching';
import { OUTSIDE, type AgreementSpan } from './types';

/** The row/column of spans one side marked and the other did not (span-level matrices only). */
export const MISSING = '(missing)';

export interface ConfusionMatrix {
  /** Row and column labels: sorted in code-unit order, then 'O' (tokens) or '(missing)' (spans) last. */
  labels: string[];
  /** counts[row][column]: items that annotator A (rows) labelled `labels[row]` and B (columns) `labels[column]`. */
  counts: number[][];
}

/** Token-level matrix from aligned labels (`a[i]` and `b[i]` are the same token). 'O' is always present. */
export function tokenConfusionMatrix(a: readonly string[], b: readonly string[]): ConfusionMatrix {
  if (a.length !== b.length)
    throw new RangeError(`tokenConfusionMatrix: ${a.length} and ${b.length} labels; they must label the same tokens`);
  const table = new LabelPairTable();
  for (let i = 0; i < a.length; i++) table.add(a[i] as string, b[i] as string);
  return tableConfusionMatrix(table, OUTSIDE);
}

/** The matrix of a table's counts (rows its first rater), with `last` always present and last. */
export function tableConfusionMatrix(table: LabelPairTable, last: string): ConfusionMatrix {
  const names = new Set<string>([last]);
  for (const [a, b] of table.entries()) {
    names.add(a);
    names.add(b);
  }
  const labels = orderLabels(names, last);
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const [a, b, times] of table.entries()) {
    const row = counts[index.get(a) as number] as number[];
    const column = index.get(b) as number;
    row[column] = (row[column] as number) + times;
  }
  return { labels, counts };
}

/**
 * Span-level matrix on one layer: spans are paired by overlap whatever their labels (same
 * position first, then largest overlap, same-label pairs preferred at ties) and each pair counts
 * in (label of A, label of B). A span of A left unpaired counts in (its label, '(missing)'),
 * one of B in ('(missing)', its label). The ('(missing)', '(missing)') cell is always 0.
 */
export function spanConfusionMatrix(a: readonly AgreementSpan[], b: readonly AgreementSpan[], layer: LayerId): ConfusionMatrix {
  const onA = a.filter((span) => span.layer === layer);
  const onB = b.filter((span) => span.layer === layer);
  const matching = matchSpans(onA, onB, 'overlap', { ignoreLabel: true });
  const cells: Array<[string, string]> = [];
  for (const [r, c] of matching.pairs) cells.push([(onA[r] as AgreementSpan).label, (onB[c] as AgreementSpan).label]);
  for (const r of matching.unmatchedReference) cells.push([(onA[r] as AgreementSpan).label, MISSING]);
  for (const c of matching.unmatchedCandidate) cells.push([MISSING, (onB[c] as AgreementSpan).label]);
  return build(cells, MISSING);
}

/** The element-wise sum of matrices (e.g. of several documents), over the union of their labels. */
export function sumConfusionMatrices(matrices: readonly ConfusionMatrix[], last: string): ConfusionMatrix {
  const names = new Set<string>([last]);
  for (const matrix of matrices) for (const label of matrix.labels) names.add(label);
  const labels = orderLabels(names, last);
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const matrix of matrices) {
    matrix.counts.forEach((row, i) => {
      const target = counts[index.get(matrix.labels[i] as string) as number] as number[];
      row.forEach((count, j) => {
        const column = index.get(matrix.labels[j] as string) as number;
        target[column] = (target[column] as number) + count;
      });
    });
  }
  return { labels, counts };
}

function build(cells: ReadonlyArray<readonly [string, string]>, last: string): ConfusionMatrix {
  const names = new Set<string>([last]);
  for (const [x, y] of cells) {
    names.add(x);
    names.add(y);
  }
  const labels = orderLabels(names, last);
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const [x, y] of cells) {
    const row = counts[index.get(x) as number] as number[];
    const column = index.get(y) as number;
    row[column] = (row[column] as number) + 1;
  }
  return { labels, counts };
}

function orderLabels(names: ReadonlySet<string>, last: string): string[] {
  return [...names]
    .filter((name) => name !== last)
    .sort(compareText)
    .concat(last);
}
