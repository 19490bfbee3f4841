// The agreement report: every figure for every pair of annotators and for the group, over all documents and per document.
import { LAYERS, type LayerId } from '../domain';
import { tokenize, type Token } from '../segmentation';
import { cohenKappa } from './cohen-kappa';
import { MISSING, spanConfusionMatrix, sumConfusionMatrices, tokenConfusionMatrix, type ConfusionMatrix } from './confusion-matrix';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { scoreSpans, sumSpanScores, type SpanScores } from './span-scores';
import { tokenLabels } from './token-labels';
import { OUTSIDE, type AgreementDocument, type AgreementSpan, type AnnotatorLayer } from './types';

export interface AgreementOptions {
  /** Only this layer (default: every layer). */
  layer?: LayerId;
  /** Only spans with these labels; others are ignored as if absent (default: every label). */
  labels?: string[];
  /** Locale for word segmentation (default: the runtime's). */
  locale?: string;
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

export interface AgreementFigures {
  /** Every pair (i, j) with i before j in the annotator order. Empty with fewer than two annotators. */
  pairs: PairAgreement[];
  /** One entry per layer. Empty with fewer than two annotators. */
  overall: GroupAgreement[];
}

export interface DocumentAgreement extends AgreementFigures {
  documentId: string;
  tokens: number;
}

export interface AgreementReport extends AgreementFigures {
  annotators: string[];
  /** Spans counted per annotator (after the layer and label filters), in `annotators` order. */
  spanCounts: number[];
  layers: LayerId[];
  /** The label filter, or null for every label. */
  labels: string[] | null;
  documents: number;
  /** Why figures are missing (fewer than two annotators), else null. */
  message: string | null;
  perDocument: DocumentAgreement[];
}

export const NEEDS_TWO_ANNOTATORS = 'agreement needs at least two annotators';

/**
 * Compares annotators over `documents`. Spans of documents not listed are left out. Every
 * annotator is taken to have annotated every listed document (no spans = nothing to mark).
 * Throws RangeError on duplicate annotator names or document ids.
 */
export function agreementReport(documents: readonly AgreementDocument[], layers: readonly AnnotatorLayer[], options: AgreementOptions = {}): AgreementReport {
  const annotators = layers.map((layer) => layer.annotator);
  const repeatedAnnotator = annotators.find((name, i) => annotators.indexOf(name) !== i);
  if (repeatedAnnotator !== undefined) throw new RangeError(`agreementReport: annotator "${repeatedAnnotator}" appears twice`);
  const documentIds = new Set<string>();
  for (const document of documents) {
    if (documentIds.has(document.id)) throw new RangeError(`agreementReport: document "${document.id}" appears twice`);
    documentIds.add(document.id);
  }

  const reportLayers: LayerId[] = options.layer ? [options.layer] : [...LAYERS];
  const labelFilter = options.labels ? new Set(options.labels) : undefined;
  const keep = (span: AgreementSpan): boolean =>
    documentIds.has(span.documentId) && reportLayers.includes(span.layer) && (!labelFilter || labelFilter.has(span.label));

  // spansOf[annotator][documentId]
  const spansOf = layers.map((layer) => {
    const byDocument = new Map<string, AgreementSpan[]>();
    for (const span of layer.spans) {
      if (!keep(span)) continue;
      const list = byDocument.get(span.documentId);
      if (list) list.push(span);
      else byDocument.set(span.documentId, [span]);
    }
    return byDocument;
  });
  const spanCounts = spansOf.map((byDocument) => [...byDocument.values()].reduce((total, list) => total + list.length, 0));
  const enough = layers.length >= 2;

  const perDocument: DocumentAgreement[] = [];
  const parts: DocumentParts[] = [];
  for (const document of documents) {
    const tokens = tokenize(document.text, options.locale);
    const part = documentParts(tokens, spansOf.map((byDocument) => byDocument.get(document.id) ?? []), reportLayers, enough);
    parts.push(part);
    perDocument.push({ documentId: document.id, tokens: tokens.length, ...figures(part, annotators, reportLayers) });
  }

  return {
    annotators,
    spanCounts,
    layers: reportLayers,
    labels: options.labels ? [...options.labels] : null,
    documents: documents.length,
    message: enough ? null : NEEDS_TWO_ANNOTATORS,
    ...figures(mergeParts(parts, layers.length, reportLayers), annotators, reportLayers),
    perDocument,
  };
}

/** What one document (or several merged) contributes: span scores and token labels. */
interface DocumentParts {
  /** pairScores[pairIndex] for the pairs in pairOrder. */
  exact: SpanScores[];
  overlap: SpanScores[];
  spanConfusion: ConfusionMatrix[][];
  /** labels[layerIndex][annotator][token]. */
  labels: string[][][];
}

function pairOrder(count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
  return pairs;
}

function documentParts(tokens: readonly Token[], spans: readonly AgreementSpan[][], layers: readonly LayerId[], enough: boolean): DocumentParts {
  const pairs = enough ? pairOrder(spans.length) : [];
  const side = (i: number): AgreementSpan[] => spans[i] ?? [];
  return {
    exact: pairs.map(([i, j]) => scoreSpans(side(i), side(j), 'exact')),
    overlap: pairs.map(([i, j]) => scoreSpans(side(i), side(j), 'overlap')),
    spanConfusion: pairs.map(([i, j]) => layers.map((layer) => spanConfusionMatrix(side(i), side(j), layer))),
    labels: layers.map((layer) => spans.map((annotatorSpans) => tokenLabels(tokens, annotatorSpans, layer))),
  };
}

function mergeParts(parts: readonly DocumentParts[], annotatorCount: number, layers: readonly LayerId[]): DocumentParts {
  const pairs = annotatorCount >= 2 ? pairOrder(annotatorCount) : [];
  return {
    exact: pairs.map((_, p) => sumSpanScores(parts.map((part) => part.exact[p] as SpanScores))),
    overlap: pairs.map((_, p) => sumSpanScores(parts.map((part) => part.overlap[p] as SpanScores))),
    spanConfusion: pairs.map((_, p) => layers.map((__, l) => sumConfusionMatrices(parts.map((part) => part.spanConfusion[p]?.[l] as ConfusionMatrix), MISSING))),
    labels: layers.map((_, l) =>
      Array.from({ length: annotatorCount }, (__, a) => parts.flatMap((part) => part.labels[l]?.[a] ?? [])),
    ),
  };
}

function figures(part: DocumentParts, annotators: readonly string[], layers: readonly LayerId[]): AgreementFigures {
  if (annotators.length < 2) return { pairs: [], overall: [] };
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
    const items: string[][] = Array.from({ length: tokens }, (_, t) => annotators.map((__, a) => labelsOf(l, a)[t] ?? OUTSIDE));
    return { layer, fleissKappa: fleissKappa(items).kappa, krippendorffAlpha: krippendorffAlpha(items).alpha, tokens };
  });
  return { pairs, overall };
}
