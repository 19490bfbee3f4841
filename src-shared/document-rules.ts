// Reading per-annotator facts of a document: status and span count.
import type { DocumentRecord, DocumentStatus } from './domain';
import { ownValue, setOwn } from './own-keys';

export function statusOf(doc: Pick<DocumentRecord, 'statuses'>, annotatorId: string): DocumentStatus {
  return ownValue(doc.statuses, annotatorId) ?? 'todo';
}

export function spanCountOf(doc: Pick<DocumentRecord, 'spanCounts'>, annotatorId: string): number {
  return ownValue(doc.spanCounts, annotatorId) ?? 0;
}

/** A copy of `counts` with `delta` added for each annotator (never below zero). */
export function addSpanCounts(counts: Record<string, number>, delta: ReadonlyMap<string, number>): Record<string, number> {
  const next = { ...counts };
  for (const [annotator, change] of delta) {
    const value = Math.max(0, (ownValue(next, annotator) ?? 0) + change);
    if (value === 0) delete next[annotator];
    else setOwn(next, annotator, value);
  }
  return next;
}
