// The import use-case: parse files with the core, find duplicates and unknown labels, and
// hand the UI a plan; nothing is written until the user confirms, then all in one change.
import { combineChanges, type Change, type NewDocument } from '../../../src-shared/annotations/change';
import { schemaChange } from '../../../src-shared/annotations/edits';
import { annotationsFromDraft } from '../../../src-shared/annotations/from-draft';
import type { AnnotationRecord } from '../../../src-shared/annotations/kinds';
import { sameValue } from '../../../src-shared/annotations/same-value';
import type { Annotator, DocumentDraft, DocumentRecord, DocumentStatus, Label, LabelSchema, SpanOrigin } from '../../../src-shared/domain';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import type { ImportIssue, ParsedDocument, ReadQuestion, UnknownLabel } from '../../../src-shared/formats/import-result';
import { errorMessage } from '../../../src-shared/result';
import { addImportedSchemaItems, labelsForImportedNames } from '../../../src-shared/schema-rules';
import { commitChange } from '../storage/commit';
import type { SpanwrightDatabase } from '../storage/database';
import { strictDurability } from '../storage/durable';
import { existingHashes, nextDocumentOrder } from '../storage/documents';
import { readLimitPolicy } from '../storage/input-limits';
import { usedAnnotationIds } from '../storage/spans';
import { newId } from './ids';
import { defaultParser, groupImportFiles, type FileParser } from './parse-files';
import { ownValue, setOwn } from '../../../src-shared/own-keys';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** Set when the bytes were left unread, the file being larger than the file-size limit: its size (`bytes` is empty). */
  size?: number;
}

export interface DuplicateReport {
  file: string;
  line?: number;
  title: string;
  duplicateOf: string;
}

export interface ImportPlan {
  projectId: string;
  files: string[];
  documents: Array<ParsedDocument & { textHash: string }>;
  issues: ImportIssue[];
  duplicates: DuplicateReport[];
  unknownLabels: UnknownLabel[];
  /** What the user said about the files (a label list, an offset unit): the plan was read with it. */
  options: ReadOptions;
  /** What the user could say that would change how the files are read (the report offers it). */
  asks: ReadQuestion[];
}

/** Every file the import reads: text, JSON(L), brat, column files (CoNLL), project bundles. */
export const IMPORT_EXTENSIONS = ['txt', 'jsonl', 'json', 'zip', 'ann', 'conll', 'iob', 'bio', 'bioes', 'tsv', 'spanwright'];

/** Reads and checks the files; writes nothing. */
export async function planImport(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  files: readonly InputFile[],
  onProgress?: (done: number, total: number) => void,
  parser: FileParser = defaultParser(),
  /** What the user said about the files (the import report's label list and offset unit). */
  options: ReadOptions = {},
): Promise<ImportPlan> {
  try {
    return await planWith(db, projectId, schema, files, parser, options, onProgress);
  } finally {
    parser.close();
  }
}

async function planWith(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  files: readonly InputFile[],
  parser: FileParser,
  options: ReadOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportPlan> {
  const known = await existingHashes(db, projectId);
  const plan: ImportPlan = {
    projectId,
    files: files.map((f) => f.name),
    documents: [],
    issues: [],
    duplicates: [],
    unknownLabels: [],
    options,
    asks: [],
  };
  const unknown = new Map<string, UnknownLabel>();
  const asks = new Set<ReadQuestion>();
  // The limits as set now (Settings › Import limits), never kept in the plan: a reread after
  // raising one reads with the new value.
  const requests = groupImportFiles(files, schema, { ...options, limits: await readLimitPolicy(db) });
  for (const [index, request] of requests.entries()) {
    const { result, hashes } = await parser.parse(request);
    plan.issues.push(...result.issues);
    for (const question of result.asks ?? []) asks.add(question);
    tallyUnknownLabels(unknown, result.unknownLabels);
    for (const [at, doc] of result.documents.entries()) {
      const textHash = hashes[at] as string;
      const duplicateOf = known.get(textHash);
      if (duplicateOf !== undefined) {
        plan.duplicates.push({ file: doc.file, line: doc.line, title: doc.draft.meta.title, duplicateOf });
        continue;
      }
      known.set(textHash, doc.draft.meta.title);
      plan.documents.push({ ...doc, textHash });
    }
    onProgress?.(index + 1, requests.length);
  }
  plan.unknownLabels = [...unknown.values()];
  plan.asks = [...asks].sort();
  return plan;
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
  plan: Pick<ImportPlan, 'projectId' | 'documents' | 'unknownLabels'>,
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
    annotations.push(...made.records);
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
      spanCounts: {},
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

/**
 * Writes the plan's documents (all or nothing, strictly durable) and returns what was
 * imported. `backup` first takes a restore point of the project (app/backups.ts); if that
 * fails the import still runs (it only adds) and the outcome says why there is none.
 */
export async function commitImport(
  db: SpanwrightDatabase,
  plan: ImportPlan,
  schema: LabelSchema,
  annotator: string,
  addUnknownLabels: boolean,
  backup?: () => Promise<unknown>,
): Promise<ImportOutcome> {
  let backupProblem: string | undefined;
  if (backup) await backup().catch((error: unknown) => (backupProblem = errorMessage(error)));
  const durable = strictDurability(db);
  // The schema as stored now: the plan may have been made before a label was edited.
  const current = (await durable.projects.get(plan.projectId))?.schema ?? schema;
  const { change, outcome, annotators } = await buildImportChange(durable, plan, current, annotator, addUnknownLabels);
  if (change) await commitChange(durable, plan.projectId, change, { annotator }, { annotators });
  return backupProblem === undefined ? outcome : { ...outcome, backupProblem };
}

/** Adds a file's unknown labels to the running tally of several files. */
export function tallyUnknownLabels(tally: Map<string, UnknownLabel>, found: readonly UnknownLabel[]): void {
  for (const label of found) {
    const seen = tally.get(label.name);
    if (seen) seen.count += label.count;
    else tally.set(label.name, { ...label });
  }
}
