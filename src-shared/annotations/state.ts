// The state changes apply to: a label schema, annotations of every kind by key, and document
// statuses by (document, annotator). The app holds the open document's slice of it; storage
// loads the slice a change needs (change.ts `changeScope`); tests hold whole projects.
import type { DocumentStatus, LabelSchema } from '../domain';
import { ANNOTATION_KIND_IDS, documentAnnotationKey, recordKey, type AnnotationKindId, type AnnotationRecord, type AnnotationValues } from './kinds';

export type AnnotationTables = { [K in AnnotationKindId]: ReadonlyMap<string, AnnotationValues[K]> };

export interface AnnotationState {
  schema: LabelSchema;
  annotations: AnnotationTables;
  /** By documentAnnotationKey(document, annotator); absent means 'todo'. */
  statuses: ReadonlyMap<string, DocumentStatus>;
}

export function createState(
  schema: LabelSchema,
  records: Iterable<AnnotationRecord> = [],
  statuses: Iterable<{ documentId: string; annotator: string; status: DocumentStatus }> = [],
): AnnotationState {
  const tables = { span: new Map(), relation: new Map(), document: new Map(), suggestion: new Map() } as { [K in AnnotationKindId]: Map<string, AnnotationValues[K]> };
  for (const record of records) (tables[record.kind] as Map<string, unknown>).set(recordKey(record), record.value);
  const statusMap = new Map<string, DocumentStatus>();
  for (const s of statuses) if (s.status !== 'todo') statusMap.set(documentAnnotationKey(s.documentId, s.annotator), s.status);
  return { schema, annotations: tables, statuses: statusMap };
}

export function statusIn(state: AnnotationState, documentId: string, annotator: string): DocumentStatus {
  return state.statuses.get(documentAnnotationKey(documentId, annotator)) ?? 'todo';
}

/** Every record of the state, tagged with its kind. */
export function* recordsOf(state: AnnotationState): Generator<AnnotationRecord> {
  for (const kind of ANNOTATION_KIND_IDS) {
    for (const value of state.annotations[kind].values()) yield { kind, value } as AnnotationRecord;
  }
}
