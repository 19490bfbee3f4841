// What the tagger trains on and tags, read from the database: the annotator's Done documents
// with their spans (of the given labels), and the documents still to do. Read where the tagger
// runs (its worker), so the window never holds every row and text of a large project.
import { statusOf } from '../../../src-shared/document-rules';
import type { TaggerInput } from '../../../src-shared/suggestions/evaluation';
import type { SpanwrightDatabase } from '../storage/database';

/**
 * Texts read at a time (one read, one transaction each). Small: while a read of 2,000 texts ran
 * (100-200 ms), a label's commit waited for it and the window's own reads queued behind it.
 */
const TEXT_BATCH = 200;

async function textsOf(db: SpanwrightDatabase, ids: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let from = 0; from < ids.length; from += TEXT_BATCH) {
    for (const row of await db.texts.bulkGet(ids.slice(from, from + TEXT_BATCH))) if (row) texts.set(row.documentId, row.text);
  }
  return texts;
}

export async function readTaggerInput(
  db: SpanwrightDatabase,
  projectId: string,
  annotator: string,
  labels: ReadonlySet<string>,
  locale?: string,
): Promise<TaggerInput> {
  const documents = await db.documents.where('projectId').equals(projectId).toArray();
  const doneIds = new Set(documents.filter((d) => statusOf(d, annotator) === 'done').map((d) => d.id));
  const targetIds = documents.filter((d) => !doneIds.has(d.id) && statusOf(d, annotator) !== 'skipped').map((d) => d.id);
  const texts = await textsOf(db, [...doneIds, ...targetIds]);
  const spans = (await db.spans.where('projectId').equals(projectId).toArray()).filter(
    (s) => s.annotator === annotator && doneIds.has(s.documentId) && labels.has(s.label),
  );
  const spansOf = new Map<string, Array<{ label: string; start: number; end: number }>>();
  for (const { documentId, label, start, end } of spans) {
    const list = spansOf.get(documentId);
    if (list) list.push({ label, start, end });
    else spansOf.set(documentId, [{ label, start, end }]);
  }
  const done = [...doneIds].map((id) => ({ id, text: texts.get(id) ?? '', spans: spansOf.get(id) ?? [] }));
  const targets = targetIds.map((id) => ({ id, text: texts.get(id) ?? '' }));
  return { done, targets, ...(locale ? { locale } : {}) };
}
