// Which documents' rows (status, span counts, details, presence) a run of logged changes may
// have altered, so a view of the project re-reads those rows by key instead of all of them.
import { changeParts, type Change } from '../../../src-shared/annotations/change';
import type { AnnotationRecord } from '../../../src-shared/annotations/kinds';

/** What the change log keeps of a commit that this needs (storage/database.ts `ChangeLogEntry`). */
export interface LoggedChange {
  seq?: number;
  projectId: string;
  change: Change;
}

export interface ChangedDocuments {
  /** Documents of `projectId` whose rows the entries may have changed. */
  documentIds: Set<string>;
  /** The highest `seq` among the entries (of any project), or `after` when there were none. */
  lastSeq: number;
}

/**
 * A row holds span counts, statuses and details (storage/commit.ts `writeDocumentFacts`):
 * only spans, status changes, details and whole documents change it. Relations, document
 * labels and suggestions never do, so same-string proposals in 500 documents re-read none.
 */
function addRowsChangedBy(change: Change, into: Set<string>): void {
  const spansOf = (records: readonly AnnotationRecord[]) => {
    for (const record of records) if (record.kind === 'span') into.add(record.value.documentId);
  };
  for (const part of changeParts(change)) {
    switch (part.type) {
      case 'edit':
        spansOf(part.removed);
        spansOf(part.added);
        break;
      case 'status':
      case 'document-meta':
        into.add(part.documentId);
        break;
      case 'add-documents':
      case 'remove-documents':
        for (const doc of part.documents) into.add(doc.record.id);
        spansOf(part.annotations);
        break;
      case 'schema-item':
      case 'rename':
      case 'batch':
        // A rename keeps every count and status; a schema item alone touches no annotation.
        break;
    }
  }
}

/** The documents of `projectId` whose rows log entries (in `seq` order, all after `after`) may have changed. */
export function changedDocuments(entries: Iterable<LoggedChange>, projectId: string, after = 0): ChangedDocuments {
  const documentIds = new Set<string>();
  let lastSeq = after;
  for (const entry of entries) {
    if (entry.seq !== undefined && entry.seq > lastSeq) lastSeq = entry.seq;
    if (entry.projectId === projectId) addRowsChangedBy(entry.change, documentIds);
  }
  return { documentIds, lastSeq };
}
