// Messages between the same-string worker (same-string-worker.ts) and the window (same-string-search.ts).
import type { Span } from '../../../src-shared/domain';
import type { Candidate } from '../../../src-shared/suggestions/candidates';

/** What the search needs of the span just made. */
export type SameStringSpan = Pick<Span, 'documentId' | 'label' | 'start' | 'end' | 'text'>;

export interface ToSameStringWorker {
  /** Answers carry it back (several finds may be under way). */
  id: number;
  databaseName: string;
  projectId: string;
  span: SameStringSpan;
  locale?: string;
}

export type FromSameStringWorker = { id: number; ok: true; candidates: Candidate[] } | { id: number; ok: false; reason: string };
