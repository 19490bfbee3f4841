// Your identity and the names of everyone whose work is in the database.
import type { Annotator } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from './database';
import { SETTING } from './settings';

/** Renames you (your id never changes, so your spans stay yours). */
export async function renameSelf(db: SpanwrightDatabase, self: Annotator, name: string): Promise<Annotator> {
  const renamed = { id: self.id, name: name.trim() };
  await db.transaction('rw', db.settings, db.annotators, async () => {
    await db.settings.put({ key: SETTING.annotator, value: renamed });
    await db.annotators.put(renamed);
  });
  return renamed;
}

/** Records an annotator's name (yours on every start). */
export async function rememberAnnotator(db: SpanwrightDatabase, annotator: Annotator): Promise<void> {
  await db.annotators.put({ id: annotator.id, name: annotator.name });
}
