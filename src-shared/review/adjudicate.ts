// Adjudication steps beyond spans, as changes to gold's annotations built from what it holds:
// taking a teammate's relation (with its ends, copied when gold lacks them) and taking an
// annotator's values of a document category.
import { combineChanges, type Change } from '../annotations/change';
import { addSpans, updateDocumentAnnotation } from '../annotations/edits';
import { relationRecord } from '../annotations/kinds';
import type { AnnotationState } from '../annotations/state';
import type { Relation, Span } from '../domain';
import type { ReviewRelation } from './compare-relations';

export interface GoldOwner {
  projectId: string;
  documentId: string;
  annotator: string;
}

/** Gold's copy of a span: the gold span with the same extent and label, or a new copy of it. */
function goldSpanFor(state: AnnotationState, owner: GoldOwner, span: Span, newId: () => string, now: number): { span: Span; isNew: boolean } {
  for (const gold of state.annotations.span.values()) {
    if (gold.annotator === owner.annotator && gold.documentId === owner.documentId && gold.start === span.start && gold.end === span.end && gold.label === span.label) {
      return { span: gold, isNew: false };
    }
  }
  const copy: Span = { ...span, id: newId(), annotator: owner.annotator, origin: 'teammate', createdAt: now, updatedAt: now };
  return { span: copy, isNew: true };
}

/** Gold takes a relation: its ends are copied into gold where gold lacks them, then the relation. */
export function acceptRelation(state: AnnotationState, owner: GoldOwner, taken: ReviewRelation, newId: () => string, now: number): Change | null {
  const from = goldSpanFor(state, owner, taken.from, newId, now);
  const to = goldSpanFor(state, owner, taken.to, newId, now);
  const relation: Relation = {
    ...taken.relation,
    id: newId(),
    annotator: owner.annotator,
    documentId: owner.documentId,
    from: from.span.id,
    to: to.span.id,
    origin: 'teammate',
    createdAt: now,
    updatedAt: now,
  };
  const fresh = [from, to].filter((end) => end.isNew).map((end) => end.span);
  return combineChanges([addSpans(state, fresh), { type: 'edit', removed: [], added: [relationRecord(relation)] }]);
}

/** Gold takes an annotator's values of one document category (replacing gold's). */
export function acceptDocumentLabels(state: AnnotationState, owner: GoldOwner, category: string, values: readonly string[], now: number): Change | null {
  return updateDocumentAnnotation(state, owner, (labels, note) => ({ labels: { ...labels, [category]: [...values] }, note }), now);
}
