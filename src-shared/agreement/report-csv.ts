// The agreement report as CSV (RFC 4180): one row per figure, corpus-wide rows first, then each document's.
import { MATCH_MODES } from './span-matching';
import type { AgreementFigures, AgreementReport } from './report';

export const CSV_COLUMNS = ['document', 'reference', 'candidate', 'measure', 'layer', 'label', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1', 'value'] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/**
 * Rows, each with `document` empty for the whole corpus or a document id:
 * - measure `exact` / `overlap`: one row per pair and label (layer and label set) and one
 *   micro-averaged row per pair (layer and label empty), with tp, fp, fn, precision, recall, f1;
 * - measure `cohen_kappa`: one row per pair and layer, the figure in `value`;
 * - measure `fleiss_kappa` / `krippendorff_alpha`: one row per layer, reference and candidate empty.
 * An undefined figure (null) is an empty cell. Lines end in CRLF, as RFC 4180 specifies.
 */
export function reportToCsv(report: AgreementReport): string {
  const rows: Row[] = [...figureRows('', report)];
  for (const document of report.perDocument) rows.push(...figureRows(document.documentId, document));
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function figureRows(document: string, figures: AgreementFigures): Row[] {
  const rows: Row[] = [];
  for (const pair of figures.pairs) {
    const base = { document, reference: pair.reference, candidate: pair.candidate };
    for (const mode of MATCH_MODES) {
      const scores = pair[mode];
      for (const item of scores.labels) rows.push({ ...base, measure: mode, ...item });
      rows.push({ ...base, measure: mode, layer: '', label: '', ...scores.overall });
    }
    for (const kappa of pair.cohenKappa) rows.push({ ...base, measure: 'cohen_kappa', layer: kappa.layer, value: kappa.kappa });
  }
  for (const group of figures.overall) {
    rows.push({ document, measure: 'fleiss_kappa', layer: group.layer, value: group.fleissKappa });
    rows.push({ document, measure: 'krippendorff_alpha', layer: group.layer, value: group.krippendorffAlpha });
  }
  return rows;
}

/** Quotes a field when it holds a comma, a quote, a line break or edge spaces; quotes inside are doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
