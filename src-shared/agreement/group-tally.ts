// Fleiss' kappa and Krippendorff's alpha of items every rater labelled (tokens), counted as the
// items come: category totals and the two per-item sums, added in item order, so the figures are
// those of fleissKappaOf and krippendorffAlphaOf over the same items to the last bit.
import { fleissFromSums, type FleissResult } from './fleiss-kappa';
import { alphaOf, type AlphaResult } from './krippendorff-alpha';

export class GroupTally {
  /** Ratings per category, in the order categories first came (item by item, rater by rater). */
  private readonly totals = new Map<string, number>();
  /** Per item, the sum of squared category counts: all the sums need of it. */
  private readonly squares: number[] = [];
  private agreementSum = 0;
  private disagreementSum = 0;
  private count = 0;
  private readonly row = new Map<string, number>();

  /**
   * `raters` ratings per item (at least 2). `keepItems` keeps each item's figure so that
   * `addTally` can add them, in order, to a larger tally (a document's to the corpus's).
   */
  constructor(
    readonly raters: number,
    private readonly keepItems = false,
  ) {}

  get items(): number {
    return this.count;
  }

  /** One item: each rater's label, in rater order. */
  add(labels: readonly string[]): void {
    const row = this.row;
    row.clear();
    for (const label of labels) {
      row.set(label, (row.get(label) ?? 0) + 1);
      if (!this.totals.has(label)) this.totals.set(label, 0);
    }
    let squares = 0;
    for (const [label, count] of row) {
      squares += count * count;
      this.totals.set(label, (this.totals.get(label) as number) + count);
    }
    this.addSquares(squares);
  }

  /** Another tally's items after this one's (it must have kept its items). */
  addTally(other: GroupTally): void {
    if (!other.keepItems) throw new RangeError('GroupTally.addTally: the other tally did not keep its items');
    for (const squares of other.squares) this.addSquares(squares);
    for (const [label, count] of other.totals) this.totals.set(label, (this.totals.get(label) ?? 0) + count);
  }

  fleiss(): FleissResult {
    if (this.count === 0) return { kappa: null, observed: 0, expected: 0, items: 0, raters: 0 };
    return fleissFromSums(this.agreementSum, [...this.totals.values()], this.count, this.raters);
  }

  alpha(): AlphaResult {
    return alphaOf(this.totals, this.count * this.raters, this.disagreementSum);
  }

  /** The same arithmetic, term for term, as fleissKappaOf and krippendorffAlphaOf (every item has all `raters` values). */
  private addSquares(squares: number): void {
    const n = this.raters;
    this.agreementSum += (squares - n) / (n * (n - 1));
    this.disagreementSum += (n * n - squares) / (n - 1);
    this.count++;
    if (this.keepItems) this.squares.push(squares);
  }
}
