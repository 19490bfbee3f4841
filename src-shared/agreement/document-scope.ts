// Which documents the agreement figures compare, one rule for the app and the command line:
// those every chosen annotator marked Done (the default), those every one annotated, or all.
// A document in scope that nobody put a span on is left out of the span figures and counted apart.
import type { DocumentStatus } from '../domain';

export type DocumentScope = 'done' | 'annotated' | 'all';

export const DOCUMENT_SCOPES: readonly DocumentScope[] = ['done', 'annotated', 'all'];

/** The scope the app and the command line start with. */
export const DEFAULT_SCOPE: DocumentScope = 'done';

/** Each scope as the app's choice names it. */
export const SCOPE_LABELS: Readonly<Record<DocumentScope, string>> = {
  done: 'Done by every annotator',
  annotated: 'Annotated by every annotator',
  all: 'All documents',
};

const SCOPE_HEADINGS: Readonly<Record<DocumentScope, string>> = {
  done: 'Documents Done by every annotator',
  annotated: 'Documents annotated by every annotator',
  all: 'All documents',
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
  /** For each document out of scope, the annotators who keep it out, in annotator order. */
  keptOutBy: Record<string, string[]>;
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
  return work.every((item) => fitsScope(scope, item));
}

/** Whether one annotator's work on a document lets it into the scope. */
export function fitsScope(scope: DocumentScope, work: AnnotatorWork): boolean {
  switch (scope) {
    case 'done':
      return work.status === 'done';
    case 'annotated':
      return work.annotated || work.status === 'done';
    case 'all':
      return true;
  }
}

/** Why a document is out of scope: "not Done by Ben, Cy" or "nothing from Ben". */
export function keptOutReason(scope: DocumentScope, annotators: readonly string[]): string {
  return `${scope === 'done' ? 'not Done by' : 'nothing from'} ${annotators.join(', ')}`;
}

/** "Documents Done by every annotator: 3 compared, 1 without spans from anyone, 4 out of scope" (zero counts left out). */
export function scopeSentence(summary: ScopeSummary): string {
  const parts = [`${summary.compared.length} compared`];
  if (summary.withoutSpans.length > 0) parts.push(`${summary.withoutSpans.length} without spans from anyone`);
  if (summary.outOfScope.length > 0) parts.push(`${summary.outOfScope.length} out of scope`);
  return `${SCOPE_HEADINGS[summary.scope]}: ${parts.join(', ')}`;
}
