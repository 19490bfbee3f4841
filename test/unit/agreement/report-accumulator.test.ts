// The report built a document at a time (AgreementAccumulator) and written in pieces gives the
// figures, JSON and CSV of the whole-corpus report of before, byte for byte: the saved hashes
// are of `reportToJson` and `reportToCsv` of random corpora as the report was computed before
// it became an accumulator (every document and token label held until the end).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgreementAccumulator,
  agreementReport,
  documentCsv,
  hasRelations,
  perDocumentJson,
  perDocumentJsonEnd,
  reportCsvHead,
  reportJsonFrame,
  reportToCsv,
  reportToJson,
  type DocumentAgreement,
  type DocumentWork,
} from '../../../src-shared/agreement';
import { randomAgreementCorpus, type RandomAgreementCorpus } from './random-agreement-corpus';

const SAVED: Record<string, string> = JSON.parse(readFileSync(new URL('./fixtures/random-report-hashes.json', import.meta.url), 'utf8'));

const hashOf = (json: string, csv: string): string =>
  createHash('sha256').update(json).update('\u0000').update(csv).digest('hex').slice(0, 16);

/** The corpus fed to an accumulator one document at a time, its report written in pieces as the command line writes it. */
function streamed({ documents, annotationSets, options }: RandomAgreementCorpus): { json: string; csv: string; rows: DocumentAgreement[] } {
  const accumulator = new AgreementAccumulator(
    annotationSets.map((set) => set.annotator),
    options,
  );
  const rows: DocumentAgreement[] = [];
  for (const document of documents) {
    const work = annotationSets.map((set): DocumentWork => {
      const item: DocumentWork = {
        spans: set.spans.filter((span) => span.documentId === document.id),
        relations: (set.relations ?? []).filter((relation) => relation.documentId === document.id),
        documentLabels: (set.documentLabels ?? []).filter((entry) => entry.documentId === document.id).map((entry) => entry.labels),
      };
      const status = set.statuses && Object.hasOwn(set.statuses, document.id) ? set.statuses[document.id] : undefined;
      if (status !== undefined) item.status = status;
      return item;
    });
    const row = accumulator.add(document, work);
    if (row) rows.push(row);
  }
  const report = accumulator.report();
  expect(report.perDocument).toEqual([]);
  const { before, after } = reportJsonFrame(report);
  const json = before + rows.map(perDocumentJson).join('') + perDocumentJsonEnd(rows.length) + after;
  const csv = reportCsvHead(report) + rows.map((row) => documentCsv(row, hasRelations(report))).join('');
  return { json, csv, rows };
}

describe('the agreement report built a document at a time', () => {
  it('writes the JSON and CSV the whole-corpus report wrote before, on 400 random corpora', () => {
    expect(Object.keys(SAVED)).toHaveLength(400);
    for (const [seed, saved] of Object.entries(SAVED)) {
      const corpus = randomAgreementCorpus(Number(seed));
      const report = agreementReport(corpus.documents, corpus.annotationSets, corpus.options);
      expect(hashOf(reportToJson(report), reportToCsv(report)), `seed ${seed}`).toBe(saved);
      const { json, csv } = streamed(corpus);
      expect(hashOf(json, csv), `seed ${seed}, streamed`).toBe(saved);
    }
  }, 60_000);

  it('fed one document at a time and written in pieces, is agreementReport and its JSON and CSV', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const corpus = randomAgreementCorpus(seed);
        const report = agreementReport(corpus.documents, corpus.annotationSets, corpus.options);
        const { json, csv, rows } = streamed(corpus);
        expect(rows).toEqual(report.perDocument);
        expect(json).toBe(reportToJson(report));
        expect(csv).toBe(reportToCsv(report));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('refuses a document id it has had', () => {
    const accumulator = new AgreementAccumulator(['ann', 'bob']);
    accumulator.add({ id: 'd1', text: 'a b' }, []);
    expect(() => accumulator.add({ id: 'd1', text: 'a b' }, [])).toThrow(RangeError);
  });
});
