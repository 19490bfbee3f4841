// The worker side of worker-run.ts: a job run over the database (opened by name, as the window
// passes it), answered once with its result or why it failed, the connection closed first.
import { describeError } from '../../../src-shared/describe-error';
import { SpanwrightDatabase } from '../storage/database';
import type { WorkerAnswer } from './worker-run';

export function answerFromDatabase<T extends object>(databaseName: string, job: (db: SpanwrightDatabase) => Promise<T>): void {
  const db = new SpanwrightDatabase(databaseName);
  job(db)
    .then(
      (result): WorkerAnswer<T> => ({ ok: true, ...result }),
      (error: unknown): WorkerAnswer<T> => ({ ok: false, reason: describeError(error) }),
    )
    .then((answer) => {
      db.close();
      self.postMessage(answer);
    });
}
