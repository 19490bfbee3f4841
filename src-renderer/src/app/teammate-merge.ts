// The teammate merge use-case, as the window runs it: the import worker reads and matches the
// files (teammate-job.ts) and answers with what the dialog shows; on confirmation it reads
// them again and writes the merge, all or nothing. The files stay unread in the window.
import type { Annotator } from '../../../src-shared/domain';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { errorMessage } from '../../../src-shared/result';
import type { SpanwrightDatabase } from '../storage/database';
import { readLimitPolicy } from '../storage/input-limits';
import type { ImportFile } from './import-job';
import { defaultImportRunner, type ImportRunner } from './import-runner';
import type { TeammateMergeOptions, TeammateOutcome } from './import-teammate';
import type { TeammateInput, TeammateSummary } from './teammate-job';

export type { TeammateMergeOptions, TeammateOutcome } from './import-teammate';

/** What the teammate dialog shows, with the files and choices it was read with (read again to merge). */
export interface TeammateReview extends TeammateSummary {
  input: TeammateInput;
}

type Progress = (done: number, total: number) => void;

/** Reads and matches the files in the import worker; writes nothing. Rejects with ImportCancelledError when `signal` aborts. */
export async function planTeammateMerge(
  db: SpanwrightDatabase,
  projectId: string,
  self: Annotator,
  files: readonly ImportFile[],
  options: ReadOptions = {},
  onProgress?: Progress,
  signal?: AbortSignal,
  runner: ImportRunner = defaultImportRunner(db),
): Promise<TeammateReview> {
  // The limits as set now, never kept in the review: a reread after raising one reads with the new value.
  const input: TeammateInput = { projectId, self, files: [...files], options };
  const summary = await runner.planTeammates({ ...input, options: { ...options, limits: await readLimitPolicy(db) } }, onProgress, signal);
  return { ...summary, input };
}

/**
 * Merges the reviewed files (read and matched again in the worker) in one strictly durable
 * transaction. `backup` first takes a restore point of the project; if that fails the merge
 * still runs and `backupProblem` says why there is none.
 */
export async function commitTeammateMerge(
  db: SpanwrightDatabase,
  review: TeammateReview,
  merge: TeammateMergeOptions,
  backup?: () => Promise<unknown>,
  onProgress?: Progress,
  signal?: AbortSignal,
  runner: ImportRunner = defaultImportRunner(db),
): Promise<TeammateOutcome & { backupProblem?: string }> {
  let backupProblem: string | undefined;
  if (backup) await backup().catch((error: unknown) => (backupProblem = errorMessage(error)));
  const input = { ...review.input, options: { ...review.input.options, limits: await readLimitPolicy(db) } };
  const outcome = await runner.mergeTeammates(input, merge, onProgress, signal);
  return backupProblem === undefined ? outcome : { ...outcome, backupProblem };
}
