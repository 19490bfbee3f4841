// Span writes. A change (spans removed, spans added) is applied in one transaction together
// with the document's span count, so the list and the document never disagree.
import type { Span } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from './database';

export interface SpanChange {
  documentId: string;
  removed: readonly Span[];
  added: readonly Span[];
}

export function invertChange(change: SpanChange): SpanChange {
  return { documentId: change.documentId, removed: change.added, added: change.removed };
}

export async function applySpanChange(db: SpanwrightDatabase, change: SpanChange): Promise<void> {
  await db.transaction('rw', db.spans, db.documents, async () => {
    const doc = await db.documents.get(change.documentId);
    if (!doc) throw new Error('The document no longer exists.');
    const key = (id: string): [string, string] => [doc.projectId, id];
    const addedIds = new Set(change.added.map((s) => s.id));
    const removedIds = change.removed.map((s) => s.id).filter((id) => !addedIds.has(id));
    const before = await db.spans.bulkGet([...removedIds, ...addedIds].map(key));
    const existedBefore = before.filter((s) => s !== undefined).length;
    await db.spans.bulkDelete(removedIds.map(key));
    await db.spans.bulkPut([...change.added]);
    const spanCount = doc.spanCount - existedBefore + change.added.length;
    const status = doc.status === 'todo' && change.added.length > 0 ? 'in_progress' : doc.status;
    await db.documents.update(change.documentId, { spanCount: Math.max(0, spanCount), status, updatedAt: Date.now() });
  });
}

export async function readSpans(db: SpanwrightDatabase, documentId: string): Promise<Span[]> {
  return db.spans.where('documentId').equals(documentId).toArray();
}
