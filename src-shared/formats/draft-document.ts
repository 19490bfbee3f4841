// A document read from a file, as an exporter receives it: what the app does by storing the
// draft and exporting it again, for the command line (`convert`) and round-trip tests.
import type { DocumentAnnotation, DocumentDraft, Relation, Span, SpanOrigin } from '../domain';
import type { ExportDocument } from './format-module';

export interface DraftDefaults {
  /** The id of the document when the draft names none. */
  id: string;
  /**
   * The id of a span or relation the draft names none for, or whose id an earlier one of the
   * document already has (a suffix is added while the default is taken too).
   */
  spanId: (index: number) => string;
  relationId: (index: number) => string;
  /** Whose annotations the draft names no annotator for. */
  annotator: string;
  /** The origin of annotations the draft gives none. */
  origin: SpanOrigin;
}

/**
 * Ids unique within one document, as the app's import gives them: the file's own id the first
 * time it appears, else a default that no other item names. Spans and relations are numbered
 * apart (nothing refers to a relation by id); relations take their ends from the spans by
 * index, so a span given another id keeps its relations.
 */
function uniqueIds(items: ReadonlyArray<{ sourceId?: string }>): (sourceId: string | undefined, fallback: string) => string {
  const named = new Set<string>();
  for (const item of items) if (item.sourceId !== undefined) named.add(item.sourceId);
  const given = new Set<string>();
  return (sourceId, fallback) => {
    if (sourceId !== undefined && !given.has(sourceId)) {
      given.add(sourceId);
      return sourceId;
    }
    let id = fallback;
    for (let n = 2; given.has(id) || named.has(id); n++) id = `${fallback}-${n}`;
    given.add(id);
    return id;
  };
}

export function draftToExportDocument(draft: DocumentDraft, defaults: DraftDefaults): ExportDocument {
  const id = draft.id ?? defaults.id;
  const spanId = uniqueIds(draft.spans);
  const relationId = uniqueIds(draft.relations ?? []);
  // Literal objects, not `{ ...base, ... }`: V8 copies a spread into a slow object (~5 µs a span,
  // a third of `convert` on a corpus of many spans).
  const spans: Span[] = draft.spans.map((s, index) => {
    const span: Span = {
      projectId: '',
      documentId: id,
      createdAt: 0,
      updatedAt: 0,
      id: spanId(s.sourceId, defaults.spanId(index)),
      annotator: s.annotator ?? defaults.annotator,
      layer: s.layer ?? 'entity',
      label: s.label,
      start: s.start,
      end: s.end,
      text: draft.text.slice(s.start, s.end),
      attributes: s.attributes ?? {},
      origin: s.origin ?? defaults.origin,
    };
    if (s.note !== undefined) span.note = s.note;
    return span;
  });
  const relations: Relation[] = [];
  (draft.relations ?? []).forEach((r, index) => {
    const from = spans[r.from];
    const to = spans[r.to];
    if (!from || !to) return;
    relations.push({
      projectId: '',
      documentId: id,
      createdAt: 0,
      updatedAt: 0,
      id: relationId(r.sourceId, defaults.relationId(index)),
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
