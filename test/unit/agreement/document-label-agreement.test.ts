// Document-label agreement: Cohen's kappa per category and pair, Fleiss' kappa and Krippendorff's alpha for the group.
import { describe, expect, it } from 'vitest';
import { documentLabelAgreement } from '../../../src-shared/agreement/document-label-agreement';

const DOCUMENTS = ['d1', 'd2', 'd3', 'd4'];
type Labels = Record<string, string[]>;
const of = (entries: Record<string, Labels>) => new Map(Object.entries(entries));

// topic (single choice) and risk (two values on d1: multiple choice, inferred). d4: nobody labelled it.
const A = of({
  d1: { topic: ['politics'], risk: ['high', 'fake'] },
  d2: { topic: ['sport'], risk: [] },
  d3: { topic: ['sport'], risk: ['high'] },
});
const B = of({ d1: { topic: ['politics'], risk: ['fake'] }, d2: { topic: ['politics'], risk: ['high'] }, d3: { topic: ['sport'] } });
const C = of({ d1: { topic: ['politics'] }, d2: { topic: ['sport'] } });

describe('documentLabelAgreement', () => {
  const result = documentLabelAgreement(DOCUMENTS, ['a', 'b', 'c'], [A, B, C]);
  const ab = result.pairs[0];

  it('lists every pair and every category used, in order', () => {
    expect(result.pairs.map((pair) => `${pair.reference}/${pair.candidate}`)).toEqual(['a/b', 'a/c', 'b/c']);
    expect(ab?.categories.map((item) => [item.category, item.multiple, item.documents, item.items])).toEqual([
      ['risk', true, 4, 8],
      ['topic', false, 4, 4],
    ]);
  });

  it("single choice: Cohen's kappa over documents, no label being a value", () => {
    // a: politics, sport, sport, none; b: politics, politics, sport, none. po = 3/4.
    // a: politics 1, sport 2, none 1; b: politics 2, sport 1, none 1. pe = (2 + 2 + 1)/16 = 5/16.
    // kappa = (12/16 - 5/16)/(11/16) = 7/11.
    const topic = ab?.categories[1];
    expect(topic).toMatchObject({ observed: 3 / 4, expected: 5 / 16 });
    expect(topic?.kappa).toBeCloseTo(7 / 11, 12);
  });

  it('multiple choice: one yes/no item per document and value', () => {
    // Values fake, high; items (a/b): d1 fake Y/Y, high Y/N; d2 fake N/N, high N/Y;
    // d3 fake N/N, high Y/N; d4 N/N, N/N. po = 5/8. a yes 3, no 5; b yes 2, no 6.
    // pe = (3*2 + 5*6)/64 = 36/64; kappa = (40/64 - 36/64)/(28/64) = 1/7.
    const risk = ab?.categories[0];
    expect(risk).toMatchObject({ observed: 5 / 8, expected: 36 / 64 });
    expect(risk?.kappa).toBeCloseTo(1 / 7, 12);
  });

  it("gives Fleiss' kappa and Krippendorff's alpha over all annotators", () => {
    const [risk, topic] = result.overall;
    // topic, 3 raters (c: politics, sport, none, none):
    //   d1 politics x3: P = 1; d2 sport 2 + politics 1: P = (4 + 1 - 3)/6 = 1/3; d3 sport 2 + none 1: 1/3; d4 none x3: 1.
    //   P-bar = (1 + 1/3 + 1/3 + 1)/4 = 2/3. Of 12 ratings: politics 4, sport 4, none 4: P-e = 3 (1/3)^2 = 1/3.
    //   kappa = (2/3 - 1/3)/(1 - 1/3) = 1/2.
    //   alpha: D_o = (0 + (9 - 5)/2 + (9 - 5)/2 + 0)/12 = 1/3; D_e = (144 - 48)/(12 * 11) = 8/11; alpha = 1 - 11/24 = 13/24.
    expect(topic).toMatchObject({ category: 'topic', multiple: false, documents: 4, items: 4 });
    expect(topic?.fleissKappa).toBeCloseTo(1 / 2, 12);
    expect(topic?.krippendorffAlpha).toBeCloseTo(13 / 24, 12);
    // risk, 8 items x 3 raters (c never chose one): items with a 2-1 split have P = 1/3:
    //   d1 fake (Y Y N), d1 high (Y N N), d2 high (N Y N), d3 high (Y N N); the other 4 P = 1.
    //   P-bar = (4/3 + 4)/8 = 2/3. Of 24 ratings 5 yes, 19 no: P-e = (25 + 361)/576 = 386/576.
    //   kappa = (384/576 - 386/576)/(190/576) = -2/190 = -1/95.
    expect(risk).toMatchObject({ category: 'risk', multiple: true, items: 8 });
    expect(risk?.fleissKappa).toBeCloseTo(-1 / 95, 12);
  });

  it('takes the schema’s word for which categories are multiple choice', () => {
    const declared = documentLabelAgreement(DOCUMENTS, ['a', 'b'], [A, B], [{ name: 'topic', multiple: true }]);
    // topic, values politics and sport, per document (a/b): d1 P Y/Y S N/N; d2 P N/Y S Y/N; d3 P N/N S Y/Y; d4 N/N N/N.
    // po = 6/8; a yes 3 (d1 P, d2 S, d3 S), b yes 3 (d1 P, d2 P, d3 S): pe = (9 + 25)/64 = 34/64; kappa = 14/30.
    const topic = declared.pairs[0]?.categories.find((item) => item.category === 'topic');
    expect(topic).toMatchObject({ multiple: true, items: 8 });
    expect(topic?.kappa).toBeCloseTo(7 / 15, 12);
  });

  it('with fewer than two annotators, or no labels, has nothing to report', () => {
    expect(documentLabelAgreement(DOCUMENTS, ['a'], [A])).toEqual({ pairs: [], overall: [] });
    const none = documentLabelAgreement(DOCUMENTS, ['a', 'b'], [new Map(), new Map()]);
    expect(none).toEqual({ pairs: [{ reference: 'a', candidate: 'b', categories: [] }], overall: [] });
  });
});
