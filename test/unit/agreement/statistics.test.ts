// Cohen's kappa, Fleiss' kappa and Krippendorff's alpha against published worked examples and hand-computed cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../src-shared/agreement/cohen-kappa';
import { fleissKappa, fleissKappaFromCounts } from '../../../src-shared/agreement/fleiss-kappa';
import { krippendorffAlpha, type NominalValue } from '../../../src-shared/agreement/krippendorff-alpha';

/** `count` copies of a pair of labels, as two aligned sequences. */
function pairs(...groups: Array<[string, string, number]>): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  for (const [x, y, count] of groups) {
    for (let i = 0; i < count; i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

describe('cohenKappa', () => {
  it('reproduces the Wikipedia example (20/5/10/15 of 50 -> 0.4)', () => {
    // Both yes 20, A yes B no 5, A no B yes 10, both no 15.
    // po = (20 + 15) / 50 = 0.7; A says yes 25/50 = 0.5, B 30/50 = 0.6;
    // pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    const [a, b] = pairs(['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]);
    const result = cohenKappa(a, b);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.items).toBe(50);
  });

  it('is 1 for total agreement, and 1 by convention when both give one label to everything (pe = 1)', () => {
    expect(cohenKappa(['A', 'B', 'O'], ['A', 'B', 'O']).kappa).toBe(1);
    const same = cohenKappa(['O', 'O', 'O'], ['O', 'O', 'O']);
    expect(same.expected).toBe(1);
    expect(same.kappa).toBe(1);
  });

  it('is negative when raters disagree more than chance', () => {
    // po = 0; each rater uses x and y half the time: pe = 0.25 + 0.25 = 0.5; kappa = -0.5 / 0.5 = -1.
    expect(cohenKappa(['x', 'y', 'x', 'y'], ['y', 'x', 'y', 'x']).kappa).toBeCloseTo(-1, 12);
    // Disjoint label sets: po = 0, pe = 0 -> kappa = 0.
    expect(cohenKappa(['x', 'x'], ['y', 'y']).kappa).toBe(0);
  });

  it('is null with no items and refuses sequences of different lengths', () => {
    expect(cohenKappa([], []).kappa).toBeNull();
    expect(() => cohenKappa(['a'], [])).toThrow(RangeError);
  });

  it('is 1 for any rater compared with itself, and symmetric', () => {
    const labels = fc.array(fc.constantFrom('O', 'PER', 'ORG', 'LOC'), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(labels, (a) => {
        expect(cohenKappa(a, a).kappa).toBe(1);
      }),
    );
    fc.assert(
      fc.property(labels, labels, (a, b) => {
        const n = Math.min(a.length, b.length);
        const x = cohenKappa(a.slice(0, n), b.slice(0, n)).kappa as number;
        const y = cohenKappa(b.slice(0, n), a.slice(0, n)).kappa as number;
        expect(x).toBeCloseTo(y, 12);
        expect(x).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('fleissKappa', () => {
  it('reproduces the Wikipedia worked example (10 subjects, 14 raters, 5 categories -> 0.210)', () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // Wikipedia: p_j = 0.143, 0.200, 0.279, 0.150, 0.229; P-bar = 0.378; P-bar-e = 0.213; kappa = 0.210.
    const result = fleissKappaFromCounts(table);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
    expect(result.raters).toBe(14);
  });

  it('equals Cohen-like hand computation for two raters on a small case', () => {
    // Items (a,a) (a,b) (b,b) (b,b): P_i = 1, 0, 1, 1 -> P-bar = 0.75.
    // Shares: a 3/8, b 5/8 -> P-bar-e = 9/64 + 25/64 = 34/64; kappa = (0.75 - 34/64) / (30/64) = 14/30.
    expect(fleissKappa([['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b']]).kappa).toBeCloseTo(14 / 30, 12);
  });

  it('is 1 for total agreement (also with one category only), null with no items', () => {
    expect(fleissKappa([['x', 'x', 'x'], ['y', 'y', 'y']]).kappa).toBe(1);
    expect(fleissKappa([['O', 'O'], ['O', 'O']]).kappa).toBe(1);
    expect(fleissKappa([]).kappa).toBeNull();
  });

  it('refuses items rated by a different number of raters', () => {
    expect(() => fleissKappa([['a', 'b'], ['a']])).toThrow(RangeError);
    expect(() => fleissKappaFromCounts([[1, 0]])).toThrow(RangeError);
  });
});

describe('krippendorffAlpha (nominal)', () => {
  /** Transposes coder rows (as the literature prints them) into unit rows. */
  function units(coders: NominalValue[][]): NominalValue[][] {
    const width = Math.max(...coders.map((row) => row.length));
    return Array.from({ length: width }, (_, u) => coders.map((row) => row[u]));
  }

  it('reproduces Krippendorff (2011), 4 observers x 12 units with missing values -> 0.743', () => {
    const _ = null;
    const result = krippendorffAlpha(
      units([
        ['1', '2', '3', '3', '2', '1', '4', '1', '2', _, _, _],
        ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', _, '3'],
        [_, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', _],
        ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', _],
      ]),
    );
    // By hand: unit 12 has one value and is dropped; n = 40 pairable values.
    // Disagreeing units: 2 (2,2,2,3): (16 - 10)/3 = 2; 6 (1,2,3,4): (16 - 4)/3 = 4; 8 (1,1,2,1): 2.
    // D_o = 8/40 = 0.2. Value totals 1:9 2:13 3:10 4:5 5:3, sum of squares 384;
    // D_e = (1600 - 384)/(40 * 39) = 1216/1560; alpha = 1 - 0.2 * 1560/1216 = 0.7434.
    expect(result.pairableValues).toBe(40);
    expect(result.observedDisagreement).toBeCloseTo(0.2, 12);
    expect(result.expectedDisagreement).toBeCloseTo(1216 / 1560, 12);
    expect(result.alpha).toBeCloseTo(0.743, 3);
  });

  it('reproduces the Wikipedia computational example, 3 coders x 15 units -> 0.691', () => {
    const _ = null;
    const result = krippendorffAlpha(
      units([
        [_, _, _, _, _, '3', '4', '1', '2', '1', '1', '3', '3', _, '3'],
        ['1', _, '2', '1', '3', '3', '4', '3', _, _, _, _, _, _, _],
        [_, _, '2', '1', '3', '4', '4', _, '2', '1', '1', '3', '3', _, '4'],
      ]),
    );
    // By hand: units 1, 2 and 14 have fewer than two values; n = 26.
    // Disagreeing units: 6 (3,3,4): (9 - 5)/2 = 2; 8 (1,3): 2/1 = 2; 15 (3,4): 2. D_o = 6/26.
    // Totals 1:7 2:4 3:10 4:5, squares 190; D_e = (676 - 190)/650; alpha = 1 - (6/26)(650/486) = 0.6914.
    expect(result.pairableValues).toBe(26);
    expect(result.alpha).toBeCloseTo(1 - (6 / 26) * (650 / 486), 12);
    expect(result.alpha).toBeCloseTo(0.691, 3);
  });

  it('is 1 for total agreement, null when nothing is pairable', () => {
    expect(krippendorffAlpha([['a', 'a'], ['b', 'b', null]]).alpha).toBe(1);
    expect(krippendorffAlpha([['O', 'O'], ['O', 'O']]).alpha).toBe(1);
    expect(krippendorffAlpha([['a', null], [undefined, 'b']]).alpha).toBeNull();
    expect(krippendorffAlpha([]).alpha).toBeNull();
  });

  it('is below 0 for systematic disagreement', () => {
    // Units (x,y) (y,x): D_o = (2 + 2)/4 = 1; totals x:2 y:2 -> D_e = (16 - 8)/12 = 2/3; alpha = 1 - 1.5 = -0.5.
    expect(krippendorffAlpha([['x', 'y'], ['y', 'x']]).alpha).toBeCloseTo(-0.5, 12);
  });
});
