// What `validate` checks of relations, span attributes and document labels beyond what the
// readers refuse (a relation end that is no span of the line, a note that is not a string):
// repeated ids, a relation from a span to itself or across annotators, attribute values of
// one kind per label, document labels as the app keeps them; with a schema, that labels,
// attributes, relation types and categories are the schema's and their values fit.
import { attributeValueProblem } from '../src-shared/annotations/attribute-rules';
import { relationProblem } from '../src-shared/annotations/edits';
import type { AttributeValue, DocumentDraft, Label, LabelSchema, Span, SpanDraft } from '../src-shared/domain';
import { UNCATEGORISED } from '../src-shared/formats/document-labels';
import { draftSpansInWords, relationInWords, spanInWords } from './annotation-text';

type ValueKind = 'text' | 'number' | 'yes/no' | 'list';

const KIND_WORDS: Record<ValueKind, string> = {
  text: 'text',
  number: 'a number',
  'yes/no': 'yes/no (true or false)',
  list: 'a list of values',
};

function kindOf(value: AttributeValue): ValueKind {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'yes/no';
  return 'text';
}

/** A core message ("X is one of a, b.") as a CLI reason: without its final period. */
const reason = (sentence: string) => sentence.replace(/\.$/, '');

/** The span as the core's relation rules take it (only the fields they read matter). */
function asSpan(draft: SpanDraft, index: number): Span {
  return {
    id: `s${index}`,
    projectId: '',
    documentId: '',
    annotator: draft.annotator ?? '',
    layer: draft.layer ?? 'entity',
    label: draft.label,
    start: draft.start,
    end: draft.end,
    text: '',
    attributes: {},
    origin: 'imported',
    createdAt: 0,
    updatedAt: 0,
  };
}

/**
 * Checks documents one at a time (a corpus streams through it). Without a schema, a label's
 * attribute must hold one kind of value across the file (the first one seen sets it).
 */
export class AnnotationChecks {
  private readonly firstKinds = new Map<string, { kind: ValueKind; place: string }>();
  private readonly labels: ReadonlyMap<string, Label>;

  constructor(private readonly schema?: LabelSchema) {
    this.labels = new Map((schema?.labels ?? []).map((label) => [label.name, label]));
  }

  /** The problems of one document, each a reason; `place` says where it is ("line 4"). */
  check(draft: DocumentDraft, place: string): string[] {
    return [...this.checkSpans(draft, place), ...this.checkRelations(draft), ...this.checkDocumentLabels(draft)];
  }

  private checkSpans(draft: DocumentDraft, place: string): string[] {
    const problems: string[] = [];
    const words = draftSpansInWords(draft).map(spanInWords);
    const byId = new Map<string, number>();
    draft.spans.forEach((span, index) => {
      const name = words[index] as string;
      if (span.sourceId !== undefined) {
        const first = byId.get(span.sourceId);
        if (first !== undefined) problems.push(`span id "${span.sourceId}" is used again: ${words[first]} and ${name}`);
        else byId.set(span.sourceId, index);
      }
      const label = this.schema ? this.labels.get(span.label) : undefined;
      if (this.schema && !label) problems.push(`${name}: label ${span.label} is not in the schema`);
      for (const [attribute, value] of Object.entries(span.attributes ?? {})) {
        if (attribute.trim() === '') {
          problems.push(`${name}: an attribute has no name`);
          continue;
        }
        if (this.schema) {
          if (!label) continue;
          const definition = label.attributes?.find((a) => a.name === attribute);
          if (!definition) problems.push(`${name}: attribute ${attribute} is not defined for ${span.label} in the schema`);
          else {
            const problem = attributeValueProblem(definition, value);
            if (problem) problems.push(`${name}: ${reason(problem)} (found ${JSON.stringify(value)})`);
          }
          continue;
        }
        const key = `${span.label}\u0000${attribute}`;
        const kind = kindOf(value);
        const first = this.firstKinds.get(key);
        if (!first) this.firstKinds.set(key, { kind, place });
        else if (first.kind !== kind) {
          const there = first.place === place ? 'on another span of this document' : `on ${first.place}`;
          problems.push(
            `${name}: attribute ${attribute} of ${span.label} is ${KIND_WORDS[kind]} here, but ${KIND_WORDS[first.kind]} ${there}`,
          );
        }
      }
    });
    return problems;
  }

  private checkRelations(draft: DocumentDraft): string[] {
    const problems: string[] = [];
    const spans = draftSpansInWords(draft);
    const byId = new Set<string>();
    const seen = new Set<string>();
    for (const relation of draft.relations ?? []) {
      const from = draft.spans[relation.from];
      const to = draft.spans[relation.to];
      const name = `relation ${relationInWords(relation.type, spans[relation.from] ?? null, spans[relation.to] ?? null)}`;
      if (relation.sourceId !== undefined) {
        if (byId.has(relation.sourceId)) problems.push(`relation id "${relation.sourceId}" is used again (${name})`);
        byId.add(relation.sourceId);
      }
      if (!from || !to) {
        problems.push(`${name} has an end that is no span of this document`);
        continue;
      }
      if (relation.from === relation.to) {
        problems.push(`${name} links a span to itself`);
        continue;
      }
      const owners = [from.annotator ?? '', to.annotator ?? ''];
      if (owners[0] !== owners[1]) {
        problems.push(`${name} links spans of two annotators (${owners.map((o) => JSON.stringify(o)).join(' and ')})`);
        continue;
      }
      const annotator = relation.annotator ?? from.annotator ?? '';
      const directed = this.schema?.relationTypes.find((t) => t.name === relation.type)?.directed ?? true;
      const key = (a: number, b: number) => JSON.stringify([annotator, relation.type, a, b]);
      if (seen.has(key(relation.from, relation.to)) || (!directed && seen.has(key(relation.to, relation.from)))) {
        problems.push(`${name} is given twice`);
      }
      seen.add(key(relation.from, relation.to));
      if (!this.schema) continue;
      if (!this.schema.relationTypes.some((t) => t.name === relation.type)) {
        problems.push(`${name}: type ${relation.type} is not in the schema`);
        continue;
      }
      const problem = relationProblem(this.schema, relation.type, asSpan(from, relation.from), asSpan(to, relation.to));
      if (problem) problems.push(`${name}: ${reason(problem)}`);
    }
    return problems;
  }

  private checkDocumentLabels(draft: DocumentDraft): string[] {
    const problems: string[] = [];
    const annotators = new Set<string>();
    for (const annotation of draft.documentAnnotations ?? []) {
      const of = annotation.annotator ? `document labels of annotator "${annotation.annotator}"` : 'document labels';
      if (annotators.has(annotation.annotator ?? '')) {
        problems.push(
          `${annotation.annotator ? `annotator "${annotation.annotator}"` : 'the file'} gives document labels and a note twice`,
        );
      }
      annotators.add(annotation.annotator ?? '');
      for (const [category, values] of Object.entries(annotation.labels)) {
        if (category.trim() === '') {
          problems.push(`${of}: a category has no name`);
          continue;
        }
        if (values.some((value) => value.trim() === '')) problems.push(`${of}: ${category} has an empty value`);
        const twice = values.filter((value, index) => values.indexOf(value) !== index);
        for (const value of new Set(twice)) problems.push(`${of}: ${category} has "${value}" twice`);
        if (!this.schema) continue;
        const definition = this.schema.documentCategories.find((c) => c.name === category);
        if (!definition) {
          // Formats with a flat list of classes (doccano, spaCy) put a value no category offers here.
          if (category === UNCATEGORISED)
            for (const value of values) problems.push(`${of}: "${value}" is a value of no category in the schema`);
          else problems.push(`${of}: category ${category} is not in the schema`);
          continue;
        }
        const offered = definition.values.map((v) => v.name);
        for (const value of values) {
          if (!offered.includes(value))
            problems.push(`${of}: "${value}" is not a value of ${category} (it offers ${offered.join(', ') || 'none'})`);
        }
        if (!definition.multiple && new Set(values).size > 1) {
          problems.push(`${of}: ${category} takes one value, not ${new Set(values).size} (${[...new Set(values)].join(', ')})`);
        }
      }
    }
    return problems;
  }
}
