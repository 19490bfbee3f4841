// Reading suggestions. (Every write goes through commit.ts, like any annotation.)
import type { Suggestion } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from './database';

/** A document's suggestions (pending and rejected) in one annotator's list. */
export async function readSuggestions(db: SpanwrightDatabase, documentId: string, annotator: string): Promise<Suggestion[]> {
  const all = await db.suggestions.where('documentId').equals(documentId).toArray();
  return all.filter((s) => s.annotator === annotator);
}

/** Every suggestion of a project (the tagger's retraining replaces its own). */
export async function readProjectSuggestions(db: SpanwrightDatabase, projectId: string): Promise<Suggestion[]> {
  return db.suggestions.where('projectId').equals(projectId).toArray();
}
