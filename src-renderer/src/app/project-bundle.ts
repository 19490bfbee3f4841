// Saving a whole project as one bundle file, and restoring a bundle as a new project.
import type { Annotator } from '../../../src-shared/domain';
import type { LimitPolicy } from '../../../src-shared/limits';
import type { SpanwrightDatabase } from '../storage/database';
import { readLimitPolicy } from '../storage/input-limits';
import type { BundleOutcome } from './bundle-job';
import type { ImportFile } from './import-job';
import { defaultImportRunner, type ImportRunner } from './import-runner';

export { prepareProjectBundle, type BundleOptions } from './bundle-build';

/**
 * Restores a bundle as a new project (all or nothing); returns its id, name and counts. The
 * import worker reads and writes it (bundle-job.ts): the window hands over the file unread (or
 * its bytes) and hears progress, within the file; `signal` cancels, and nothing is kept.
 */
export async function importProjectBundle(
  db: SpanwrightDatabase,
  file: ImportFile,
  self: Annotator,
  options: {
    /** The user's import limits unless given (a backup restore reads its own files with OWN_FILE_LIMITS). */
    limits?: LimitPolicy;
    /** Restore in place of this project (deleted in the same transaction). */
    replace?: string;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
    runner?: ImportRunner;
  } = {},
): Promise<BundleOutcome> {
  const limits = options.limits ?? (await readLimitPolicy(db));
  const runner = options.runner ?? defaultImportRunner(db);
  const input = { file, self, limits, ...(options.replace !== undefined ? { replace: options.replace } : {}) };
  return runner.restoreBundle(input, options.onProgress, options.signal);
}
