// The domain types of Spanwright, in one place. Offsets inside the app are UTF-16 code
// units into the stored text (what JavaScript strings and the DOM use); formats that
// Python reads convert to Unicode code points at the edge (see offsets.ts).

export type LayerId = 'entity' | 'claim';

export const LAYERS: readonly LayerId[] = ['entity', 'claim'];

export interface Label {
  /** Stable id: spans reference labels by name, so renames rewrite spans in one transaction. */
  name: string;
  layer: LayerId;
  /** CSS colour, `#rrggbb`. */
  color: string;
  /** A single key (`p`, `1`...) or empty for none. */
  hotkey: string;
  description?: string;
}

export interface LabelSchema {
  labels: Label[];
}

export interface Project {
  id: string;
  name: string;
  schema: LabelSchema;
  guidelines: string;
  createdAt: number;
  updatedAt: number;
}

export type DocumentStatus = 'todo' | 'in_progress' | 'done' | 'skipped';

export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['todo', 'in_progress', 'done', 'skipped'];

export interface DocumentMeta {
  title: string;
  source?: string;
  url?: string;
  date?: string;
  language?: string;
  /** Anything else an import carried, kept so that exports are lossless. */
  extra?: Record<string, unknown>;
}

/** A document's metadata row. The text lives in its own table so that listing is cheap. */
export interface DocumentRecord {
  id: string;
  projectId: string;
  /** The id the document came with (a file's `id` field), else the same as `id`. Exports use it. */
  sourceId: string;
  /** Position in the project's document list. */
  order: number;
  meta: DocumentMeta;
  /** SHA-256 (hex) of the stored text: duplicate detection and teammate matching. */
  textHash: string;
  /** Length in UTF-16 code units, for display and sanity checks. */
  textLength: number;
  /** Each annotator's status for this document, by annotator id (absent: to do). */
  statuses: Record<string, DocumentStatus>;
  /** Each annotator's number of spans in this document, by annotator id. */
  spanCounts: Record<string, number>;
  createdAt: number;
  updatedAt: number;
}

export type SpanOrigin = 'manual' | 'imported' | 'suggestion' | 'teammate';

export interface Span {
  id: string;
  projectId: string;
  documentId: string;
  annotator: string;
  layer: LayerId;
  label: string;
  /** UTF-16 code units, half-open [start, end). */
  start: number;
  end: number;
  /** The covered text, stored for checking and export. Always text.slice(start, end). */
  text: string;
  attributes: Record<string, string | number | boolean>;
  origin: SpanOrigin;
  createdAt: number;
  updatedAt: number;
}

export interface Annotator {
  id: string;
  name: string;
}

/** The adjudicated layer a reviewer builds: stored and exported like any annotator's. */
export const GOLD_ANNOTATOR: Annotator = { id: 'gold', name: 'Gold' };

/** A span as carried by a file format, before it becomes a stored Span. */
export interface SpanDraft {
  layer?: LayerId;
  label: string;
  /** UTF-16 code units (importers convert from the file's unit). */
  start: number;
  end: number;
  annotator?: string;
  attributes?: Record<string, string | number | boolean>;
  origin?: SpanOrigin;
}

/** A document as carried by a file format, before it is stored. */
export interface DocumentDraft {
  id?: string;
  text: string;
  meta: DocumentMeta;
  /** The status the file gives (Spanwright JSONL `status`: its exporter's). */
  status?: DocumentStatus;
  /** Every annotator's status the file carries (Spanwright JSONL `statuses`). */
  statuses?: Record<string, DocumentStatus>;
  /** Names of the annotators the file mentions (Spanwright JSONL `annotators`). */
  annotators?: Annotator[];
  spans: SourcedSpanDraft[];
}

/**
 * A span draft read from a lossless file (Spanwright JSONL) that names its span. `sourceId` is
 * the span's id in the file; the app may reuse it so that a re-import keeps span ids stable.
 */
export interface SourcedSpanDraft extends SpanDraft {
  sourceId?: string;
}
