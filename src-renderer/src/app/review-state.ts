// The review use-case for the open document: every annotator's spans beside the gold annotations,
// compared into review items, with the reviewer's rejections remembered per document.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { GOLD_ANNOTATOR, type DocumentAnnotation, type LabelSchema, type Relation, type Span } from '../../../src-shared/domain';
import {
  compareDocumentLabels,
  compareRelations,
  relationInGold,
  type DocumentLabelReviewItem,
  type RelationReviewItem,
} from '../../../src-shared/review/compare-relations';
import { compareSpans, isSettled, type ReviewItem } from '../../../src-shared/review/compare-spans';
import type { SpanwrightDatabase } from '../storage/database';
import { isStringList, readSetting, SETTING, writeSetting } from '../storage/settings';

export interface ReviewState {
  /** Annotators with spans in this document (not gold), in a stable order. */
  annotators: string[];
  enabled: ReadonlySet<string>;
  toggle(annotator: string): void;
  /** Spans of the enabled annotators. */
  referenceSpans: Span[];
  items: ReviewItem[];
  settled: boolean[];
  /** Relations of the compared annotators, grouped by what they link. */
  relationItems: RelationReviewItem[];
  relationSettled: boolean[];
  /** Each document category the compared annotators used, with their values. */
  documentLabelItems: DocumentLabelReviewItem[];
  documentLabelSettled: boolean[];
  /** The compared annotators' notes on this document. */
  documentNotes: Array<{ annotator: string; note: string }>;
  /** Open disagreements of every kind: spans, relations, document labels. */
  disagreementsLeft: number;
  agreementsLeft: number;
  rejected: ReadonlySet<string>;
  toggleRejected(key: string): Promise<void>;
  setRejected(key: string, rejected: boolean): Promise<void>;
}

export function useReview(
  db: SpanwrightDatabase,
  documentId: string | null,
  gold: { spans: readonly Span[]; relations: readonly Relation[]; documentAnnotation: DocumentAnnotation | undefined },
  schema: LabelSchema,
  active: boolean,
): ReviewState {
  const all = useLiveQuery(
    () => (active && documentId ? db.spans.where('documentId').equals(documentId).toArray() : Promise.resolve([] as Span[])),
    [db, documentId, active],
  );
  const allRelations = useLiveQuery(
    () => (active && documentId ? db.relations.where('documentId').equals(documentId).toArray() : Promise.resolve([] as Relation[])),
    [db, documentId, active],
  );
  const allDocumentAnnotations = useLiveQuery(
    () => (active && documentId ? db.documentAnnotations.where('documentId').equals(documentId).toArray() : Promise.resolve([] as DocumentAnnotation[])),
    [db, documentId, active],
  );
  const rejectedList = useLiveQuery(
    () => (active && documentId ? readSetting(db, SETTING.reviewRejected(documentId), isStringList) : Promise.resolve(undefined)),
    [db, documentId, active],
  );
  const [disabled, setDisabled] = useState<ReadonlySet<string>>(new Set());

  const others = useMemo(() => (all ?? []).filter((s) => s.annotator !== GOLD_ANNOTATOR.id), [all]);
  const otherDocumentAnnotations = useMemo(() => (allDocumentAnnotations ?? []).filter((a) => a.annotator !== GOLD_ANNOTATOR.id), [allDocumentAnnotations]);
  const annotators = useMemo(
    () => [...new Set([...others.map((s) => s.annotator), ...otherDocumentAnnotations.map((a) => a.annotator)])].sort(),
    [others, otherDocumentAnnotations],
  );
  const enabled = useMemo(() => new Set(annotators.filter((a) => !disabled.has(a))), [annotators, disabled]);
  const referenceSpans = useMemo(() => others.filter((s) => enabled.has(s.annotator)), [others, enabled]);
  const rejected = useMemo(() => new Set(rejectedList ?? []), [rejectedList]);
  const items = useMemo(() => compareSpans(referenceSpans, [...enabled]), [referenceSpans, enabled]);
  const settled = useMemo(() => items.map((item) => isSettled(item, gold.spans, rejected)), [items, gold.spans, rejected]);
  const directed = useCallback((type: string) => schema.relationTypes.find((t) => t.name === type)?.directed ?? true, [schema.relationTypes]);
  const relationItems = useMemo(
    () => compareRelations(allRelations ?? [], referenceSpans, [...enabled], directed),
    [allRelations, referenceSpans, enabled, directed],
  );
  const relationSettled = useMemo(
    () => relationItems.map((item) => rejected.has(item.key) || relationInGold(item, gold.relations, gold.spans, directed(item.type))),
    [relationItems, rejected, gold.relations, gold.spans, directed],
  );
  const documentLabelItems = useMemo(
    () => compareDocumentLabels(otherDocumentAnnotations.filter((a) => enabled.has(a.annotator)), schema.documentCategories, [...enabled]),
    [otherDocumentAnnotations, enabled, schema.documentCategories],
  );
  const documentLabelSettled = useMemo(
    () => documentLabelItems.map((item) => rejected.has(`document-label:${item.category}`) || (gold.documentAnnotation?.labels[item.category]?.length ?? 0) > 0),
    [documentLabelItems, rejected, gold.documentAnnotation],
  );
  const notes = useMemo(
    () => otherDocumentAnnotations.filter((a) => enabled.has(a.annotator) && a.note !== '').map((a) => ({ annotator: a.annotator, note: a.note })),
    [otherDocumentAnnotations, enabled],
  );

  const toggle = useCallback(
    (annotator: string) =>
      setDisabled((current) => {
        const next = new Set(current);
        if (next.has(annotator)) next.delete(annotator);
        else next.add(annotator);
        return next;
      }),
    [],
  );

  const setRejected = useCallback(
    async (key: string, reject: boolean) => {
      if (!documentId || rejected.has(key) === reject) return;
      const next = new Set(rejected);
      if (reject) next.add(key);
      else next.delete(key);
      await writeSetting(db, SETTING.reviewRejected(documentId), [...next]);
    },
    [db, documentId, rejected],
  );
  const toggleRejected = useCallback((key: string) => setRejected(key, !rejected.has(key)), [rejected, setRejected]);

  return {
    annotators,
    enabled,
    toggle,
    referenceSpans,
    items,
    settled,
    relationItems,
    relationSettled,
    documentLabelItems,
    documentLabelSettled,
    documentNotes: notes,
    disagreementsLeft:
      items.filter((item, i) => item.kind !== 'agreement' && !settled[i]).length +
      relationItems.filter((item, i) => item.kind !== 'agreement' && !relationSettled[i]).length +
      documentLabelItems.filter((item, i) => item.kind !== 'agreement' && !documentLabelSettled[i]).length,
    agreementsLeft: items.filter((item, i) => item.kind === 'agreement' && !settled[i]).length,
    rejected,
    toggleRejected,
    setRejected,
  };
}
