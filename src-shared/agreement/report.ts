// The agreement report: every figure for every pair of annotators and for the group, over all documents and per document.
import { LAYERS, type LayerId, type RelationType } from '../domain';
import { OffsetConverter } from '../offsets';
import { tokenize, type Token } from '../segmentation';
import { attributeKappas, matchedAttributes, type AttributeKappa, type MatchedAttributes } from './attribute-agreement';
import { cohenKappa } from './cohen-kappa';
import { MISSING, spanConfusionMatrix, sumConfusionMatrices, tokenConfusionMatrix, type ConfusionMatrix } from './confusion-matrix';
import { fitsScope, type DocumentScope, type ScopeSummary } from './document-scope';
import { documentLabelAgreement, type CategoryKind, type DocumentLabelAgreement } from './document-label-agreement';
import { fleissKappaOf } from './fleiss-kappa';
import { krippendorffAlphaOf } from './krippendorff-alpha';
import { scoreRelations, sumRelationScores, type RelationEnds, type RelationScores } from './relation-scores';
import { matchSpans, type SpanMatching } from './span-matching';
import { scoreMatching, sumSpanScores, type SpanScores } from './span-scores';
import { tokenLabels } from './token-labels';
import { OUTSIDE, type AgreementDocument, type AgreementSpan, type AnnotationSet } from './types';

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
  const annotators = annotationSets.map((set) => set.annotator);
  const repeatedAnnotator = annotators.find((name, i) => annotators.indexOf(name) !== i);
  if (repeatedAnnotator !== undefined) throw new RangeError(`agreementReport: annotator "${repeatedAnnotator}" appears twice`);
  const documentIds = new Set<string>();
  for (const document of documents) {
    if (documentIds.has(document.id)) throw new RangeError(`agreementReport: document "${document.id}" appears twice`);
    documentIds.add(document.id);
  }

  const reportLayers: LayerId[] = options.layer ? [options.layer] : [...LAYERS];
  const labelFilter = options.labels ? new Set(options.labels) : undefined;
  const scope = documentsInScope(documents, annotationSets, options, reportLayers, labelFilter);
  const comparedIds = new Set(scope.compared);
  const scopeIds = new Set([...scope.compared, ...scope.withoutSpans]);
  const keep = (span: AgreementSpan): boolean =>
    comparedIds.has(span.documentId) && reportLayers.includes(span.layer) && (!labelFilter || labelFilter.has(span.label));

  // spansOf[annotator][documentId]
  const spansOf = annotationSets.map((set) => {
    const byDocument = new Map<string, AgreementSpan[]>();
    for (const span of set.spans) {
      if (!keep(span)) continue;
      const list = byDocument.get(span.documentId);
      if (list) list.push(span);
      else byDocument.set(span.documentId, [span]);
    }
    return byDocument;
  });
  const spanCounts = spansOf.map((byDocument) => [...byDocument.values()].reduce((total, list) => total + list.length, 0));
  const relationsOf = annotationSets.map((set, a) => relationEnds(set, spansOf[a] as Map<string, AgreementSpan[]>));
  const relationCounts = relationsOf.map((byDocument) => [...byDocument.values()].reduce((total, list) => total + list.length, 0));
  const enough = annotationSets.length >= 2 && comparedIds.size > 0;
  const undirected = new Set((options.relationTypes ?? []).filter((type) => !type.directed).map((type) => type.name));

  const perDocument: DocumentAgreement[] = [];
  const parts: DocumentParts[] = [];
  for (const document of documents) {
    if (!comparedIds.has(document.id)) continue;
    // Lengths and overlaps count code points, as Python and the exported files do: an emoji is one character.
    const codePoints = new OffsetConverter(document.text);
    // Without astral characters the two units agree: no need to copy every token and span.
    const convert =
      codePoints.codePointLength === document.text.length
        ? <T>(item: T): T => item
        : <T extends { start: number; end: number }>(item: T): T => inCodePoints(item, codePoints, document.text.length);
    const tokens = tokenize(document.text, options.locale).map(convert);
    const part = documentParts(
      tokens,
      spansOf.map((byDocument) => (byDocument.get(document.id) ?? []).map(convert)),
      relationsOf.map((byDocument) => byDocument.get(document.id) ?? []),
      reportLayers,
      enough,
      undirected,
    );
    parts.push(part);
    perDocument.push({ documentId: document.id, tokens: tokens.length, ...figures(part, annotators, reportLayers) });
  }

  const inScopeIds = documents.map((document) => document.id).filter((id) => scopeIds.has(id));
  return {
    annotators,
    spanCounts,
    relationCounts,
    layers: reportLayers,
    labels: options.labels ? [...options.labels] : null,
    documents: comparedIds.size,
    scope,
    message: annotationSets.length < 2 ? NEEDS_TWO_ANNOTATORS : enough ? null : NO_DOCUMENT_TO_COMPARE,
    ...figures(mergeParts(parts, annotationSets.length, reportLayers), enough ? annotators : [], reportLayers),
    perDocument,
    documentLabels: documentLabelAgreement(
      enough ? inScopeIds : [],
      annotators,
      annotationSets.map((set) => documentLabelsOf(set, scopeIds)),
      options.documentCategories,
    ),
  };
}

/** A span or token with its UTF-16 offsets turned into code points (offsets past the text count as its end). */
function inCodePoints<T extends { start: number; end: number }>(item: T, codePoints: OffsetConverter, length: number): T {
  const at = (offset: number): number => codePoints.toCodePoint(Math.min(Math.max(0, Math.trunc(offset) || 0), length));
  return { ...item, start: at(item.start), end: at(item.end) };
}

/** Splits the documents into compared, in scope without spans, and out of scope. */
function documentsInScope(
  documents: readonly AgreementDocument[],
  annotationSets: readonly AnnotationSet[],
  options: AgreementOptions,
  layers: readonly LayerId[],
  labelFilter: ReadonlySet<string> | undefined,
): ScopeSummary {
  const scope = options.scope ?? 'all';
  // What each annotator has on each document: any annotation (for `annotated`), a counted span (for "no spans from anyone").
  const annotated = annotationSets.map((set) => {
    const ids = new Set(set.spans.map((span) => span.documentId));
    for (const entry of set.documentLabels ?? []) {
      if (Object.values(entry.labels).some((values) => Array.isArray(values) && values.length > 0)) ids.add(entry.documentId);
    }
    return ids;
  });
  const withCountedSpan = new Set(
    annotationSets.flatMap((set) =>
      set.spans
        .filter((span) => layers.includes(span.layer) && (!labelFilter || labelFilter.has(span.label)))
        .map((span) => span.documentId),
    ),
  );
  const summary: ScopeSummary = { scope, compared: [], withoutSpans: [], outOfScope: [], keptOutBy: {} };
  for (const document of documents) {
    const keptOutBy = annotationSets
      .filter((set, a) => {
        const status = set.statuses && Object.hasOwn(set.statuses, document.id) ? set.statuses[document.id] : undefined;
        return !fitsScope(scope, { status, annotated: annotated[a]?.has(document.id) ?? false });
      })
      .map((set) => set.annotator);
    if (keptOutBy.length > 0) {
      summary.outOfScope.push(document.id);
      // defineProperty: a document id such as "__proto__" is a key like any other.
      Object.defineProperty(summary.keptOutBy, document.id, { value: keptOutBy, enumerable: true, writable: true, configurable: true });
    } else if (withCountedSpan.has(document.id)) summary.compared.push(document.id);
    else summary.withoutSpans.push(document.id);
  }
  return summary;
}

/** An annotator's relations by document, their ends resolved to indexes into its counted spans of the document. */
function relationEnds(set: AnnotationSet, spans: ReadonlyMap<string, readonly AgreementSpan[]>): Map<string, RelationEnds[]> {
  const byDocument = new Map<string, RelationEnds[]>();
  const indexes = new Map<string, Map<string, number>>();
  for (const relation of set.relations ?? []) {
    const documentSpans = spans.get(relation.documentId);
    if (!documentSpans) continue;
    let index = indexes.get(relation.documentId);
    if (!index) {
      index = new Map();
      documentSpans.forEach((span, i) => {
        if (span.id !== undefined && !index?.has(span.id)) index?.set(span.id, i);
      });
      indexes.set(relation.documentId, index);
    }
    const from = index.get(relation.from);
    const to = index.get(relation.to);
    // An end that is not a counted span (filtered out, or missing) leaves the relation out, as if absent.
    if (from === undefined || to === undefined) continue;
    const list = byDocument.get(relation.documentId);
    const ends: RelationEnds = { type: relation.type, from, to };
    if (list) list.push(ends);
    else byDocument.set(relation.documentId, [ends]);
  }
  return byDocument;
}

/** An annotator's document labels by document; two entries for one document are taken together. */
function documentLabelsOf(set: AnnotationSet, documentIds: ReadonlySet<string>): Map<string, Record<string, string[]>> {
  const byDocument = new Map<string, Record<string, string[]>>();
  for (const entry of set.documentLabels ?? []) {
    if (!documentIds.has(entry.documentId)) continue;
    const chosen = byDocument.get(entry.documentId) ?? {};
    for (const [category, values] of Object.entries(entry.labels)) {
      if (!Array.isArray(values)) continue;
      const before = Object.hasOwn(chosen, category) ? (chosen[category] ?? []) : [];
      const merged = [...new Set([...before, ...values])];
      Object.defineProperty(chosen, category, { value: merged, enumerable: true, writable: true, configurable: true });
    }
    byDocument.set(entry.documentId, chosen);
  }
  return byDocument;
}

/** What one document (or several merged) contributes: span and relation scores, matched attributes, token labels. */
interface DocumentParts {
  /** pairScores[pairIndex] for the pairs in pairOrder. */
  exact: SpanScores[];
  overlap: SpanScores[];
  relationExact: RelationScores[];
  relationOverlap: RelationScores[];
  /** The attribute values of the spans each pair matched exactly. */
  attributes: MatchedAttributes[][];
  spanConfusion: ConfusionMatrix[][];
  /** labels[layerIndex][annotator][token]. */
  labels: string[][][];
}

function pairOrder(count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
  return pairs;
}

function documentParts(
  tokens: readonly Token[],
  spans: readonly AgreementSpan[][],
  relations: readonly RelationEnds[][],
  layers: readonly LayerId[],
  enough: boolean,
  undirected: ReadonlySet<string>,
): DocumentParts {
  const pairs = enough ? pairOrder(spans.length) : [];
  const side = (i: number): AgreementSpan[] => spans[i] ?? [];
  const linked = (i: number): RelationEnds[] => relations[i] ?? [];
  // One matching per pair and mode, shared by the span scores, the relation ends and the attributes.
  const exact = pairs.map(([i, j]) => matchSpans(side(i), side(j), 'exact'));
  const overlap = pairs.map(([i, j]) => matchSpans(side(i), side(j), 'overlap'));
  return {
    exact: pairs.map(([i, j], p) => scoreMatching(side(i), side(j), exact[p] as SpanMatching)),
    overlap: pairs.map(([i, j], p) => scoreMatching(side(i), side(j), overlap[p] as SpanMatching)),
    relationExact: pairs.map(([i, j], p) => scoreRelations(linked(i), linked(j), exact[p] as SpanMatching, undirected)),
    relationOverlap: pairs.map(([i, j], p) => scoreRelations(linked(i), linked(j), overlap[p] as SpanMatching, undirected)),
    attributes: pairs.map(([i, j], p) => matchedAttributes(side(i), side(j), exact[p] as SpanMatching)),
    spanConfusion: pairs.map(([i, j]) => layers.map((layer) => spanConfusionMatrix(side(i), side(j), layer))),
    labels: layers.map((layer) => spans.map((annotatorSpans) => tokenLabels(tokens, annotatorSpans, layer))),
  };
}

function mergeParts(parts: readonly DocumentParts[], annotatorCount: number, layers: readonly LayerId[]): DocumentParts {
  const pairs = annotatorCount >= 2 ? pairOrder(annotatorCount) : [];
  return {
    exact: pairs.map((_, p) => sumSpanScores(parts.map((part) => part.exact[p] as SpanScores))),
    overlap: pairs.map((_, p) => sumSpanScores(parts.map((part) => part.overlap[p] as SpanScores))),
    relationExact: pairs.map((_, p) => sumRelationScores(parts.map((part) => part.relationExact[p] as RelationScores))),
    relationOverlap: pairs.map((_, p) => sumRelationScores(parts.map((part) => part.relationOverlap[p] as RelationScores))),
    attributes: pairs.map((_, p) => parts.flatMap((part) => part.attributes[p] ?? [])),
    spanConfusion: pairs.map((_, p) =>
      layers.map((__, l) =>
        sumConfusionMatrices(
          parts.map((part) => part.spanConfusion[p]?.[l] as ConfusionMatrix),
          MISSING,
        ),
      ),
    ),
    labels: layers.map((_, l) => Array.from({ length: annotatorCount }, (__, a) => parts.flatMap((part) => part.labels[l]?.[a] ?? []))),
  };
}

function figures(part: DocumentParts, annotators: readonly string[], layers: readonly LayerId[]): AgreementFigures {
  if (annotators.length < 2) return { pairs: [], overall: [], relations: [], attributes: [] };
  const labelsOf = (l: number, a: number): string[] => part.labels[l]?.[a] ?? [];
  const pairs = pairOrder(annotators.length).map(([i, j], p): PairAgreement => ({
    reference: annotators[i] as string,
    candidate: annotators[j] as string,
    exact: part.exact[p] as SpanScores,
    overlap: part.overlap[p] as SpanScores,
    cohenKappa: layers.map((layer, l) => {
      const result = cohenKappa(labelsOf(l, i), labelsOf(l, j));
      return { layer, kappa: result.kappa, observed: result.observed, expected: result.expected, tokens: result.items };
    }),
    confusion: layers.map((layer, l) => ({
      layer,
      tokens: tokenConfusionMatrix(labelsOf(l, i), labelsOf(l, j)),
      spans: part.spanConfusion[p]?.[l] ?? { labels: [MISSING], counts: [[0]] },
    })),
  }));
  const overall = layers.map((layer, l): GroupAgreement => {
    const tokens = labelsOf(l, 0).length;
    // Token t is an item rated by every annotator; no array per token (there may be millions).
    const label = (t: number, a: number): string => labelsOf(l, a)[t] ?? OUTSIDE;
    return {
      layer,
      fleissKappa: fleissKappaOf(tokens, annotators.length, label).kappa,
      krippendorffAlpha: krippendorffAlphaOf(tokens, annotators.length, label).alpha,
      tokens,
    };
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
    attributes: attributeKappas(part.attributes[p] ?? []),
  }));
  return { pairs, overall, relations, attributes };
}
