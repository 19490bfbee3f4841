// Refuses documents with more spans than the limit (limits.ts): a million spans in one document
// would freeze the document view and the import for minutes. Suggestions count as spans: they
// are drawn the same way.
import { limitRefusal, limitsOf, type LimitPolicy } from '../limits';
import type { ImportIssue, ParsedDocument } from './import-result';

/** The documents within the limit, and one issue (file, line, count, limit) for each one left out. */
export function withinSpanLimit(
  documents: readonly ParsedDocument[],
  policy: LimitPolicy | undefined,
  lineKind: 'line' | 'item' = 'line',
): { documents: ParsedDocument[]; issues: ImportIssue[] } {
  const max = limitsOf(policy).spansPerDocument;
  const kept: ParsedDocument[] = [];
  const issues: ImportIssue[] = [];
  for (const document of documents) {
    const count = document.draft.spans.length + (document.draft.suggestions?.length ?? 0);
    if (count <= max) {
      kept.push(document);
      continue;
    }
    const reason = `“${document.draft.meta.title}”: ${limitRefusal('spansPerDocument', policy, count)}`;
    issues.push(
      document.line === undefined ? { file: document.file, reason } : { file: document.file, line: document.line, lineKind, reason },
    );
  }
  return { documents: kept, issues };
}
