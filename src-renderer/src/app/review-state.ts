// The review use-case for the open document: every annotator's spans beside the gold layer,
// compared into review items, with the reviewer's rejections remembered per document.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { GOLD_ANNOTATOR, type Span } from '../../../src-shared/domain';
import { compareLayers, isSettled, type ReviewItem } from '../../../src-shared/review/compare-layers';
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
  disagreementsLeft: number;
  agreementsLeft: number;
  rejected: ReadonlySet<string>;
  toggleRejected(key: string): Promise<void>;
}

export function useReview(db: SpanwrightDatabase, documentId: string | null, gold: readonly Span[], active: boolean): ReviewState {
  const all = useLiveQuery(
    () => (active && documentId ? db.spans.where('documentId').equals(documentId).toArray() : Promise.resolve([] as Span[])),
    [db, documentId, active],
  );
  const rejectedList = useLiveQuery(
    () => (active && documentId ? readSetting(db, SETTING.reviewRejected(documentId), isStringList) : Promise.resolve(undefined)),
    [db, documentId, active],
  );
  const [disabled, setDisabled] = useState<ReadonlySet<string>>(new Set());

  const others = useMemo(() => (all ?? []).filter((s) => s.annotator !== GOLD_ANNOTATOR.id), [all]);
  const annotators = useMemo(() => [...new Set(others.map((s) => s.annotator))].sort(), [others]);
  const enabled = useMemo(() => new Set(annotators.filter((a) => !disabled.has(a))), [annotators, disabled]);
  const referenceSpans = useMemo(() => others.filter((s) => enabled.has(s.annotator)), [others, enabled]);
  const rejected = useMemo(() => new Set(rejectedList ?? []), [rejectedList]);
  const items = useMemo(() => compareLayers(referenceSpans, [...enabled]), [referenceSpans, enabled]);
  const settled = useMemo(() => items.map((item) => isSettled(item, gold, rejected)), [items, gold, rejected]);

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

  const toggleRejected = useCallback(
    async (key: string) => {
      if (!documentId) return;
      const next = new Set(rejected);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      await writeSetting(db, SETTING.reviewRejected(documentId), [...next]);
    },
    [db, documentId, rejected],
  );

  return {
    annotators,
    enabled,
    toggle,
    referenceSpans,
    items,
    settled,
    disagreementsLeft: items.filter((item, i) => item.kind !== 'agreement' && !settled[i]).length,
    agreementsLeft: items.filter((item, i) => item.kind === 'agreement' && !settled[i]).length,
    rejected,
    toggleRejected,
  };
}
