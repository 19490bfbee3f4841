// The review use-case for the open document: every annotator's spans beside the gold annotations,
// compared into review items, with the reviewer's rejections remembered per document.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { GOLD_ANNOTATOR, type DocumentAnnotation, type LabelSchema, type Relation, type Span } from '../../../src-shared/domain';
import { reviewDocument, type DocumentReview } from '../../../src-shared/review/document-review';
import type { SpanwrightDatabase } from '../storage/database';
import { isStringList, readSetting, SETTING, writeSetting } from '../storage/settings';

/** The open document's review (document-review.ts), with the reviewer's choices and actions. */
export interface ReviewState extends DocumentReview {
  /** Annotators the reviewer left out of the comparison (for every document). */
  disabled: ReadonlySet<string>;
  toggle(annotator: string): void;
  /** The compared annotators' notes on this document. */
  documentNotes: Array<{ annotator: string; note: string }>;
  rejected: ReadonlySet<string>;
  toggleRejected(key: string): Promise<void>;
  setRejected(key: string, rejected: boolean): Promise<void>;
}

/** Which annotators review leaves out: one choice for every document (and the document list's counts). */
export interface ComparedAnnotators {
  disabled: ReadonlySet<string>;
  toggle(annotator: string): void;
}

export function useComparedAnnotators(): ComparedAnnotators {
  const [disabled, setDisabled] = useState<ReadonlySet<string>>(new Set());
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
  return useMemo(() => ({ disabled, toggle }), [disabled, toggle]);
}

export function useReview(
  db: SpanwrightDatabase,
  documentId: string | null,
  gold: { spans: readonly Span[]; relations: readonly Relation[]; documentAnnotation: DocumentAnnotation | undefined },
  schema: LabelSchema,
  active: boolean,
  compared: ComparedAnnotators,
): ReviewState {
  const { disabled, toggle } = compared;
  const all = useLiveQuery(
    () => (active && documentId ? db.spans.where('documentId').equals(documentId).toArray() : Promise.resolve([] as Span[])),
    [db, documentId, active],
  );
  const allRelations = useLiveQuery(
    () => (active && documentId ? db.relations.where('documentId').equals(documentId).toArray() : Promise.resolve([] as Relation[])),
    [db, documentId, active],
  );
  const allDocumentAnnotations = useLiveQuery(
    () =>
      active && documentId
        ? db.documentAnnotations.where('documentId').equals(documentId).toArray()
        : Promise.resolve([] as DocumentAnnotation[]),
    [db, documentId, active],
  );
  const rejectedList = useLiveQuery(
    async () => ({ documentId, list: active && documentId ? await readSetting(db, SETTING.reviewRejected(documentId), isStringList) : undefined }),
    [db, documentId, active],
  );
  // A query of a document just opened answers a moment later: until then the hooks above still
  // hold the previous document's rows, which must never be compared with this one's gold (an
  // agreement taken then would copy another document's spans into it).
  const rejected = useMemo(
    () => new Set(rejectedList?.documentId === documentId ? (rejectedList.list ?? []) : []),
    [rejectedList, documentId],
  );
  const ofThisDocument = useCallback(
    <T extends { documentId: string; annotator: string }>(list: readonly T[] | undefined) =>
      (list ?? []).filter((x) => x.documentId === documentId && x.annotator !== GOLD_ANNOTATOR.id),
    [documentId],
  );
  const documentCategories = schema.documentCategories;
  const directed = useCallback(
    (type: string) => schema.relationTypes.find((t) => t.name === type)?.directed ?? true,
    [schema.relationTypes],
  );
  // Gold as the session has it (it is ahead of storage by a moment), the others as stored.
  // Not reviewing, nothing is compared: `gold` is then the annotator's own work, and comparing
  // its 2,000 spans again at every label key cost ~15 ms a key.
  const reviewed = useMemo(() => {
    if (!active) return reviewDocument({ spans: [], relations: [], documentAnnotations: [], rejected }, { documentCategories, directed, disabled });
    return reviewDocument(
      {
        spans: [...ofThisDocument(all), ...gold.spans],
        relations: [...ofThisDocument(allRelations), ...gold.relations],
        documentAnnotations: [...ofThisDocument(allDocumentAnnotations), ...(gold.documentAnnotation ? [gold.documentAnnotation] : [])],
        rejected,
      },
      { documentCategories, directed, disabled },
    );
  }, [
    active,
    ofThisDocument,
    all,
    allRelations,
    allDocumentAnnotations,
    gold.spans,
    gold.relations,
    gold.documentAnnotation,
    rejected,
    documentCategories,
    directed,
    disabled,
  ]);
  const enabled = reviewed.enabled;
  const notes = useMemo(
    () =>
      ofThisDocument(allDocumentAnnotations)
        .filter((a) => enabled.has(a.annotator) && a.note !== '')
        .map((a) => ({ annotator: a.annotator, note: a.note })),
    [allDocumentAnnotations, enabled, ofThisDocument],
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
    ...reviewed,
    disabled,
    toggle,
    documentNotes: notes,
    rejected,
    toggleRejected,
    setRejected,
  };
}
