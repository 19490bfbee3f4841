// Messages between the import worker (import-job-worker.ts) and the window (import-runner.ts).
import type { LentPermit } from '../storage/write-permits';
import type { BundleInput, BundleOutcome } from './bundle-job';
import type { ImportOutcome } from './import-change';
import type { ImportInput, ImportSummary, WriteChoices } from './import-job';
import type { TeammateMergeOptions, TeammateOutcome } from './import-teammate';
import type { TeammateInput, TeammateSummary } from './teammate-job';

export type ToImportWorker =
  | { type: 'summarize'; databaseName: string; input: ImportInput }
  | { type: 'write'; databaseName: string; input: ImportInput; choices: WriteChoices; permit: LentPermit }
  /** Restore a project bundle as a new project (bundle-job.ts). */
  | { type: 'bundle'; databaseName: string; input: BundleInput }
  /** Read a teammate's files and match them with the project (teammate-job.ts); writes nothing. */
  | { type: 'teammate-plan'; databaseName: string; input: TeammateInput }
  /** Read and match them again, and merge them, in one transaction. */
  | { type: 'teammate-merge'; databaseName: string; input: TeammateInput; merge: TeammateMergeOptions; permit: LentPermit }
  /** Stop writing: the transaction is aborted at the next chunk and nothing is kept. */
  | { type: 'cancel' };

export type FromImportWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'written'; outcome: ImportOutcome }
  | { type: 'restored'; outcome: BundleOutcome }
  | { type: 'teammate-summary'; summary: TeammateSummary }
  | { type: 'merged'; outcome: TeammateOutcome }
  | { type: 'cancelled' }
  | { type: 'failed'; reason: string };
