// The two passes of a document import, run in the import worker (import-job-worker.ts) or, where
// there is no worker (unit tests in Node), in-line; the same code either way.
// 1. Summarize: read every file (a JSONL a slice at a time) and keep only what the report
//    needs: counts, problems, duplicates, unknown labels. No document is held.
// 2. Write: read the files again and write their documents a chunk at a time, each chunk one
//    change through the single write path, all inside ONE read-write transaction: a cancel, a
//    failure or a killed browser leaves nothing of the import, and the memory holds one chunk.
import type { LabelSchema } from '../../../src-shared/domain';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import type { ImportIssue, ParsedDocument, ReadQuestion, UnknownLabel } from '../../../src-shared/formats/import-result';
import { limitsOf } from '../../../src-shared/limits';
import { commitInOpenTransaction, writeScope } from '../storage/commit';
import type { SpanwrightDatabase } from '../storage/database';
import { existingHashes } from '../storage/documents';
import { byteSourceOf, readWhole, type FileBody } from './byte-source';
import { buildImportChange, tallyUnknownLabels, type ImportOutcome } from './import-change';
import { READ_SLICE_BYTES, readImportItems, requestBytes, type ImportItem } from './import-reading';
import { groupImportFiles, type ParseRequest } from './parse-files';

/** A file to import as the window hands it over: not read yet (a browser file) or its bytes. */
export interface ImportFile {
  name: string;
  body: FileBody;
}

/** What both passes read: the files, the project, and the user's choices with the limits in force. */
export interface ImportInput {
  projectId: string;
  /** The project's labels and categories, as the files are read against them. */
  schema: Pick<LabelSchema, 'labels' | 'documentCategories'>;
  files: ImportFile[];
  options: ReadOptions;
}

export interface DuplicateReport {
  file: string;
  line?: number;
  title: string;
  duplicateOf: string;
}

/** What the import report shows: no documents, only what can be said of them. */
export interface ImportSummary {
  /** Documents that would be imported (duplicates and refused entries left out). */
  documents: number;
  spans: number;
  issues: ImportIssue[];
  duplicates: DuplicateReport[];
  unknownLabels: UnknownLabel[];
  /** What the user could say that would change how the files are read (the report offers it). */
  asks: ReadQuestion[];
}

export interface WriteChoices {
  annotator: string;
  /** Add the labels the files name that the project lacks; otherwise their spans are left out. */
  addUnknownLabels: boolean;
  unknownLabels: readonly UnknownLabel[];
}

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
  constructor() {
    super('The import was cancelled; nothing was imported.');
  }
}

/** Files read a line at a time, never whole: the file-size limit holds each line. */
const STREAMED = /\.(jsonl|ndjson)$/i;

/** How much is read and written at a time (smaller in tests, to see several of each). */
export interface ImportPace {
  /** Bytes of a streamed file read at a time. */
  sliceBytes: number;
  /**
   * A chunk is written once its documents hold this many characters of text and annotations
   * (counted 64 each): little in memory, and few enough commits that each costs little.
   */
  chunkWeight: number;
  chunkDocuments: number;
}

/**
 * 500 documents (or 1 MB) a chunk: each chunk's change-log entry is read by the window's
 * document list, and one of 2,000 documents took it over 200 ms to decode.
 */
export const IMPORT_PACE: ImportPace = { sliceBytes: READ_SLICE_BYTES, chunkWeight: 1_000_000, chunkDocuments: 500 };

/** The files as parse requests: JSONL streams from its source; every other file is read whole, within the file-size limit. */
export function requestsOf(input: Pick<ImportInput, 'files' | 'schema' | 'options'>): ParseRequest[] {
  const maxBytes = limitsOf(input.options.limits).fileBytes;
  const empty = new Uint8Array(0);
  const chosen = input.files.map((file) => {
    const source = byteSourceOf(file.body);
    if (STREAMED.test(file.name)) return { name: file.name, bytes: empty, stream: source };
    // Too large: refused by name (groupImportFiles), never read.
    if (source.size > maxBytes) return { name: file.name, bytes: empty, size: source.size };
    return { name: file.name, bytes: readWhole(source) };
  });
  return groupImportFiles(chosen, input.schema, input.options);
}

/** Reads every request, telling `onProgress` how many bytes of how many are read. */
function readAll(input: ImportInput, pace: ImportPace, onProgress?: (done: number, total: number) => void): Generator<ImportItem> {
  const requests = requestsOf(input);
  const total = requests.reduce((sum, r) => sum + requestBytes(r), 0);
  onProgress?.(0, total);
  return readImportItems(requests, (read) => onProgress?.(read, total), pace.sliceBytes);
}

/** Reads the files and says what an import of them would do; writes nothing. */
export async function summarizeImport(
  db: SpanwrightDatabase,
  input: ImportInput,
  onProgress?: (done: number, total: number) => void,
  pace: ImportPace = IMPORT_PACE,
): Promise<ImportSummary> {
  const known = await existingHashes(db, input.projectId);
  const summary: ImportSummary = { documents: 0, spans: 0, issues: [], duplicates: [], unknownLabels: [], asks: [] };
  const unknown = new Map<string, UnknownLabel>();
  const asks = new Set<ReadQuestion>();
  for (const item of readAll(input, pace, onProgress)) {
    if (item.kind === 'issue') summary.issues.push(item.issue);
    else if (item.kind === 'file-end') {
      tallyUnknownLabels(unknown, item.unknownLabels);
      for (const question of item.asks) asks.add(question);
    } else {
      const { document, textHash } = item;
      const duplicateOf = known.get(textHash);
      if (duplicateOf !== undefined) {
        summary.duplicates.push({ file: document.file, line: document.line, title: document.draft.meta.title, duplicateOf });
        continue;
      }
      known.set(textHash, document.draft.meta.title);
      summary.documents++;
      summary.spans += document.draft.spans.length;
    }
  }
  summary.unknownLabels = [...unknown.values()];
  summary.asks = [...asks].sort();
  return summary;
}

function addOutcome(total: ImportOutcome, part: ImportOutcome): void {
  total.documents += part.documents;
  total.spans += part.spans;
  total.droppedSpans += part.droppedSpans;
  total.droppedRelations += part.droppedRelations;
  total.droppedDocumentLabels += part.droppedDocumentLabels;
  total.suggestions += part.suggestions;
  for (const label of part.addedLabels) if (!total.addedLabels.includes(label)) total.addedLabels.push(label);
  total.firstDocumentId ??= part.firstDocumentId;
}

/**
 * Reads the files again and writes their documents (duplicates of the project's and of each
 * other left out, as the summary said), a chunk at a time, in one read-write transaction.
 * `assertWriter` runs first inside it (the window's write permit). `isCancelled` is asked
 * before each chunk: true aborts the transaction, and nothing is written.
 */
export async function writeImport(
  db: SpanwrightDatabase,
  input: ImportInput,
  choices: WriteChoices,
  assertWriter: (db: SpanwrightDatabase) => Promise<void>,
  onProgress?: (done: number, total: number) => void,
  isCancelled?: () => boolean,
  pace: ImportPace = IMPORT_PACE,
): Promise<ImportOutcome> {
  const { projectId } = input;
  return db.transaction('rw', writeScope(db), async () => {
    await assertWriter(db);
    const known = await existingHashes(db, projectId);
    const outcome: ImportOutcome = {
      documents: 0,
      spans: 0,
      droppedSpans: 0,
      droppedRelations: 0,
      droppedDocumentLabels: 0,
      suggestions: 0,
      addedLabels: [],
    };
    let chunk: Array<ParsedDocument & { textHash: string }> = [];
    let weight = 0;
    let chunks = 0;
    const writeChunk = async () => {
      if (isCancelled?.()) throw new ImportCancelledError();
      // The schema as it stands in this transaction: the plan may have been read before a label
      // was edited, and an earlier chunk may have added labels.
      const schema = (await db.projects.get(projectId))?.schema;
      if (!schema) throw new Error('The project no longer exists.');
      const batch = { projectId, documents: chunk, unknownLabels: choices.unknownLabels };
      const { change, outcome: part, annotators } = await buildImportChange(db, batch, schema, choices.annotator, choices.addUnknownLabels);
      if (change) await commitInOpenTransaction(db, projectId, change, { annotator: choices.annotator }, { annotators });
      addOutcome(outcome, part);
      chunk = [];
      weight = 0;
      chunks++;
    };
    for (const item of readAll(input, pace, onProgress)) {
      if (item.kind !== 'document') continue;
      const { document, textHash } = item;
      if (known.has(textHash)) continue;
      known.set(textHash, document.draft.meta.title);
      chunk.push({ ...document, textHash });
      weight += document.draft.text.length + 64 * (document.draft.spans.length + (document.draft.relations?.length ?? 0));
      if (weight >= pace.chunkWeight || chunk.length >= pace.chunkDocuments) await writeChunk();
    }
    // The last documents; with none at all, the labels the user chose to add still are.
    if (chunk.length > 0 || chunks === 0) await writeChunk();
    return outcome;
  });
}
