// The inputs of the agreement metrics: what each annotator marked, per document, and the texts.
import type { AttributeValue, DocumentStatus, LayerId } from '../domain';

/**
 * One annotator's span. Offsets are half-open [start, end) in UTF-16 code units into the
 * document's text, as the app stores them; the report turns them into code points before it
 * compares lengths and overlaps. (The lower-level functions compare whatever unit they are given.)
 */
export interface AgreementSpan {
  documentId: string;
  layer: LayerId;
  label: string;
  start: number;
  end: number;
  /** Needed only when a relation points at the span: unique among the annotator's spans of the document. */
  id?: string;
  /** The span's attribute values (absent: none). */
  attributes?: Record<string, AttributeValue>;
}

/** One annotator's relation: its ends are ids of the same annotator's spans in the same document. */
export interface AgreementRelation {
  documentId: string;
  type: string;
  from: string;
  to: string;
}

/** One annotator's document labels on one document: chosen values by category name. */
export interface AgreementDocumentLabels {
  documentId: string;
  labels: Record<string, string[]>;
}

/** Everything one annotator marked, over all documents. */
export interface AnnotationSet {
  annotator: string;
  spans: AgreementSpan[];
  /** Relations between the spans above (absent: none). */
  relations?: AgreementRelation[];
  /** Document labels (absent: none on any document). */
  documentLabels?: AgreementDocumentLabels[];
  /** The annotator's status by document id (a document not listed: to do). The `done` scope reads it. */
  statuses?: Record<string, DocumentStatus>;
}

/** A document to compare (if in scope): tokens for the token-level figures come from its text. */
export interface AgreementDocument {
  id: string;
  text: string;
}

/** The label of a token that no span covers. */
export const OUTSIDE = 'O';
