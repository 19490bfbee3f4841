// Messages between the pattern worker (pattern-worker.ts) and the window (suggestion-sources.ts).
import type { Candidate } from '../../../src-shared/suggestions/candidates';

/**
 * A term list (one label) or a patterns file, as read: patterns hold functions, which cannot
 * cross to a worker, so the worker parses the file again.
 */
export type PatternRules = { kind: 'terms'; label: string; content: string } | { kind: 'patterns'; file: string; content: string };

export interface ToPatternWorker {
  databaseName: string;
  projectId: string;
  rules: PatternRules;
  locale?: string;
}

/** The matches with the text each covers (the window holds no texts to read it from). */
export interface PatternMatches {
  candidates: Candidate[];
  covered: Array<string | undefined>;
}
