// The agreement report as CSV (RFC 4180): one row per figure, corpus-wide rows first, then each document's.
import { MATCH_MODES } from './span-matching';
import type { AgreementFigures, AgreementReport, DocumentAgreement } from './report';

/** `attribute` and `items` came last (after `value`) so that readers of the older columns by position still work. */
export const CSV_COLUMNS = [
  'document',
  'reference',
  'candidate',
  'measure',
  'layer',
  'label',
  'tp',
  'fp',
  'fn',
  'precision',
  'recall',
  'f1',
  'value',
  'attribute',
  'items',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/**
 * Rows, each with `document` empty for the whole corpus or a document id:
 * - measure `exact` / `overlap`: one row per pair and label (layer and label set) and one
 *   micro-averaged row per pair (layer and label empty), with tp, fp, fn, precision, recall, f1;
 * - measure `cohen_kappa`: one row per pair and layer, the figure in `value`, tokens in `items`;
 * - measure `fleiss_kappa` / `krippendorff_alpha`: one row per layer, reference and candidate empty;
 * - measure `relation_exact` / `relation_overlap` (only when someone has a relation): one row
 *   per pair and relation type (the type in `label`) and one overall row per pair (label empty);
 * - measure `attribute_kappa`: one row per pair, layer, label and `attribute`, with `items`;
 * - corpus only, measure `document_label_kappa` per pair and category (in `label`), and
 *   `document_label_fleiss_kappa` / `document_label_krippendorff_alpha` per category;
 * - corpus only, the documents used: measures `documents_compared`, `documents_without_spans`
 *   and `documents_out_of_scope`, the scope in `label` and the count in `value`; then one
 *   `left_out` row per document left out (its id in `document`, `no_spans` or `out_of_scope` in `label`).
 * An undefined figure (null) is an empty cell. Lines end in CRLF, as RFC 4180 specifies.
 */
export function reportToCsv(report: AgreementReport): string {
  const relations = hasRelations(report);
  return reportCsvHead(report) + report.perDocument.map((document) => documentCsv(document, relations)).join('');
}

/** Whether the CSV has relation rows: when some annotator has a counted relation. */
export function hasRelations(report: AgreementReport): boolean {
  return report.relationCounts.some((count) => count > 0);
}

/** The CSV up to the documents' own rows: the header, corpus-wide rows, document labels and the documents used. */
export function reportCsvHead(report: AgreementReport): string {
  const rows: Row[] = [...figureRows('', report, hasRelations(report))];
  for (const pair of report.documentLabels.pairs) {
    for (const item of pair.categories) {
      rows.push({
        document: '',
        reference: pair.reference,
        candidate: pair.candidate,
        measure: 'document_label_kappa',
        label: item.category,
        value: item.kappa,
        items: item.items,
      });
    }
  }
  for (const group of report.documentLabels.overall) {
    rows.push({
      document: '',
      measure: 'document_label_fleiss_kappa',
      label: group.category,
      value: group.fleissKappa,
      items: group.items,
    });
    rows.push({
      document: '',
      measure: 'document_label_krippendorff_alpha',
      label: group.category,
      value: group.krippendorffAlpha,
      items: group.items,
    });
  }
  const { scope, compared, withoutSpans, outOfScope } = report.scope;
  rows.push({ document: '', measure: 'documents_compared', label: scope, value: compared.length });
  rows.push({ document: '', measure: 'documents_without_spans', label: scope, value: withoutSpans.length });
  rows.push({ document: '', measure: 'documents_out_of_scope', label: scope, value: outOfScope.length });
  for (const id of withoutSpans) rows.push({ document: id, measure: 'left_out', label: 'no_spans' });
  for (const id of outOfScope) rows.push({ document: id, measure: 'left_out', label: 'out_of_scope' });
  return CSV_COLUMNS.join(',') + '\r\n' + csvLines(rows);
}

/** One document's rows (`relations`: see `hasRelations`), each line ending in CRLF. */
export function documentCsv(document: DocumentAgreement, relations: boolean): string {
  return csvLines(figureRows(document.documentId, document, relations));
}

function csvLines(rows: readonly Row[]): string {
  let text = '';
  for (const row of rows) text += CSV_COLUMNS.map((column) => csvField(row[column])).join(',') + '\r\n';
  return text;
}

function figureRows(document: string, figures: AgreementFigures, relations: boolean): Row[] {
  const rows: Row[] = [];
  for (const pair of figures.pairs) {
    const base = { document, reference: pair.reference, candidate: pair.candidate };
    for (const mode of MATCH_MODES) {
      const scores = pair[mode];
      for (const item of scores.labels) rows.push({ ...base, measure: mode, ...item });
      rows.push({ ...base, measure: mode, layer: '', label: '', ...scores.overall });
    }
    for (const kappa of pair.cohenKappa)
      rows.push({ ...base, measure: 'cohen_kappa', layer: kappa.layer, value: kappa.kappa, items: kappa.tokens });
  }
  for (const group of figures.overall) {
    rows.push({ document, measure: 'fleiss_kappa', layer: group.layer, value: group.fleissKappa, items: group.tokens });
    rows.push({ document, measure: 'krippendorff_alpha', layer: group.layer, value: group.krippendorffAlpha, items: group.tokens });
  }
  if (relations) {
    for (const pair of figures.relations) {
      const base = { document, reference: pair.reference, candidate: pair.candidate };
      for (const mode of MATCH_MODES) {
        const scores = pair[mode];
        for (const { type, ...item } of scores.types) rows.push({ ...base, measure: `relation_${mode}`, label: type, ...item });
        rows.push({ ...base, measure: `relation_${mode}`, label: '', ...scores.overall });
      }
    }
  }
  for (const pair of figures.attributes) {
    for (const item of pair.attributes) {
      rows.push({
        document,
        reference: pair.reference,
        candidate: pair.candidate,
        measure: 'attribute_kappa',
        layer: item.layer,
        label: item.label,
        attribute: item.attribute,
        value: item.kappa,
        items: item.items,
      });
    }
  }
  return rows;
}

/**
 * Quotes a field when it holds a comma, a quote, a line break or edge spaces; quotes inside are doubled.
 * Text that a spreadsheet would run as a formula (a teammate named `=HYPERLINK(…)`) gets a leading `'`
 * (OWASP's advice); numbers, negative ones included, are written as they are.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' || PLAIN_NUMBER.test(value) || !FORMULA_START.test(value) ? String(value) : `'${value}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A decimal number such as `-0.25` or `1e-3`: a spreadsheet reads it as that number, never as a formula. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
