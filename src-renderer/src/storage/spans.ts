// Span writes. A change (spans removed, spans added) is applied in one transaction together
// with the document's span count, so the list and the document never disagree.
import { addSpanCounts, statusOf } from '../../../src-shared/document-rules';
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
    await db.spans.bulkDelete(removedIds.map(key));
    await db.spans.bulkPut([...change.added]);
    const delta = new Map<string, number>();
    const count = (annotator: string, by: number) => delta.set(annotator, (delta.get(annotator) ?? 0) + by);
    for (const span of before) if (span) count(span.annotator, -1);
    for (const span of change.added) count(span.annotator, +1);
    // A first span moves that annotator's document from "to do" to "in progress".
    const statuses = { ...doc.statuses };
    for (const span of change.added) if (statusOf(doc, span.annotator) === 'todo') statuses[span.annotator] = 'in_progress';
    await db.documents.update(change.documentId, { spanCounts: addSpanCounts(doc.spanCounts, delta), statuses, updatedAt: Date.now() });
  });
}

/** A document's spans; only those of the given annotators when `annotators` is set. */
export async function readSpans(db: SpanwrightDatabase, documentId: string, annotators?: readonly string[]): Promise<Span[]> {
  const all = await db.spans.where('documentId').equals(documentId).toArray();
  return annotators ? all.filter((s) => annotators.includes(s.annotator)) : all;
}
