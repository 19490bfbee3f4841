// The agreement report as JSON with keys in a stable (sorted) order, so that two runs diff cleanly.
import type { AgreementReport } from './report';

/** Pretty-printed JSON, object keys sorted in code-unit order at every level, ending in a newline. */
export function reportToJson(report: AgreementReport): string {
  return JSON.stringify(sortKeys(report), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(sorted, key, { value: sortKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return sorted;
}
