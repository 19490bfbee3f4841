// The agreement report as JSON with keys in a stable (sorted) order, so that two runs diff cleanly.
// It can be written in pieces (the frame, then each document's figures), so that a long list of
// documents need never be one string: the pieces joined are the whole text, byte for byte.
import type { AgreementReport, DocumentAgreement } from './report';

/** Pretty-printed JSON, object keys sorted in code-unit order at every level, ending in a newline. */
export function reportToJson(report: AgreementReport): string {
  const { before, after } = reportJsonFrame(report);
  return before + report.perDocument.map(perDocumentJson).join('') + perDocumentJsonEnd(report.perDocument.length) + after;
}

/**
 * The report's JSON around its `perDocument` list (whatever the report holds there): `before`
 * ends where the list starts, `after` starts after it. Between them go `perDocumentJson` of each
 * row, then `perDocumentJsonEnd`.
 */
export function reportJsonFrame(report: AgreementReport): { before: string; after: string } {
  const sorted = sortKeys({ ...report, perDocument: [] }) as Record<string, unknown>;
  let before = '{';
  let after: string | undefined;
  let first = true;
  for (const [key, value] of Object.entries(sorted)) {
    if (value === undefined || typeof value === 'function') continue;
    const text = `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key === 'perDocument') {
      before += text;
      after = '';
    } else if (after === undefined) before += text + indent(JSON.stringify(value, null, 2), 2);
    else after += text + indent(JSON.stringify(value, null, 2), 2);
  }
  return { before, after: (after ?? '') + '\n}\n' };
}

/** Row `index` of the `perDocument` list, as the whole report's JSON has it (with what comes before it). */
export function perDocumentJson(row: DocumentAgreement, index: number): string {
  return (index === 0 ? '[\n    ' : ',\n    ') + indent(JSON.stringify(sortKeys(row), null, 2), 4);
}

/** What closes a `perDocument` list of `count` rows. */
export function perDocumentJsonEnd(count: number): string {
  return count === 0 ? '[]' : '\n  ]';
}

/** Text nested `spaces` deeper: JSON strings hold no raw line break, so every one is structure. */
function indent(text: string, spaces: number): string {
  return text.replaceAll('\n', '\n' + ' '.repeat(spaces));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(sorted, key, {
      value: sortKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}
