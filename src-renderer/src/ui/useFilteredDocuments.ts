// The ids the document list shows: the filter over the document index, tested again only for
// the rows a patch changed; the filter's words apply a moment after the last keystroke.
import { useEffect, useMemo, useRef, useState } from 'react';
import { filterIndex, refilter, type DocumentFilter, type FilteredDocuments, type FilterInputs } from '../app/document-filter';
import type { DocumentIndexState } from './useDocumentIndex';

const TYPING_PAUSE_MS = 120;
const EMPTY: FilteredDocuments = { ids: [], members: new Set() };

/** `value`, once it has stayed the same for `ms` (an empty one at once). */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value.trim() === '') {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return value.trim() === '' ? value : settled;
}

export function useFilteredDocuments(
  state: DocumentIndexState | undefined,
  filter: DocumentFilter,
  inputs: FilterInputs,
): readonly string[] {
  const text = useSettled(filter.text, TYPING_PAUSE_MS);
  const { status, documentLabel } = filter;
  const { annotatorId, labelsByDocument, textMatches, reviewLeft } = inputs;
  // A new object only when something other than a row changed: then the list is walked again.
  const settled = useMemo(
    () => ({ filter: { text, status, documentLabel }, inputs: { annotatorId, labelsByDocument, textMatches, reviewLeft } }),
    [text, status, documentLabel, annotatorId, labelsByDocument, textMatches, reviewLeft],
  );
  const last = useRef<{ settled: typeof settled; ids: readonly string[]; version: number; result: FilteredDocuments }>(undefined);
  // `state` is new after every patch of the index's rows.
  const result = useMemo(() => {
    if (!state) return EMPTY;
    const { index } = state;
    const ids = index.ids;
    const previous = last.current;
    const changed = previous && previous.settled === settled && previous.ids === ids ? index.changedSince(previous.version) : null;
    const next =
      previous && changed
        ? refilter(previous.result, index, changed, settled.filter, settled.inputs)
        : filterIndex(index, settled.filter, settled.inputs);
    // Kept for the next patch (a memo, not state: it decides no render by itself).
    last.current = { settled, ids, version: index.version, result: next };
    return next;
  }, [state, settled]);
  return result.ids;
}
