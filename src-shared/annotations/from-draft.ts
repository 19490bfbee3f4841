// Turns a document read from a file (a DocumentDraft) into the annotations it brings: spans
// with the project's labels, relations between them (ends by span, not by index any more) and
// document annotations, and the proposals nobody accepted (suggestions, never spans). What
// cannot be kept is counted, never dropped without a word.
import type { DocumentAnnotation, DocumentDraft, Label, Relation, Span, SpanOrigin, Suggestion } from '../domain';
import { documentRecord, relationRecord, spanRecord, suggestionRecord, type AnnotationRecord } from './kinds';
import { ownValue, setOwn } from '../own-keys';
import { pushAll } from '../push-all';

export interface DraftContext {
  projectId: string;
  documentId: string;
  /** Who owns annotations the file names no annotator for (whoever imports it). */
  annotator: string;
  /** The labels spans may have, by name (the schema's, plus those the user chose to add). */
  labels: ReadonlyMap<string, Label>;
  /** Relation types that may be used (schema's plus those added). */
  relationTypes: ReadonlySet<string>;
  /** Document categories that may be used. */
  categories: ReadonlySet<string>;
  /** An id for a record: the file's own when it is free in the project, else a fresh one. */
  idFor: (sourceId: string | undefined) => string;
  now: number;
  /** The origin of annotations the file gives none for. */
  origin: SpanOrigin;
  /** Only these annotators' annotations are kept (a teammate import): others are counted as left out. */
  onlyAnnotator?: string;
}

export interface DraftAnnotations {
  spans: Span[];
  records: AnnotationRecord[];
  /** Spans whose label is not in `labels`. */
  droppedSpans: number;
  /** Relations whose type is unknown or one of whose ends was dropped. */
  droppedRelations: number;
  /** Document label values whose category is unknown. */
  droppedDocumentLabels: number;
  /** Suggestions (a file's rejected or unjudged proposals) whose label is not in `labels`. */
  droppedSuggestions: number;
}

export function annotationsFromDraft(draft: DocumentDraft, context: DraftContext): DraftAnnotations {
  const { projectId, documentId, now } = context;
  const out: DraftAnnotations = { spans: [], records: [], droppedSpans: 0, droppedRelations: 0, droppedDocumentLabels: 0, droppedSuggestions: 0 };
  const kept: Array<Span | undefined> = draft.spans.map((spanDraft) => {
    const label = context.labels.get(spanDraft.label);
    const annotator = spanDraft.annotator ?? context.annotator;
    if (!label || (context.onlyAnnotator !== undefined && annotator !== context.onlyAnnotator)) {
      if (!label) out.droppedSpans++;
      return undefined;
    }
    const span: Span = {
      id: context.idFor(spanDraft.sourceId), projectId, documentId, annotator, layer: label.layer, label: label.name,
      start: spanDraft.start, end: spanDraft.end, text: draft.text.slice(spanDraft.start, spanDraft.end),
      attributes: spanDraft.attributes ?? {}, origin: spanDraft.origin ?? context.origin, createdAt: now, updatedAt: now,
    };
    if (spanDraft.note !== undefined && spanDraft.note !== '') span.note = spanDraft.note;
    out.spans.push(span);
    return span;
  });
  pushAll(out.records, out.spans.map(spanRecord));
  for (const relationDraft of draft.relations ?? []) {
    const from = kept[relationDraft.from];
    const to = kept[relationDraft.to];
    if (!from || !to || !context.relationTypes.has(relationDraft.type) || from.annotator !== to.annotator || from.id === to.id) {
      if (context.onlyAnnotator === undefined || (relationDraft.annotator ?? from?.annotator) === context.onlyAnnotator) out.droppedRelations++;
      continue;
    }
    const relation: Relation = {
      id: context.idFor(relationDraft.sourceId), projectId, documentId, annotator: from.annotator, type: relationDraft.type,
      from: from.id, to: to.id, origin: relationDraft.origin ?? context.origin, createdAt: now, updatedAt: now,
    };
    if (relationDraft.note !== undefined && relationDraft.note !== '') relation.note = relationDraft.note;
    out.records.push(relationRecord(relation));
  }
  const byAnnotator = new Map<string, DocumentAnnotation>();
  for (const annotationDraft of draft.documentAnnotations ?? []) {
    const annotator = annotationDraft.annotator ?? context.annotator;
    if (context.onlyAnnotator !== undefined && annotator !== context.onlyAnnotator) continue;
    const current = byAnnotator.get(annotator) ?? { projectId, documentId, annotator, labels: {}, note: '', updatedAt: now };
    for (const [category, values] of Object.entries(annotationDraft.labels)) {
      if (!context.categories.has(category)) {
        out.droppedDocumentLabels += values.length;
        continue;
      }
      const merged = [...(ownValue(current.labels, category) ?? [])];
      for (const value of values) if (!merged.includes(value)) merged.push(value);
      if (merged.length > 0) setOwn(current.labels, category, merged);
    }
    if (annotationDraft.note !== '') current.note = current.note === '' ? annotationDraft.note : `${current.note}\n${annotationDraft.note}`;
    byAnnotator.set(annotator, current);
  }
  for (const annotation of byAnnotator.values()) {
    if (Object.keys(annotation.labels).length > 0 || annotation.note !== '') out.records.push(documentRecord(annotation));
  }
  for (const suggestionDraft of draft.suggestions ?? []) {
    const label = context.labels.get(suggestionDraft.label);
    const annotator = suggestionDraft.annotator ?? context.annotator;
    if (context.onlyAnnotator !== undefined && annotator !== context.onlyAnnotator) continue;
    if (!label) {
      out.droppedSuggestions++;
      continue;
    }
    const suggestion: Suggestion = {
      id: context.idFor(undefined), projectId, documentId, annotator, layer: label.layer, label: label.name,
      start: suggestionDraft.start, end: suggestionDraft.end, text: draft.text.slice(suggestionDraft.start, suggestionDraft.end),
      source: 'imported', status: suggestionDraft.status, createdAt: now, updatedAt: now,
    };
    if (suggestionDraft.score !== undefined) suggestion.score = suggestionDraft.score;
    out.records.push(suggestionRecord(suggestion));
  }
  return out;
}
