// Finds each document in every annotator's file: by id, else by the hash of its text.
import type { DocumentDraft } from '../src-shared/domain';
import type { ParsedDocument } from '../src-shared/formats/import-result';
import { hashText } from '../src-shared/text-hash';

/** What matching needs of a document: never its text, so that a large corpus is matched from its index. */
export interface DocumentCopy {
  id?: string;
  /** hashText of its text. */
  hash: string;
  line?: number;
  /** Names it in messages when it has no id. */
  title: string;
}

export interface AnnotatorFile<T> {
  /** The path as the user gave it, for messages. */
  path: string;
  documents: readonly T[];
}

export interface MatchedCopies<T> {
  /** The document's id in the first file that has one, else `text:` and the start of its text hash. */
  id: string;
  /** The document as each file has it, in file order; undefined where a file lacks it. */
  copies: Array<T | undefined>;
}

export interface MatchedDocument {
  id: string;
  text: string;
  drafts: Array<DocumentDraft | undefined>;
}

export interface DocumentMatch<D> {
  /** Every document of any file: first the first file's, then those only later files have. */
  documents: D[];
  /** Documents some file lacks (that annotator did not annotate them), and ids repeated within a file. */
  warnings: string[];
  /** Documents whose id is the same in two files but whose text differs. */
  errors: string[];
}

interface Row<T> {
  hash: string;
  copies: Array<T | undefined>;
  conflict: boolean;
}

/** matchCopies of parsed documents, each matched document with its text and each file's draft. */
export function matchDocuments(files: ReadonlyArray<AnnotatorFile<ParsedDocument>>): DocumentMatch<MatchedDocument> {
  const match = matchCopies(
    files.map((file) => ({ path: file.path, documents: file.documents.map((parsed) => ({ ...copyOf(parsed), parsed })) })),
  );
  return {
    ...match,
    documents: match.documents.map(({ id, copies }) => ({
      id,
      text: copies.find((copy) => copy !== undefined)?.parsed.draft.text ?? '',
      drafts: copies.map((copy) => copy?.parsed.draft),
    })),
  };
}

/** What matching needs of a parsed document. */
export function copyOf(parsed: ParsedDocument): DocumentCopy {
  const copy: DocumentCopy = { hash: hashText(parsed.draft.text), title: parsed.draft.meta.title };
  if (parsed.draft.id !== undefined) copy.id = parsed.draft.id;
  if (parsed.line !== undefined) copy.line = parsed.line;
  return copy;
}

/**
 * Pairs the documents of all files. First by id: a document whose id another file already
 * brought is that document (an error if the texts differ). Then by text: a document not found by
 * id joins one with the same text that its file has not yet filled (ids may differ, as when a
 * tool renumbers documents). A document some file lacks is kept, with a warning: that file's
 * annotator did not annotate it, which the document scope then decides on.
 */
export function matchCopies<T extends DocumentCopy>(files: ReadonlyArray<AnnotatorFile<T>>): DocumentMatch<MatchedCopies<T>> {
  const warnings: string[] = [];
  const errors: string[] = [];
  const rows: Array<Row<T>> = [];
  const byId = new Map<string, Row<T>>();
  const byHash = new Map<string, Array<Row<T>>>();
  files.forEach((file, f) => {
    const seen = new Set<string>();
    const pending: T[] = [];
    for (const copy of file.documents) {
      const id = copy.id;
      if (id !== undefined && seen.has(id)) {
        warnings.push(`${where(file.path, copy)}: document "${id}" appears again in this file; only the first is used`);
        continue;
      }
      if (id !== undefined) seen.add(id);
      const row = id === undefined ? undefined : byId.get(id);
      if (row && !row.copies[f]) {
        if (row.hash !== copy.hash) {
          if (!row.conflict) errors.push(`document "${id}" has different text in ${firstPath(files, row)} and ${file.path}`);
          row.conflict = true;
        } else row.copies[f] = copy;
      } else pending.push(copy);
    }
    // Documents not found by id: by text (the first such document this file has not filled), else new.
    for (const copy of pending) {
      const sameText = byHash.get(copy.hash);
      let row = sameText?.find((candidate) => !candidate.copies[f]);
      if (!row) {
        row = { hash: copy.hash, copies: Array.from({ length: files.length }, () => undefined), conflict: false };
        rows.push(row);
        if (sameText) sameText.push(row);
        else byHash.set(copy.hash, [row]);
      }
      row.copies[f] = copy;
      if (copy.id !== undefined && !byId.has(copy.id)) byId.set(copy.id, row);
    }
  });

  const documents: Array<MatchedCopies<T>> = [];
  const usedIds = new Set<string>();
  for (const row of rows) {
    if (row.conflict) continue;
    const holder = row.copies.findIndex((copy) => copy !== undefined);
    const first = row.copies[holder] as T;
    const missing = files.filter((_, f) => !row.copies[f]).map((file) => file.path);
    if (missing.length > 0) {
      warnings.push(
        `${where(files[holder]?.path ?? '', first)}: document ${describe(first)} is not in ${missing.join(', ')}; counted as not annotated there`,
      );
    }
    const base = row.copies.find((copy) => copy?.id !== undefined)?.id ?? `text:${row.hash.slice(0, 12)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
    usedIds.add(id);
    documents.push({ id, copies: row.copies });
  }
  return { documents, warnings, errors };
}

function firstPath<T>(files: ReadonlyArray<AnnotatorFile<T>>, row: Row<T>): string {
  return files[row.copies.findIndex((copy) => copy !== undefined)]?.path ?? '';
}

function where(path: string, copy: DocumentCopy): string {
  return copy.line === undefined ? path : `${path}:${copy.line}`;
}

function describe(copy: DocumentCopy): string {
  return copy.id !== undefined ? `"${copy.id}"` : `"${copy.title}"`;
}
