// Fleiss' kappa with an accessor instead of a row per item (the report's, over millions of
// tokens) gives exactly the figures of the row form. (krippendorffAlpha is itself built on
// krippendorffAlphaOf; statistics.test.ts checks its figures.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleissKappa, fleissKappaOf } from '../../../src-shared/agreement/fleiss-kappa';

const label = fc.constantFrom('O', 'PER', 'LOC', 'ORG', 'MISC');

describe('statistics without a row per item', () => {
  it('fleissKappaOf is fleissKappa, to the last bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 60 }), fc.infiniteStream(label), (raters, items, labels) => {
        const ratings = Array.from({ length: items }, () => Array.from({ length: raters }, () => labels.next().value as string));
        expect(fleissKappaOf(items, raters, (i, r) => ratings[i]?.[r] as string)).toEqual(fleissKappa(ratings));
      }),
      { numRuns: 500 },
    );
  });
});
