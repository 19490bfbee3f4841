// A document read from a file, as an exporter receives it: what the app does by storing the
// draft and exporting it again, for the command line (`convert`) and round-trip tests.
import type { DocumentAnnotation, DocumentDraft, Relation, Span, SpanOrigin } from '../domain';
import type { ExportDocument } from './format-module';

export interface DraftDefaults {
  /** The id of the document when the draft names none. */
  id: string;
  /** The id of a span or relation the draft names none for. */
  spanId: (index: number) => string;
  relationId: (index: number) => string;
  /** Whose annotations the draft names no annotator for. */
  annotator: string;
  /** The origin of annotations the draft gives none. */
  origin: SpanOrigin;
}

export function draftToExportDocument(draft: DocumentDraft, defaults: DraftDefaults): ExportDocument {
  const id = draft.id ?? defaults.id;
  const base = { projectId: '', documentId: id, createdAt: 0, updatedAt: 0 };
  const spans: Span[] = draft.spans.map((s, index) => ({
    ...base,
    id: s.sourceId ?? defaults.spanId(index),
    annotator: s.annotator ?? defaults.annotator,
    layer: s.layer ?? 'entity',
    label: s.label,
    start: s.start,
    end: s.end,
    text: draft.text.slice(s.start, s.end),
    attributes: s.attributes ?? {},
    origin: s.origin ?? defaults.origin,
    ...(s.note !== undefined ? { note: s.note } : {}),
  }));
  const relations: Relation[] = [];
  (draft.relations ?? []).forEach((r, index) => {
    const from = spans[r.from];
    const to = spans[r.to];
    if (!from || !to) return;
    relations.push({
      ...base,
      id: r.sourceId ?? defaults.relationId(index),
      annotator: r.annotator ?? from.annotator,
      type: r.type,
      from: from.id,
      to: to.id,
      origin: r.origin ?? defaults.origin,
      ...(r.note !== undefined ? { note: r.note } : {}),
    });
  });
  const documentAnnotations: DocumentAnnotation[] = (draft.documentAnnotations ?? []).map((a) => ({
    projectId: '',
    documentId: id,
    annotator: a.annotator ?? defaults.annotator,
    labels: a.labels,
    note: a.note,
    updatedAt: 0,
  }));
  return {
    id,
    meta: draft.meta,
    status: draft.status ?? 'todo',
    ...(draft.statuses ? { statuses: draft.statuses } : {}),
    ...(draft.annotators ? { annotators: draft.annotators } : {}),
    text: draft.text,
    spans,
    ...(relations.length > 0 ? { relations } : {}),
    ...(documentAnnotations.length > 0 ? { documentAnnotations } : {}),
  };
}
