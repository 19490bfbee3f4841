// One document as `merge` builds it from every input's copy: spans, relations, document labels
// and notes of each copy, an identical span or relation kept once, and ids renumbered where
// two copies use one id for different things, so every relation still links the spans it linked.
import { sameValue } from '../src-shared/annotations/same-value';
import type { Annotator, DocumentAnnotation, DocumentStatus, Relation, Span } from '../src-shared/domain';
import type { ExportDocument } from '../src-shared/formats/format-module';
import { OffsetConverter } from '../src-shared/offsets';
import { spanInWords } from './annotation-text';
import { setOwn } from '../src-shared/own-keys';
import { pushAll } from '../src-shared/push-all';

const spanKey = (s: Span) => JSON.stringify([s.annotator, s.layer, s.label, s.start, s.end]);
const relationKey = (r: Relation) => JSON.stringify([r.annotator, r.type, r.from, r.to]);

/** `id`, or `id-2`, `id-3`... the first that `used` lacks; the result is added to `used`. */
function freeId(id: string, used: Set<string>): string {
  let free = id;
  for (let n = 2; used.has(free); n++) free = `${id}-${n}`;
  used.add(free);
  return free;
}

/** Two notes as one: the first, the second, or both on their own lines when they differ. */
function joinNotes(first: string | undefined, second: string | undefined): string | undefined {
  if (!first) return second || first;
  if (!second || first === second || first.split('\n').includes(second)) return first;
  return `${first}\n${second}`;
}

export class MergedDocument {
  private readonly spans = new Map<string, Span>();
  private readonly spanIds = new Set<string>();
  private readonly relations = new Map<string, Relation>();
  private readonly relationIds = new Set<string>();
  private readonly annotations = new Map<string, DocumentAnnotation>();
  private readonly statuses: Record<string, DocumentStatus> = {};
  private readonly annotators = new Map<string, Annotator>();
  /** Where the first copy of each span came from, for messages about a later copy. */
  private readonly spanWhere = new Map<string, string>();

  constructor(readonly text: string) {}

  /**
   * Adds one input's copy of the document (`where`: its place, for messages). Returns notes on
   * what could not be kept as it was (an attribute another copy of the span gives another value).
   */
  add(doc: ExportDocument, where: string): string[] {
    const notes: string[] = [];
    // The input's span ids (unique within its copy) to the merged document's.
    const ids = new Map<string, string>();
    for (const span of doc.spans) {
      const key = spanKey(span);
      const kept = this.spans.get(key);
      if (kept) {
        ids.set(span.id, kept.id);
        pushAll(notes, this.mergeSpan(kept, span, where));
        continue;
      }
      const copy: Span = { ...span, id: freeId(span.id, this.spanIds), attributes: { ...span.attributes } };
      ids.set(span.id, copy.id);
      this.spans.set(key, copy);
      this.spanWhere.set(key, where);
    }
    for (const relation of doc.relations ?? []) {
      const from = ids.get(relation.from);
      const to = ids.get(relation.to);
      if (from === undefined || to === undefined) continue; // not a relation of this copy's spans
      const moved: Relation = { ...relation, from, to };
      const kept = this.relations.get(relationKey(moved));
      if (kept) {
        const note = joinNotes(kept.note, relation.note);
        if (note !== undefined) kept.note = note;
        continue;
      }
      this.relations.set(relationKey(moved), { ...moved, id: freeId(relation.id, this.relationIds) });
    }
    for (const annotation of doc.documentAnnotations ?? []) {
      const kept = this.annotations.get(annotation.annotator);
      if (!kept) {
        this.annotations.set(annotation.annotator, { ...annotation, labels: { ...annotation.labels } });
        continue;
      }
      for (const [category, values] of Object.entries(annotation.labels)) {
        const chosen = Object.hasOwn(kept.labels, category) ? (kept.labels[category] ?? []) : [];
        setOwn(kept.labels, category, [...chosen, ...values.filter((value) => !chosen.includes(value))]);
      }
      kept.note = joinNotes(kept.note, annotation.note) ?? '';
    }
    // Not Object.assign: it would set the prototype for an annotator id `__proto__`.
    for (const [annotator, status] of Object.entries(doc.statuses ?? {})) setOwn(this.statuses, annotator, status);
    for (const a of doc.annotators ?? []) this.annotators.set(a.id, a);
    return notes;
  }

  /** The merged document, on `base` (the document's id, metadata and status). */
  document(base: ExportDocument): ExportDocument {
    return {
      ...base,
      spans: [...this.spans.values()],
      relations: [...this.relations.values()],
      documentAnnotations: [...this.annotations.values()],
      statuses: this.statuses,
      annotators: [...this.annotators.values()],
    };
  }

  /** A later copy of a kept span: attributes it adds, and its note; another value is a note. */
  private mergeSpan(kept: Span, span: Span, where: string): string[] {
    const notes: string[] = [];
    for (const [name, value] of Object.entries(span.attributes)) {
      if (!Object.hasOwn(kept.attributes, name)) setOwn(kept.attributes, name, value);
      else if (!sameValue(kept.attributes[name], value)) {
        const converter = new OffsetConverter(this.text);
        const words = spanInWords({
          label: span.label,
          start: converter.toCodePoint(span.start),
          end: converter.toCodePoint(span.end),
          text: span.text,
        });
        const first = this.spanWhere.get(spanKey(kept)) ?? 'another input';
        notes.push(
          `${where}: ${words}${span.annotator ? ` of ${span.annotator}` : ''}: attribute ${name} is ${JSON.stringify(value)} here but ` +
            `${JSON.stringify(kept.attributes[name])} in ${first}; kept ${JSON.stringify(kept.attributes[name])}`,
        );
      }
    }
    const note = joinNotes(kept.note, span.note);
    if (note !== undefined) kept.note = note;
    return notes;
  }
}
