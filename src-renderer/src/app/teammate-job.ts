// A teammate merge, run in the import worker (import-job-worker.ts) or, where there is no
// worker (unit tests in Node), in-line: the worker reads the files itself and matches them with
// the project (import-teammate.ts), and the window receives only what its dialog shows, never
// the files nor their documents. On confirmation the files are read and matched again and the
// merge is written as one change, in one strict read-write transaction.
import type { Annotator } from '../../../src-shared/domain';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import type { SpanwrightDatabase } from '../storage/database';
import type { ImportFile } from './import-job';
import {
  commitTeammateImport,
  planTeammateImport,
  type TeammateMergeOptions,
  type TeammateOutcome,
  type TeammatePlan,
} from './import-teammate';

export interface TeammateInput {
  projectId: string;
  /** Who merges: their own and the gold set are never touched. */
  self: Annotator;
  files: ImportFile[];
  /** What the user said about the files (a label list, an offset unit), with the limits in force. */
  options: ReadOptions;
}

/** What the teammate dialog shows: the plan without its documents (counted instead). */
export type TeammateSummary = Omit<TeammatePlan, 'matches' | 'unmatched'> & {
  /** Project documents their annotations would be merged into. */
  matched: number;
  /** Documents the project does not have (can be added as new documents). */
  newDocuments: number;
};

export function summarizeTeammatePlan(plan: TeammatePlan): TeammateSummary {
  const { matches, unmatched, ...rest } = plan;
  return { ...rest, matched: matches.length, newDocuments: unmatched.length };
}

/** Reads and matches the files; writes nothing. */
export async function planTeammates(
  db: SpanwrightDatabase,
  input: TeammateInput,
  onProgress?: (done: number, total: number) => void,
): Promise<TeammateSummary> {
  return summarizeTeammatePlan(await planTeammateImport(db, input.projectId, input.self, input.files, input.options, onProgress));
}

/**
 * Reads and matches the files again, then writes the merge in one read-write transaction:
 * `assertWriter` runs first inside it (the window's write permit), and a failure or a stopped
 * worker leaves the project as it was. The matching reads outside it, as the window's did: a
 * document gone meanwhile refuses the merge (commitTeammateImport).
 */
export async function mergeTeammates(
  db: SpanwrightDatabase,
  input: TeammateInput,
  merge: TeammateMergeOptions,
  assertWriter: (db: SpanwrightDatabase) => Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<TeammateOutcome> {
  const plan = await planTeammateImport(db, input.projectId, input.self, input.files, input.options, onProgress);
  const schema = (await db.projects.get(input.projectId))?.schema;
  if (!schema) throw new Error('The project no longer exists.');
  return commitTeammateImport(db, plan, schema, input.self, merge, assertWriter);
}
