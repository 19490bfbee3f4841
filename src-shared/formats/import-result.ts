// What reading an import file gives: the documents, and every problem with its file, line and
// reason (nothing is dropped without a word).
import type { DocumentDraft, LayerId } from '../domain';

/** The format a document was read as: a registered format, plain text, or plain JSONL (text only). */
export type ImportFormat = 'text' | 'jsonl' | 'spanwright' | 'doccano' | 'spacy' | 'label-studio' | 'hf-token' | 'brat';

export interface ImportIssue {
  file: string;
  /** 1-based line of a JSONL file, or item number of a JSON array (see `lineKind`). */
  line?: number;
  /** What `line` counts: a line of the file (default) or an item of a JSON array. */
  lineKind?: 'line' | 'item';
  reason: string;
}

export interface ParsedDocument {
  file: string;
  line?: number;
  format: ImportFormat;
  draft: DocumentDraft;
}

export interface UnknownLabel {
  name: string;
  layer: LayerId;
  count: number;
}

export interface ImportParseResult {
  file: string;
  documents: ParsedDocument[];
  issues: ImportIssue[];
  unknownLabels: UnknownLabel[];
}
