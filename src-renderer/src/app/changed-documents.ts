// Which documents' rows (status, span counts, details, presence) a run of logged changes may
// have altered, so a view of the project re-reads those rows by key instead of all of them.
import { documentsTouched, type Change } from '../../../src-shared/annotations/change';

/** What the change log keeps of a commit that this needs (storage/database.ts `ChangeLogEntry`). */
export interface LoggedChange {
  seq?: number;
  projectId: string;
  change: Change;
}

export interface ChangedDocuments {
  /** Documents of `projectId` that the entries edited, added, removed or re-described. */
  documentIds: Set<string>;
  /** The highest `seq` among the entries (of any project), or `after` when there were none. */
  lastSeq: number;
}

/**
 * The documents of `projectId` touched by log entries (in `seq` order, all after `after`).
 * A rename or a schema item alone touches no document row: counts and statuses stay.
 */
export function changedDocuments(entries: Iterable<LoggedChange>, projectId: string, after = 0): ChangedDocuments {
  const documentIds = new Set<string>();
  let lastSeq = after;
  for (const entry of entries) {
    if (entry.seq !== undefined && entry.seq > lastSeq) lastSeq = entry.seq;
    if (entry.projectId !== projectId) continue;
    for (const id of documentsTouched(entry.change)) documentIds.add(id);
  }
  return { documentIds, lastSeq };
}
