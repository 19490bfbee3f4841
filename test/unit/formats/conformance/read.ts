// Shared by the conformance suite: read a hand-written fixture as the app and the CLI do, and
// describe what came in (documents, spans as label + text + annotator, refusals, notes).
import type { DocumentDraft } from '../../../../src-shared/domain';
import { draftToExportDocument } from '../../../../src-shared/formats/draft-document';
import type { ExportDocument, ReadOptions } from '../../../../src-shared/formats/format-module';
import { parseImportFile } from '../../../../src-shared/formats/import';
import type { ImportParseResult } from '../../../../src-shared/formats/import-result';

export function readFixture(name: string, content: string, options: ReadOptions = {}): ImportParseResult {
  return parseImportFile(name, new TextEncoder().encode(content), [], [], options);
}

/** `LABEL "text"` (and `@annotator` when the span has one), in span order. */
export function spansOf(draft: DocumentDraft): string[] {
  return draft.spans.map(
    (s) => `${s.label} ${JSON.stringify(draft.text.slice(s.start, s.end))}${s.annotator !== undefined ? ` @${s.annotator}` : ''}`,
  );
}

/** The refusals (`line: reason`) and the notes (`line: note: reason`) of a read. */
export function issuesOf(result: ImportParseResult): string[] {
  return result.issues
    .filter((issue) => !issue.reason.startsWith('no documents imported'))
    .map((issue) => `${issue.line ?? '-'}: ${issue.severity === 'note' ? 'note: ' : ''}${issue.reason}`);
}

export const jsonl = (...lines: unknown[]): string => lines.map((line) => JSON.stringify(line)).join('\n') + '\n';

/** A read draft as the exporters take it (the app stores it first): span ids s0, s1... */
export const asExport = (draft: DocumentDraft, id = 'd'): ExportDocument =>
  draftToExportDocument(draft, { id, spanId: (i) => `s${i}`, relationId: (i) => `r${i}`, annotator: 'ana', origin: 'imported' });
