// Finds each document in every annotator's file: by id, else by the hash of its text.
import type { DocumentDraft } from '../src-shared/domain';
import type { ParsedDocument } from '../src-shared/formats/import-result';
import { hashText } from '../src-shared/text-hash';

export interface AnnotatorFile {
  /** The path as the user gave it, for messages. */
  path: string;
  documents: readonly ParsedDocument[];
}

export interface MatchedDocument {
  /** The document's id in the first file that has one, else `text:` and the start of its text hash. */
  id: string;
  text: string;
  /** The document as each file has it, in file order; undefined where a file lacks it. */
  drafts: Array<DocumentDraft | undefined>;
}

export interface DocumentMatch {
  /** Every document of any file: first the first file's, then those only later files have. */
  documents: MatchedDocument[];
  /** Documents some file lacks (that annotator did not annotate them), and ids repeated within a file. */
  warnings: string[];
  /** Documents whose id is the same in two files but whose text differs. */
  errors: string[];
}

interface Row {
  hash: string;
  text: string;
  drafts: Array<ParsedDocument | undefined>;
  conflict: boolean;
}

/**
 * Pairs the documents of all files. First by id: a document whose id another file already
 * brought is that document (an error if the texts differ). Then by text: a document not found by
 * id joins one with the same text that its file has not yet filled (ids may differ, as when a
 * tool renumbers documents). A document some file lacks is kept, with a warning: that file's
 * annotator did not annotate it, which the document scope then decides on.
 */
export function matchDocuments(files: readonly AnnotatorFile[]): DocumentMatch {
  const warnings: string[] = [];
  const errors: string[] = [];
  const rows: Row[] = [];
  const byId = new Map<string, Row>();
  files.forEach((file, f) => {
    const seen = new Set<string>();
    const pending: ParsedDocument[] = [];
    for (const parsed of file.documents) {
      const id = parsed.draft.id;
      if (id !== undefined && seen.has(id)) {
        warnings.push(`${where(file.path, parsed)}: document "${id}" appears again in this file; only the first is used`);
        continue;
      }
      if (id !== undefined) seen.add(id);
      const row = id === undefined ? undefined : byId.get(id);
      if (row && !row.drafts[f]) {
        if (row.hash !== hashText(parsed.draft.text)) {
          if (!row.conflict) errors.push(`document "${id}" has different text in ${firstPath(files, row)} and ${file.path}`);
          row.conflict = true;
        } else row.drafts[f] = parsed;
      } else pending.push(parsed);
    }
    // Documents not found by id: by text, else new.
    for (const parsed of pending) {
      const hash = hashText(parsed.draft.text);
      const id = parsed.draft.id;
      const row =
        rows.find((candidate) => !candidate.drafts[f] && candidate.hash === hash) ?? newRow(rows, files.length, hash, parsed.draft.text);
      row.drafts[f] = parsed;
      if (id !== undefined && !byId.has(id)) byId.set(id, row);
    }
  });

  const documents: MatchedDocument[] = [];
  const usedIds = new Set<string>();
  for (const row of rows) {
    if (row.conflict) continue;
    const holder = row.drafts.findIndex((draft) => draft !== undefined);
    const parsed = row.drafts[holder] as ParsedDocument;
    const missing = files.filter((_, f) => !row.drafts[f]).map((file) => file.path);
    if (missing.length > 0) {
      warnings.push(
        `${where(files[holder]?.path ?? '', parsed)}: document ${describe(parsed)} is not in ${missing.join(', ')}; counted as not annotated there`,
      );
    }
    const base = row.drafts.find((draft) => draft?.draft.id !== undefined)?.draft.id ?? `text:${row.hash.slice(0, 12)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
    usedIds.add(id);
    documents.push({ id, text: row.text, drafts: row.drafts.map((draft) => draft?.draft) });
  }
  return { documents, warnings, errors };
}

function newRow(rows: Row[], fileCount: number, hash: string, text: string): Row {
  const row: Row = { hash, text, drafts: Array.from({ length: fileCount }, () => undefined), conflict: false };
  rows.push(row);
  return row;
}

function firstPath(files: readonly AnnotatorFile[], row: Row): string {
  return files[row.drafts.findIndex((draft) => draft !== undefined)]?.path ?? '';
}

function where(path: string, parsed: ParsedDocument): string {
  return parsed.line === undefined ? path : `${path}:${parsed.line}`;
}

function describe(parsed: ParsedDocument): string {
  return parsed.draft.id !== undefined ? `"${parsed.draft.id}"` : `"${parsed.draft.meta.title}"`;
}
