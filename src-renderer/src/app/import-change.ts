// What an import adds, as one change: the documents of a batch with their annotations, the
// labels the files brought when the user adds them, and the ids the files name where free.
import { combineChanges, type Change, type NewDocument } from '../../../src-shared/annotations/change';
import { schemaChange } from '../../../src-shared/annotations/edits';
import { annotationsFromDraft } from '../../../src-shared/annotations/from-draft';
import type { AnnotationRecord } from '../../../src-shared/annotations/kinds';
import { sameValue } from '../../../src-shared/annotations/same-value';
import type { Annotator, DocumentDraft, DocumentRecord, DocumentStatus, Label, LabelSchema, SpanOrigin } from '../../../src-shared/domain';
import type { ParsedDocument, UnknownLabel } from '../../../src-shared/formats/import-result';
import { addToCount, ownValue, setOwn } from '../../../src-shared/own-keys';
import { addImportedSchemaItems, labelsForImportedNames } from '../../../src-shared/schema-rules';
import type { SpanwrightDatabase } from '../storage/database';
import { nextDocumentOrder } from '../storage/documents';
import { usedAnnotationIds } from '../storage/spans';
import { newId } from './ids';
import { pushAll } from '../../../src-shared/push-all';

/** Documents to add, read from files, with the SHA-256 of their text. */
export interface ImportBatch {
  projectId: string;
  documents: ReadonlyArray<ParsedDocument & { textHash: string }>;
  /** Labels the files named that the project lacks (added when the user says so). */
  unknownLabels: readonly UnknownLabel[];
}

export interface ImportOutcome {
  documents: number;
  spans: number;
  droppedSpans: number;
  droppedRelations: number;
  droppedDocumentLabels: number;
  /** Proposals the files carried that nobody accepted (Prodigy rejects, Label Studio predictions), imported as suggestions. */
  suggestions: number;
  addedLabels: string[];
  /** The first document imported (the app opens it). */
  firstDocumentId?: string;
  /** Why no backup was taken before the import, when it could not be. */
  backupProblem?: string;
}

/** Ids the files name for their annotations, and which of them the project already uses. */
async function takenIds(db: SpanwrightDatabase, projectId: string, drafts: readonly DocumentDraft[]): Promise<Set<string>> {
  const named = drafts.flatMap((d) => [
    ...d.spans.flatMap((s) => (s.sourceId ? [s.sourceId] : [])),
    ...(d.relations ?? []).flatMap((r) => (r.sourceId ? [r.sourceId] : [])),
  ]);
  return usedAnnotationIds(db, projectId, named);
}

/** An id allocator: the file's own id while it is free in the project, else a fresh one. */
export function idAllocator(taken: Set<string>): (sourceId: string | undefined) => string {
  return (sourceId) => {
    if (sourceId === undefined || taken.has(sourceId)) return newId();
    taken.add(sourceId);
    return sourceId;
  };
}

/**
 * The change that adds the plan's documents with their annotations, and the unknown labels
 * when `addUnknownLabels` is set (otherwise spans with those labels are left out).
 */
export async function buildImportChange(
  db: SpanwrightDatabase,
  plan: ImportBatch,
  schema: LabelSchema,
  annotator: string,
  addUnknownLabels: boolean,
  origin: SpanOrigin = 'imported',
  /** Ids already given out by the same change (a teammate import's matched documents). */
  alsoTaken: ReadonlySet<string> = new Set(),
): Promise<{ change: Change | null; outcome: ImportOutcome; annotators: Annotator[] }> {
  const newLabels = addUnknownLabels ? labelsForImportedNames(schema, plan.unknownLabels) : [];
  const grown = addImportedSchemaItems(
    { ...schema, labels: [...schema.labels, ...newLabels] },
    plan.documents.map((d) => d.draft),
  );
  const labels = new Map<string, Label>(grown.labels.map((l) => [l.name, l]));
  const now = Date.now();
  const outcome: ImportOutcome = {
    documents: plan.documents.length,
    spans: 0,
    droppedSpans: 0,
    droppedRelations: 0,
    droppedDocumentLabels: 0,
    suggestions: 0,
    addedLabels: newLabels.map((l) => l.name),
  };
  let order = await nextDocumentOrder(db, plan.projectId);
  const idFor = idAllocator(
    new Set([
      ...(await takenIds(
        db,
        plan.projectId,
        plan.documents.map((d) => d.draft),
      )),
      ...alsoTaken,
    ]),
  );
  const documents: NewDocument[] = [];
  const annotations: AnnotationRecord[] = [];
  for (const doc of plan.documents) {
    const documentId = newId();
    const made = annotationsFromDraft(doc.draft, {
      projectId: plan.projectId,
      documentId,
      annotator,
      labels,
      relationTypes: new Set(grown.relationTypes.map((t) => t.name)),
      categories: new Set(grown.documentCategories.map((c) => c.name)),
      idFor,
      now,
      origin,
    });
    outcome.spans += made.spans.length;
    outcome.droppedSpans += made.droppedSpans;
    outcome.droppedRelations += made.droppedRelations;
    outcome.droppedDocumentLabels += made.droppedDocumentLabels;
    outcome.suggestions += made.records.filter((r) => r.kind === 'suggestion').length;
    pushAll(annotations, made.records);
    const statuses: Record<string, DocumentStatus> = { ...doc.draft.statuses };
    // A plain `status` (and spans without an annotator) belong to whoever imports the file.
    if (doc.draft.status && !doc.draft.statuses) setOwn(statuses, annotator, doc.draft.status);
    for (const span of made.spans) if (!ownValue(statuses, span.annotator)) setOwn(statuses, span.annotator, 'in_progress');
    const record: DocumentRecord = {
      id: documentId,
      projectId: plan.projectId,
      sourceId: doc.draft.id ?? documentId,
      order: order++,
      meta: doc.draft.meta,
      textHash: doc.textHash,
      textLength: doc.draft.text.length,
      statuses,
      // Counted here, as the write path would count them: it then has no second write of the row.
      spanCounts: spanCountsOf(made.spans),
      createdAt: now,
      updatedAt: now,
    };
    documents.push({ record, text: doc.draft.text });
  }
  if (documents[0]) outcome.firstDocumentId = documents[0].record.id;
  const change = combineChanges([
    schemaChange(schema, grown === schema || sameValue(grown, schema) ? schema : grown),
    documents.length > 0 ? { type: 'add-documents', documents, annotations } : null,
  ]);
  return { change, outcome, annotators: plan.documents.flatMap((d) => d.draft.annotators ?? []) };
}

function spanCountsOf(spans: ReadonlyArray<{ annotator: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const span of spans) addToCount(counts, span.annotator);
  return counts;
}

/** Adds a file's unknown labels to the running tally of several files. */
export function tallyUnknownLabels(tally: Map<string, UnknownLabel>, found: readonly UnknownLabel[]): void {
  for (const label of found) {
    const seen = tally.get(label.name);
    if (seen) seen.count += label.count;
    else tally.set(label.name, { ...label });
  }
}
