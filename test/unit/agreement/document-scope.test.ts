// Which documents the figures compare: Done by every annotator, annotated by every annotator, or
// all; documents nobody put a span on are left out and counted apart.
import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  reportToCsv,
  scopeSentence,
  type AgreementDocument,
  type AgreementSpan,
  type AnnotationSet,
} from '../../../src-shared/agreement';

const TEXTS: Record<string, string> = {
  seen: 'Ada Lovelace met Charles Babbage.',
  unopened: 'Paris is big.',
  empty: 'Nothing to see here at all.',
};
const DOCUMENTS: AgreementDocument[] = Object.entries(TEXTS).map(([id, text]) => ({ id, text }));

function at(documentId: string, part: string, label: string): AgreementSpan {
  const start = (TEXTS[documentId] ?? '').indexOf(part);
  if (start < 0) throw new Error(part);
  return { documentId, layer: 'entity', label, start, end: start + part.length };
}

// Ana did all three documents (Done, "empty" with nothing to mark); Ben did "seen" and "empty", never opened "unopened".
const ANA: AnnotationSet = {
  annotator: 'Ana',
  spans: [at('seen', 'Ada Lovelace', 'PER'), at('seen', 'Charles Babbage', 'PER'), at('unopened', 'Paris', 'LOC')],
  statuses: { seen: 'done', unopened: 'done', empty: 'done' },
};
const BEN: AnnotationSet = {
  annotator: 'Ben',
  spans: [at('seen', 'Ada Lovelace', 'PER'), at('seen', 'Charles Babbage', 'PER')],
  statuses: { seen: 'done', empty: 'done' },
};

describe('the document scope', () => {
  it('done (what the app and the CLI start with): only documents every annotator marked Done', () => {
    const report = agreementReport(DOCUMENTS, [ANA, BEN], { scope: 'done' });
    // "unopened" is not Ben's Done, so it does not count as his F1 0; "empty" is Done by both but has no spans.
    expect(report.scope).toEqual({
      scope: 'done',
      compared: ['seen'],
      withoutSpans: ['empty'],
      outOfScope: ['unopened'],
      keptOutBy: { unopened: ['Ben'] },
    });
    expect(report.documents).toBe(1);
    expect(report.spanCounts).toEqual([2, 2]);
    expect(report.pairs[0]?.exact.overall.f1).toBe(1);
    expect(report.perDocument.map((document) => document.documentId)).toEqual(['seen']);
    expect(scopeSentence(report.scope)).toBe('Documents Done by every annotator: 1 compared, 1 without spans from anyone, 1 out of scope');
  });

  it('annotated: every annotator has something on the document, or marked it Done', () => {
    const inProgress: AnnotationSet = { ...BEN, statuses: { seen: 'in_progress' } };
    const report = agreementReport(DOCUMENTS, [ANA, inProgress], { scope: 'annotated' });
    // Ben has spans on "seen" (in progress counts); nothing on "unopened" or "empty" and no Done there.
    expect(report.scope).toEqual({
      scope: 'annotated',
      compared: ['seen'],
      withoutSpans: [],
      outOfScope: ['unopened', 'empty'],
      keptOutBy: { unopened: ['Ben'], empty: ['Ben'] },
    });
    const withDone = agreementReport(DOCUMENTS, [ANA, BEN], { scope: 'annotated' });
    expect(withDone.scope.withoutSpans).toEqual(['empty']);
  });

  it('all: a document a teammate never opened counts against them; an empty one is still left out', () => {
    const report = agreementReport(DOCUMENTS, [ANA, BEN], { scope: 'all' });
    expect(report.scope).toEqual({ scope: 'all', compared: ['seen', 'unopened'], withoutSpans: ['empty'], outOfScope: [], keptOutBy: {} });
    // Ana's LOC Paris has no partner: tp 2, fp 0, fn 1.
    expect(report.pairs[0]?.exact.overall).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(report.perDocument.find((document) => document.documentId === 'unopened')?.pairs[0]?.exact.overall.f1).toBe(0);
  });

  it('an empty document adds no tokens, so it cannot raise a kappa', () => {
    const disagree: AnnotationSet = { annotator: 'Ben', spans: [at('seen', 'Ada Lovelace', 'ORG')], statuses: BEN.statuses };
    const withEmpty = agreementReport(DOCUMENTS, [ANA, disagree], { scope: 'done', layer: 'entity' });
    const withoutEmpty = agreementReport(
      DOCUMENTS.filter((document) => document.id !== 'empty'),
      [ANA, disagree],
      { scope: 'done', layer: 'entity' },
    );
    expect(withEmpty.pairs[0]?.cohenKappa).toEqual(withoutEmpty.pairs[0]?.cohenKappa);
    expect(withEmpty.pairs[0]?.cohenKappa[0]?.tokens).toBe(6);
  });

  it('the layer and label filters decide which documents have spans', () => {
    const report = agreementReport(DOCUMENTS, [ANA, BEN], { scope: 'all', labels: ['LOC'] });
    expect(report.scope.compared).toEqual(['unopened']);
    expect(report.scope.withoutSpans).toEqual(['seen', 'empty']);
  });

  it('document labels count every document in scope, with spans or without', () => {
    const labelled = (set: AnnotationSet, topic: string): AnnotationSet => ({
      ...set,
      documentLabels: [
        { documentId: 'seen', labels: { topic: [topic] } },
        { documentId: 'empty', labels: { topic: ['none'] } },
      ],
    });
    const report = agreementReport(DOCUMENTS, [labelled(ANA, 'science'), labelled(BEN, 'science')], { scope: 'done' });
    expect(report.documentLabels.overall[0]).toMatchObject({ category: 'topic', documents: 2 });
  });

  it('is all when not given, and a missing status is to do', () => {
    const noStatuses = agreementReport(DOCUMENTS, [{ ...ANA, statuses: undefined }, BEN]);
    expect(noStatuses.scope.scope).toBe('all');
    expect(agreementReport(DOCUMENTS, [{ ...ANA, statuses: undefined }, BEN], { scope: 'done' }).scope.outOfScope).toEqual([
      'seen',
      'unopened',
      'empty',
    ]);
  });
});

describe('the documents used, in the CSV', () => {
  it('counts them after the corpus figures and names each one left out', () => {
    const csv = reportToCsv(agreementReport(DOCUMENTS, [ANA, BEN], { scope: 'done' })).split('\r\n');
    expect(csv).toContain(',,,documents_compared,,done,,,,,,,1,,');
    expect(csv).toContain(',,,documents_without_spans,,done,,,,,,,1,,');
    expect(csv).toContain(',,,documents_out_of_scope,,done,,,,,,,1,,');
    expect(csv).toContain('empty,,,left_out,,no_spans,,,,,,,,,');
    expect(csv).toContain('unopened,,,left_out,,out_of_scope,,,,,,,,,');
    // Before the first row of a document's own figures.
    expect(csv.indexOf('unopened,,,left_out,,out_of_scope,,,,,,,,,')).toBeLessThan(csv.findIndex((line) => line.startsWith('seen,')));
  });
});
