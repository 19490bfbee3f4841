// Web worker: reads the annotator's Done documents and the ones to do (tagger-input.ts), trains
// the suggestion tagger on the first and tags the others, off the UI thread: a retrain on a
// large project reads every row and text and takes seconds, which must not freeze typing.
import type { ToTaggerWorker } from './tagger-protocol';
import { trainOnProject } from './tagger-run';
import { answerFromDatabase } from './worker-answer';

self.onmessage = (event: MessageEvent<ToTaggerWorker>) => {
  const { databaseName, projectId, annotator, labels, locale } = event.data;
  answerFromDatabase(databaseName, (db) => trainOnProject(db, projectId, annotator, new Set(labels), locale));
};
