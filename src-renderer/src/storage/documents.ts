// Reading documents. (Every write of documents and annotations goes through commit.ts.)
import type { SpanwrightDatabase } from './database';

export async function nextDocumentOrder(db: SpanwrightDatabase, projectId: string): Promise<number> {
  const last = await db.documents
    .where('[projectId+order]')
    .between([projectId, -Infinity], [projectId, Infinity])
    .last();
  return last ? last.order + 1 : 0;
}

export async function existingHashes(db: SpanwrightDatabase, projectId: string): Promise<Map<string, string>> {
  const byHash = new Map<string, string>();
  await db.documents.where('projectId').equals(projectId).each((d) => byHash.set(d.textHash, d.meta.title));
  return byHash;
}

export async function readDocumentText(db: SpanwrightDatabase, documentId: string): Promise<string | undefined> {
  return (await db.texts.get(documentId))?.text;
}
