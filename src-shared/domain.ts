// The domain types of Spanwright, in one place. Offsets inside the app are UTF-16 code
// units into the stored text (what JavaScript strings and the DOM use); formats that
// Python reads convert to Unicode code points at the edge (see offsets.ts).

import type { AssignmentPlan } from './assignment';
export type LayerId = 'entity' | 'claim';

export const LAYERS: readonly LayerId[] = ['entity', 'claim'];

/** A span attribute's value: choice and text are strings, multi-choice a list of strings. */
export type AttributeValue = string | number | boolean | string[];

export type AttributeType = 'choice' | 'multi-choice' | 'boolean' | 'number' | 'text';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['choice', 'multi-choice', 'boolean', 'number', 'text'];

/** An attribute a label's spans carry (brat `A` lines, INCEpTION features, Label Studio per-region controls). */
export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  /** The values offered by 'choice' and 'multi-choice'. */
  values: string[];
  /** A document cannot be marked done while a span of the label lacks it (a warning names the spans). */
  required: boolean;
  description?: string;
}

export interface Label {
  /** Stable id: spans reference labels by name, so renames rewrite spans in one transaction. */
  name: string;
  layer: LayerId;
  /** CSS colour, `#rrggbb`. */
  color: string;
  /** A single key (`p`, `1`...) or empty for none. */
  hotkey: string;
  description?: string;
  /** The attributes of this label's spans, in the order the span details show them. */
  attributes?: AttributeDefinition[];
}

/** A kind of link between two spans of one annotator in one document. */
export interface RelationType {
  name: string;
  color: string;
  /** A single key that starts a relation of this type from the selected span, or empty. */
  hotkey: string;
  /** Directed: from is the source (CLAIM -> its SOURCE); undirected: the ends are interchangeable. */
  directed: boolean;
  /** Labels a relation may start from; empty: any label. */
  sources: string[];
  /** Labels a relation may point at; empty: any label. */
  targets: string[];
  description?: string;
}

export interface DocumentCategoryValue {
  name: string;
  /** A single key that toggles this value on the open document, or empty. */
  hotkey: string;
}

/** A document-level classification (`topic`, `misinformation risk`): one or several values. */
export interface DocumentCategory {
  name: string;
  multiple: boolean;
  values: DocumentCategoryValue[];
  description?: string;
}

export interface LabelSchema {
  labels: Label[];
  relationTypes: RelationType[];
  documentCategories: DocumentCategory[];
}

export interface Project {
  id: string;
  name: string;
  schema: LabelSchema;
  guidelines: string;
  /** How the lead handed out the documents (Assign documents…), if they did. */
  assignment?: AssignmentPlan;
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

export const SPAN_ORIGINS: readonly SpanOrigin[] = ['manual', 'imported', 'suggestion', 'teammate'];

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
  attributes: Record<string, AttributeValue>;
  origin: SpanOrigin;
  /** Free text for the reviewer (a question, a doubt); absent when there is none. */
  note?: string;
  createdAt: number;
  updatedAt: number;
}

/** A link between two spans of the same annotator in the same document. */
export interface Relation {
  id: string;
  projectId: string;
  documentId: string;
  annotator: string;
  /** A relation type's name in the schema. */
  type: string;
  /** Span ids: the source and the target (for undirected types, just the two ends). */
  from: string;
  to: string;
  origin: SpanOrigin;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

/** Where a suggestion came from: a span made elsewhere, a term list, a patterns file, the tagger, a file's predictions. */
export type SuggestionSource = 'same-string' | 'dictionary' | 'pattern' | 'model' | 'imported';

export const SUGGESTION_SOURCES: readonly SuggestionSource[] = ['same-string', 'dictionary', 'pattern', 'model', 'imported'];

/**
 * A span proposed to an annotator, in their suggestion list, and never exported or compared:
 * accepting it makes a Span (origin 'suggestion'); rejecting it keeps it, rejected, so the
 * same proposal is not made again.
 */
export interface Suggestion {
  id: string;
  projectId: string;
  documentId: string;
  /** Whose suggestion list it is in: accepting it makes a span of theirs. */
  annotator: string;
  layer: LayerId;
  label: string;
  /** UTF-16 code units, half-open [start, end). */
  start: number;
  end: number;
  /** Always the document's text.slice(start, end). */
  text: string;
  source: SuggestionSource;
  /** The tagger's confidence (0-1); absent for rules. */
  score?: number;
  status: 'pending' | 'rejected';
  createdAt: number;
  updatedAt: number;
}

/** One annotator's document-level annotations: document labels by category, and a note. */
export interface DocumentAnnotation {
  projectId: string;
  documentId: string;
  annotator: string;
  /** Chosen values by category name (one value for single-choice categories). */
  labels: Record<string, string[]>;
  /** '' when there is none. */
  note: string;
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
  attributes?: Record<string, AttributeValue>;
  origin?: SpanOrigin;
  note?: string;
}

/** A relation as carried by a file format: its ends are indexes into the draft's `spans`. */
export interface RelationDraft {
  type: string;
  from: number;
  to: number;
  annotator?: string;
  origin?: SpanOrigin;
  note?: string;
  /** The relation's id in the file (Spanwright JSONL), reused where it is free. */
  sourceId?: string;
}

/** Document labels and a note as carried by a file format, for one annotator (or the importer). */
export interface DocumentAnnotationDraft {
  annotator?: string;
  labels: Record<string, string[]>;
  note: string;
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
  /** Relations between the spans above (absent: none). */
  relations?: RelationDraft[];
  /** Document labels and notes (absent: none). */
  documentAnnotations?: DocumentAnnotationDraft[];
  /** Proposed spans a file carries that nobody accepted (Prodigy rejects, Label Studio predictions): never spans. */
  suggestions?: SuggestionDraft[];
}

/** A suggestion as carried by a file format: a proposal, pending or already rejected. */
export interface SuggestionDraft {
  label: string;
  /** UTF-16 code units (importers convert from the file's unit). */
  start: number;
  end: number;
  annotator?: string;
  status: 'pending' | 'rejected';
  score?: number;
}

/**
 * A span draft read from a lossless file (Spanwright JSONL) that names its span. `sourceId` is
 * the span's id in the file; the app may reuse it so that a re-import keeps span ids stable.
 */
export interface SourcedSpanDraft extends SpanDraft {
  sourceId?: string;
}
