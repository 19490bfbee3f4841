// Disagreements left per document, kept up to date one document at a time: a change to a few
// documents (a label, a teammate's work arriving) recomputes those documents only, so review
// mode's cost per change does not grow with the project. Rules (the schema, who is compared)
// and rejections change rarely and recompute what they affect.
import type { DocumentAnnotation, Relation, Span } from '../domain';
import { groupByDocument } from '../group-by-document';
import { reviewDocument, type ReviewRules } from './document-review';

/** Everything stored for one document that its review reads. */
export interface DocumentWork {
  spans: Span[];
  relations: Relation[];
  documentAnnotations: DocumentAnnotation[];
}

export interface ProjectWork {
  spans: readonly Span[];
  relations: readonly Relation[];
  documentAnnotations: readonly DocumentAnnotation[];
}

const NOTHING_REJECTED: ReadonlySet<string> = new Set();

export class ReviewProgressIndex {
  private readonly work = new Map<string, DocumentWork>();
  private readonly left = new Map<string, number>();
  private rejected: ReadonlyMap<string, ReadonlySet<string>> = new Map();

  constructor(private rules: ReviewRules) {}

  /** Replaces everything (the first read). */
  load(project: ProjectWork): void {
    this.work.clear();
    this.replace(null, project);
  }

  /**
   * Replaces what is stored for `documentIds` with `rows` (their current rows, possibly none:
   * a removed document). Rows of other documents are ignored.
   */
  replaceDocuments(documentIds: Iterable<string>, rows: ProjectWork): void {
    this.replace(new Set(documentIds), rows);
  }

  setRules(rules: ReviewRules): void {
    if (
      rules.documentCategories === this.rules.documentCategories &&
      rules.directed === this.rules.directed &&
      rules.disabled === this.rules.disabled
    )
      return;
    this.rules = rules;
    for (const documentId of this.work.keys()) this.review(documentId);
  }

  /** Rejected comparison keys per document; documents whose set changed are reviewed again. */
  setRejected(rejected: ReadonlyMap<string, ReadonlySet<string>>): void {
    const previous = this.rejected;
    this.rejected = rejected;
    for (const documentId of new Set([...previous.keys(), ...rejected.keys()]))
      if (!sameSet(previous.get(documentId), rejected.get(documentId)) && this.work.has(documentId)) this.review(documentId);
  }

  /** Disagreements left per document with someone's work to compare (a copy: the caller may keep it). */
  current(): Map<string, number> {
    return new Map(this.left);
  }

  private replace(only: ReadonlySet<string> | null, rows: ProjectWork): void {
    const keep = <T extends { documentId: string }>(list: readonly T[]) => (only ? list.filter((row) => only.has(row.documentId)) : list);
    const spans = groupByDocument(keep(rows.spans));
    const relations = groupByDocument(keep(rows.relations));
    const documentAnnotations = groupByDocument(keep(rows.documentAnnotations));
    const touched = only ?? new Set([...spans.keys(), ...relations.keys(), ...documentAnnotations.keys()]);
    if (!only) this.left.clear();
    for (const documentId of touched) {
      const work: DocumentWork = {
        spans: spans.get(documentId) ?? [],
        relations: relations.get(documentId) ?? [],
        documentAnnotations: documentAnnotations.get(documentId) ?? [],
      };
      if (work.spans.length === 0 && work.relations.length === 0 && work.documentAnnotations.length === 0) {
        this.work.delete(documentId);
        this.left.delete(documentId);
      } else {
        this.work.set(documentId, work);
        this.review(documentId);
      }
    }
  }

  private review(documentId: string): void {
    const work = this.work.get(documentId);
    if (!work) return;
    const review = reviewDocument({ ...work, rejected: this.rejected.get(documentId) ?? NOTHING_REJECTED }, this.rules);
    if (review.annotators.length > 0) this.left.set(documentId, review.disagreementsLeft);
    else this.left.delete(documentId);
  }
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return (a?.size ?? 0) === (b?.size ?? 0);
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
