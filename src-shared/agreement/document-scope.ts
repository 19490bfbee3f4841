// Which documents the agreement figures compare, one rule for the app and the command line:
// those every chosen annotator marked Done (the default), those every one annotated, or all.
// A document in scope that nobody put a span on is left out of the span figures and counted apart.
import type { DocumentStatus } from '../domain';

export type DocumentScope = 'done' | 'annotated' | 'all';

export const DOCUMENT_SCOPES: readonly DocumentScope[] = ['done', 'annotated', 'all'];

/** The scope the app and the command line start with. */
export const DEFAULT_SCOPE: DocumentScope = 'done';

/** Each scope's name, as the app's choice and the command's summary show it. */
export const SCOPE_LABELS: Readonly<Record<DocumentScope, string>> = {
  done: 'Done by every annotator',
  annotated: 'annotated by every annotator',
  all: 'all documents',
};

/** Which documents a report used, and which it left out. Ids in the order the documents were given. */
export interface ScopeSummary {
  scope: DocumentScope;
  /** In scope with a span from at least one annotator: every figure is over these. */
  compared: string[];
  /** In scope, but no annotator has a span there (after the layer and label filters): left out of
   *  the span, relation, token and attribute figures; document labels still count them. */
  withoutSpans: string[];
  /** Not in scope: some annotator did not mark it Done (`done`) or has nothing on it (`annotated`). */
  outOfScope: string[];
}

/** What one annotator did on one document, as the scope needs it. */
export interface AnnotatorWork {
  /** The annotator's status (absent: to do). */
  status: DocumentStatus | undefined;
  /** The annotator has a span (any layer or label) or a document label on the document. */
  annotated: boolean;
}

/**
 * Whether a document is in scope, from each annotator's work on it: `done` when every annotator
 * marked it Done; `annotated` when every annotator has a span or document label on it or marked
 * it Done (Done with nothing on it says "nothing to mark here"); `all` always.
 */
export function inScope(scope: DocumentScope, work: readonly AnnotatorWork[]): boolean {
  switch (scope) {
    case 'done':
      return work.every((item) => item.status === 'done');
    case 'annotated':
      return work.every((item) => item.annotated || item.status === 'done');
    case 'all':
      return true;
  }
}

/** "3 documents, scope: Done by every annotator (1 more has no spans from anyone; 4 are out of scope)". */
export function scopeSentence(summary: ScopeSummary): string {
  const count = summary.compared.length;
  const extra: string[] = [];
  const without = summary.withoutSpans.length;
  if (without > 0) extra.push(`${without} more ${without === 1 ? 'has' : 'have'} no spans from anyone`);
  const out = summary.outOfScope.length;
  if (out > 0) extra.push(`${out} ${out === 1 ? 'is' : 'are'} out of scope`);
  return `${count} document${count === 1 ? '' : 's'}, scope: ${SCOPE_LABELS[summary.scope]}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
}
