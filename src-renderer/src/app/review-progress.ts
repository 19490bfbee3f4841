// Review mode's view of the whole project: how many disagreements each document has left,
// computed by the same rules as the review panel (src-shared/review/document-review.ts).
import { groupByDocument } from '../../../src-shared/group-by-document';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { DocumentAnnotation, LabelSchema, Relation, Span } from '../../../src-shared/domain';
import { reviewDocument } from '../../../src-shared/review/document-review';
import type { SpanwrightDatabase } from '../storage/database';
import { isStringList, SETTING } from '../storage/settings';

const REJECTED_PREFIX = SETTING.reviewRejected('');

/** Disagreements left per document (documents with nobody's work to compare are absent); undefined while not reviewing. */
export function useReviewProgress(
  db: SpanwrightDatabase,
  projectId: string,
  active: boolean,
  disabled: ReadonlySet<string>,
  schema: LabelSchema,
): ReadonlyMap<string, number> | undefined {
  const stored = useLiveQuery(async () => {
    if (!active) return undefined;
    const [spans, relations, documentAnnotations, rejected] = await Promise.all([
      db.spans.where('projectId').equals(projectId).toArray(),
      db.relations.where('projectId').equals(projectId).toArray(),
      db.documentAnnotations.where('projectId').equals(projectId).toArray(),
      db.settings.where('key').startsWith(REJECTED_PREFIX).toArray(),
    ]);
    const rejectedByDocument = new Map(
      rejected.map((row) => [row.key.slice(REJECTED_PREFIX.length), new Set(isStringList(row.value) ? row.value : [])]),
    );
    return { spans, relations, documentAnnotations, rejectedByDocument };
  }, [db, projectId, active]);

  const { documentCategories, relationTypes } = schema;
  return useMemo(() => {
    if (!stored) return undefined;
    const directed = (type: string) => relationTypes.find((t) => t.name === type)?.directed ?? true;
    const spans = groupByDocument<Span>(stored.spans);
    const relations = groupByDocument<Relation>(stored.relations);
    const documentAnnotations = groupByDocument<DocumentAnnotation>(stored.documentAnnotations);
    const left = new Map<string, number>();
    for (const documentId of new Set([...spans.keys(), ...documentAnnotations.keys()])) {
      const review = reviewDocument(
        {
          spans: spans.get(documentId) ?? [],
          relations: relations.get(documentId) ?? [],
          documentAnnotations: documentAnnotations.get(documentId) ?? [],
          rejected: stored.rejectedByDocument.get(documentId) ?? new Set(),
        },
        { documentCategories, directed, disabled },
      );
      if (review.annotators.length > 0) left.set(documentId, review.disagreementsLeft);
    }
    return left;
  }, [stored, documentCategories, relationTypes, disabled]);
}
