// The import use-case: read the files (import-job.ts, in a worker) into a report of what would
// be imported, problems, duplicates and unknown labels; nothing is written until the user
// confirms, then the files are read again and written, all of them or nothing.
import type { LabelSchema } from '../../../src-shared/domain';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { errorMessage } from '../../../src-shared/result';
import type { SpanwrightDatabase } from '../storage/database';
import { readLimitPolicy } from '../storage/input-limits';
import type { ImportOutcome } from './import-change';
import type { ImportFile, ImportSummary } from './import-job';
import { defaultImportRunner, type ImportRunner } from './import-runner';

export type { ImportOutcome } from './import-change';
export type { DuplicateReport, ImportFile } from './import-job';

/** A file read into memory (the desktop's open dialog, a teammate's files): its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** Set when the bytes were left unread, the file being larger than the file-size limit: its size (`bytes` is empty). */
  size?: number;
}

export interface ImportPlan extends ImportSummary {
  projectId: string;
  /** The files, kept to be read again when the user confirms (a browser file is a handle, not its bytes). */
  files: ImportFile[];
  /** What the user said about the files (a label list, an offset unit): the plan was read with it. */
  options: ReadOptions;
}

/** Every file the import reads: text, JSON(L), brat, column files (CoNLL), project bundles. */
export const IMPORT_EXTENSIONS = ['txt', 'jsonl', 'ndjson', 'json', 'zip', 'ann', 'conll', 'iob', 'bio', 'bioes', 'tsv', 'spanwright'];

/** Reads and checks the files; writes nothing. Rejects with ImportCancelledError when `signal` aborts. */
export async function planImport(
  db: SpanwrightDatabase,
  projectId: string,
  schema: Pick<LabelSchema, 'labels' | 'documentCategories'>,
  files: readonly ImportFile[],
  onProgress?: (done: number, total: number) => void,
  /** What the user said about the files (the import report's label list and offset unit). */
  options: ReadOptions = {},
  signal?: AbortSignal,
  runner: ImportRunner = defaultImportRunner(db),
): Promise<ImportPlan> {
  // The limits as set now (Settings › Import limits), never kept in the plan: a reread after
  // raising one reads with the new value.
  const input = { projectId, schema, files: [...files], options: { ...options, limits: await readLimitPolicy(db) } };
  const summary = await runner.summarize(input, onProgress, signal);
  return { ...summary, projectId, files: [...files], options };
}

/**
 * Writes the plan's documents (all or nothing, strictly durable) and returns what was
 * imported. `backup` first takes a restore point of the project (app/backups.ts); if that
 * fails the import still runs (it only adds) and the outcome says why there is none.
 */
export async function commitImport(
  db: SpanwrightDatabase,
  plan: ImportPlan,
  schema: Pick<LabelSchema, 'labels' | 'documentCategories'>,
  annotator: string,
  addUnknownLabels: boolean,
  backup?: () => Promise<unknown>,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
  runner: ImportRunner = defaultImportRunner(db),
): Promise<ImportOutcome> {
  let backupProblem: string | undefined;
  if (backup) await backup().catch((error: unknown) => (backupProblem = errorMessage(error)));
  const input = { projectId: plan.projectId, schema, files: plan.files, options: { ...plan.options, limits: await readLimitPolicy(db) } };
  const outcome = await runner.write(input, { annotator, addUnknownLabels, unknownLabels: plan.unknownLabels }, onProgress, signal);
  return backupProblem === undefined ? outcome : { ...outcome, backupProblem };
}
