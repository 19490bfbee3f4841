// The agreement report: every figure for every pair of annotators and for the group, over all documents and per document.
import { LAYERS, type DocumentStatus, type LayerId, type RelationType } from '../domain';
import { OffsetConverter } from '../offsets';
import { tokenize, type Token } from '../segmentation';
import { AttributeTally, matchedAttributes, type AttributeKappa } from './attribute-agreement';
import { MISSING, spanConfusionMatrix, sumConfusionMatrices, tableConfusionMatrix, type ConfusionMatrix } from './confusion-matrix';
import { fitsScope, type DocumentScope, type ScopeSummary } from './document-scope';
import { documentLabelAgreement, type CategoryKind, type DocumentLabelAgreement } from './document-label-agreement';
import { GroupTally } from './group-tally';
import { LabelPairTable } from './label-pair-table';
import { scoreRelations, sumRelationScores, type RelationEnds, type RelationScores } from './relation-scores';
import { matchSpans } from './span-matching';
import { scoreMatching, sumSpanScores, type SpanScores } from './span-scores';
import { tokenLabels } from './token-labels';
import { OUTSIDE, type AgreementDocument, type AgreementRelation, type AgreementSpan, type AnnotationSet } from './types';

export interface AgreementOptions {
  /** Only this layer (default: every layer). */
  layer?: LayerId;
  /** Only spans with these labels; others are ignored as if absent (default: every label). */
  labels?: string[];
  /** Locale for word segmentation (default: the runtime's). */
  locale?: string;
  /** Relation types as the schema defines them: an undirected type's ends may be swapped. Types not listed are directed. */
  relationTypes?: ReadonlyArray<Pick<RelationType, 'name' | 'directed'>>;
  /** Document categories as the schema defines them; a category not listed is multiple choice when some document has two of its values. */
  documentCategories?: readonly CategoryKind[];
  /** Which documents count (default `all`; the app and the command line start with `done`). See `document-scope.ts`. */
  scope?: DocumentScope;
}

export interface LayerKappa {
  layer: LayerId;
  /** Null when there are no tokens. */
  kappa: number | null;
  observed: number;
  expected: number;
  tokens: number;
}

export interface LayerConfusion {
  layer: LayerId;
  /** Token labels, rows the reference, columns the candidate, 'O' last. */
  tokens: ConfusionMatrix;
  /** Labels of spans paired by overlap whatever their label, '(missing)' last. */
  spans: ConfusionMatrix;
}

/** Two annotators compared; `reference` plays the truth for precision and recall. */
export interface PairAgreement {
  reference: string;
  candidate: string;
  exact: SpanScores;
  overlap: SpanScores;
  cohenKappa: LayerKappa[];
  confusion: LayerConfusion[];
}

/** All annotators together on one layer, over token labels. */
export interface GroupAgreement {
  layer: LayerId;
  fleissKappa: number | null;
  krippendorffAlpha: number | null;
  tokens: number;
}

/** Relations of two annotators compared: a relation matches when its type and both ends match. */
export interface RelationPairAgreement {
  reference: string;
  candidate: string;
  /** Ends matched as spans match exactly (same layer, label, start and end). */
  exact: RelationScores;
  /** Ends matched as spans match by overlap. */
  overlap: RelationScores;
}

/** Span attribute values of two annotators compared, over the spans they both marked exactly alike. */
export interface AttributePairAgreement {
  reference: string;
  candidate: string;
  attributes: AttributeKappa[];
}

export interface AgreementFigures {
  /** Span figures of every pair (i, j) with i before j in the annotator order. Empty with fewer than two annotators. */
  pairs: PairAgreement[];
  /** One entry per layer. Empty with fewer than two annotators. */
  overall: GroupAgreement[];
  /** Relation scores of every pair, in the order of `pairs`. */
  relations: RelationPairAgreement[];
  /** Attribute kappas of every pair, in the order of `pairs`. */
  attributes: AttributePairAgreement[];
}

export interface DocumentAgreement extends AgreementFigures {
  documentId: string;
  tokens: number;
}

export interface AgreementReport extends AgreementFigures {
  annotators: string[];
  /** Spans counted per annotator (after the layer and label filters), in `annotators` order. */
  spanCounts: number[];
  /** Relations counted per annotator: those whose two ends are counted spans. */
  relationCounts: number[];
  layers: LayerId[];
  /** The label filter, or null for every label. */
  labels: string[] | null;
  /** The number of documents compared (`scope.compared`). */
  documents: number;
  /** The scope, and which documents were compared, had no spans, or were out of scope. */
  scope: ScopeSummary;
  /** Why figures are missing (fewer than two annotators, no document to compare), else null. */
  message: string | null;
  perDocument: DocumentAgreement[];
  /** Document labels over every document in scope, with spans or without (a single document is too few items for a figure of its own). */
  documentLabels: DocumentLabelAgreement;
}

export const NEEDS_TWO_ANNOTATORS = 'agreement needs at least two annotators';

export const NO_DOCUMENT_TO_COMPARE = 'no document in scope has a span from these annotators';

/** One annotator's work on one document, as the accumulator takes it. */
export interface DocumentWork {
  /** Every span of the annotator on the document (the layer and label filters are applied here). */
  spans: readonly AgreementSpan[];
  /** Relations between those spans (absent: none). */
  relations?: readonly AgreementRelation[];
  /** The annotator's document labels on it, entry by entry (absent: none). */
  documentLabels?: ReadonlyArray<Readonly<Record<string, string[]>>>;
  /** The annotator's status (absent: to do). */
  status?: DocumentStatus;
}

/**
 * Compares annotators over the documents of `documents` that are in `options.scope` and have a
 * span from at least one annotator (after the layer and label filters); the report's `scope`
 * says which. Spans of other documents are left out. A relation counts when both its ends are
 * spans that count (the layer and label filters apply to its ends). Throws RangeError on
 * duplicate annotator names or document ids.
 */
export function agreementReport(
  documents: readonly AgreementDocument[],
  annotationSets: readonly AnnotationSet[],
  options: AgreementOptions = {},
): AgreementReport {
  const accumulator = new AgreementAccumulator(
    annotationSets.map((set) => set.annotator),
    options,
  );
  const documentIds = new Set<string>();
  for (const document of documents) {
    if (documentIds.has(document.id)) throw new RangeError(`agreementReport: document "${document.id}" appears twice`);
    documentIds.add(document.id);
  }
  const works = annotationSets.map((set) => workByDocument(set, documentIds));
  const perDocument: DocumentAgreement[] = [];
  for (const document of documents) {
    const row = accumulator.add(
      document,
      annotationSets.map((set, a) => {
        const work: DocumentWork = works[a]?.get(document.id) ?? { spans: [] };
        const status = set.statuses && Object.hasOwn(set.statuses, document.id) ? set.statuses[document.id] : undefined;
        return status === undefined ? work : { ...work, status };
      }),
    );
    if (row) perDocument.push(row);
  }
  return { ...accumulator.report(), perDocument };
}

/** An annotator's spans, relations and document labels, by document (only documents in `documentIds`). */
function workByDocument(set: AnnotationSet, documentIds: ReadonlySet<string>): Map<string, DocumentWork> {
  const byDocument = new Map<
    string,
    { spans: AgreementSpan[]; relations: AgreementRelation[]; documentLabels: Array<Record<string, string[]>> }
  >();
  const of = (documentId: string) => {
    let work = byDocument.get(documentId);
    if (!work) {
      work = { spans: [], relations: [], documentLabels: [] };
      byDocument.set(documentId, work);
    }
    return work;
  };
  for (const span of set.spans) if (documentIds.has(span.documentId)) of(span.documentId).spans.push(span);
  for (const relation of set.relations ?? []) if (documentIds.has(relation.documentId)) of(relation.documentId).relations.push(relation);
  for (const entry of set.documentLabels ?? [])
    if (documentIds.has(entry.documentId)) of(entry.documentId).documentLabels.push(entry.labels);
  return byDocument;
}

/**
 * The report built a document at a time, so that no more than one document need be in memory:
 * token statistics are kept as counts (a contingency table per pair and layer, category totals
 * and running sums for Fleiss and Krippendorff, summed in token order), span, relation and
 * attribute figures as their counts. `add` returns each compared document's figures (the
 * report's `perDocument` rows, for the caller to keep or write); `report` gives the rest, with
 * `perDocument` empty. The figures are exactly those of `agreementReport` over the same
 * documents in the same order. Only document ids and document labels grow with the corpus.
 */
export class AgreementAccumulator {
  private readonly annotators: string[];
  private readonly layers: LayerId[];
  private readonly labelFilter: ReadonlySet<string> | undefined;
  private readonly undirected: ReadonlySet<string>;
  private readonly pairs: Array<[number, number]>;
  private readonly scope: ScopeSummary;
  private readonly documentIds = new Set<string>();
  private readonly spanCounts: number[];
  private readonly relationCounts: number[];
  private readonly corpus: Tallies;
  /** Each annotator's document labels on the documents in scope, by document id; and those ids in order. */
  private readonly documentLabels: Array<Map<string, Record<string, string[]>>>;
  private readonly inScopeIds: string[] = [];
  private tokenCount = 0;

  constructor(
    annotators: readonly string[],
    private readonly options: AgreementOptions = {},
  ) {
    const repeatedAnnotator = annotators.find((name, i) => annotators.indexOf(name) !== i);
    if (repeatedAnnotator !== undefined) throw new RangeError(`agreementReport: annotator "${repeatedAnnotator}" appears twice`);
    this.annotators = [...annotators];
    this.layers = options.layer ? [options.layer] : [...LAYERS];
    this.labelFilter = options.labels ? new Set(options.labels) : undefined;
    this.undirected = new Set((options.relationTypes ?? []).filter((type) => !type.directed).map((type) => type.name));
    this.pairs = annotators.length >= 2 ? pairOrder(annotators.length) : [];
    this.scope = { scope: options.scope ?? 'all', compared: [], withoutSpans: [], outOfScope: [], keptOutBy: {} };
    this.spanCounts = annotators.map(() => 0);
    this.relationCounts = annotators.map(() => 0);
    this.corpus = emptyTallies(this.pairs.length, this.layers.length, annotators.length, true);
    this.documentLabels = annotators.map(() => new Map());
  }

  /** Tokens of the documents compared so far. */
  get tokens(): number {
    return this.tokenCount;
  }

  /**
   * The next document and each annotator's work on it (in annotator order). Returns its figures
   * when it is compared, else null (out of scope, or no counted span from anyone). Throws
   * RangeError when the document id came before.
   */
  add(document: AgreementDocument, work: readonly DocumentWork[]): DocumentAgreement | null {
    if (this.documentIds.has(document.id)) throw new RangeError(`agreementReport: document "${document.id}" appears twice`);
    this.documentIds.add(document.id);
    const side = (a: number): DocumentWork => work[a] ?? { spans: [] };
    const counts = (span: AgreementSpan): boolean =>
      this.layers.includes(span.layer) && (!this.labelFilter || this.labelFilter.has(span.label));

    const keptOutBy = this.annotators.filter((_, a) => {
      const { spans, documentLabels, status } = side(a);
      const annotated =
        spans.length > 0 ||
        (documentLabels ?? []).some((labels) => Object.values(labels).some((values) => Array.isArray(values) && values.length > 0));
      return !fitsScope(this.scope.scope, { status, annotated });
    });
    if (keptOutBy.length > 0) {
      this.scope.outOfScope.push(document.id);
      // defineProperty: a document id such as "__proto__" is a key like any other.
      Object.defineProperty(this.scope.keptOutBy, document.id, { value: keptOutBy, enumerable: true, writable: true, configurable: true });
      return null;
    }
    this.inScopeIds.push(document.id);
    this.annotators.forEach((_, a) => {
      const labels = documentLabelsOf(side(a).documentLabels ?? []);
      if (labels) this.documentLabels[a]?.set(document.id, labels);
    });
    const counted = this.annotators.map((_, a) => side(a).spans.filter(counts));
    if (!counted.some((spans) => spans.length > 0)) {
      this.scope.withoutSpans.push(document.id);
      return null;
    }
    this.scope.compared.push(document.id);

    const relations = counted.map((spans, a) => relationEnds(side(a).relations ?? [], spans));
    counted.forEach((spans, a) => {
      this.spanCounts[a] = (this.spanCounts[a] as number) + spans.length;
      this.relationCounts[a] = (this.relationCounts[a] as number) + (relations[a] as RelationEnds[]).length;
    });
    // Lengths and overlaps count code points, as Python and the exported files do: an emoji is one character.
    const codePoints = new OffsetConverter(document.text);
    // Without astral characters the two units agree: no need to copy every token and span.
    const convert =
      codePoints.codePointLength === document.text.length
        ? <T>(item: T): T => item
        : <T extends { start: number; end: number }>(item: T): T => inCodePoints(item, codePoints, document.text.length);
    const tokens = tokenize(document.text, this.options.locale).map(convert);
    const part = this.documentTallies(
      tokens,
      counted.map((spans) => spans.map(convert)),
      relations,
    );
    this.addToCorpus(part);
    this.tokenCount += tokens.length;
    return { documentId: document.id, tokens: tokens.length, ...figures(part, this.annotators, this.layers) };
  }

  /** The report of the documents added so far, `perDocument` empty (`add` gave those rows). */
  report(): AgreementReport {
    const { annotators, scope, options } = this;
    const enough = annotators.length >= 2 && scope.compared.length > 0;
    return {
      annotators: [...annotators],
      spanCounts: [...this.spanCounts],
      relationCounts: [...this.relationCounts],
      layers: [...this.layers],
      labels: options.labels ? [...options.labels] : null,
      documents: scope.compared.length,
      scope: { ...scope, compared: [...scope.compared], withoutSpans: [...scope.withoutSpans], outOfScope: [...scope.outOfScope] },
      message: annotators.length < 2 ? NEEDS_TWO_ANNOTATORS : enough ? null : NO_DOCUMENT_TO_COMPARE,
      ...figures(this.corpus, enough ? annotators : [], this.layers),
      perDocument: [],
      documentLabels: documentLabelAgreement(enough ? this.inScopeIds : [], annotators, this.documentLabels, options.documentCategories),
    };
  }

  private documentTallies(tokens: readonly Token[], spans: readonly AgreementSpan[][], relations: readonly RelationEnds[][]): Tallies {
    const { pairs, layers, undirected } = this;
    const part = emptyTallies(pairs.length, layers.length, spans.length, false);
    const sideOf = (i: number): AgreementSpan[] => spans[i] ?? [];
    const linked = (i: number): RelationEnds[] => relations[i] ?? [];
    pairs.forEach(([i, j], p) => {
      // One matching per pair and mode, shared by the span scores, the relation ends and the attributes.
      const exact = matchSpans(sideOf(i), sideOf(j), 'exact');
      const overlap = matchSpans(sideOf(i), sideOf(j), 'overlap');
      part.exact[p] = scoreMatching(sideOf(i), sideOf(j), exact);
      part.overlap[p] = scoreMatching(sideOf(i), sideOf(j), overlap);
      part.relationExact[p] = scoreRelations(linked(i), linked(j), exact, undirected);
      part.relationOverlap[p] = scoreRelations(linked(i), linked(j), overlap, undirected);
      part.attributes[p]?.add(matchedAttributes(sideOf(i), sideOf(j), exact));
      part.spanConfusion[p] = layers.map((layer) => spanConfusionMatrix(sideOf(i), sideOf(j), layer));
    });
    if (pairs.length === 0) return part;
    layers.forEach((layer, l) => {
      const labels = spans.map((annotatorSpans) => tokenLabels(tokens, annotatorSpans, layer));
      const group = part.groups[l] as GroupTally;
      const tables = pairs.map((_, p) => part.tokens[p]?.[l] as LabelPairTable);
      const row: string[] = labels.map(() => OUTSIDE);
      for (let t = 0; t < tokens.length; t++) {
        for (let a = 0; a < labels.length; a++) row[a] = (labels[a] as string[])[t] as string;
        group.add(row);
        pairs.forEach(([i, j], p) => (tables[p] as LabelPairTable).add(row[i] as string, row[j] as string));
      }
    });
    return part;
  }

  private addToCorpus(part: Tallies): void {
    const corpus = this.corpus;
    this.pairs.forEach((_, p) => {
      corpus.exact[p] = sumSpanScores([corpus.exact[p] as SpanScores, part.exact[p] as SpanScores]);
      corpus.overlap[p] = sumSpanScores([corpus.overlap[p] as SpanScores, part.overlap[p] as SpanScores]);
      corpus.relationExact[p] = sumRelationScores([corpus.relationExact[p] as RelationScores, part.relationExact[p] as RelationScores]);
      corpus.relationOverlap[p] = sumRelationScores([
        corpus.relationOverlap[p] as RelationScores,
        part.relationOverlap[p] as RelationScores,
      ]);
      corpus.attributes[p]?.addTally(part.attributes[p] as AttributeTally);
      corpus.spanConfusion[p] = this.layers.map((__, l) =>
        sumConfusionMatrices([corpus.spanConfusion[p]?.[l] as ConfusionMatrix, part.spanConfusion[p]?.[l] as ConfusionMatrix], MISSING),
      );
      this.layers.forEach((__, l) => corpus.tokens[p]?.[l]?.addTable(part.tokens[p]?.[l] as LabelPairTable));
    });
    if (this.pairs.length > 0) this.layers.forEach((__, l) => corpus.groups[l]?.addTally(part.groups[l] as GroupTally));
  }
}

/** A span or token with its UTF-16 offsets turned into code points (offsets past the text count as its end). */
function inCodePoints<T extends { start: number; end: number }>(item: T, codePoints: OffsetConverter, length: number): T {
  const at = (offset: number): number => codePoints.toCodePoint(Math.min(Math.max(0, Math.trunc(offset) || 0), length));
  return { ...item, start: at(item.start), end: at(item.end) };
}

/** An annotator's relations on a document, their ends resolved to indexes into its counted spans of the document. */
function relationEnds(relations: readonly AgreementRelation[], spans: readonly AgreementSpan[]): RelationEnds[] {
  if (relations.length === 0 || spans.length === 0) return [];
  const index = new Map<string, number>();
  spans.forEach((span, i) => {
    if (span.id !== undefined && !index.has(span.id)) index.set(span.id, i);
  });
  const ends: RelationEnds[] = [];
  for (const relation of relations) {
    const from = index.get(relation.from);
    const to = index.get(relation.to);
    // An end that is not a counted span (filtered out, or missing) leaves the relation out, as if absent.
    if (from === undefined || to === undefined) continue;
    ends.push({ type: relation.type, from, to });
  }
  return ends;
}

/** An annotator's document labels on one document; two entries are taken together. Undefined when there is no entry. */
function documentLabelsOf(entries: ReadonlyArray<Readonly<Record<string, string[]>>>): Record<string, string[]> | undefined {
  if (entries.length === 0) return undefined;
  const chosen: Record<string, string[]> = {};
  for (const labels of entries) {
    for (const [category, values] of Object.entries(labels)) {
      if (!Array.isArray(values)) continue;
      const before = Object.hasOwn(chosen, category) ? (chosen[category] ?? []) : [];
      const merged = [...new Set([...before, ...values])];
      Object.defineProperty(chosen, category, { value: merged, enumerable: true, writable: true, configurable: true });
    }
  }
  return chosen;
}

/** What one document (or the corpus so far) counts: span and relation scores, attribute pairs, token tallies. */
interface Tallies {
  /** By pair index, the pairs in pairOrder. */
  exact: SpanScores[];
  overlap: SpanScores[];
  relationExact: RelationScores[];
  relationOverlap: RelationScores[];
  attributes: AttributeTally[];
  /** [pair][layer]. */
  spanConfusion: ConfusionMatrix[][];
  /** Token labels of each pair, [pair][layer]. */
  tokens: LabelPairTable[][];
  /** Token labels of all annotators, by layer. */
  groups: GroupTally[];
}

function emptyTallies(pairs: number, layers: number, annotators: number, corpus: boolean): Tallies {
  const each = <T>(make: () => T): T[] => Array.from({ length: pairs }, make);
  return {
    exact: each(() => sumSpanScores([])),
    overlap: each(() => sumSpanScores([])),
    relationExact: each(() => sumRelationScores([])),
    relationOverlap: each(() => sumRelationScores([])),
    attributes: each(() => new AttributeTally()),
    spanConfusion: each(() => Array.from({ length: layers }, () => sumConfusionMatrices([], MISSING))),
    tokens: each(() => Array.from({ length: layers }, () => new LabelPairTable())),
    // A document's tally keeps its tokens' figures so the corpus's can add them in order.
    groups: pairs > 0 ? Array.from({ length: layers }, () => new GroupTally(annotators, !corpus)) : [],
  };
}

function pairOrder(count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
  return pairs;
}

function figures(part: Tallies, annotators: readonly string[], layers: readonly LayerId[]): AgreementFigures {
  if (annotators.length < 2) return { pairs: [], overall: [], relations: [], attributes: [] };
  const pairs = pairOrder(annotators.length).map(([i, j], p): PairAgreement => ({
    reference: annotators[i] as string,
    candidate: annotators[j] as string,
    exact: part.exact[p] as SpanScores,
    overlap: part.overlap[p] as SpanScores,
    cohenKappa: layers.map((layer, l) => {
      const result = (part.tokens[p]?.[l] as LabelPairTable).kappa();
      return { layer, kappa: result.kappa, observed: result.observed, expected: result.expected, tokens: result.items };
    }),
    confusion: layers.map((layer, l) => ({
      layer,
      tokens: tableConfusionMatrix(part.tokens[p]?.[l] as LabelPairTable, OUTSIDE),
      spans: part.spanConfusion[p]?.[l] ?? { labels: [MISSING], counts: [[0]] },
    })),
  }));
  const overall = layers.map((layer, l): GroupAgreement => {
    const group = part.groups[l] as GroupTally;
    return { layer, fleissKappa: group.fleiss().kappa, krippendorffAlpha: group.alpha().alpha, tokens: group.items };
  });
  const relations = pairOrder(annotators.length).map(([i, j], p): RelationPairAgreement => ({
    reference: annotators[i] as string,
    candidate: annotators[j] as string,
    exact: part.relationExact[p] as RelationScores,
    overlap: part.relationOverlap[p] as RelationScores,
  }));
  const attributes = pairOrder(annotators.length).map(([i, j], p): AttributePairAgreement => ({
    reference: annotators[i] as string,
    candidate: annotators[j] as string,
    attributes: (part.attributes[p] as AttributeTally).kappas(),
  }));
  return { pairs, overall, relations, attributes };
}
