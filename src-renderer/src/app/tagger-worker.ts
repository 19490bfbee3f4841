// Web worker: reads the annotator's Done documents and the ones to do (tagger-input.ts), trains
// the suggestion tagger on the first and tags the others, off the UI thread: a retrain on a
// large project reads every row and text and takes seconds, which must not freeze typing.
import { describeError } from '../../../src-shared/describe-error';
import { SpanwrightDatabase } from '../storage/database';
import type { TaggerResult, ToTaggerWorker } from './tagger-protocol';
import { trainOnProject } from './tagger-run';
import type { WorkerAnswer } from './worker-run';

self.onmessage = (event: MessageEvent<ToTaggerWorker>) => {
  const { databaseName, projectId, annotator, labels, locale } = event.data;
  const db = new SpanwrightDatabase(databaseName);
  trainOnProject(db, projectId, annotator, new Set(labels), locale)
    .then(
      (result): WorkerAnswer<TaggerResult> => ({ ok: true, ...result }),
      (error: unknown): WorkerAnswer<TaggerResult> => ({ ok: false, reason: describeError(error) }),
    )
    .then((message) => {
      db.close();
      self.postMessage(message);
    });
};
