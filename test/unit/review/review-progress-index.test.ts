// The incremental review index must give exactly what reviewing every document from scratch
// gives, after any sequence of per-document replacements, rule and rejection changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src-shared/domain';
import { reviewDocument, type ReviewRules } from '../../../src-shared/review/document-review';
import { ReviewProgressIndex, type ProjectWork } from '../../../src-shared/review/review-progress-index';

const DOCUMENTS = ['d1', 'd2', 'd3', 'd4'];
const ANNOTATORS = ['ana', 'ben', 'gold'];
const LABELS = ['PER', 'LOC'];

let n = 0;
function span(documentId: string, annotator: string, label: string, start: number, length: number): Span {
  return {
    id: `s${n++}`, projectId: 'p', documentId, annotator, layer: 'entity', label, start, end: start + length,
    text: 'x'.repeat(length), attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0,
  };
}

const spanArbitrary = fc
  .tuple(fc.constantFrom(...DOCUMENTS), fc.constantFrom(...ANNOTATORS), fc.constantFrom(...LABELS), fc.nat(30), fc.integer({ min: 1, max: 6 }))
  .map(([d, a, l, s, len]) => span(d, a, l, s, len));

const rulesOf = (disabled: string[]): ReviewRules => ({ documentCategories: [], directed: () => true, disabled: new Set(disabled) });

/** The reference: every document reviewed from scratch, as review mode did before. */
function fromScratch(spans: Span[], rules: ReviewRules, rejected: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const left = new Map<string, number>();
  for (const documentId of new Set(spans.map((s) => s.documentId))) {
    const review = reviewDocument(
      { spans: spans.filter((s) => s.documentId === documentId), relations: [], documentAnnotations: [], rejected: rejected.get(documentId) ?? new Set() },
      rules,
    );
    if (review.annotators.length > 0) left.set(documentId, review.disagreementsLeft);
  }
  return left;
}

const work = (spans: Span[]): ProjectWork => ({ spans, relations: [], documentAnnotations: [] });

describe('ReviewProgressIndex', () => {
  it('matches reviewing every document from scratch after any edits', () => {
    fc.assert(
      fc.property(
        fc.array(spanArbitrary, { maxLength: 20 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('add' as const), spans: fc.array(spanArbitrary, { maxLength: 4 }) }),
            fc.record({ kind: fc.constant('remove' as const), document: fc.constantFrom(...DOCUMENTS), nth: fc.nat(5) }),
            fc.record({ kind: fc.constant('disable' as const), annotators: fc.subarray(['ana', 'ben']) }),
            fc.record({ kind: fc.constant('reject' as const), document: fc.constantFrom(...DOCUMENTS), nth: fc.nat(5) }),
          ),
          { maxLength: 8 },
        ),
        (initial, steps) => {
          let spans = [...initial];
          let rules = rulesOf([]);
          let rejected = new Map<string, ReadonlySet<string>>();
          const index = new ReviewProgressIndex(rules);
          index.load(work(spans));
          for (const step of steps) {
            if (step.kind === 'add') {
              spans = [...spans, ...step.spans];
              // Only the documents the step touched are handed over, with all their current rows.
              const touched = new Set(step.spans.map((s) => s.documentId));
              index.replaceDocuments(touched, work(spans));
            } else if (step.kind === 'remove') {
              const inDocument = spans.filter((s) => s.documentId === step.document);
              const gone = inDocument[step.nth % Math.max(1, inDocument.length)];
              spans = spans.filter((s) => s !== gone);
              index.replaceDocuments([step.document], work(spans.filter((s) => s.documentId === step.document)));
            } else if (step.kind === 'disable') {
              rules = rulesOf(step.annotators);
              index.setRules(rules);
            } else {
              const review = reviewDocument(
                { spans: spans.filter((s) => s.documentId === step.document), relations: [], documentAnnotations: [], rejected: new Set() },
                rules,
              );
              const key = review.items[step.nth % Math.max(1, review.items.length)]?.key;
              if (key) {
                rejected = new Map(rejected).set(step.document, new Set([...(rejected.get(step.document) ?? []), key]));
                index.setRejected(rejected);
              }
            }
            expect(index.current()).toEqual(fromScratch(spans, rules, rejected));
          }
        },
      ),
    );
  });

  it('drops a document whose last annotation is removed', () => {
    const index = new ReviewProgressIndex(rulesOf([]));
    index.load(work([span('d1', 'ana', 'PER', 0, 3), span('d1', 'ben', 'LOC', 0, 3)]));
    expect(index.current()).toEqual(new Map([['d1', 1]]));
    index.replaceDocuments(['d1'], work([]));
    expect(index.current()).toEqual(new Map());
  });

  it('ignores rows of documents it was not asked to replace', () => {
    const index = new ReviewProgressIndex(rulesOf([]));
    index.load(work([span('d1', 'ana', 'PER', 0, 3)]));
    index.replaceDocuments(['d2'], work([span('d1', 'ben', 'LOC', 0, 3), span('d2', 'ana', 'PER', 0, 3), span('d2', 'ben', 'PER', 0, 3)]));
    expect(index.current()).toEqual(new Map([['d1', 0], ['d2', 0]]));
  });
});
