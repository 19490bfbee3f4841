// Relations and document annotations as exporters write them: which relations can be written
// (both ends in the output), in a stable order, and document labels merged for formats that
// do not keep annotators apart.
import type { DocumentAnnotation, Relation } from '../domain';
import { compareSpans, type OutSpan } from './export-spans';
import type { ExportDocument } from './format-module';
import type { LeftOutReport } from './left-out';
import { compareText } from './stable-order';

export interface OutRelation {
  relation: Relation;
  from: OutSpan;
  to: OutSpan;
}

/** The document's relations in a stable order: by their ends (as spans are ordered), type, annotator, id. */
export function sortedRelations(doc: ExportDocument, report: LeftOutReport): Relation[] {
  const end = (id: string) => report.spansById.get(id)?.span;
  const compareEnd = (a: string, b: string): number => {
    const spanA = end(a);
    const spanB = end(b);
    if (spanA && spanB) return compareSpans(spanA, spanB);
    return spanA ? -1 : spanB ? 1 : compareText(a, b);
  };
  return [...(doc.relations ?? [])].sort(
    (a, b) =>
      compareEnd(a.from, b.from) ||
      compareEnd(a.to, b.to) ||
      compareText(a.type, b.type) ||
      compareText(a.annotator, b.annotator) ||
      compareText(a.id, b.id),
  );
}

/**
 * The relations whose ends are both in the output; the others are reported as
 * `relation-end-left-out`, so no written relation points at a span that is not there.
 * Call after the writer has decided which spans it writes.
 */
export function relationsToWrite(doc: ExportDocument, report: LeftOutReport): OutRelation[] {
  const out: OutRelation[] = [];
  for (const relation of sortedRelations(doc, report)) {
    const from = report.spansById.get(relation.from);
    const to = report.spansById.get(relation.to);
    if (from && to && report.written(relation.from) && report.written(relation.to)) out.push({ relation, from, to });
    else report.addRelation('relation-end-left-out', relation, from, to);
  }
  return out;
}

/** Document annotations that hold something, by annotator. */
export function documentAnnotationsToWrite(doc: ExportDocument): DocumentAnnotation[] {
  return [...(doc.documentAnnotations ?? [])]
    .filter((annotation) => hasLabels(annotation) || annotation.note !== '')
    .sort((a, b) => compareText(a.annotator, b.annotator));
}

export function hasLabels(annotation: DocumentAnnotation): boolean {
  return Object.values(annotation.labels).some((values) => values.length > 0);
}

/**
 * Every chosen document label value, for formats that hold a flat list of classes (doccano
 * `cats`, spaCy `cats`): categories in name order, each annotator's values in turn, once each.
 */
export function flatDocumentLabels(doc: ExportDocument): string[] {
  const values: string[] = [];
  const annotations = documentAnnotationsToWrite(doc);
  const categories = [...new Set(annotations.flatMap((annotation) => Object.keys(annotation.labels)))].sort(compareText);
  for (const category of categories) {
    for (const annotation of annotations) {
      const chosen = Object.hasOwn(annotation.labels, category) ? (annotation.labels[category] ?? []) : [];
      for (const value of chosen) if (!values.includes(value)) values.push(value);
    }
  }
  return values;
}
