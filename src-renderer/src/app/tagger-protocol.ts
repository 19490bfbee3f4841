// Messages between the tagger worker (tagger-worker.ts) and the window (suggestion-sources.ts).
import type { Candidate } from '../../../src-shared/suggestions/candidates';
import type { Evaluation } from '../../../src-shared/suggestions/evaluation';

/** Which annotator's work to train on, in which project; the worker reads it from the database. */
export interface ToTaggerWorker {
  databaseName: string;
  projectId: string;
  annotator: string;
  labels: string[];
  locale?: string;
}

/** The candidates with the text each covers (the window holds no texts to read it from). */
export interface TaggerResult {
  evaluation: Evaluation;
  candidates: Candidate[];
  covered: Array<string | undefined>;
}
