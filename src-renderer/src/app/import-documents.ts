// The import use-case: parse files with the core, find duplicates and unknown labels, and
// hand the UI a plan; nothing is written until the user confirms, then all in one transaction.
import type { Annotator, DocumentRecord, DocumentStatus, Label, LabelSchema, Span } from '../../../src-shared/domain';
import type { ImportIssue, ParsedDocument, UnknownLabel } from '../../../src-shared/formats/import-result';
import { labelsForImportedNames } from '../../../src-shared/schema-rules';
import type { SpanwrightDatabase } from '../storage/database';
import { existingHashes, nextDocumentOrder, storeDocuments, type PreparedDocument } from '../storage/documents';
import { addLabels } from '../storage/projects';
import { newId } from './ids';
import { defaultParser, groupImportFiles, type FileParser } from './parse-files';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
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
}

export const IMPORT_EXTENSIONS = ['txt', 'jsonl', 'json', 'zip', 'ann'];

/** Reads and checks the files; writes nothing. */
export async function planImport(
  db: SpanwrightDatabase,
  projectId: string,
  schema: LabelSchema,
  files: readonly InputFile[],
  onProgress?: (done: number, total: number) => void,
  parser: FileParser = defaultParser(),
): Promise<ImportPlan> {
  try {
    return await planWith(db, projectId, schema, files, parser, onProgress);
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
  onProgress?: (done: number, total: number) => void,
): Promise<ImportPlan> {
  const known = await existingHashes(db, projectId);
  const plan: ImportPlan = { projectId, files: files.map((f) => f.name), documents: [], issues: [], duplicates: [], unknownLabels: [] };
  const unknown = new Map<string, UnknownLabel>();
  const requests = groupImportFiles(files, schema.labels);
  for (const [index, request] of requests.entries()) {
    const { result, hashes } = await parser.parse(request);
    plan.issues.push(...result.issues);
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
  return plan;
}

export interface ImportOutcome {
  documents: number;
  spans: number;
  droppedSpans: number;
  addedLabels: string[];
}

/**
 * Writes the plan's documents, and the unknown labels when `addUnknownLabels` is set
 * (otherwise spans with those labels are left out), in one transaction.
 */
export async function commitImport(
  db: SpanwrightDatabase,
  plan: ImportPlan,
  schema: LabelSchema,
  annotator: string,
  addUnknownLabels: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const newLabels = addUnknownLabels ? labelsForImportedNames(schema, plan.unknownLabels) : [];
  const allowed = new Map<string, Label>([...schema.labels, ...newLabels].map((l) => [l.name, l]));
  const now = Date.now();
  let droppedSpans = 0;
  let spanTotal = 0;
  await db.transaction('rw', [db.projects, db.documents, db.texts, db.spans, db.annotators], async () => {
    let order = await nextDocumentOrder(db, plan.projectId);
    // Keep the span ids a file names (a lossless export) unless the project already uses them.
    const named = plan.documents.flatMap((d) => d.draft.spans.flatMap((s) => (s.sourceId ? [s.sourceId] : [])));
    const taken = new Set(
      (await db.spans.bulkGet(named.map((id): [string, string] => [plan.projectId, id]))).flatMap((s) => (s ? [s.id] : [])),
    );
    const spanId = (sourceId: string | undefined): string => {
      if (sourceId === undefined || taken.has(sourceId)) return newId();
      taken.add(sourceId);
      return sourceId;
    };
    const prepared: PreparedDocument[] = plan.documents.map((doc) => {
      const documentId = newId();
      const spans: Span[] = [];
      for (const draft of doc.draft.spans) {
        const label = allowed.get(draft.label);
        if (!label) {
          droppedSpans++;
          continue;
        }
        spans.push({
          id: spanId(draft.sourceId), projectId: plan.projectId, documentId,
          annotator: draft.annotator ?? annotator, layer: label.layer, label: label.name,
          start: draft.start, end: draft.end, text: doc.draft.text.slice(draft.start, draft.end),
          attributes: draft.attributes ?? {}, origin: draft.origin ?? 'imported',
          createdAt: now, updatedAt: now,
        });
      }
      spanTotal += spans.length;
      const spanCounts: Record<string, number> = {};
      for (const span of spans) spanCounts[span.annotator] = (spanCounts[span.annotator] ?? 0) + 1;
      const statuses: Record<string, DocumentStatus> = { ...doc.draft.statuses };
      // A plain `status` (and spans without an annotator) belong to whoever imports the file.
      if (doc.draft.status && !doc.draft.statuses) statuses[annotator] = doc.draft.status;
      for (const who of Object.keys(spanCounts)) if (!statuses[who]) statuses[who] = 'in_progress';
      const record: DocumentRecord = {
        id: documentId, projectId: plan.projectId, sourceId: doc.draft.id ?? documentId, order: order++, meta: doc.draft.meta,
        textHash: doc.textHash, textLength: doc.draft.text.length, statuses, spanCounts,
        createdAt: now, updatedAt: now,
      };
      return { record, text: doc.draft.text, spans };
    });
    if (newLabels.length > 0) await addLabels(db, plan.projectId, newLabels);
    await rememberAnnotators(db, plan.documents.flatMap((d) => d.draft.annotators ?? []));
    await storeDocuments(db, prepared, onProgress);
  });
  return { documents: plan.documents.length, spans: spanTotal, droppedSpans, addedLabels: newLabels.map((l) => l.name) };
}

/** Records the names files give for annotators, without renaming ones already known. */
async function rememberAnnotators(db: SpanwrightDatabase, annotators: readonly Annotator[]): Promise<void> {
  const fresh = new Map(annotators.map((a) => [a.id, a]));
  if (fresh.size === 0) return;
  const known = await db.annotators.bulkGet([...fresh.keys()]);
  for (const existing of known) if (existing) fresh.delete(existing.id);
  await db.annotators.bulkPut([...fresh.values()]);
}

/** Adds a file's unknown labels to the running tally of several files. */
export function tallyUnknownLabels(tally: Map<string, UnknownLabel>, found: readonly UnknownLabel[]): void {
  for (const label of found) {
    const seen = tally.get(label.name);
    if (seen) seen.count += label.count;
    else tally.set(label.name, { ...label });
  }
}
