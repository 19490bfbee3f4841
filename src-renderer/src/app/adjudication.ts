// Adjudication: taking an annotator's version of a review item into gold (one
// undoable change that replaces whatever gold held there), or every agreement at once.
import { useCallback, useMemo } from 'react';
import { GOLD_ANNOTATOR, type Span } from '../../../src-shared/domain';
import { acceptDocumentLabels, acceptRelation } from '../../../src-shared/review/adjudicate';
import type { DocumentLabelReviewItem, RelationReviewItem } from '../../../src-shared/review/compare-relations';
import { newId } from './ids';
import type { ReviewItem } from '../../../src-shared/review/compare-spans';
import type { AnnotationSession } from './annotation-session';
import type { ReviewState } from './review-state';

export function useAdjudication(gold: AnnotationSession, review: ReviewState, projectId: string, documentId: string | null) {
  const referenceById = useMemo(() => new Map(review.referenceSpans.map((s) => [s.id, s])), [review.referenceSpans]);
  const copiesOf = useCallback(
    (ids: readonly string[]) => ids.map((id) => referenceById.get(id)).filter((s): s is Span => s !== undefined),
    [referenceById],
  );

  const acceptVersion = useCallback(
    (item: ReviewItem, version: number) => {
      const chosen = item.versions[version];
      if (!chosen) return;
      const replacing = gold.spans.filter((g) => g.layer === item.layer && g.start < item.end && g.end > item.start);
      void gold.replaceWith(replacing, copiesOf(chosen.spans.map((s) => s.id)));
      // Taking a version that is "nothing" settles the item as a rejection does: gold keeps
      // nothing there, and the item is not offered again.
      void review.setRejected(item.key, chosen.spans.length === 0);
    },
    [copiesOf, gold, review],
  );

  const acceptAgreements = useCallback(() => {
    const ids = review.items
      .filter((item, i) => item.kind === 'agreement' && !review.settled[i])
      .map((item) => item.versions[0]?.spans[0]?.id ?? '');
    void gold.replaceWith([], copiesOf(ids));
  }, [copiesOf, gold, review]);

  const owner = useCallback(
    () => (documentId ? { projectId, documentId, annotator: GOLD_ANNOTATOR.id } : null),
    [documentId, projectId],
  );

  /** Gold takes a compared annotator's relation (its ends too, where gold lacks them). */
  const acceptRelationItem = useCallback(
    (item: RelationReviewItem) => {
      const who = owner();
      if (!who) return;
      gold.performWith((state) => acceptRelation(state, who, item.example, newId, Date.now()));
      void review.setRejected(item.key, false);
    },
    [gold, owner, review],
  );

  /** Gold takes one annotator's values of a document category. */
  const acceptDocumentLabelVersion = useCallback(
    (item: DocumentLabelReviewItem, version: number) => {
      const who = owner();
      const chosen = item.versions[version];
      if (!who || !chosen) return;
      gold.performWith((state) => acceptDocumentLabels(state, who, item.category, chosen.values, Date.now()));
    },
    [gold, owner],
  );

  return { acceptVersion, acceptAgreements, acceptRelationItem, acceptDocumentLabelVersion };
}
