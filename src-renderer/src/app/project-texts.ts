// A project's texts held in memory: read whole once, then kept current from the change log.
// A stored text never changes, and every document added or removed is a logged commit
// (storage/commit.ts), so a later look reads only the log entries since the last one and the
// texts of the documents they added. (Deleting a project removes its log with it; a restored
// backup is a new project.) The same-string worker searches them (same-string-worker.ts).
import { changeParts } from '../../../src-shared/annotations/change';
import type { SpanwrightDatabase } from '../storage/database';
import { readChangeLogEntryAfter, readNewestLogSeq } from '../storage/documents';

/**
 * Texts read at a time (one read, one transaction each). Small: while a read of 2,000 texts ran
 * (100-200 ms), a label's commit waited for it and the window's own reads queued behind it.
 */
const TEXT_BATCH = 200;

export interface ProjectDocumentText {
  id: string;
  text: string;
}

export class ProjectTexts {
  private readonly texts = new Map<string, string>();
  /** The last log position applied; undefined until the project was read whole. */
  private seq: number | undefined;
  /** Looks run one after another, so one never sees the texts half updated by another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: SpanwrightDatabase,
    private readonly projectId: string,
  ) {}

  /** Calls `use` with every document of the project and its text, as stored now. */
  read<T>(use: (documents: Iterable<ProjectDocumentText>) => T): Promise<T> {
    const run = this.queue.then(async () => {
      await this.catchUp();
      return use(this.documents());
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private *documents(): Iterable<ProjectDocumentText> {
    for (const [id, text] of this.texts) yield { id, text };
  }

  private async catchUp(): Promise<void> {
    if (this.seq === undefined) {
      // The position first: a document added or removed while the project is read is logged
      // after it, and applying that again is harmless.
      const seq = await readNewestLogSeq(this.db);
      const ids = await this.db.documents.where('projectId').equals(this.projectId).primaryKeys();
      for (let from = 0; from < ids.length; from += TEXT_BATCH) await this.readTexts(ids.slice(from, from + TEXT_BATCH));
      this.seq = seq;
    }
    for (;;) {
      const entry = await readChangeLogEntryAfter(this.db, this.seq);
      if (entry?.seq === undefined) return;
      if (entry.projectId === this.projectId) {
        for (const part of changeParts(entry.change)) {
          const ids = part.type === 'add-documents' || part.type === 'remove-documents' ? part.documents.map((d) => d.record.id) : [];
          if (part.type === 'remove-documents') for (const id of ids) this.texts.delete(id);
          // Read as stored now: a document removed since has no text, and a later entry that
          // adds it again is applied after this one.
          else if (part.type === 'add-documents') await this.readTexts(ids);
        }
      }
      this.seq = entry.seq;
    }
  }

  private async readTexts(ids: readonly string[]): Promise<void> {
    const rows = await this.db.texts.bulkGet([...ids]);
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) this.texts.set(id, row.text);
      else this.texts.delete(id);
    });
  }
}
