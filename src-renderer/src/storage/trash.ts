// The trash: documents removed from a project, each with its text and every annotation it
// held. commit.ts fills it (every removal) and empties entries that come back; restoring is a
// change like any other (app: add-documents from the entry). Deleting for good is here.
import type { SpanwrightDatabase, TrashedDocument } from './database';

/** The project's removed documents, the most recent first. */
export async function readTrash(db: SpanwrightDatabase, projectId: string): Promise<TrashedDocument[]> {
  const entries = await db.trash.where('projectId').equals(projectId).toArray();
  return entries.sort((a, b) => b.removedAt - a.removedAt || (a.document.record.meta.title < b.document.record.meta.title ? -1 : 1));
}

/** Deletes removed documents for good (they cannot be restored after this). */
export async function deleteFromTrash(db: SpanwrightDatabase, projectId: string, documentIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.trash, async () => {
    const entries = await db.trash.bulkGet([...documentIds]);
    await db.trash.bulkDelete(entries.filter((e) => e?.projectId === projectId).map((e) => e?.documentId as string));
  });
}
