// A document read back from a team server as the exporters take it (`spanwright pull`): its
// text and metadata, and the chosen owners' spans, relations and document labels. Server
// documents have passed `readServerDocument`; what they say about the text is checked here.
import type { DocumentAnnotation, DocumentStatus, Relation, Span } from '../domain';
import { GOLD_ANNOTATOR } from '../domain';
import type { ExportDocument } from '../formats/format-module';
import { fail, ok, type Result } from '../result';
import { fromAnnotationsDoc, GOLD_OWNER, type AnnotationsDoc, type DocumentDoc, type TextDoc } from './server-documents';

/** Which owners' annotations a pull writes. */
export type OwnerChoice = { kind: 'all' } | { kind: 'owner'; owner: string };

export function choosesOwner(choice: OwnerChoice, owner: string): boolean {
  return choice.kind === 'all' || choice.owner === owner;
}

/**
 * Why an annotations document cannot be exported with its document's text, or null: a span
 * outside the text or not over the text it says (a text changed under it, or a broken writer).
 */
export function annotationsProblem(annotations: AnnotationsDoc, text: string): string | null {
  for (const span of annotations.spans) {
    if (span.end > text.length || text.slice(span.start, span.end) !== span.text)
      return `span ${span.id} (“${span.text}” at ${span.start}–${span.end}, UTF-16) does not match the document's text`;
  }
  return null;
}

/** Why a text cannot be its document's, or null. */
export function textProblem(document: DocumentDoc, text: TextDoc): string | null {
  return text.text.length === document.textLength ? null : `its text is not the length its document says (${document.textLength})`;
}

/**
 * The document as exporters take it. Annotators are named by their owner on the server (the
 * user name), so a pulled Spanwright JSONL pushes back to the same owners; gold keeps the
 * app's id and name. `status` is the only owner's, or gold's among several (else to do).
 */
export function pulledExportDocument(document: DocumentDoc, text: TextDoc, annotations: readonly AnnotationsDoc[]): Result<ExportDocument> {
  const problem = textProblem(document, text);
  if (problem) return fail(problem);
  const spans: Span[] = [];
  const relations: Relation[] = [];
  const documentAnnotations: DocumentAnnotation[] = [];
  const statuses: Record<string, DocumentStatus> = {};
  const annotators: Array<{ id: string; name: string }> = [];
  for (const doc of [...annotations].sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0))) {
    const annotator = doc.owner === GOLD_OWNER ? GOLD_ANNOTATOR.id : doc.owner;
    const name = doc.owner === GOLD_OWNER ? GOLD_ANNOTATOR.name : doc.owner;
    for (const record of fromAnnotationsDoc(doc, '', annotator).records) {
      if (record.kind === 'span') spans.push(record.value);
      else if (record.kind === 'relation') relations.push(record.value);
      else if (record.kind === 'document') documentAnnotations.push(record.value);
    }
    Object.defineProperty(statuses, annotator, { value: doc.status, enumerable: true, writable: true, configurable: true });
    annotators.push({ id: annotator, name });
  }
  const only = annotations.length === 1 ? annotations[0] : undefined;
  const gold = annotations.find((doc) => doc.owner === GOLD_OWNER);
  return ok({
    id: document.sourceId,
    meta: document.meta,
    status: (only ?? gold)?.status ?? 'todo',
    statuses,
    annotators,
    text: text.text,
    spans,
    relations,
    documentAnnotations,
  });
}
