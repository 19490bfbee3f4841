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
  /** The document as each file has it, in file order. */
  drafts: DocumentDraft[];
}

export interface DocumentMatch {
  documents: MatchedDocument[];
  /** Documents left out because some file lacks them, and ids repeated within a file. */
  warnings: string[];
  /** Documents whose id is the same in two files but whose text differs. */
  errors: string[];
}

interface Entry {
  parsed: ParsedDocument;
  hash: string;
  claimed: boolean;
}

/**
 * Pairs the documents of the first file with those of every other file. First by id: a
 * document whose id is in another file is that file's document with the id (an error if the
 * texts differ). Then by text: a document not found by id takes an unclaimed document of the
 * other file with the same text (ids may differ, as when a tool renumbers documents).
 * Documents not found in every file are left out with a warning.
 */
export function matchDocuments(files: readonly AnnotatorFile[]): DocumentMatch {
  const warnings: string[] = [];
  const errors: string[] = [];
  const entries = files.map((file) => {
    const byId = new Map<string, Entry>();
    const all: Entry[] = [];
    for (const parsed of file.documents) {
      const entry: Entry = { parsed, hash: hashText(parsed.draft.text), claimed: false };
      const id = parsed.draft.id;
      if (id !== undefined && byId.has(id)) {
        warnings.push(`${where(file.path, parsed)}: document "${id}" appears again in this file; only the first is used`);
        entry.claimed = true; // never matched, never reported missing
      } else if (id !== undefined) byId.set(id, entry);
      all.push(entry);
    }
    return { path: file.path, byId, all };
  });
  const [anchor, ...others] = entries;
  if (!anchor) return { documents: [], warnings, errors };

  // found[k][o]: the entry of other file o matched to anchor document k.
  const anchorEntries = anchor.all.filter((entry) => !entry.claimed);
  const found: Array<Array<Entry | undefined>> = anchorEntries.map(() => others.map(() => undefined));
  const conflict: boolean[] = anchorEntries.map(() => false);

  anchorEntries.forEach((entry, k) => {
    const id = entry.parsed.draft.id;
    if (id === undefined) return;
    others.forEach((other, o) => {
      const match = other.byId.get(id);
      if (!match || match.claimed) return;
      match.claimed = true;
      if (match.hash !== entry.hash) {
        errors.push(`document "${id}" has different text in ${anchor.path} and ${other.path}`);
        conflict[k] = true;
      } else (found[k] as Array<Entry | undefined>)[o] = match;
    });
  });
  anchorEntries.forEach((entry, k) => {
    if (conflict[k]) return;
    others.forEach((other, o) => {
      const row = found[k] as Array<Entry | undefined>;
      if (row[o]) return;
      const match = other.all.find((candidate) => !candidate.claimed && candidate.hash === entry.hash);
      if (!match) return;
      match.claimed = true;
      row[o] = match;
    });
  });

  const documents: MatchedDocument[] = [];
  const usedIds = new Set<string>();
  anchorEntries.forEach((entry, k) => {
    if (conflict[k]) return;
    const row = found[k] as Array<Entry | undefined>;
    const missing = others.filter((_, o) => !row[o]).map((other) => other.path);
    if (missing.length > 0) {
      warnings.push(`${where(anchor.path, entry.parsed)}: document ${describe(entry.parsed)} is not in ${missing.join(', ')}; left out`);
      return;
    }
    const drafts = [entry.parsed.draft, ...row.map((match) => (match as Entry).parsed.draft)];
    const base = drafts.find((draft) => draft.id !== undefined)?.id ?? `text:${entry.hash.slice(0, 12)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
    usedIds.add(id);
    documents.push({ id, text: entry.parsed.draft.text, drafts });
  });
  for (const other of others) {
    for (const entry of other.all) {
      if (!entry.claimed) warnings.push(`${where(other.path, entry.parsed)}: document ${describe(entry.parsed)} is not in ${anchor.path}; left out`);
    }
  }
  return { documents, warnings, errors };
}

function where(path: string, parsed: ParsedDocument): string {
  return parsed.line === undefined ? path : `${path}:${parsed.line}`;
}

function describe(parsed: ParsedDocument): string {
  return parsed.draft.id !== undefined ? `"${parsed.draft.id}"` : `"${parsed.draft.meta.title}"`;
}
