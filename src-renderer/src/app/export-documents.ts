// The export use-case: stream documents, in list order, through a core serializer into a
// save stream, a batch at a time, so a large project never freezes the window.
import type { SaveStream } from '../../../src-shared/bridge';
import { statusOf } from '../../../src-shared/document-rules';
import type { DocumentRecord, DocumentStatus } from '../../../src-shared/domain';
import { EXPORT_FORMATS, serializeDocument, type ExportFormat } from '../../../src-shared/formats/export';
import type { SpanwrightDatabase } from '../storage/database';

const BATCH = 100;

export function exportFileName(projectName: string, format: ExportFormat): string {
  const info = EXPORT_FORMATS.find((f) => f.id === format);
  const base = projectName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'spanwright';
  return `${base}.${format}.${info?.extension ?? 'jsonl'}`;
}

/** Whose annotations an export holds. */
export interface LayerSelection {
  /** The annotators whose spans and statuses are exported, or every one. */
  annotators: readonly string[] | 'all';
  /** The annotator whose status is the document's `status` (yours, or gold). */
  primary: string;
  /** Display names, by annotator id. */
  names: ReadonlyMap<string, string>;
}

/** Writes every given document (already in order) and commits; aborts the stream on failure. */
export async function exportDocuments(
  db: SpanwrightDatabase,
  documents: readonly DocumentRecord[],
  format: ExportFormat,
  selection: LayerSelection,
  stream: SaveStream,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  try {
    for (let at = 0; at < documents.length; at += BATCH) {
      const batch = documents.slice(at, at + BATCH);
      const ids = batch.map((d) => d.id);
      const [texts, spans] = await db.transaction('r', db.texts, db.spans, () =>
        Promise.all([db.texts.bulkGet(ids), db.spans.where('documentId').anyOf(ids).toArray()]),
      );
      const lines: string[] = [];
      const chosen = (who: string) => selection.annotators === 'all' || selection.annotators.includes(who);
      for (const [i, doc] of batch.entries()) {
        const text = texts[i]?.text;
        if (text === undefined) throw new Error(`The text of "${doc.meta.title}" is missing from the database.`);
        const docSpans = spans.filter((s) => s.documentId === doc.id && chosen(s.annotator));
        const statuses: Record<string, DocumentStatus> = {};
        for (const [who, status] of Object.entries(doc.statuses)) if (chosen(who)) statuses[who] = status;
        const present = new Set([...docSpans.map((s) => s.annotator), ...Object.keys(statuses)]);
        lines.push(
          serializeDocument(format, {
            id: doc.sourceId,
            meta: doc.meta,
            status: statusOf(doc, selection.primary),
            statuses,
            annotators: [...present].map((id) => ({ id, name: selection.names.get(id) ?? id })),
            text,
            spans: docSpans,
          }),
        );
      }
      await stream.write(lines.join('\n') + '\n');
      onProgress?.(Math.min(at + BATCH, documents.length), documents.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await stream.commit();
  } catch (error) {
    await stream.abort();
    throw error;
  }
}
