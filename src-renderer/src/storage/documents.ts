// Document writes: atomic imports and status changes.
import type { DocumentDraft, DocumentRecord, DocumentStatus, Span } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from './database';

export interface PreparedDocument {
  record: DocumentRecord;
  text: string;
  spans: Span[];
}

const IMPORT_CHUNK = 200;

/**
 * Stores prepared documents in ONE transaction: either all of them land or none do.
 * Progress is reported between chunks of the same transaction.
 */
export async function storeDocuments(
  db: SpanwrightDatabase,
  prepared: readonly PreparedDocument[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await db.transaction('rw', db.documents, db.texts, db.spans, async () => {
    for (let at = 0; at < prepared.length; at += IMPORT_CHUNK) {
      const chunk = prepared.slice(at, at + IMPORT_CHUNK);
      await db.documents.bulkAdd(chunk.map((p) => p.record));
      await db.texts.bulkAdd(chunk.map((p) => ({ documentId: p.record.id, text: p.text })));
      const spans = chunk.flatMap((p) => p.spans);
      if (spans.length > 0) await db.spans.bulkAdd(spans);
      onProgress?.(Math.min(at + IMPORT_CHUNK, prepared.length), prepared.length);
    }
  });
}

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

export async function setDocumentStatus(db: SpanwrightDatabase, documentId: string, annotatorId: string, status: DocumentStatus): Promise<void> {
  await db.transaction('rw', db.documents, async () => {
    const doc = await db.documents.get(documentId);
    if (!doc) throw new Error('The document no longer exists.');
    await db.documents.update(documentId, { statuses: { ...doc.statuses, [annotatorId]: status }, updatedAt: Date.now() });
  });
}

export async function readDocumentText(db: SpanwrightDatabase, documentId: string): Promise<string | undefined> {
  return (await db.texts.get(documentId))?.text;
}

export type { DocumentDraft };
