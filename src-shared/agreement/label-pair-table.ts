// Two raters' labels of the same items as a contingency table: Cohen's kappa and the confusion
// matrix come from its counts, so items can be added a document at a time and never held.

export interface KappaResult {
  /** Null when there is nothing to compare (no items). */
  kappa: number | null;
  /** Observed agreement po: the share of items both raters labelled alike. */
  observed: number;
  /** Agreement expected by chance pe, from each rater's own label frequencies. */
  expected: number;
  items: number;
}

export class LabelPairTable {
  /** cells[a][b]: items rater A labelled a and rater B b; rows in the order A first used each label. */
  private readonly cells = new Map<string, Map<string, number>>();
  /** Items per label of A, in the order of `cells`, and of B. */
  private readonly rowTotals = new Map<string, number>();
  private readonly columnTotals = new Map<string, number>();
  private agree = 0;
  private count = 0;

  get items(): number {
    return this.count;
  }

  /** `times` items labelled `a` by A and `b` by B. */
  add(a: string, b: string, times = 1): void {
    if (times === 0) return;
    let row = this.cells.get(a);
    if (!row) {
      row = new Map();
      this.cells.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + times);
    this.rowTotals.set(a, (this.rowTotals.get(a) ?? 0) + times);
    this.columnTotals.set(b, (this.columnTotals.get(b) ?? 0) + times);
    if (a === b) this.agree += times;
    this.count += times;
  }

  /** Adds another table's items after this one's (its new labels come after the labels already here). */
  addTable(other: LabelPairTable): void {
    for (const [a, row] of other.cells) for (const [b, times] of row) this.add(a, b, times);
  }

  /** Every cell: label of A, label of B, items. */
  *entries(): Generator<[string, string, number]> {
    for (const [a, row] of this.cells) for (const [b, times] of row) yield [a, b, times];
  }

  /**
   * kappa = (po - pe) / (1 - pe). When pe = 1 both raters gave every item one and the same
   * label, so po = 1 too and the formula is 0/0: we define kappa = 1 there (they agree on
   * everything). pe is summed over A's labels in the order A first used them, as a rater's
   * labels are read one by one, so the figures do not depend on how the items were added.
   */
  kappa(): KappaResult {
    const items = this.count;
    if (items === 0) return { kappa: null, observed: 0, expected: 0, items };
    const observed = this.agree / items;
    let expected = 0;
    for (const [label, count] of this.rowTotals) expected += (count / items) * ((this.columnTotals.get(label) ?? 0) / items);
    // pe is exactly 1 (1 * 1) only when both gave every item the same one label.
    const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
    return { kappa, observed, expected, items };
  }
}
