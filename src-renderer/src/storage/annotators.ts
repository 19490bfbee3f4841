// Your identity and the names of everyone whose work is in the database. An annotator's id
// never changes: spans, statuses and the change log point at it, so renaming changes only the
// name shown, and switching annotator (a shared workstation) changes whose id is "you".
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

/**
 * Makes `annotator` the one annotating on this machine (an existing one, or a new one with a
 * fresh id): their spans and statuses are edited from now on. Nobody's work changes hands.
 */
export async function switchAnnotator(db: SpanwrightDatabase, annotator: Annotator): Promise<Annotator> {
  const chosen = { id: annotator.id, name: annotator.name.trim() };
  await db.transaction('rw', db.settings, db.annotators, async () => {
    // An existing annotator keeps the name stored for them (it may be newer than the list's).
    const stored = await db.annotators.get(chosen.id);
    if (stored && stored.name.trim() !== '') chosen.name = stored.name;
    await db.settings.put({ key: SETTING.annotator, value: chosen });
    await db.annotators.put(chosen);
  });
  return chosen;
}

/** Records an annotator's name (yours on every start): written only when it is not stored yet, so a start writes nothing. */
export async function rememberAnnotator(db: SpanwrightDatabase, annotator: Annotator): Promise<void> {
  if ((await db.annotators.get(annotator.id))?.name === annotator.name) return;
  await db.annotators.put({ id: annotator.id, name: annotator.name });
}
