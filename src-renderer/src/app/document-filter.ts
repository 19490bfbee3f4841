// The document list's filter over the document index: which ids it shows. After a patch of a
// few rows only those rows are tested again; the whole list is walked only when the filter,
// its inputs or the set of documents change.
import type { DocumentStatus } from '../../../src-shared/domain';
import { statusOf } from '../../../src-shared/document-rules';
import type { DocumentIndex } from './document-index';

export interface DocumentFilter {
  text: string;
  /** A status, any, or (reviewing) the documents with disagreements left. */
  status: DocumentStatus | 'all' | 'needs-review';
  /** A document label to require: a category and one of its values; null for any. */
  documentLabel: { category: string; value: string } | null;
}

export const NO_FILTER: DocumentFilter = { text: '', status: 'all', documentLabel: null };

/** What the filter is tested against besides the rows. */
export interface FilterInputs {
  /** Whose statuses (and document labels) count. */
  annotatorId: string;
  /** Document id -> category -> values: the document labels of `annotatorId`. */
  labelsByDocument?: ReadonlyMap<string, Readonly<Record<string, readonly string[]>>> | undefined;
  /** Documents whose text holds the filter's words (searched in storage). */
  textMatches?: ReadonlyMap<string, unknown> | undefined;
  /** Reviewing: disagreements left per document. */
  reviewLeft?: ReadonlyMap<string, number> | undefined;
}

/** Whether one document passes: its status, title (or text) and document label. */
export function documentPasses(index: DocumentIndex, id: string, filter: DocumentFilter, inputs: FilterInputs): boolean {
  const doc = index.get(id);
  if (!doc) return false;
  if (filter.status === 'needs-review') {
    if (inputs.reviewLeft && (inputs.reviewLeft.get(id) ?? 0) <= 0) return false;
  } else if (filter.status !== 'all' && statusOf(doc, inputs.annotatorId) !== filter.status) return false;
  const needle = filter.text.trim().toLowerCase(); // as DocumentIndex lower-cases titles
  if (needle !== '' && !index.titleKey(id).includes(needle) && !(inputs.textMatches?.has(id) ?? false)) return false;
  const wanted = filter.documentLabel;
  return wanted === null || (inputs.labelsByDocument?.get(id)?.[wanted.category]?.includes(wanted.value) ?? false);
}

/** The filter's result: ids in list order, and as a set. */
export interface FilteredDocuments {
  ids: readonly string[];
  members: ReadonlySet<string>;
}

export function filterIndex(index: DocumentIndex, filter: DocumentFilter, inputs: FilterInputs): FilteredDocuments {
  const unfiltered = filter.status === 'all' && filter.text.trim() === '' && filter.documentLabel === null;
  const ids = unfiltered ? index.ids : index.ids.filter((id) => documentPasses(index, id, filter, inputs));
  return { ids, members: new Set(ids) };
}

/**
 * `previous` brought up to date after the rows `changed` were patched (same filter, same
 * inputs, same set of documents): the same object when none of them moved in or out, so
 * nothing downstream recomputes; otherwise the list again.
 */
export function refilter(
  previous: FilteredDocuments,
  index: DocumentIndex,
  changed: ReadonlySet<string>,
  filter: DocumentFilter,
  inputs: FilterInputs,
): FilteredDocuments {
  for (const id of changed) {
    if (documentPasses(index, id, filter, inputs) !== previous.members.has(id)) return filterIndex(index, filter, inputs);
  }
  return previous;
}
