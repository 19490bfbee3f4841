// The agreement report as plain-text tables for a terminal.
import {
  keptOutReason,
  scopeSentence,
  type AgreementReport,
  type AttributePairAgreement,
  type PairAgreement,
  type RelationPairAgreement,
  type Score,
} from '../src-shared/agreement';
import { ownValue } from '../src-shared/own-keys';
import { pushAll } from '../src-shared/push-all';

/** `tokens`: of the documents compared (default: the sum over `perDocument`, for a report that holds its rows). */
export function formatReportTable(report: AgreementReport, tokens = report.perDocument.reduce((total, document) => total + document.tokens, 0)): string {
  const out: string[] = [];
  out.push(
    `Agreement of ${report.annotators.length} annotator${plural(report.annotators.length)} over ${report.documents} document${plural(report.documents)} (${tokens} token${plural(tokens)}; layers: ${report.layers.join(', ')})`,
    scopeSentence(report.scope),
  );
  const relations = report.relationCounts.some((count) => count > 0);
  const counts = report.annotators.map((name, i) => [
    name,
    String(report.spanCounts[i] ?? 0),
    ...(relations ? [String(report.relationCounts[i] ?? 0)] : []),
  ]);
  pushAll(out, table(['annotator', 'spans', ...(relations ? ['relations'] : [])], counts));
  if (report.message) {
    out.push('', capitalise(report.message) + '.');
    return out.join('\n') + '\n';
  }
  report.pairs.forEach((pair, p) => {
    out.push('');
    pushAll(out, pairSection(pair));
    const linked = report.relations[p];
    if (relations && linked) {
      out.push('');
      pushAll(out, relationSection(linked));
    }
    const attributes = report.attributes[p];
    if (attributes && attributes.attributes.length > 0) {
      out.push('');
      pushAll(out, attributeSection(attributes));
    }
  });
  out.push('', 'All annotators, over token labels:');
  pushAll(
    out,
    table(
      ['layer', "Fleiss' kappa", "Krippendorff's alpha"],
      report.overall.map((group) => [group.layer, figure(group.fleissKappa), figure(group.krippendorffAlpha)]),
    ),
  );
  if (report.documentLabels.overall.length > 0) {
    out.push('');
    pushAll(out, documentLabelSection(report));
  }
  return out.join('\n') + '\n';
}

/** The documents compared, in scope without spans, and out of scope, one id a line under each heading. */
export function formatDocumentLists(report: AgreementReport): string {
  const out: string[] = [];
  const list = (heading: string, ids: readonly string[], why: (id: string) => string = () => ''): void => {
    if (ids.length === 0) return;
    out.push(`${heading} (${ids.length}):`);
    pushAll(out, ids.map((id) => `  ${id}${why(id)}`));
  };
  const { scope } = report;
  list('Documents compared', scope.compared);
  list('In scope, without spans from anyone (left out)', scope.withoutSpans);
  list('Out of scope', scope.outOfScope, (id) => ` (${keptOutReason(scope.scope, ownValue(scope.keptOutBy, id) ?? [])})`);
  return out.join('\n') + '\n';
}

function relationSection(pair: RelationPairAgreement): string[] {
  const header = ['type', 'ref', 'cand', 'exact P', 'R', 'F1', 'overlap P', 'R', 'F1'];
  const row = (type: string, exact: Score, overlap: Score): string[] => [
    type,
    String(exact.tp + exact.fn),
    String(exact.tp + exact.fp),
    figure(exact.precision),
    figure(exact.recall),
    figure(exact.f1),
    figure(overlap.precision),
    figure(overlap.recall),
    figure(overlap.f1),
  ];
  const rows = pair.exact.types.map((exact) =>
    row(exact.type, exact, pair.overlap.types.find((item) => item.type === exact.type) ?? exact),
  );
  rows.push(row('all', pair.exact.overall, pair.overlap.overall));
  return [`${pair.reference} (reference) vs ${pair.candidate}: relations (type and both ends must match)`, ...table(header, rows)];
}

function attributeSection(pair: AttributePairAgreement): string[] {
  const rows = pair.attributes.map((item) => [
    item.layer,
    item.label,
    item.attribute + (item.multiple ? ' (per value)' : ''),
    String(item.spans),
    String(item.items),
    figure(item.kappa),
  ]);
  return [
    `${pair.reference} vs ${pair.candidate}: span attributes, Cohen's kappa over spans matched exactly`,
    ...table(['layer', 'label', 'attribute', 'spans', 'items', 'kappa'], rows),
  ];
}

function documentLabelSection(report: AgreementReport): string[] {
  const pairs = report.documentLabels.pairs;
  const header = ['category', 'items', ...pairs.map((pair) => `${pair.reference} / ${pair.candidate}`)];
  const group = report.annotators.length > 2;
  if (group) header.push("Fleiss' kappa", "Krippendorff's alpha");
  const rows = report.documentLabels.overall.map((overall, c) => [
    overall.category + (overall.multiple ? ' (per value)' : ''),
    String(overall.items),
    ...pairs.map((pair) => figure(pair.categories[c]?.kappa ?? null)),
    ...(group ? [figure(overall.fleissKappa), figure(overall.krippendorffAlpha)] : []),
  ]);
  // Document labels count every document in scope, also those nobody put a span on.
  const documents = report.scope.compared.length + report.scope.withoutSpans.length;
  return [`Document labels over ${documents} document${plural(documents)}, Cohen's kappa per pair:`, ...table(header, rows)];
}

function pairSection(pair: PairAgreement): string[] {
  const header = ['layer', 'label', 'ref', 'cand', 'exact P', 'R', 'F1', 'overlap P', 'R', 'F1'];
  const row = (layer: string, label: string, exact: Score, overlap: Score): string[] => [
    layer,
    label,
    String(exact.tp + exact.fn),
    String(exact.tp + exact.fp),
    figure(exact.precision),
    figure(exact.recall),
    figure(exact.f1),
    figure(overlap.precision),
    figure(overlap.recall),
    figure(overlap.f1),
  ];
  const rows = pair.exact.labels.map((exact) => {
    const overlap = pair.overlap.labels.find((item) => item.layer === exact.layer && item.label === exact.label) ?? exact;
    return row(exact.layer, exact.label, exact, overlap);
  });
  rows.push(row('all', '', pair.exact.overall, pair.overlap.overall));
  return [
    `${pair.reference} (reference) vs ${pair.candidate}: spans`,
    ...table(header, rows),
    `  Cohen's kappa over tokens: ${pair.cohenKappa.map((item) => `${item.layer} ${figure(item.kappa)}`).join(', ')}`,
  ];
}

/** Left-aligned text columns, numbers right-aligned, two spaces apart, indented by two. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => /^(-?[\d.]+|n\/a|)$/.test(row[c] ?? '')));
  const line = (cells: string[]): string =>
    '  ' +
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function figure(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
