// Turns what the server holds for one (document, annotator) into the change that makes the
// local copy the same: only records that differ are removed and added, so a teammate's new
// span is one added record and nothing else is rewritten.
import type { Change } from '../annotations/change';
import { recordKey, type AnnotationRecord } from '../annotations/kinds';
import { sameValue } from '../annotations/same-value';
import type { DocumentStatus } from '../domain';
import { canonicalJson, type LocalAnnotations } from './server-documents';

const tagged = (record: AnnotationRecord) => `${record.kind}\u0000${recordKey(record)}`;

export function replaceAnnotations(
  documentId: string,
  annotator: string,
  local: LocalAnnotations,
  incoming: LocalAnnotations,
): Change | null {
  const before = new Map(local.records.map((r) => [tagged(r), r]));
  const after = new Map(incoming.records.map((r) => [tagged(r), r]));
  const removed = [...before].filter(([key, record]) => !sameValue(after.get(key)?.value, record.value)).map(([, r]) => r);
  const added = [...after].filter(([key, record]) => !sameValue(before.get(key)?.value, record.value)).map(([, r]) => r);
  const parts: Change[] = [];
  // One edit: everything removed before anything is added, so a relation whose spans are
  // replaced, or that is replaced with them, applies in one step.
  if (removed.length > 0 || added.length > 0) parts.push({ type: 'edit', removed, added });
  if (local.status !== incoming.status) parts.push(statusChange(documentId, annotator, local.status, incoming.status));
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as Change) : { type: 'batch', changes: parts };
}

/**
 * Your own work from another of your machines: nothing is dropped. Records only here stay,
 * records only there come in, and a record on both takes the later edit.
 */
export function mergeOwnAnnotations(local: LocalAnnotations, incoming: LocalAnnotations): LocalAnnotations {
  const merged = new Map(local.records.map((r) => [tagged(r), r]));
  for (const record of incoming.records) {
    const key = tagged(record);
    const mine = merged.get(key);
    merged.set(key, mine ? laterEdit(mine, record) : record);
  }
  const status = STATUS_RANK[incoming.status] > STATUS_RANK[local.status] ? incoming.status : local.status;
  return { status, records: [...merged.values()] };
}

const STATUS_RANK: Record<DocumentStatus, number> = { todo: 0, in_progress: 1, skipped: 2, done: 3 };

/**
 * The later of two versions of one record. Edited in the same millisecond on two machines, the
 * same version wins on both (whichever is local), or each would keep its own and never agree.
 */
function laterEdit(mine: AnnotationRecord, theirs: AnnotationRecord): AnnotationRecord {
  if (mine.value.updatedAt !== theirs.value.updatedAt) return theirs.value.updatedAt > mine.value.updatedAt ? theirs : mine;
  return canonicalJson(theirs.value) > canonicalJson(mine.value) ? theirs : mine;
}

function statusChange(documentId: string, annotator: string, from: DocumentStatus, to: DocumentStatus): Change {
  return { type: 'status', documentId, annotator, from, to };
}
