import { describe, expect, it } from 'vitest';
import type { DocumentAnnotation, Relation, Span } from '../../../src-shared/domain';
import { reviewDocument, type ReviewRules } from '../../../src-shared/review/document-review';

let n = 0;
function span(annotator: string, label: string, start: number, end: number): Span {
  return {
    id: `s${n++}`, projectId: 'p', documentId: 'd', annotator, layer: label === 'CLAIM' ? 'claim' : 'entity', label, start, end,
    text: 'x'.repeat(end - start), attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0,
  };
}
function relation(annotator: string, type: string, from: Span, to: Span): Relation {
  return { id: `r${n++}`, projectId: 'p', documentId: 'd', annotator, type, from: from.id, to: to.id, origin: 'manual', createdAt: 0, updatedAt: 0 };
}
function labels(annotator: string, values: Record<string, string[]>): DocumentAnnotation {
  return { projectId: 'p', documentId: 'd', annotator, labels: values, note: '', updatedAt: 0 } as DocumentAnnotation;
}

const rules = (disabled: string[] = []): ReviewRules => ({
  documentCategories: [{ name: 'topic', multiple: true, values: [{ name: 'politics', hotkey: '' }, { name: 'economy', hotkey: '' }] }] as ReviewRules['documentCategories'],
  directed: () => true,
  disabled: new Set(disabled),
});

describe('reviewDocument', () => {
  const anaPerson = span('ana', 'PERSON', 0, 5);
  const benPerson = span('ben', 'PERSON', 0, 5);
  const anaClaim = span('ana', 'CLAIM', 10, 30);
  const benOrg = span('ben', 'ORG', 40, 45);
  const anaLoc = span('ana', 'LOC', 40, 45);
  const base = {
    spans: [anaPerson, benPerson, anaClaim, benOrg, anaLoc],
    relations: [relation('ana', 'SOURCE', anaClaim, anaPerson)],
    documentAnnotations: [labels('ana', { topic: ['politics'] }), labels('ben', { topic: ['economy'] })],
    rejected: new Set<string>(),
  };

  it('counts open disagreements of every kind and agreements to accept', () => {
    const review = reviewDocument(base, rules());
    expect(review.annotators).toEqual(['ana', 'ben']);
    // Spans: the claim (only Ana) and ORG/LOC; one relation only Ana made; one category.
    expect(review.disagreementsLeft).toBe(4);
    expect(review.agreementsLeft).toBe(1);
  });

  it('settles what gold holds and what was rejected (accepting "nothing" rejects)', () => {
    const first = reviewDocument(base, rules());
    const claimItem = first.items.find((item) => item.layer === 'claim');
    const gold = span('gold', 'LOC', 40, 45);
    const review = reviewDocument(
      { ...base, spans: [...base.spans, gold], rejected: new Set([claimItem?.key ?? '', 'document-label:topic']) },
      rules(),
    );
    expect(review.disagreementsLeft).toBe(1); // the relation
    expect(review.settled[review.items.findIndex((item) => item.layer === 'claim')]).toBe(true);
  });

  it('leaves out the annotators the reviewer turned off', () => {
    const review = reviewDocument(base, rules(['ben']));
    expect([...review.enabled]).toEqual(['ana']);
    expect(review.referenceSpans.every((s) => s.annotator === 'ana')).toBe(true);
    // With one annotator everything they made is an agreement with themselves.
    expect(review.disagreementsLeft).toBe(0);
    expect(review.agreementsLeft).toBe(3);
  });
});
