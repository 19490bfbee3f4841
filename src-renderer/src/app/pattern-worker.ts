// Web worker: matches a term list or patterns file over every document of the project
// (pattern-run.ts), reading the texts itself, so the window never reads the project's texts.
import { describeError } from '../../../src-shared/describe-error';
import { SpanwrightDatabase } from '../storage/database';
import type { PatternMatches, ToPatternWorker } from './pattern-protocol';
import { matchInProject } from './pattern-run';
import type { WorkerAnswer } from './worker-run';

self.onmessage = (event: MessageEvent<ToPatternWorker>) => {
  const { databaseName, projectId, rules, locale } = event.data;
  const db = new SpanwrightDatabase(databaseName);
  matchInProject(db, projectId, rules, locale)
    .then(
      (matches): WorkerAnswer<PatternMatches> => ({ ok: true, ...matches }),
      (error: unknown): WorkerAnswer<PatternMatches> => ({ ok: false, reason: describeError(error) }),
    )
    .then((answer) => {
      db.close();
      self.postMessage(answer);
    });
};
