// Runs an import's passes (import-job.ts): in a worker where there is one (the app), so the
// window only hears progress and answers; in-line where there is none (unit tests in Node).
// Either way the same code reads and writes.
import type { SpanwrightDatabase } from '../storage/database';
import { strictDurability } from '../storage/durable';
import { assertMayWrite, lendPermit } from '../storage/write-permits';
import { writeBundle, type BundleInput, type BundleOutcome } from './bundle-job';
import type { ImportOutcome } from './import-change';
import {
  IMPORT_PACE,
  ImportCancelledError,
  summarizeImport,
  writeImport,
  type ImportInput,
  type ImportPace,
  type ImportSummary,
  type WriteChoices,
} from './import-job';
import type { FromImportWorker, ToImportWorker } from './import-protocol';
import type { TeammateMergeOptions, TeammateOutcome } from './import-teammate';
import { mergeTeammates, planTeammates, type TeammateInput, type TeammateSummary } from './teammate-job';

type Progress = (done: number, total: number) => void;

export interface ImportRunner {
  /** Rejects with ImportCancelledError once `signal` aborts. */
  summarize(input: ImportInput, onProgress?: Progress, signal?: AbortSignal): Promise<ImportSummary>;
  /** All or nothing: cancelled (ImportCancelledError) or failed, nothing was written. */
  write(input: ImportInput, choices: WriteChoices, onProgress?: Progress, signal?: AbortSignal): Promise<ImportOutcome>;
  /** Restores a project bundle as a new project; all or nothing, as `write`. */
  restoreBundle(input: BundleInput, onProgress?: Progress, signal?: AbortSignal): Promise<BundleOutcome>;
  /** Reads a teammate's files and says what merging them would do; writes nothing. */
  planTeammates(input: TeammateInput, onProgress?: Progress, signal?: AbortSignal): Promise<TeammateSummary>;
  /** Merges them (read again), all or nothing; cancelled (ImportCancelledError), nothing was written. */
  mergeTeammates(input: TeammateInput, merge: TeammateMergeOptions, onProgress?: Progress, signal?: AbortSignal): Promise<TeammateOutcome>;
}

export function inlineImportRunner(db: SpanwrightDatabase, pace: ImportPace = IMPORT_PACE): ImportRunner {
  return {
    async summarize(input, onProgress, signal) {
      const summary = await summarizeImport(db, input, onProgress, pace);
      if (signal?.aborted) throw new ImportCancelledError();
      return summary;
    },
    write: (input, choices, onProgress, signal) =>
      writeImport(
        strictDurability(db),
        input,
        choices,
        (open) => assertMayWrite(open, input.projectId),
        onProgress,
        () => signal?.aborted === true,
        pace,
      ),
    restoreBundle: (input, onProgress, signal) =>
      writeBundle(strictDurability(db), input, onProgress, () => signal?.aborted === true, pace),
    async planTeammates(input, onProgress, signal) {
      const summary = await planTeammates(db, input, onProgress);
      if (signal?.aborted) throw new ImportCancelledError();
      return summary;
    },
    async mergeTeammates(input, merge, onProgress, signal) {
      if (signal?.aborted) throw new ImportCancelledError();
      return mergeTeammates(strictDurability(db), input, merge, (open) => assertMayWrite(open, input.projectId), onProgress);
    },
  };
}

/** After a cancel, how long the worker has to abort its transaction before it is stopped (which aborts it too). */
const CANCEL_GRACE_MS = 5_000;

/** Posts one request to a fresh worker and settles on its answer; the worker ends with it. */
function runInWorker<T>(
  request: ToImportWorker,
  answer: (message: FromImportWorker) => T | undefined,
  onProgress?: Progress,
  signal?: AbortSignal,
  /** True: a cancel asks the worker to abort its transaction (it may finish first); false: the worker is stopped at once. */
  cancelAsks = false,
): Promise<T> {
  const worker = new Worker(new URL('./import-job-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<T>((resolve, reject) => {
    let grace: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    };
    const onAbort = () => {
      if (!cancelAsks) return finish(() => reject(new ImportCancelledError()));
      worker.postMessage({ type: 'cancel' } satisfies ToImportWorker);
      // Stopping a worker aborts its open transaction too; the message is the orderly way.
      grace = setTimeout(() => finish(() => reject(new ImportCancelledError())), CANCEL_GRACE_MS);
    };
    if (signal?.aborted) return finish(() => reject(new ImportCancelledError()));
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'failed') finish(() => reject(new Error(message.reason)));
      else if (message.type === 'cancelled') finish(() => reject(new ImportCancelledError()));
      else {
        const value = answer(message);
        if (value !== undefined) finish(() => resolve(value));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => reject(new Error(`the files could not be read (${event.message || 'the import worker failed'})`)));
    };
    worker.postMessage(request);
  });
}

/** The window's write permit, lent to the worker; refused here, before the worker starts, when this window does not hold the project. */
async function lendWritePermit(db: SpanwrightDatabase, projectId: string): Promise<ReturnType<typeof lendPermit>> {
  const permit = lendPermit(db, projectId);
  if (permit.guarded && (!permit.permit || permit.permit.revoked)) await assertMayWrite(db, projectId);
  return permit;
}

export function workerImportRunner(db: SpanwrightDatabase): ImportRunner {
  return {
    summarize: (input, onProgress, signal) =>
      runInWorker(
        { type: 'summarize', databaseName: db.name, input },
        (m) => (m.type === 'summary' ? m.summary : undefined),
        onProgress,
        signal,
      ),
    write: async (input, choices, onProgress, signal) => {
      const permit = await lendWritePermit(db, input.projectId);
      return runInWorker(
        { type: 'write', databaseName: db.name, input, choices, permit },
        (m) => (m.type === 'written' ? m.outcome : undefined),
        onProgress,
        signal,
        true,
      );
    },
    restoreBundle: (input, onProgress, signal) =>
      runInWorker(
        { type: 'bundle', databaseName: db.name, input },
        (m) => (m.type === 'restored' ? m.outcome : undefined),
        onProgress,
        signal,
        true,
      ),
    planTeammates: (input, onProgress, signal) =>
      runInWorker(
        { type: 'teammate-plan', databaseName: db.name, input },
        (m) => (m.type === 'teammate-summary' ? m.summary : undefined),
        onProgress,
        signal,
      ),
    mergeTeammates: async (input, merge, onProgress, signal) => {
      const permit = await lendWritePermit(db, input.projectId);
      // One change, no chunks: a cancel stops the worker, which aborts its transaction.
      return runInWorker(
        { type: 'teammate-merge', databaseName: db.name, input, merge, permit },
        (m) => (m.type === 'merged' ? m.outcome : undefined),
        onProgress,
        signal,
      );
    },
  };
}

export function defaultImportRunner(db: SpanwrightDatabase): ImportRunner {
  return typeof Worker === 'undefined' ? inlineImportRunner(db) : workerImportRunner(db);
}
