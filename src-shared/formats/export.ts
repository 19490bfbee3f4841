// Writes one document as one JSONL line in the three original export formats (the app's
// export dialog). Every format uses Unicode code-point offsets, so that Python's
// `text[start:end]` equals each span's text. All formats, with reports of what each leaves
// out: exporter.ts and registry.ts.
import type { DocumentMeta, DocumentStatus, Span } from '../domain';
import { createExporter } from './exporter';

export type ExportFormat = 'spanwright' | 'doccano' | 'spacy';

export const EXPORT_FORMATS: ReadonlyArray<{ id: ExportFormat; name: string; extension: string }> = [
  { id: 'spanwright', name: 'Spanwright JSONL', extension: 'jsonl' },
  { id: 'doccano', name: 'doccano JSONL', extension: 'jsonl' },
  { id: 'spacy', name: 'spaCy JSONL', extension: 'jsonl' },
];

export interface ExportDocument {
  id: string;
  meta: DocumentMeta;
  /** The status of the layer being exported (yours, gold, or a teammate's). */
  status: DocumentStatus;
  /** Spanwright JSONL only: every exported annotator's status, by annotator id. */
  statuses?: Readonly<Record<string, DocumentStatus>>;
  /** Spanwright JSONL only: names of the annotators whose spans are exported. */
  annotators?: ReadonlyArray<{ id: string; name: string }>;
  text: string;
  spans: readonly Span[];
}

export { SPANWRIGHT_FORMAT_VERSION } from './exporter';

/**
 * One JSON line (no trailing newline). Throws RangeError when a span lies outside the text or
 * splits a surrogate pair: that is corrupt data, and writing it would give Python wrong spans.
 * A thin wrapper over `createExporter` (exporter.ts): every span, every layer, and spaCy
 * without tokens (this function's output is fixed; the exporter's spaCy adds tokens).
 */
export function serializeDocument(format: ExportFormat, doc: ExportDocument): string {
  return createExporter(format, { spacyTokens: false }).document(doc).chunk.slice(0, -1);
}
