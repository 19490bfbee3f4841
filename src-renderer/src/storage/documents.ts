// Reading documents. (Every write of documents and annotations goes through commit.ts.)
import { firstMatchInContext, type MatchInContext } from '../../../src-shared/find';
import type { DocumentRecord } from '../../../src-shared/domain';
import type { ChangeLogEntry, SpanwrightDatabase } from './database';
import { nextTask } from '../platform/next-task';
import { pushAll } from '../../../src-shared/push-all';

export async function nextDocumentOrder(db: SpanwrightDatabase, projectId: string): Promise<number> {
  const last = await db.documents.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).last();
  return last ? last.order + 1 : 0;
}

/** Rows read at a time when a whole project is read. */
const PAGE_ROWS = 2_000;

/**
 * The project's document rows in list order, handed to `onPage` a page at a time, each page a
 * read (and a task) of its own; a row may come twice, at the edge of two pages (the reader skips
 * ids it has): one read of 100,000 rows held IndexedDB for seconds, so the open document's text
 * waited behind it, and was decoded in one long task of the window. `lastSeq` is the change
 * log's position read before the first page: a change logged while the pages are read comes
 * after it, so whoever applies the log from `lastSeq` (document-index-feed.ts) catches it.
 */
export async function readProjectDocuments(
  db: SpanwrightDatabase,
  projectId: string,
  onPage: (rows: DocumentRecord[]) => void,
  pageRows = PAGE_ROWS,
): Promise<{ lastSeq: number }> {
  const lastSeq = await readNewestLogSeq(db);
  // Each page starts at the last page's last `order`, so rows sharing an order across a page's
  // edge are read again.
  let from = -Infinity;
  let takenAtFrom = 0;
  for (;;) {
    const limit = pageRows + takenAtFrom;
    const page = await db.documents
      .where('[projectId+order]')
      .between([projectId, from], [projectId, Infinity], true, true)
      .limit(limit)
      .toArray();
    onPage(page);
    const last = page.at(-1)?.order;
    if (page.length < limit || last === undefined) return { lastSeq };
    // The rows at `last` all come at the page's end (the index sorts by order, then id).
    takenAtFrom = page.filter((row) => row.order === last).length;
    from = last;
    await nextTask();
  }
}

/** The first change-log entry after `seq` (any project), or undefined when there is none. */
export async function readChangeLogEntryAfter(db: SpanwrightDatabase, seq: number): Promise<ChangeLogEntry | undefined> {
  const [entry] = await db.changeLog.where(':id').above(seq).limit(1).toArray();
  return entry?.seq === undefined ? undefined : entry;
}

/** The newest change-log position, from its key alone (the entry itself may be a whole import); 0 when empty. */
export async function readNewestLogSeq(db: SpanwrightDatabase): Promise<number> {
  const key = await db.changeLog.orderBy(':id').lastKey();
  return typeof key === 'number' ? key : 0;
}

/**
 * The change-log entries after `seq` (up to `upTo`, of one project if given), in order, one read
 * each: an import's entries hold thousands of records, and one read of them all is decoded in one
 * task of the window.
 */
export async function readChangeLogAfter(
  db: SpanwrightDatabase,
  seq: number,
  within: { projectId?: string; upTo?: number } = {},
): Promise<ChangeLogEntry[]> {
  const entries: ChangeLogEntry[] = [];
  for (let after = seq; ; ) {
    const entry = await readChangeLogEntryAfter(db, after);
    if (!entry?.seq || (within.upTo !== undefined && entry.seq > within.upTo)) return entries;
    if (within.projectId === undefined || entry.projectId === within.projectId) entries.push(entry);
    after = entry.seq;
  }
}

const ROW_BATCH = 100;

/** The rows of `ids` by key; undefined for a document gone or of another project. */
export async function readDocumentRows(
  db: SpanwrightDatabase,
  projectId: string,
  ids: readonly string[],
): Promise<Map<string, DocumentRecord | undefined>> {
  // A hundred keys at a time, each batch in a task of its own: a batch's requests are made in
  // one task, and thousands at once (an import's new documents) held the window for over half
  // a second. So this never runs inside a transaction (nextTask would end it).
  const found: Array<DocumentRecord | undefined> = [];
  for (let from = 0; from < ids.length; from += ROW_BATCH) {
    if (from > 0) await nextTask();
    pushAll(found, await db.documents.bulkGet(ids.slice(from, from + ROW_BATCH)));
  }
  const rows = new Map<string, DocumentRecord | undefined>();
  ids.forEach((id, i) => {
    const row = found[i];
    rows.set(id, row && row.projectId === projectId ? row : undefined);
  });
  return rows;
}

export async function existingHashes(db: SpanwrightDatabase, projectId: string): Promise<Map<string, string>> {
  const byHash = new Map<string, string>();
  await db.documents
    .where('projectId')
    .equals(projectId)
    .each((d) => byHash.set(d.textHash, d.meta.title));
  return byHash;
}

export async function readDocumentText(db: SpanwrightDatabase, documentId: string): Promise<string | undefined> {
  return (await db.texts.get(documentId))?.text;
}

const SEARCH_BATCH = 200;

/**
 * The documents among `documentIds` whose text contains `query` (any case), each with its first
 * match in context. Texts are read in batches, yielding between them, so a search of a large
 * project never holds up a keypress; `isStale` stops a search a newer one has replaced.
 */
export async function searchDocumentTexts(
  db: SpanwrightDatabase,
  documentIds: readonly string[],
  query: string,
  isStale: () => boolean = () => false,
): Promise<Map<string, MatchInContext> | null> {
  const found = new Map<string, MatchInContext>();
  if (query.trim() === '') return found;
  for (let from = 0; from < documentIds.length; from += SEARCH_BATCH) {
    const texts = await db.texts.bulkGet(documentIds.slice(from, from + SEARCH_BATCH));
    if (isStale()) return null;
    for (const row of texts) {
      if (!row) continue;
      const match = firstMatchInContext(row.text, query.trim());
      if (match) found.set(row.documentId, match);
    }
  }
  return found;
}
