// Restoring a project bundle as a new project, run in the import worker (import-job-worker.ts)
// or, where there is no worker (unit tests in Node), in-line. The bundle is read a slice at a
// time (BundleStream): the header makes the project, then its documents are written a chunk at
// a time, each chunk one change through the single write path, all inside ONE read-write
// transaction with the project itself: a problem anywhere in the file, a cancel or a killed
// browser leaves no new project, and the memory holds one slice and one chunk.
import type { Annotator } from '../../../src-shared/domain';
import { formatImportIssue } from '../../../src-shared/formats/import';
import type { ParsedDocument } from '../../../src-shared/formats/import-result';
import type { JsonLineItem } from '../../../src-shared/formats/jsonl-stream';
import { BundleStream, type BundleHeader } from '../../../src-shared/formats/project-bundle';
import type { LimitPolicy } from '../../../src-shared/limits';
import { ownValue } from '../../../src-shared/own-keys';
import { hashText } from '../../../src-shared/text-hash';
import { commitInOpenTransaction, writeScope } from '../storage/commit';
import type { SpanwrightDatabase } from '../storage/database';
import { addProject, deleteProject, freeProjectName } from '../storage/projects';
import { SETTING, writeSetting } from '../storage/settings';
import { byteSourceOf } from './byte-source';
import { newId } from './ids';
import { buildImportChange } from './import-change';
import { IMPORT_PACE, ImportCancelledError, type ImportFile, type ImportPace } from './import-job';

export interface BundleInput {
  file: ImportFile;
  /** Who restores it: the author of its change-log entries. */
  self: Annotator;
  /** The user's import limits, or OWN_FILE_LIMITS for the app's own backups. */
  limits: LimitPolicy;
  /** A backup restored in place of this project: it is deleted in the same transaction. */
  replace?: string;
}

export interface BundleOutcome {
  id: string;
  name: string;
  documents: number;
  spans: number;
}

/** Up to five problems, and how many more: the message a refused bundle gives. */
function refusal(problems: readonly string[]): Error {
  const shown = problems.slice(0, 5).join('; ');
  return new Error(`${shown}${problems.length > 5 ? `; and ${problems.length - 5} more problems` : ''}`);
}

/**
 * Restores the bundle as a new project, named as its header says (or "name (2)"... when taken),
 * all or nothing. Any problem in the file (a bad header, a bad line, a label the header's schema
 * lacks) refuses the whole bundle; the rest of the file is still read, for the message to count
 * them. `isCancelled` is asked before each chunk: true aborts the transaction.
 */
export async function writeBundle(
  db: SpanwrightDatabase,
  input: BundleInput,
  onProgress?: (done: number, total: number) => void,
  isCancelled?: () => boolean,
  pace: ImportPace = IMPORT_PACE,
): Promise<BundleOutcome> {
  const { file, self, limits } = input;
  const source = byteSourceOf(file.body);
  // No writer check: no window can hold a project that does not exist yet, and a restore in
  // place of one is the user's choice in the window that shows it (as deleting a project is).
  return db.transaction('rw', writeScope(db), async () => {
    if (input.replace !== undefined) await deleteProject(db, input.replace);
    const stream = new BundleStream(file.name, limits);
    const problems: string[] = [];
    const outcome: BundleOutcome = { id: newId(), name: '', documents: 0, spans: 0 };
    let header: BundleHeader | null = null;
    let chunk: Array<ParsedDocument & { textHash: string }> = [];
    let weight = 0;
    /** Where the chunk's last document ends in the file: progress moves chunk by chunk, not only slice by slice. */
    let chunkEnd = 0;
    let reported = -1;
    const report = (done: number) => {
      if (done <= reported) return;
      reported = done;
      onProgress?.(done, source.size);
    };
    const writeChunk = async (project: BundleHeader) => {
      if (isCancelled?.()) throw new ImportCancelledError();
      // The schema as it stands in this transaction: an earlier chunk may have grown it.
      const schema = (await db.projects.get(outcome.id))?.schema ?? project.schema;
      const batch = { projectId: outcome.id, documents: chunk, unknownLabels: [] };
      const { change, outcome: part } = await buildImportChange(db, batch, schema, self.id, false);
      if (change) await commitInOpenTransaction(db, outcome.id, change, { annotator: self.id }, { annotators: project.annotators });
      outcome.documents += chunk.length;
      outcome.spans += part.spans;
      chunk = [];
      weight = 0;
      report(chunkEnd);
    };
    const take = async (items: JsonLineItem[]) => {
      if (!header && stream.header) {
        header = stream.header;
        outcome.name = await freeProjectName(db, header.name);
        await addProject(db, { id: outcome.id, name: outcome.name, schema: header.schema, guidelines: header.guidelines });
      }
      for (const item of items) {
        if (item.kind === 'issue') problems.push(formatImportIssue(item.issue));
        // Once the bundle is refused, its documents are only read (for the count of problems).
        else if (problems.length === 0 && header) {
          const { draft } = item.document;
          chunk.push({ ...item.document, textHash: hashText(draft.text) });
          chunkEnd = item.at.offset + item.at.length;
          weight += draft.text.length + 64 * (draft.spans.length + (draft.relations?.length ?? 0));
          if (weight >= pace.chunkWeight || chunk.length >= pace.chunkDocuments) await writeChunk(header);
        }
      }
    };
    report(0);
    for (let at = 0; at < source.size && !stream.stopped; at += pace.sliceBytes) {
      const end = Math.min(source.size, at + pace.sliceBytes);
      await take(stream.push(source.read(at, end)));
      report(end);
    }
    await take(stream.end());
    const restored = header as BundleHeader | null;
    for (const u of stream.unknownLabels)
      problems.push(`${file.name}: label ${u.name} is used by ${u.count} spans but missing from the bundle's schema`);
    if (!restored || problems.length > 0) throw refusal(problems.length > 0 ? problems : [`${file.name}: not a Spanwright project bundle`]);
    if (chunk.length > 0) await writeChunk(restored);
    else if (isCancelled?.()) throw new ImportCancelledError();
    report(source.size);
    // The reviewer's rejections follow their documents (found by the ids the bundle gives).
    const rejectedOf = restored.reviewRejected;
    if (rejectedOf) {
      const rejections: Array<[string, string[]]> = [];
      await db.documents
        .where('projectId')
        .equals(outcome.id)
        .each((doc) => {
          const rejected = ownValue(rejectedOf, doc.sourceId);
          if (rejected) rejections.push([doc.id, rejected]);
        });
      for (const [documentId, rejected] of rejections) await writeSetting(db, SETTING.reviewRejected(documentId), rejected);
    }
    return outcome;
  });
}
