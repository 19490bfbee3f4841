// The project's document rows in list order, held in memory once and patched row by row as
// changes are logged, with the few facts the list and the progress panel need kept up to date
// (lower-cased titles, documents done per annotator, who has spans). A label then costs the
// re-read of one row, never a pass over the project.
import type { DocumentRecord } from '../../../src-shared/domain';
import { statusOf } from '../../../src-shared/document-rules';

/** How many recent patches `changedSince` can still answer for. */
const JOURNAL_LENGTH = 32;

/** List order: `order`, then id (as IndexedDB orders equal keys of `[projectId+order]`). */
function before(a: DocumentRecord, b: DocumentRecord): boolean {
  return a.order < b.order || (a.order === b.order && a.id < b.id);
}

const listOrder = (a: DocumentRecord, b: DocumentRecord): number => (before(a, b) ? -1 : before(b, a) ? 1 : 0);

export class DocumentIndex {
  private readonly rows = new Map<string, DocumentRecord>();
  private readonly titles = new Map<string, string>();
  private ordered: readonly string[] = [];
  /** Documents done, per annotator. */
  private readonly done = new Map<string, number>();
  /** Documents with a span count entry, per annotator. */
  private readonly withSpans = new Map<string, number>();
  private spanAnnotators: readonly string[] = [];
  private journal: Array<{ version: number; ids: ReadonlySet<string> }> = [];
  /** Goes up by one with every patch that changed anything. */
  version = 0;

  /** Ids taken in by `loadPage`, not yet the list. */
  private loading: string[] = [];

  constructor(records: Iterable<DocumentRecord> = []) {
    this.loadPage(records);
    this.finishLoading();
  }

  /**
   * Takes in rows of a project read a page at a time (storage/documents.ts), each page its own
   * task; `finishLoading` then makes them the list. A row taken in already is skipped.
   */
  loadPage(records: Iterable<DocumentRecord>): void {
    for (const record of records) {
      if (this.rows.has(record.id)) continue;
      this.add(record);
      this.loading.push(record.id);
    }
  }

  finishLoading(): void {
    const ids = [...this.ordered, ...this.loading];
    this.loading = [];
    // Pages come in list order, so this is one pass unless a row moved while they were read.
    const row = (id: string) => this.rows.get(id) as DocumentRecord;
    if (ids.some((id, i) => i > 0 && before(row(id), row(ids[i - 1] as string)))) ids.sort((a, b) => listOrder(row(a), row(b)));
    this.ordered = ids;
    this.spanAnnotators = [...this.withSpans.keys()];
  }

  /** Ids in list order; the same array until a document is added, removed or moved. */
  get ids(): readonly string[] {
    return this.ordered;
  }

  get size(): number {
    return this.ordered.length;
  }

  get(id: string): DocumentRecord | undefined {
    return this.rows.get(id);
  }

  /** The title lower-cased (for the list's filter, computed once per row). */
  titleKey(id: string): string {
    return this.titles.get(id) ?? '';
  }

  /** How many documents `annotator` has marked done. */
  doneCount(annotator: string): number {
    return this.done.get(annotator) ?? 0;
  }

  /** Annotators with spans in some document; the same array until that set changes. */
  get annotatorsWithSpans(): readonly string[] {
    return this.spanAnnotators;
  }

  /** The rows of `ids` (all, in list order, by default). */
  records(ids: readonly string[] = this.ordered): DocumentRecord[] {
    const out: DocumentRecord[] = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row) out.push(row);
    }
    return out;
  }

  /**
   * The ids patched after `version` (up to the current one), or null when that is too far back
   * to tell (a caller then looks at every row).
   */
  changedSince(version: number): ReadonlySet<string> | null {
    if (version === this.version) return new Set();
    const first = this.journal[0];
    if (version > this.version || !first || first.version > version + 1) return null;
    const ids = new Set<string>();
    for (const entry of this.journal) if (entry.version > version) for (const id of entry.ids) ids.add(id);
    return ids;
  }

  /**
   * Puts the rows as now stored (undefined: the document is gone). Returns the ids whose row
   * changed; the version goes up when any did.
   */
  apply(updates: ReadonlyMap<string, DocumentRecord | undefined>): ReadonlySet<string> {
    const changed = new Set<string>();
    const placed: DocumentRecord[] = [];
    const unplaced = new Set<string>();
    for (const [id, next] of updates) {
      const old = this.rows.get(id);
      if (old === next || (old === undefined && next === undefined)) continue;
      changed.add(id);
      if (old) this.remove(old);
      if (next) this.add(next);
      if (!old || !next || old.order !== next.order) {
        unplaced.add(id);
        if (next) placed.push(next);
      }
    }
    if (changed.size === 0) return changed;
    if (unplaced.size > 0) this.reorder(unplaced, placed);
    if (!sameMembers(this.spanAnnotators, this.withSpans)) this.spanAnnotators = [...this.withSpans.keys()];
    this.version++;
    this.journal.push({ version: this.version, ids: changed });
    if (this.journal.length > JOURNAL_LENGTH) this.journal = this.journal.slice(-JOURNAL_LENGTH);
    return changed;
  }

  private add(record: DocumentRecord): void {
    this.rows.set(record.id, record);
    // toLowerCase, not toLocaleLowerCase: 20 times faster over 100,000 titles, and the same but for
    // Turkish and Lithuanian dotted i's; the filter lower-cases its words the same way.
    this.titles.set(record.id, record.meta.title.toLowerCase());
    for (const annotator of Object.keys(record.statuses)) if (statusOf(record, annotator) === 'done') bump(this.done, annotator, 1);
    for (const annotator of Object.keys(record.spanCounts)) bump(this.withSpans, annotator, 1);
  }

  private remove(record: DocumentRecord): void {
    this.rows.delete(record.id);
    this.titles.delete(record.id);
    for (const annotator of Object.keys(record.statuses)) if (statusOf(record, annotator) === 'done') bump(this.done, annotator, -1);
    for (const annotator of Object.keys(record.spanCounts)) bump(this.withSpans, annotator, -1);
  }

  /** A new id array: `unplaced` taken out, `placed` merged in at their places (one pass, however many). */
  private reorder(unplaced: ReadonlySet<string>, placed: DocumentRecord[]): void {
    const kept = this.ordered.filter((id) => !unplaced.has(id));
    placed.sort(listOrder);
    const ids: string[] = [];
    let k = 0;
    for (const record of placed) {
      while (k < kept.length && before(this.rows.get(kept[k] as string) as DocumentRecord, record)) ids.push(kept[k++] as string);
      ids.push(record.id);
    }
    while (k < kept.length) ids.push(kept[k++] as string);
    this.ordered = ids;
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const value = (counts.get(key) ?? 0) + by;
  if (value <= 0) counts.delete(key);
  else counts.set(key, value);
}

function sameMembers(list: readonly string[], counts: ReadonlyMap<string, number>): boolean {
  return list.length === counts.size && list.every((id) => counts.has(id));
}
