// The project's documents: a filter box, status filter and a virtualised list over the
// document index (100,000 documents scroll smoothly: only the visible rows exist in the DOM,
// and only they read their row).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { spanCountOf, statusOf } from '../../../src-shared/document-rules';
import type { MatchInContext } from '../../../src-shared/find';
import { showBidiControls } from '../../../src-shared/formats/bidi-controls';
import { DOCUMENT_STATUSES, type DocumentCategory, type DocumentStatus } from '../../../src-shared/domain';
import type { DocumentFilter } from '../app/document-filter';
import type { DocumentIndex } from '../app/document-index';

export const STATUS_NAMES: Record<DocumentStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export { NO_FILTER, type DocumentFilter } from '../app/document-filter';

const LABEL_SEPARATOR = '\u0000';

const ROW_HEIGHT = 52;
/** A row that also shows where the text matched. */
const ROW_WITH_MATCH_HEIGHT = 72;

export function DocumentList(props: {
  /** The ids shown (the list as filtered), in order. */
  ids: readonly string[];
  /** Where the rows are read (undefined while the project's documents load). */
  index: DocumentIndex | undefined;
  total: number;
  filter: DocumentFilter;
  onFilterChange: (filter: DocumentFilter) => void;
  openDocumentId: string | null;
  onOpen: (documentId: string) => void;
  /** Whose status and span count the list shows. */
  annotatorId: string;
  /** Document categories the list can be filtered by. */
  categories: readonly DocumentCategory[];
  /** Texts that hold the filter's words, with the first match in context. */
  textMatches: ReadonlyMap<string, MatchInContext>;
  /** True while texts are still being searched for the filter's words. */
  searchingTexts: boolean;
  /** Reviewing: disagreements left per document with work to compare. */
  reviewLeft?: ReadonlyMap<string, number> | undefined;
  /** Removed documents waiting in the trash. */
  trashCount: number;
  onOpenTrash: () => void;
  /** Hands the documents out to annotators (all, or the list as filtered). */
  onAssign: () => void;
}) {
  const { ids, filter, textMatches } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const showMatches = filter.text.trim() !== '';
  const matchOf = (id: string): MatchInContext | undefined => (showMatches ? textMatches.get(id) : undefined);
  // Stable callbacks: the virtualizer lays out every row again whenever `getItemKey` changes,
  // which at 100,000 rows is what a label must not cost.
  const getItemKey = useCallback((index: number) => ids[index] as string, [ids]);
  const estimateSize = useCallback(
    (index: number) => (showMatches && textMatches.has(ids[index] as string) ? ROW_WITH_MATCH_HEIGHT : ROW_HEIGHT),
    [ids, showMatches, textMatches],
  );
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    getItemKey,
    estimateSize,
    overscan: 12,
  });
  // Row heights follow the text matches: lay the rows out again when they change, before paint.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, estimateSize]);

  return (
    <nav className="document-list" aria-label="Document navigation">
      <div className="document-list__filters">
        <input
          type="search"
          placeholder="Search titles and text"
          aria-label="Filter documents"
          value={filter.text}
          onChange={(e) => props.onFilterChange({ ...filter, text: e.target.value })}
        />
        <select
          aria-label="Status filter"
          value={filter.status}
          onChange={(e) => props.onFilterChange({ ...filter, status: e.target.value as DocumentFilter['status'] })}
        >
          <option value="all">All statuses</option>
          {props.reviewLeft && <option value="needs-review">Needs review</option>}
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_NAMES[s]}
            </option>
          ))}
        </select>
        {props.categories.length > 0 && (
          <select
            aria-label="Document label filter"
            value={filter.documentLabel ? `${filter.documentLabel.category}${LABEL_SEPARATOR}${filter.documentLabel.value}` : ''}
            onChange={(e) => {
              const [category, value] = e.target.value.split(LABEL_SEPARATOR);
              props.onFilterChange({ ...filter, documentLabel: category && value !== undefined ? { category, value } : null });
            }}
          >
            <option value="">All document labels</option>
            {props.categories.map((category) => (
              <optgroup key={category.name} label={category.name}>
                {category.values.map((value) => (
                  <option key={value.name} value={`${category.name}${LABEL_SEPARATOR}${value.name}`}>
                    {showBidiControls(category.name)}: {showBidiControls(value.name)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </div>
      <div className="document-list__count" aria-live="polite">
        {ids.length === props.total
          ? `${props.total} ${props.total === 1 ? 'document' : 'documents'}`
          : `${ids.length} of ${props.total} documents`}
        {props.searchingTexts && filter.text.trim() !== '' && ' · searching texts…'}
      </div>
      <div className="document-list__scroll" ref={scrollRef}>
        <ul aria-label="Documents" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const doc = props.index?.get(ids[row.index] as string);
            if (!doc) return null;
            const open = doc.id === props.openDocumentId;
            const count = spanCountOf(doc, props.annotatorId);
            const status = statusOf(doc, props.annotatorId);
            const spans = `${count} ${count === 1 ? 'span' : 'spans'}`;
            const match = matchOf(doc.id);
            const left = props.reviewLeft?.get(doc.id);
            const name = `${doc.meta.title}, ${STATUS_NAMES[status]}, ${spans}${left === undefined ? '' : left > 0 ? `, ${left} to review` : ', reviewed'}`;
            const height = match ? ROW_WITH_MATCH_HEIGHT : ROW_HEIGHT;
            return (
              <li
                key={doc.id}
                aria-label={name}
                aria-current={open ? 'true' : undefined}
                className={open ? 'document-item document-item--open' : 'document-item'}
                style={{ transform: `translateY(${row.start}px)`, height }}
                onClick={() => props.onOpen(doc.id)}
              >
                <button type="button" className="document-item__title" title={doc.meta.title} aria-label={name}>
                  {doc.meta.title}
                </button>
                <span className="document-item__meta">
                  <span className={`status status--${status}`}>{STATUS_NAMES[status]}</span>
                  <span>{spans}</span>
                  {left !== undefined && (
                    <span className={left > 0 ? 'review-left review-left--open' : 'review-left'}>
                      {left > 0 ? `${left} to review` : 'reviewed'}
                    </span>
                  )}
                </span>
                {match && (
                  <span className="document-item__match" title={`${match.before}${match.match}${match.after}`}>
                    {match.before}
                    <mark>{match.match}</mark>
                    {match.after}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="document-list__actions">
        <button type="button" onClick={props.onAssign}>
          Assign documents…
        </button>
        <button type="button" onClick={props.onOpenTrash}>
          Trash{props.trashCount > 0 ? ` (${props.trashCount})` : ''}
        </button>
      </div>
    </nav>
  );
}
