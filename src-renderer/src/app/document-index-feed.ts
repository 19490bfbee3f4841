// Keeps a project's DocumentIndex current: read whole once, then patched from the change log.
// Every write of a document row is a logged commit (storage/commit.ts), so after a label the
// feed reads the one new log entry and the one row it touched, by key.
import { liveQuery } from 'dexie';
import type { SpanwrightDatabase } from '../storage/database';
import { readChangeLogAfter, readDocumentRows, readProjectDocuments } from '../storage/documents';
import { changedDocuments } from './changed-documents';
import { DocumentIndex } from './document-index';
import type { DocumentRecord } from '../../../src-shared/domain';

type Read =
  | { kind: 'all'; records: DocumentRecord[]; lastSeq: number }
  | { kind: 'since'; rows: Map<string, DocumentRecord | undefined>; lastSeq: number };

/**
 * Calls `onChange` with the project's index when first read and after every patch that
 * changed a row (the same object, its `version` up). Returns the function that stops it.
 */
export function followProjectDocuments(
  db: SpanwrightDatabase,
  projectId: string,
  onChange: (index: DocumentIndex) => void,
  onError: (error: unknown) => void,
): () => void {
  let index: DocumentIndex | undefined;
  let seq = 0;
  // Dexie runs the query again when what it read is written (a new log entry, a row it read),
  // drops a run overtaken by a newer one, and hands results over in order.
  const subscription = liveQuery(async (): Promise<Read> => {
    if (!index) return { kind: 'all', ...(await readProjectDocuments(db, projectId)) };
    const { documentIds, lastSeq } = changedDocuments(await readChangeLogAfter(db, seq), projectId, seq);
    const rows =
      documentIds.size > 0 ? await readDocumentRows(db, projectId, [...documentIds]) : new Map<string, DocumentRecord | undefined>();
    return { kind: 'since', rows, lastSeq };
  }).subscribe({
    next: (read) => {
      if (read.kind === 'all') {
        index = new DocumentIndex(read.records);
        seq = read.lastSeq;
        onChange(index);
      } else if (index) {
        seq = read.lastSeq;
        if (index.apply(read.rows).size > 0) onChange(index);
      }
    },
    error: onError,
  });
  return () => subscription.unsubscribe();
}
