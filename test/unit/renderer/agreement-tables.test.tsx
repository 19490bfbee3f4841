// The agreement tables for relations, attributes and document labels: captions and row headers
// (the accessible names end-to-end tests read) and the core's figures in the cells.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AttributeAgreementTable,
  DocumentLabelAgreementTable,
  RelationAgreementTable,
} from '../../../src-renderer/src/ui/agreement/AnnotationAgreementTables';
import { agreementReport, type AnnotationSet } from '../../../src-shared/agreement';

const TEXT = 'Paris is big, said Ana.';
const layer = (annotator: string, source: [number, number], checkworthy: string, topic: string): AnnotationSet => ({
  annotator,
  spans: [
    { id: 'c', documentId: 'd1', layer: 'claim', label: 'CLAIM', start: 0, end: 12, attributes: { checkworthy } },
    { id: 'p', documentId: 'd1', layer: 'entity', label: 'PERSON', start: source[0], end: source[1] },
  ],
  relations: [{ documentId: 'd1', type: 'SOURCE', from: 'c', to: 'p' }],
  documentLabels: [
    { documentId: 'd1', labels: { topic: [topic] } },
    { documentId: 'd2', labels: { topic: ['sport'] } },
  ],
});
const report = agreementReport(
  [
    { id: 'd1', text: TEXT },
    { id: 'd2', text: 'Nothing here.' },
  ],
  [layer('Ana', [19, 22], 'yes', 'politics'), layer('Ben', [14, 22], 'yes', 'politics'), layer('Cy', [19, 22], 'no', 'economy')],
);

/** The text of each row: header cell, then data cells, separated by |. */
function rows(html: string): string[] {
  return [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => (cell[1] ?? '').replace(/<!-- -->/g, '')).join('|'),
  );
}

describe('agreement tables', () => {
  it('relations: one row per type and an overall row, for the chosen match mode', () => {
    const pair = report.relations[0];
    if (!pair) throw new Error('no pair');
    const exact = renderToStaticMarkup(<RelationAgreementTable pair={pair} mode="exact" />);
    expect(exact).toContain('<caption>Relation agreement (exact ends): Ana (reference) vs Ben</caption>');
    // Ana's source "Ana" against Ben's "said Ana": no exact match; by overlap they match.
    expect(rows(exact)).toContain('SOURCE|0|1|1|0.000|0.000|0.000');
    expect(rows(renderToStaticMarkup(<RelationAgreementTable pair={pair} mode="overlap" />))).toContain('Overall|1|0|0|1.000|1.000|1.000');
  });

  it('attributes: one row per label and attribute', () => {
    const pair = report.attributes[1]; // Ana vs Cy: yes vs no on the one CLAIM: kappa 0
    if (!pair) throw new Error('no pair');
    const html = renderToStaticMarkup(<AttributeAgreementTable pair={pair} />);
    expect(html).toContain('<caption>Attribute agreement (spans matched exactly): Ana vs Cy</caption>');
    expect(rows(html)).toContain('CLAIM checkworthy|1|1|0.000');
  });

  it('document labels: a kappa per pair, and the group figures with three annotators', () => {
    const html = renderToStaticMarkup(<DocumentLabelAgreementTable report={report} />);
    expect(html).toContain('<caption>Document label agreement (2 documents)</caption>');
    const [header, topic] = rows(html);
    expect(header).toBe('Category|Items|Cohen’s κ, Ana / Ben|Cohen’s κ, Ana / Cy|Cohen’s κ, Ben / Cy|Fleiss’ κ, all|Krippendorff’s α, all');
    const figures = report.documentLabels;
    const fixed = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : value.toFixed(3));
    expect(topic).toBe(
      [
        'topic',
        String(figures.overall[0]?.items),
        ...figures.pairs.map((pair) => fixed(pair.categories[0]?.kappa)),
        fixed(figures.overall[0]?.fleissKappa),
        fixed(figures.overall[0]?.krippendorffAlpha),
      ].join('|'),
    );
    // Ana and Ben agree on both documents: 1.
    expect(topic?.split('|')[2]).toBe('1.000');
  });
});
