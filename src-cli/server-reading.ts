// Reading a CouchDB database a page at a time (`_all_docs`), so a pull never holds more than a
// page of texts and annotations however large the project is.
import type { DatabaseConnection } from './server-connection';
import { pushAll } from '../src-shared/push-all';

export const PAGE_SIZE = 500;

export interface AllDocsRow {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: unknown;
  error?: string;
}

function rowsOf(body: unknown): AllDocsRow[] {
  const rows = (body as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as AllDocsRow[]) : [];
}

/** Every document (or only its id, without `includeDocs`) whose id starts with `prefix`, page by page. */
export async function* pagesWithPrefix(connection: DatabaseConnection, prefix: string, includeDocs: boolean): AsyncGenerator<AllDocsRow[]> {
  let startkey = prefix;
  let skip = 0;
  for (;;) {
    const query = new URLSearchParams({
      startkey: JSON.stringify(startkey),
      // Above every character an id holds in any collation CouchDB or PouchDB uses.
      endkey: JSON.stringify(`${prefix}\ufff0`),
      limit: String(PAGE_SIZE),
      include_docs: String(includeDocs),
      ...(skip > 0 ? { skip: String(skip) } : {}),
    });
    const answer = await connection.database('GET', `/_all_docs?${query.toString()}`);
    if (answer.status !== 200) throw connection.failure(answer, 'reading the database');
    const rows = rowsOf(answer.body);
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (rows.length < PAGE_SIZE || last === undefined) return;
    startkey = last.key;
    skip = 1;
  }
}

/** The documents with these ids, in order (a row with `error` or no `doc` for one that is missing or deleted). */
export async function documentsByIds(connection: DatabaseConnection, ids: readonly string[]): Promise<AllDocsRow[]> {
  const rows: AllDocsRow[] = [];
  for (let at = 0; at < ids.length; at += PAGE_SIZE) {
    const answer = await connection.database('POST', '/_all_docs?include_docs=true', { keys: ids.slice(at, at + PAGE_SIZE) });
    if (answer.status !== 200) throw connection.failure(answer, 'reading the database');
    pushAll(rows, rowsOf(answer.body));
  }
  return rows;
}
