// Web worker: holds the open project's texts (project-texts.ts) and searches them for a span's
// string, so a label costs the window a message and the proposals, not a pass over the project.
// It opens the database itself (only reading); the window stores what it finds.
import { describeError } from '../../../src-shared/describe-error';
import { sameStringCandidates } from '../../../src-shared/suggestions/same-string';
import { SpanwrightDatabase } from '../storage/database';
import { ProjectTexts } from './project-texts';
import type { FromSameStringWorker, ToSameStringWorker } from './same-string-protocol';

let held: { databaseName: string; projectId: string; db: SpanwrightDatabase; texts: ProjectTexts } | undefined;

function textsOf(databaseName: string, projectId: string): ProjectTexts {
  if (held?.databaseName !== databaseName || held.projectId !== projectId) {
    held?.db.close();
    const db = new SpanwrightDatabase(databaseName);
    held = { databaseName, projectId, db, texts: new ProjectTexts(db, projectId) };
  }
  return held.texts;
}

const send = (message: FromSameStringWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToSameStringWorker>) => {
  const { id, databaseName, projectId, span, locale } = event.data;
  textsOf(databaseName, projectId)
    .read((documents) => sameStringCandidates(documents, span, locale ? { locale } : {}))
    .then(
      (candidates) => send({ id, ok: true, candidates }),
      (error: unknown) => send({ id, ok: false, reason: describeError(error) }),
    );
};
