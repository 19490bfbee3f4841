// Adjudication: taking an annotator's version of a review item into the gold layer (one
// undoable change that replaces whatever gold held there), or every agreement at once.
import { useCallback, useMemo } from 'react';
import type { Span } from '../../../src-shared/domain';
import type { ReviewItem } from '../../../src-shared/review/compare-layers';
import type { AnnotationSession } from './annotation-session';
import type { ReviewState } from './review-state';

export function useAdjudication(gold: AnnotationSession, review: ReviewState) {
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
      if (review.rejected.has(item.key)) void review.toggleRejected(item.key);
    },
    [copiesOf, gold, review],
  );

  const acceptAgreements = useCallback(() => {
    const ids = review.items
      .filter((item, i) => item.kind === 'agreement' && !review.settled[i])
      .map((item) => item.versions[0]?.spans[0]?.id ?? '');
    void gold.replaceWith([], copiesOf(ids));
  }, [copiesOf, gold, review]);

  return { acceptVersion, acceptAgreements };
}
