// Inter-annotator agreement: span and relation P/R/F1, token-level kappas and alpha, attribute and document-label kappas,
// confusion matrices, and the report built of them.
export {
  OUTSIDE,
  type AgreementDocument,
  type AgreementDocumentLabels,
  type AgreementRelation,
  type AgreementSpan,
  type AnnotationSet,
} from './types';
export { score, addCounts, type MatchCounts, type Score } from './scores';
export { matchSpans, MATCH_MODES, type MatchMode, type MatchOptions, type SpanMatching } from './span-matching';
export { scoreMatching, scoreSpans, sumSpanScores, type LabelScore, type SpanScores } from './span-scores';
export { scoreRelations, sumRelationScores, type RelationEnds, type RelationScores, type TypeScore } from './relation-scores';
export { attributeKappas, matchedAttributes, type AttributeKappa, type MatchedAttributes } from './attribute-agreement';
export {
  documentLabelAgreement,
  type CategoryGroupAgreement,
  type CategoryKappa,
  type CategoryKind,
  type DocumentLabelAgreement,
  type DocumentLabelPair,
} from './document-label-agreement';
export { tokenLabels } from './token-labels';
export {
  DEFAULT_SCOPE,
  DOCUMENT_SCOPES,
  fitsScope,
  inScope,
  keptOutReason,
  SCOPE_LABELS,
  scopeSentence,
  type AnnotatorWork,
  type DocumentScope,
  type ScopeSummary,
} from './document-scope';
export { cohenKappa, type KappaResult } from './cohen-kappa';
export { fleissKappa, fleissKappaFromCounts, type FleissResult } from './fleiss-kappa';
export { krippendorffAlpha, type AlphaResult, type NominalValue } from './krippendorff-alpha';
export { MISSING, spanConfusionMatrix, sumConfusionMatrices, tokenConfusionMatrix, type ConfusionMatrix } from './confusion-matrix';
export {
  AgreementAccumulator,
  agreementReport,
  NEEDS_TWO_ANNOTATORS,
  NO_DOCUMENT_TO_COMPARE,
  type AgreementFigures,
  type AgreementOptions,
  type AgreementReport,
  type AttributePairAgreement,
  type DocumentAgreement,
  type DocumentWork,
  type GroupAgreement,
  type LayerConfusion,
  type LayerKappa,
  type PairAgreement,
  type RelationPairAgreement,
} from './report';
export { CSV_COLUMNS, csvField, documentCsv, hasRelations, reportCsvHead, reportToCsv } from './report-csv';
export { perDocumentJson, perDocumentJsonEnd, reportJsonFrame, reportToJson } from './report-json';
