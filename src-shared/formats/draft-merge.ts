// One document from several entries of a file that each hold part of its annotations (Label
// Studio JSON-MIN: one row per annotation, the task repeated in each): spans, relations,
// document labels and notes, annotators and suggestions of every entry in one draft.
import type { DocumentAnnotationDraft, DocumentDraft, SourcedSpanDraft } from '../domain';
import { setOwn } from './json-values';

const spanKey = (s: SourcedSpanDraft): string => JSON.stringify([s.annotator ?? null, s.layer, s.label, s.start, s.end]);

/**
 * Adds `part`'s annotations to `into` (changed in place). An identical span (same annotator,
 * layer, label and offsets) is kept once; relations follow their spans; one annotator's document
 * labels are joined, notes kept both. Metadata stays `into`'s, with keys only `part` has added.
 * Returns why the two cannot be one document (another text), or undefined.
 */
export function mergeDraftInto(into: DocumentDraft, part: DocumentDraft): string | undefined {
  if (into.text !== part.text) return 'another text';
  const kept = new Map(into.spans.map((span, index) => [spanKey(span), index]));
  const indexOf: number[] = [];
  for (const span of part.spans) {
    const key = spanKey(span);
    const found = kept.get(key);
    if (found !== undefined) {
      indexOf.push(found);
      continue;
    }
    kept.set(key, into.spans.length);
    indexOf.push(into.spans.length);
    into.spans.push(span);
  }
  if (part.relations && part.relations.length > 0) {
    const relations = into.relations ?? [];
    const seen = new Set(relations.map((r) => JSON.stringify([r.annotator ?? null, r.type, r.from, r.to])));
    for (const relation of part.relations) {
      const moved = { ...relation, from: indexOf[relation.from] ?? relation.from, to: indexOf[relation.to] ?? relation.to };
      const key = JSON.stringify([moved.annotator ?? null, moved.type, moved.from, moved.to]);
      if (seen.has(key)) continue;
      seen.add(key);
      relations.push(moved);
    }
    into.relations = relations;
  }
  for (const annotation of part.documentAnnotations ?? []) {
    const annotations = (into.documentAnnotations ??= []);
    const same = annotations.find((a) => a.annotator === annotation.annotator);
    if (same) joinDocumentAnnotation(same, annotation);
    else annotations.push({ ...annotation, labels: { ...annotation.labels } });
  }
  if (part.annotators && part.annotators.length > 0) {
    const annotators = (into.annotators ??= []);
    for (const annotator of part.annotators) if (!annotators.some((a) => a.id === annotator.id)) annotators.push(annotator);
  }
  if (part.suggestions && part.suggestions.length > 0) into.suggestions = [...(into.suggestions ?? []), ...part.suggestions];
  for (const [key, value] of Object.entries(part.meta.extra ?? {})) {
    const extra = (into.meta.extra ??= {});
    if (!Object.hasOwn(extra, key)) setOwn(extra, key, value);
  }
  return undefined;
}

function joinDocumentAnnotation(into: DocumentAnnotationDraft, part: DocumentAnnotationDraft): void {
  for (const [category, values] of Object.entries(part.labels)) {
    const chosen = Object.hasOwn(into.labels, category) ? (into.labels[category] ?? []) : [];
    setOwn(into.labels, category, [...chosen, ...values.filter((v) => !chosen.includes(v))]);
  }
  if (part.note !== '' && !into.note.split('\n').includes(part.note))
    into.note = into.note === '' ? part.note : `${into.note}\n${part.note}`;
}
