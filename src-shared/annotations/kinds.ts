// The kinds of annotation, in one registry: spans, relations between spans, and document
// annotations (document labels and a document note), and suggestions (proposed spans, never
// exported). Each kind says how its records are
// keyed, where they belong and which spans they need, so the change model, storage and
// formats treat every kind alike; adding a kind is one entry here.
import type { DocumentAnnotation, Relation, Span, Suggestion } from '../domain';

export interface AnnotationValues {
  span: Span;
  relation: Relation;
  document: DocumentAnnotation;
  suggestion: Suggestion;
}

export type AnnotationKindId = keyof AnnotationValues;

/** One annotation of any kind, tagged with its kind (the form changes and the change log carry). */
export type AnnotationRecord = { [K in AnnotationKindId]: { kind: K; value: AnnotationValues[K] } }[AnnotationKindId];

export interface AnnotationKind<K extends AnnotationKindId> {
  kind: K;
  /** Unique within a project. */
  key(value: AnnotationValues[K]): string;
  /** Span ids that must exist (same document, same annotator) for this record to be valid. */
  references(value: AnnotationValues[K]): readonly string[];
  /** Named for messages: "span PERSON “Ana”". */
  describe(value: AnnotationValues[K]): string;
}

const shortText = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text).replace(/\s+/g, ' ');

export const ANNOTATION_KINDS: { [K in AnnotationKindId]: AnnotationKind<K> } = {
  span: {
    kind: 'span',
    key: (span) => span.id,
    references: () => [],
    describe: (span) => `span ${span.label} “${shortText(span.text)}”`,
  },
  relation: {
    kind: 'relation',
    key: (relation) => relation.id,
    references: (relation) => [relation.from, relation.to],
    describe: (relation) => `relation ${relation.type}`,
  },
  document: {
    kind: 'document',
    key: (annotation) => documentAnnotationKey(annotation.documentId, annotation.annotator),
    references: () => [],
    describe: () => 'document labels and note',
  },
  suggestion: {
    kind: 'suggestion',
    // Suggestion ids are unique within a project, like span ids (a separate table, a separate key space).
    key: (suggestion) => suggestion.id,
    // A suggestion stands alone: accepting it makes a new span, it never points at one.
    references: () => [],
    describe: (suggestion) => `suggestion ${suggestion.label} “${shortText(suggestion.text)}”`,
  },
};

export const ANNOTATION_KIND_IDS = Object.keys(ANNOTATION_KINDS) as AnnotationKindId[];

/** The key of one annotator's document annotation (and of their status) for a document. */
export function documentAnnotationKey(documentId: string, annotator: string): string {
  return `${documentId}\u0000${annotator}`;
}

export function recordKey(record: AnnotationRecord): string {
  return (ANNOTATION_KINDS[record.kind] as AnnotationKind<AnnotationKindId>).key(record.value as never);
}

export function recordReferences(record: AnnotationRecord): readonly string[] {
  return (ANNOTATION_KINDS[record.kind] as AnnotationKind<AnnotationKindId>).references(record.value as never);
}

export function describeRecord(record: AnnotationRecord): string {
  return (ANNOTATION_KINDS[record.kind] as AnnotationKind<AnnotationKindId>).describe(record.value as never);
}

export const spanRecord = (value: Span): AnnotationRecord => ({ kind: 'span', value });
export const relationRecord = (value: Relation): AnnotationRecord => ({ kind: 'relation', value });
export const documentRecord = (value: DocumentAnnotation): AnnotationRecord => ({ kind: 'document', value });
export const suggestionRecord = (value: Suggestion): AnnotationRecord => ({ kind: 'suggestion', value });
