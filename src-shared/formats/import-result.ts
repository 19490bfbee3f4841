// What reading an import file gives: the documents, and every problem with its file, line and
// reason (nothing is dropped without a word).
import type { DocumentDraft, LayerId } from '../domain';

/** The format a document was read as: a registered format, plain text, or plain JSONL (text only). */
export type ImportFormat =
  'text' | 'jsonl' | 'spanwright' | 'doccano' | 'spacy' | 'label-studio' | 'hf-token' | 'brat' | 'conll2003' | 'claims';

export interface ImportIssue {
  file: string;
  /** 1-based line of a JSONL file, or item number of a JSON array (see `lineKind`). */
  line?: number;
  /** What `line` counts: a line of the file (default) or an item of a JSON array. */
  lineKind?: 'line' | 'item';
  reason: string;
  /**
   * 'note': something the file holds that Spanwright does not keep (a brat event, a relation
   * whose end is no span); the document itself is imported. Absent: the entry (a line, an
   * item, a document) is refused with this reason.
   */
  severity?: 'note';
}

/** Whether an issue refuses something (as opposed to a note about what was not kept). */
export function refuses(issue: ImportIssue): boolean {
  return issue.severity !== 'note';
}

export interface ParsedDocument {
  file: string;
  line?: number;
  /** The later lines (or items) of the file joined into this document (JSON-MIN rows, claim sentences). */
  joinedLines?: number[];
  format: ImportFormat;
  draft: DocumentDraft;
}

export interface UnknownLabel {
  name: string;
  layer: LayerId;
  count: number;
}

/**
 * What the user may tell the readers about a file that it does not say itself (the keys of
 * `ReadOptions`): the names of its label ids (`--labels`), the unit of its offsets (`--offsets`).
 */
export type ReadQuestion = 'labelList' | 'offsetUnit';

export interface ImportParseResult {
  file: string;
  documents: ParsedDocument[];
  issues: ImportIssue[];
  unknownLabels: UnknownLabel[];
  /**
   * What the user could choose that would change how the file is read: label ids that no list
   * names, offsets whose unit was detected or cannot be told. The app's import report offers
   * these choices; the CLI has `--labels` and `--offsets`.
   */
  asks?: ReadQuestion[];
}
