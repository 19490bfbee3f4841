// Reading annotations. (Every write goes through commit.ts.)
import { documentRecord, relationRecord, spanRecord, suggestionRecord, type AnnotationRecord } from '../../../src-shared/annotations/kinds';
import type { Span } from '../../../src-shared/domain';
import type { SpanwrightDatabase } from './database';

/** A document's spans; only those of the given annotators when `annotators` is set. */
export async function readSpans(db: SpanwrightDatabase, documentId: string, annotators?: readonly string[]): Promise<Span[]> {
  const all = await db.spans.where('documentId').equals(documentId).toArray();
  return annotators ? all.filter((s) => annotators.includes(s.annotator)) : all;
}

/**
 * Every annotation of a document (spans, relations, document labels and notes, and suggestions
 * when asked: the open document's session holds them, so accepting one is a local edit), of
 * the given annotators when set.
 */
export async function readDocumentAnnotations(
  db: SpanwrightDatabase,
  documentId: string,
  annotators?: readonly string[],
  options: { suggestions?: boolean } = {},
): Promise<AnnotationRecord[]> {
  const [spans, relations, documents, suggestions] = await db.transaction('r', [db.spans, db.relations, db.documentAnnotations, db.suggestions], () =>
    Promise.all([
      db.spans.where('documentId').equals(documentId).toArray(),
      db.relations.where('documentId').equals(documentId).toArray(),
      db.documentAnnotations.where('documentId').equals(documentId).toArray(),
      options.suggestions ? db.suggestions.where('documentId').equals(documentId).toArray() : [],
    ]),
  );
  const keep = (annotator: string) => !annotators || annotators.includes(annotator);
  return [
    ...spans.filter((s) => keep(s.annotator)).map(spanRecord),
    ...relations.filter((r) => keep(r.annotator)).map(relationRecord),
    ...documents.filter((d) => keep(d.annotator)).map(documentRecord),
    ...suggestions.filter((s) => keep(s.annotator)).map(suggestionRecord),
  ];
}

/** Which of these span or relation ids the project already uses. */
export async function usedAnnotationIds(db: SpanwrightDatabase, projectId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const keys = ids.map((id): [string, string] => [projectId, id]);
  const [spans, relations] = await Promise.all([db.spans.bulkGet(keys), db.relations.bulkGet(keys)]);
  return new Set([...spans, ...relations].flatMap((r) => (r ? [r.id] : [])));
}

/** How many spans of each label an annotator has in a project (through the label index). */
export async function countSpansPerLabel(db: SpanwrightDatabase, projectId: string, annotator: string, labels: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const label of labels) {
    counts.set(label, await db.spans.where('[projectId+label]').equals([projectId, label]).filter((s) => s.annotator === annotator).count());
  }
  return counts;
}
