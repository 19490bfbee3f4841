// Web worker: matches a term list or patterns file over every document of the project
// (pattern-run.ts), reading the texts itself, so the window never reads the project's texts.
import type { ToPatternWorker } from './pattern-protocol';
import { matchInProject } from './pattern-run';
import { answerFromDatabase } from './worker-answer';

self.onmessage = (event: MessageEvent<ToPatternWorker>) => {
  const { databaseName, projectId, rules, locale } = event.data;
  answerFromDatabase(databaseName, (db) => matchInProject(db, projectId, rules, locale));
};
