// Compares annotators' relations and document labels on one document, for review: a relation
// is the same for two annotators when its type and both ends (extent and label) are; document
// labels are compared per category.
import type { DocumentAnnotation, DocumentCategory, Relation, Span } from '../domain';
import { ownValue } from '../own-keys';

/** A relation as the reviewer sees it: its type and its two ends as spans. */
export interface ReviewRelation {
  relation: Relation;
  from: Span;
  to: Span;
}

export interface RelationReviewItem {
  /** Stable for the same relation: used to remember a rejection. */
  key: string;
  type: string;
  /** The relation as the first annotator who has it made it. */
  example: ReviewRelation;
  /** Compared annotators who made it. */
  annotators: string[];
  kind: 'agreement' | 'missing';
}

const extent = (span: Span) => `${span.start}-${span.end}/${span.label}`;

/** What identifies a relation across annotators (undirected: its ends in a fixed order). */
export function relationSignature(type: string, from: Span, to: Span, directed: boolean): string {
  const ends = [extent(from), extent(to)];
  if (!directed) ends.sort();
  return `${type}:${ends.join('>')}`;
}

export function compareRelations(
  relations: readonly Relation[],
  spans: readonly Span[],
  annotators: readonly string[],
  isDirected: (type: string) => boolean,
): RelationReviewItem[] {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const items = new Map<string, RelationReviewItem>();
  for (const relation of relations) {
    if (!annotators.includes(relation.annotator)) continue;
    const from = byId.get(relation.from);
    const to = byId.get(relation.to);
    if (!from || !to) continue;
    const key = `relation:${relationSignature(relation.type, from, to, isDirected(relation.type))}`;
    const item = items.get(key) ?? { key, type: relation.type, example: { relation, from, to }, annotators: [], kind: 'missing' as const };
    if (!item.annotators.includes(relation.annotator)) item.annotators.push(relation.annotator);
    items.set(key, item);
  }
  const ordered = [...items.values()].map((item) => ({
    ...item,
    annotators: annotators.filter((a) => item.annotators.includes(a)),
    kind: annotators.every((a) => item.annotators.includes(a)) ? ('agreement' as const) : ('missing' as const),
  }));
  return ordered.sort((a, b) => a.example.from.start - b.example.from.start || a.example.to.start - b.example.to.start || (a.key < b.key ? -1 : 1));
}

/** Whether gold holds this relation (the same type between spans of the same extents and labels). */
export function relationInGold(item: RelationReviewItem, goldRelations: readonly Relation[], goldSpans: readonly Span[], directed: boolean): boolean {
  const byId = new Map(goldSpans.map((s) => [s.id, s]));
  return goldRelations.some((relation) => {
    const from = byId.get(relation.from);
    const to = byId.get(relation.to);
    return !!from && !!to && `relation:${relationSignature(relation.type, from, to, directed)}` === item.key;
  });
}

export interface DocumentLabelReviewItem {
  category: string;
  /** Each compared annotator's values for the category (sorted; empty when none). */
  versions: Array<{ annotator: string; values: string[] }>;
  kind: 'agreement' | 'label';
}

export function compareDocumentLabels(
  annotations: readonly DocumentAnnotation[],
  categories: readonly DocumentCategory[],
  annotators: readonly string[],
): DocumentLabelReviewItem[] {
  const names = [...categories.map((c) => c.name)];
  for (const annotation of annotations) for (const name of Object.keys(annotation.labels)) if (!names.includes(name)) names.push(name);
  const items: DocumentLabelReviewItem[] = [];
  for (const category of names) {
    const versions = annotators.map((annotator) => ({
      annotator,
      values: [...(ownValue(annotations.find((a) => a.annotator === annotator)?.labels ?? {}, category) ?? [])].sort(),
    }));
    if (versions.every((v) => v.values.length === 0)) continue;
    const first = JSON.stringify(versions[0]?.values ?? []);
    items.push({ category, versions, kind: versions.every((v) => JSON.stringify(v.values) === first) ? 'agreement' : 'label' });
  }
  return items;
}
