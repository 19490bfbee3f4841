// The agreement report with relations, span attributes and document labels: figures by hand, filters, CSV and JSON.
import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  reportToCsv,
  reportToJson,
  type AgreementDocument,
  type AgreementSpan,
  type AnnotationSet,
} from '../../../src-shared/agreement';
import type { AttributeValue, LayerId } from '../../../src-shared/domain';

const D1 = 'Ada Lovelace met Charles Babbage in London.';
const D2 = 'Paris is big, said Ana.';
const DOCUMENTS: AgreementDocument[] = [
  { id: 'd1', text: D1 },
  { id: 'd2', text: D2 },
];

function at(
  id: string,
  documentId: 'd1' | 'd2',
  part: string,
  label: string,
  attributes?: Record<string, AttributeValue>,
  layer: LayerId = 'entity',
): AgreementSpan {
  const text = documentId === 'd1' ? D1 : D2;
  const start = text.indexOf(part);
  if (start < 0) throw new Error(part);
  const span: AgreementSpan = { id, documentId, layer, label, start, end: start + part.length };
  if (attributes) span.attributes = attributes;
  return span;
}

// d1: both mark Ada Lovelace, Charles Babbage (PER) and London (LOC; bob "Londo").
// d2: a CLAIM "Paris is big" with its SOURCE Ana; bob's CLAIM is the same, his source "said Ana".
const ANN: AnnotationSet = {
  annotator: 'ann',
  spans: [
    at('a1', 'd1', 'Ada Lovelace', 'PER', { kb_id: 'Q7259' }),
    at('a2', 'd1', 'Charles Babbage', 'PER', { kb_id: 'Q46633' }),
    at('a3', 'd1', 'London', 'LOC'),
    at('a4', 'd2', 'Paris is big', 'CLAIM', { checkworthy: 'yes' }, 'claim'),
    at('a5', 'd2', 'Ana', 'PER'),
  ],
  relations: [
    { documentId: 'd1', type: 'MET', from: 'a1', to: 'a2' },
    { documentId: 'd1', type: 'IN', from: 'a2', to: 'a3' },
    { documentId: 'd2', type: 'SOURCE', from: 'a4', to: 'a5' },
    { documentId: 'd2', type: 'SOURCE', from: 'a4', to: 'nowhere' }, // a dangling end: left out
  ],
  documentLabels: [
    { documentId: 'd1', labels: { topic: ['history'] } },
    { documentId: 'd2', labels: { topic: ['sport'] } },
  ],
};
const BOB: AnnotationSet = {
  annotator: 'bob',
  spans: [
    at('b1', 'd1', 'Ada Lovelace', 'PER', { kb_id: 'Q7259' }),
    at('b2', 'd1', 'Charles Babbage', 'PER'),
    at('b3', 'd1', 'Londo', 'LOC'),
    at('b4', 'd2', 'Paris is big', 'CLAIM', { checkworthy: 'yes' }, 'claim'),
    at('b5', 'd2', 'said Ana', 'PER'),
  ],
  relations: [
    { documentId: 'd1', type: 'MET', from: 'b2', to: 'b1' },
    { documentId: 'd1', type: 'IN', from: 'b2', to: 'b3' },
    { documentId: 'd2', type: 'SOURCE', from: 'b4', to: 'b5' },
  ],
  documentLabels: [{ documentId: 'd1', labels: { topic: ['history'] } }],
};

describe('agreementReport with relations, attributes and document labels', () => {
  const report = agreementReport(DOCUMENTS, [ANN, BOB], { relationTypes: [{ name: 'MET', directed: false }] });
  const [relations] = report.relations;
  const [attributes] = report.attributes;

  it('counts relations whose ends are counted spans', () => {
    expect(report.relationCounts).toEqual([3, 3]);
  });

  it('scores relations: exact ends, then overlapping ends', () => {
    // Exact: MET (undirected) a1-a2 = b2-b1: tp. IN: London/Londo differ: fn + fp.
    // SOURCE: Ana/"said Ana" differ: fn + fp. tp 1, fp 2, fn 2: P = R = 1/3, F1 = 2/(2 + 2 + 2) = 1/3.
    expect(relations?.exact.overall).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(relations?.exact.overall.f1).toBeCloseTo(1 / 3, 12);
    // Overlap: every end overlaps its partner: tp 3, F1 = 1.
    expect(relations?.overlap.overall).toMatchObject({ tp: 3, fp: 0, fn: 0, f1: 1 });
    expect(relations?.exact.types.map((item) => item.type)).toEqual(['IN', 'MET', 'SOURCE']);
  });

  it('gives each document its own relation scores, adding up to the corpus', () => {
    const [d1, d2] = report.perDocument.map((document) => document.relations[0]?.exact.overall);
    expect(d1).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(d2).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('compares attributes over spans matched exactly', () => {
    // Exact pairs: Ada, Charles (PER), the CLAIM. Ana/"said Ana" and London/Londo are not pairs.
    // PER kb_id: (Q7259, Q7259), (Q46633, unset): po = 1/2; ann Q7259 1, Q46633 1; bob Q7259 1, unset 1:
    //   pe = (1/2)(1/2) = 1/4; kappa = (1/2 - 1/4)/(3/4) = 1/3.
    // CLAIM checkworthy: (yes, yes): one item, pe = 1 -> kappa 1 by convention.
    expect(attributes?.attributes.map((item) => [item.layer, item.label, item.attribute, item.spans, item.items])).toEqual([
      ['entity', 'PER', 'kb_id', 2, 2],
      ['claim', 'CLAIM', 'checkworthy', 1, 1],
    ]);
    expect(attributes?.attributes[0]?.kappa).toBeCloseTo(1 / 3, 12);
    expect(attributes?.attributes[1]?.kappa).toBe(1);
  });

  it('compares document labels over every document', () => {
    // topic: ann history, sport; bob history, none. po = 1/2; pe = (1/2)(1/2) = 1/4 (history); kappa = 1/3.
    const [topic] = report.documentLabels.pairs[0]?.categories ?? [];
    expect(topic).toMatchObject({ category: 'topic', multiple: false, documents: 2, items: 2 });
    expect(topic?.kappa).toBeCloseTo(1 / 3, 12);
    expect(report.documentLabels.overall.map((group) => group.category)).toEqual(['topic']);
  });

  it('leaves out relations with an end the filters leave out', () => {
    // Only PER and LOC count: the CLAIM is gone, so both SOURCE relations are too.
    const filtered = agreementReport(DOCUMENTS, [ANN, BOB], { labels: ['PER', 'LOC'] });
    expect(filtered.relationCounts).toEqual([2, 2]);
    expect(filtered.relations[0]?.exact.types.map((item) => item.type)).toEqual(['IN', 'MET']);
    // Without the schema MET is directed: a1 -> a2 and b2 -> b1 no longer match.
    expect(filtered.relations[0]?.exact.overall.tp).toBe(0);
  });

  it('writes relation, attribute and document-label rows in the CSV', () => {
    const lines = reportToCsv(report).split('\r\n');
    expect(lines).toContain(',ann,bob,relation_exact,,MET,1,0,0,1,1,1,,,');
    expect(lines).toContain(',ann,bob,relation_overlap,,,3,0,0,1,1,1,,,');
    expect(lines).toContain(',ann,bob,attribute_kappa,claim,CLAIM,,,,,,,1,checkworthy,1');
    expect(lines.find((line) => line.startsWith(',ann,bob,attribute_kappa,entity,PER,'))).toMatch(/,0\.333\d*,kb_id,2$/);
    expect(lines.find((line) => line.startsWith(',ann,bob,document_label_kappa,,topic,'))).toMatch(/,0\.333\d*,,2$/);
    expect(lines).toContain(',,,document_label_fleiss_kappa,,topic,,,,,,,' + String(report.documentLabels.overall[0]?.fleissKappa) + ',,2');
    expect(lines).toContain('d2,ann,bob,relation_exact,,SOURCE,0,1,1,0,0,0,,,');
  });

  it('writes the new sections in the sorted JSON', () => {
    const json = JSON.parse(reportToJson(report)) as Record<string, unknown>;
    expect(json).toEqual(JSON.parse(JSON.stringify(report)));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['attributes', 'documentLabels', 'relationCounts', 'relations']));
  });

  it('without relations writes no relation rows', () => {
    const plain = agreementReport(DOCUMENTS, [
      { annotator: 'ann', spans: ANN.spans },
      { annotator: 'bob', spans: BOB.spans },
    ]);
    expect(reportToCsv(plain)).not.toContain('relation_');
    expect(plain.relations[0]?.exact.overall).toMatchObject({ tp: 0, fp: 0, fn: 0, f1: 1 });
  });
});
