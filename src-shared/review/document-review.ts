// The whole review of one document, from its stored annotations: the items to settle (spans,
// relations, document labels), which are settled, and how many are left. The review panel and
// the document list's "left to review" counts both come from here, so they always agree.
import { GOLD_ANNOTATOR, type DocumentAnnotation, type DocumentCategory, type Relation, type Span } from '../domain';
import {
  compareDocumentLabels,
  compareRelations,
  relationInGold,
  type DocumentLabelReviewItem,
  type RelationReviewItem,
} from './compare-relations';
import { compareSpans, isSettled, type ReviewItem } from './compare-spans';
import { ownValue } from '../own-keys';

export interface DocumentReviewInput {
  /** Every annotator's spans in the document, gold's included. */
  spans: readonly Span[];
  relations: readonly Relation[];
  documentAnnotations: readonly DocumentAnnotation[];
  /** Keys of the items the reviewer rejected. */
  rejected: ReadonlySet<string>;
}

export interface ReviewRules {
  documentCategories: readonly DocumentCategory[];
  /** Whether a relation type is directed (undirected relations match either way round). */
  directed(type: string): boolean;
  /** Annotators left out of the comparison. */
  disabled: ReadonlySet<string>;
}

export interface DocumentReview {
  /** Annotators with work in this document (not gold), in a stable order. */
  annotators: string[];
  enabled: ReadonlySet<string>;
  /** Spans of the enabled annotators. */
  referenceSpans: Span[];
  items: ReviewItem[];
  settled: boolean[];
  relationItems: RelationReviewItem[];
  relationSettled: boolean[];
  documentLabelItems: DocumentLabelReviewItem[];
  documentLabelSettled: boolean[];
  /** Open disagreements of every kind. */
  disagreementsLeft: number;
  /** Agreements not yet in gold. */
  agreementsLeft: number;
}

export function reviewDocument(input: DocumentReviewInput, rules: ReviewRules): DocumentReview {
  const gold = input.spans.filter((s) => s.annotator === GOLD_ANNOTATOR.id);
  const others = input.spans.filter((s) => s.annotator !== GOLD_ANNOTATOR.id);
  const goldRelations = input.relations.filter((r) => r.annotator === GOLD_ANNOTATOR.id);
  const goldDocument = input.documentAnnotations.find((a) => a.annotator === GOLD_ANNOTATOR.id);
  const otherDocumentAnnotations = input.documentAnnotations.filter((a) => a.annotator !== GOLD_ANNOTATOR.id);
  const annotators = [...new Set([...others.map((s) => s.annotator), ...otherDocumentAnnotations.map((a) => a.annotator)])].sort();
  const enabled = new Set(annotators.filter((a) => !rules.disabled.has(a)));
  const compared = [...enabled];
  const referenceSpans = others.filter((s) => enabled.has(s.annotator));

  const items = compareSpans(referenceSpans, compared);
  const settled = items.map((item) => isSettled(item, gold, input.rejected));
  const relationItems = compareRelations(input.relations, referenceSpans, compared, rules.directed);
  const relationSettled = relationItems.map(
    (item) => input.rejected.has(item.key) || relationInGold(item, goldRelations, gold, rules.directed(item.type)),
  );
  const documentLabelItems = compareDocumentLabels(
    otherDocumentAnnotations.filter((a) => enabled.has(a.annotator)),
    rules.documentCategories,
    compared,
  );
  const documentLabelSettled = documentLabelItems.map(
    (item) =>
      input.rejected.has(`document-label:${item.category}`) || (ownValue(goldDocument?.labels ?? {}, item.category)?.length ?? 0) > 0,
  );
  const open = <T extends { kind: string }>(list: readonly T[], done: readonly boolean[]) => list.filter((item, i) => item.kind !== 'agreement' && !done[i]).length;
  return {
    annotators,
    enabled,
    referenceSpans,
    items,
    settled,
    relationItems,
    relationSettled,
    documentLabelItems,
    documentLabelSettled,
    disagreementsLeft: open(items, settled) + open(relationItems, relationSettled) + open(documentLabelItems, documentLabelSettled),
    agreementsLeft: items.filter((item, i) => item.kind === 'agreement' && !settled[i]).length,
  };
}
