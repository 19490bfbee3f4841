// The agreement report on a small corpus computed by hand, its edge cases, and its CSV and JSON forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  csvField,
  NEEDS_TWO_ANNOTATORS,
  NO_DOCUMENT_TO_COMPARE,
  reportToCsv,
  reportToJson,
  type AgreementDocument,
  type AgreementSpan,
  type AnnotationSet,
} from '../../../src-shared/agreement';
import type { LayerId } from '../../../src-shared/domain';

const D1 = 'Ada Lovelace met Charles Babbage in London.'; // 8 tokens
const D2 = 'Paris is big.'; // 4 tokens: Paris, is, big, .
const DOCUMENTS: AgreementDocument[] = [
  { id: 'd1', text: D1 },
  { id: 'd2', text: D2 },
];

function at(documentId: 'd1' | 'd2', part: string, label: string, layer: LayerId = 'entity'): AgreementSpan {
  const text = documentId === 'd1' ? D1 : D2;
  const start = text.indexOf(part);
  if (start < 0) throw new Error(part);
  return { documentId, layer, label, start, end: start + part.length };
}

const ANN: AnnotationSet = {
  annotator: 'ann',
  spans: [at('d1', 'Ada Lovelace', 'PER'), at('d1', 'London', 'LOC'), at('d2', 'Paris', 'LOC')],
};
const BOB: AnnotationSet = { annotator: 'bob', spans: [at('d1', 'Ada Lovelace', 'PER'), at('d1', 'London', 'PER')] };
const CY: AnnotationSet = { annotator: 'cy', spans: ANN.spans.map((span) => ({ ...span })) };

describe('agreementReport', () => {
  const report = agreementReport(DOCUMENTS, [ANN, BOB, CY]);
  const pair = (reference: string, candidate: string) => {
    const found = report.pairs.find((item) => item.reference === reference && item.candidate === candidate);
    if (!found) throw new Error(`${reference}/${candidate}`);
    return found;
  };

  it('lists annotators, layers, counts and every pair in order', () => {
    expect(report.annotators).toEqual(['ann', 'bob', 'cy']);
    expect(report.spanCounts).toEqual([3, 2, 3]);
    expect(report.layers).toEqual(['entity', 'claim']);
    expect(report.documents).toBe(2);
    expect(report.message).toBeNull();
    expect(report.pairs.map((item) => `${item.reference}/${item.candidate}`)).toEqual(['ann/bob', 'ann/cy', 'bob/cy']);
  });

  it('scores spans of ann (reference) against bob', () => {
    // PER Ada Lovelace tp; LOC London fn, PER London fp; LOC Paris fn. tp 1, fp 1, fn 2:
    // P = 1/2, R = 1/3, F1 = 2/(2 + 1 + 2) = 0.4. London overlaps exactly but the labels differ.
    const { exact, overlap } = pair('ann', 'bob');
    expect(exact.overall).toEqual({ tp: 1, fp: 1, fn: 2, precision: 0.5, recall: 1 / 3, f1: 0.4 });
    expect(overlap.overall).toEqual(exact.overall);
    expect(exact.labels.map((item) => [item.label, item.tp, item.fp, item.fn])).toEqual([
      ['LOC', 0, 0, 2],
      ['PER', 1, 1, 0],
    ]);
  });

  it("computes Cohen's kappa per layer over the tokens of every document", () => {
    // 12 tokens. ann: PER PER O O O O LOC O | LOC O O O; bob: PER PER O O O O PER O | O O O O.
    // po = 10/12. ann: PER 2, LOC 2, O 8; bob: PER 3, O 9.
    // pe = (2*3 + 2*0 + 8*9)/144 = 78/144; kappa = (120 - 78)/(144 - 78) = 42/66 = 7/11.
    const [entity, claim] = pair('ann', 'bob').cohenKappa;
    expect(entity).toMatchObject({ layer: 'entity', tokens: 12, observed: 10 / 12 });
    expect(entity?.kappa).toBeCloseTo(7 / 11, 12);
    // No claims on either side: every token O for both -> pe = 1 -> kappa 1 by convention.
    expect(claim).toMatchObject({ layer: 'claim', kappa: 1 });
    expect(pair('ann', 'cy').cohenKappa[0]?.kappa).toBe(1);
    expect(pair('ann', 'cy').exact.overall.f1).toBe(1);
  });

  it("computes Fleiss' kappa and Krippendorff's alpha over all three annotators", () => {
    // 12 tokens x 3 raters. London (LOC, PER, LOC) and Paris (LOC, O, LOC) have P_i = (4 + 1 - 3)/6 = 1/3,
    // the other 10 tokens 1: P-bar = (10 + 2/3)/12 = 8/9. Totals of 36: PER 7, LOC 4, O 25;
    // P-e = (49 + 16 + 625)/1296 = 690/1296; kappa = (1152 - 690)/(1296 - 690) = 462/606.
    // Alpha: D_o = (2 + 2)/36 = 1/9 (each disagreeing unit: (9 - 5)/2 = 2);
    // D_e = (1296 - 690)/(36 * 35) = 606/1260; alpha = 1 - (1/9)(1260/606) = 466/606.
    const [entity, claim] = report.overall;
    expect(entity?.layer).toBe('entity');
    expect(entity?.tokens).toBe(12);
    expect(entity?.fleissKappa).toBeCloseTo(462 / 606, 12);
    expect(entity?.krippendorffAlpha).toBeCloseTo(466 / 606, 12);
    expect(claim).toEqual({ layer: 'claim', fleissKappa: 1, krippendorffAlpha: 1, tokens: 12 });
  });

  it('gives confusion matrices for tokens and for spans', () => {
    const entity = pair('ann', 'bob').confusion[0];
    expect(entity?.tokens).toEqual({
      labels: ['LOC', 'PER', 'O'],
      counts: [
        [0, 1, 1], // London LOC -> PER; Paris LOC -> O
        [0, 2, 0],
        [0, 0, 8],
      ],
    });
    expect(entity?.spans).toEqual({
      labels: ['LOC', 'PER', '(missing)'],
      counts: [
        [0, 1, 1],
        [0, 1, 0],
        [0, 0, 0],
      ],
    });
  });

  it('breaks the same figures down per document', () => {
    expect(report.perDocument.map((document) => [document.documentId, document.tokens])).toEqual([
      ['d1', 8],
      ['d2', 4],
    ]);
    const d2 = report.perDocument[1]?.pairs[0];
    // d2, ann vs bob: Paris LOC missing -> fn 1, P = R = F1 = 0.
    expect(d2?.exact.overall).toEqual({ tp: 0, fp: 0, fn: 1, precision: 0, recall: 0, f1: 0 });
    // ann LOC O O O, bob O O O O: po = 3/4, pe = (1/4)(0) + (3/4)(1) = 3/4 -> kappa 0.
    expect(d2?.cohenKappa[0]?.kappa).toBe(0);
    // Per-document counts add up to the corpus counts.
    const summed = report.perDocument.reduce((total, document) => total + (document.pairs[0]?.exact.overall.fn ?? 0), 0);
    expect(summed).toBe(pair('ann', 'bob').exact.overall.fn);
  });

  it('restricts to one layer and to given labels', () => {
    // Nobody has a claim: no document has a span on the layer, so there is nothing to compare.
    const claimOnly = agreementReport(DOCUMENTS, [ANN, BOB], { layer: 'claim' });
    expect(claimOnly.layers).toEqual(['claim']);
    expect(claimOnly.spanCounts).toEqual([0, 0]);
    expect(claimOnly.scope.withoutSpans).toEqual(['d1', 'd2']);
    expect(claimOnly.message).toBe(NO_DOCUMENT_TO_COMPARE);
    expect(claimOnly.pairs).toEqual([]);
    const perOnly = agreementReport(DOCUMENTS, [ANN, BOB], { labels: ['PER'] });
    expect(perOnly.labels).toEqual(['PER']);
    // ann PER Ada Lovelace; bob PER Ada Lovelace and PER London: tp 1, fp 1 -> P 0.5, R 1.
    expect(perOnly.pairs[0]?.exact.overall).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
  });

  it('leaves out spans of documents it was not given', () => {
    const stray = {
      annotator: 'ann',
      spans: [...ANN.spans, { documentId: 'elsewhere', layer: 'entity' as const, label: 'PER', start: 0, end: 3 }],
    };
    expect(agreementReport(DOCUMENTS, [stray, BOB]).spanCounts).toEqual([3, 2]);
  });
});

describe('agreementReport edge cases', () => {
  it('with one annotator says agreement needs two and does not crash', () => {
    const report = agreementReport(DOCUMENTS, [ANN]);
    expect(report.message).toBe(NEEDS_TWO_ANNOTATORS);
    expect(report.pairs).toEqual([]);
    expect(report.overall).toEqual([]);
    expect(report.perDocument.map((document) => document.pairs)).toEqual([[], []]);
    // The header and the three counts of documents used.
    expect(reportToCsv(report).trim().split('\r\n')).toHaveLength(4);
    expect(agreementReport([], []).message).toBe(NEEDS_TWO_ANNOTATORS);
  });

  it('with no spans at all compares nothing, rather than calling it total agreement', () => {
    const report = agreementReport(DOCUMENTS, [
      { annotator: 'a', spans: [] },
      { annotator: 'b', spans: [] },
    ]);
    expect(report.scope).toEqual({ scope: 'all', compared: [], withoutSpans: ['d1', 'd2'], outOfScope: [], keptOutBy: {} });
    expect(report.documents).toBe(0);
    expect(report.message).toBe(NO_DOCUMENT_TO_COMPARE);
    expect(report.pairs).toEqual([]);
    expect(report.overall).toEqual([]);
  });

  it('with total disagreement scores 0', () => {
    // a labels every token of D2 X, b nothing: po = 0, pe = 1*0 + 0*1 = 0 -> kappa 0.
    const report = agreementReport(
      [{ id: 'd2', text: D2 }],
      [
        { annotator: 'a', spans: [at('d2', 'Paris is big.', 'X')] },
        { annotator: 'b', spans: [] },
      ],
      { layer: 'entity' },
    );
    expect(report.pairs[0]?.overlap.overall).toMatchObject({ f1: 0 });
    expect(report.pairs[0]?.cohenKappa[0]?.kappa).toBe(0);
  });

  it('with no documents says there is nothing to compare', () => {
    const report = agreementReport([], [ANN, BOB]);
    expect(report.message).toBe(NO_DOCUMENT_TO_COMPARE);
    expect(report.pairs).toEqual([]);
    expect(report.perDocument).toEqual([]);
  });

  it('refuses duplicate annotators or documents', () => {
    expect(() => agreementReport(DOCUMENTS, [ANN, ANN])).toThrow(/annotator "ann" appears twice/);
    expect(() => agreementReport([...DOCUMENTS, { id: 'd1', text: 'x' }], [ANN, BOB])).toThrow(RangeError);
  });

  it('of an annotator with a copy of itself is 1 everywhere', () => {
    const spanArb = fc
      .record({
        start: fc.integer({ min: 0, max: D1.length - 1 }),
        length: fc.integer({ min: 1, max: 12 }),
        label: fc.constantFrom('PER', 'LOC'),
        layer: fc.constantFrom<LayerId>('entity', 'claim'),
      })
      .map(({ start, length, label, layer }): AgreementSpan => ({
        documentId: 'd1',
        layer,
        label,
        start,
        end: Math.min(D1.length, start + length),
      }));
    fc.assert(
      fc.property(fc.array(spanArb, { minLength: 1, maxLength: 8 }), (spans) => {
        const report = agreementReport(
          [{ id: 'd1', text: D1 }],
          [
            { annotator: 'a', spans },
            { annotator: 'b', spans: [...spans].reverse() },
          ],
        );
        const [only] = report.pairs;
        expect(only?.exact.overall.f1).toBe(1);
        expect(only?.cohenKappa.map((item) => item.kappa)).toEqual([1, 1]);
        expect(report.overall.map((item) => item.fleissKappa)).toEqual([1, 1]);
        expect(report.overall.map((item) => item.krippendorffAlpha)).toEqual([1, 1]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('reportToCsv', () => {
  it('writes one row per pair, label and match mode, plus kappa and group rows, for the corpus then each document', () => {
    const report = agreementReport(DOCUMENTS, [ANN, BOB]);
    const lines = reportToCsv(report).split('\r\n');
    expect(lines[0]).toBe('document,reference,candidate,measure,layer,label,tp,fp,fn,precision,recall,f1,value,attribute,items');
    expect(lines).toContain(',ann,bob,exact,entity,PER,1,1,0,0.5,1,0.6666666666666666,,,');
    expect(lines).toContain(',ann,bob,exact,,,1,1,2,0.5,0.3333333333333333,0.4,,,');
    expect(lines).toContain(',ann,bob,cohen_kappa,claim,,,,,,,,1,,12');
    expect(lines).toContain(',,,fleiss_kappa,claim,,,,,,,,1,,12');
    expect(lines).toContain('d2,ann,bob,exact,entity,LOC,0,0,1,0,0,0,,,');
    // The documents used, after the corpus figures: both compared, none left out.
    expect(lines).toContain(',,,documents_compared,,all,,,,,,,2,,');
    expect(lines).toContain(',,,documents_out_of_scope,,all,,,,,,,0,,');
    // Corpus: 2 labels + overall, 2 modes = 6; 2 kappas; 4 group rows; 3 document counts = 15. d1: 6 + 2 + 4 = 12
    // (LOC, PER); d2: (1 label + overall) * 2 + 2 + 4 = 10. Header and the final empty string make 2 more.
    expect(lines).toHaveLength(1 + 15 + 12 + 10 + 1);
    expect(lines.at(-1)).toBe('');
  });

  it('quotes names with commas, quotes and line breaks (RFC 4180)', () => {
    const report = agreementReport(
      [{ id: 'doc "1", v2', text: D1 }],
      [
        { annotator: 'Smith, J.', spans: [{ documentId: 'doc "1", v2', layer: 'entity', label: 'say "hi"\nnow', start: 0, end: 3 }] },
        { annotator: 'plain', spans: [] },
      ],
    );
    const csv = reportToCsv(report);
    expect(csv).toContain('"doc ""1"", v2","Smith, J.",plain,exact,entity,"say ""hi""\nnow",0,0,1,0,0,0,');
  });

  it('writes names that a spreadsheet would run as formulas with a leading quote, and numbers as they are', () => {
    const id = '=HYPERLINK("http://x.test","open")';
    const report = agreementReport(
      [{ id, text: D1 }],
      [
        { annotator: '+cmd|calc', spans: [{ documentId: id, layer: 'entity', label: '@SUM(A1)', start: 0, end: 3 }] },
        { annotator: '-2+3', spans: [] },
      ],
    );
    const csv = reportToCsv(report);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.test"",""open"")",'+cmd|calc,'-2+3,exact,entity,'@SUM(A1),0,0,1,0,0,0,`);
    expect(csv).not.toMatch(/(^|,)[=+@]|,-2/m);
  });
});

describe('csvField', () => {
  it('escapes cells starting with = + - @ tab or carriage return', () => {
    expect(['=1+1', '+1+1', '-1+1', '@A1', '\tx', '\rx'].map(csvField)).toEqual(["'=1+1", "'+1+1", "'-1+1", "'@A1", "'\tx", `"'\rx"`]);
  });

  it('keeps numbers, negative ones included, and plain text as they are', () => {
    expect([-0.25, 3, 0, 1e-7, '-0.25', '+4', '-12', '1e-3', 'a-b', 'LOC', '', null].map(csvField)).toEqual([
      '-0.25',
      '3',
      '0',
      '1e-7',
      '-0.25',
      '+4',
      '-12',
      '1e-3',
      'a-b',
      'LOC',
      '',
      '',
    ]);
  });
});

describe('reportToJson', () => {
  it('round-trips the report with keys sorted at every level', () => {
    const report = agreementReport(DOCUMENTS, [ANN, BOB]);
    const json = reportToJson(report);
    expect(JSON.parse(json)).toEqual(report);
    expect(json.endsWith('\n')).toBe(true);
    const keys = Object.keys(JSON.parse(json) as object);
    expect(keys).toEqual([...keys].sort());
    expect(Object.keys((JSON.parse(json) as { pairs: Array<Record<string, unknown>> }).pairs[0] ?? {})).toEqual([
      'candidate',
      'cohenKappa',
      'confusion',
      'exact',
      'overlap',
      'reference',
    ]);
    // Same input, same text.
    expect(reportToJson(agreementReport(DOCUMENTS, [ANN, BOB]))).toBe(json);
  });
});
