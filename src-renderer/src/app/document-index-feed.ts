// Keeps a project's DocumentIndex current: read whole once, then patched from the change log.
// Every write of a document row is a logged commit (storage/commit.ts), so after a label the
// feed reads the one new log entry and the one row it touched, by key.
import { liveQuery } from 'dexie';
import type { SpanwrightDatabase } from '../storage/database';
import { readChangeLogEntryAfter, readDocumentRows, readNewestLogSeq, readProjectDocuments } from '../storage/documents';
import { nextTask } from '../platform/next-task';
import { changedDocuments } from './changed-documents';
import { DocumentIndex } from './document-index';

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
  let newest = 0;
  let running = false;
  let stopped = false;

  // One entry at a time, each its own reads: an import's entry holds hundreds of documents, and
  // taking several at once (rows and all) would hold the window for one long task.
  const catchUp = async () => {
    if (!index) {
      const loading = new DocumentIndex();
      const { lastSeq } = await readProjectDocuments(db, projectId, (rows) => loading.loadPage(rows));
      if (stopped) return;
      loading.finishLoading();
      index = loading;
      seq = lastSeq;
      onChange(index);
    }
    while (!stopped && seq < newest) {
      const entry = await readChangeLogEntryAfter(db, seq);
      if (!entry) {
        seq = newest; // the entries were removed with their project
        break;
      }
      const { documentIds, lastSeq } = changedDocuments([entry], projectId, seq);
      if (documentIds.size > 0) {
        const rows = await readDocumentRows(db, projectId, [...documentIds]);
        if (stopped) return;
        if (index.apply(rows).size > 0) onChange(index);
      }
      seq = lastSeq;
      await nextTask();
    }
  };
  const pump = () => {
    if (running || stopped) return;
    running = true;
    catchUp().then(
      () => {
        running = false;
        if (seq < newest) pump();
      },
      (error: unknown) => {
        running = false;
        if (!stopped) onError(error);
      },
    );
  };

  // The live query reads only the newest log position: every write of a document row is a
  // logged commit, so a new position is all there is to watch. The entries and rows are read
  // outside it, where Dexie neither caches nor copies them (its live-query cache clones every
  // result, which for an import's entry cost as much as reading it).
  const subscription = liveQuery(() => readNewestLogSeq(db)).subscribe({
    next: (position) => {
      newest = Math.max(newest, position);
      pump();
    },
    error: onError,
  });
  return () => {
    stopped = true;
    subscription.unsubscribe();
  };
}
