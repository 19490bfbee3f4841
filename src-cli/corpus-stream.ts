// Reads a JSONL corpus one line at a time (a file or standard input), so large files never
// sit in memory whole: each line goes through the same core reader as a whole-file import.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { ImportIssue, ParsedDocument } from '../src-shared/formats/import';
import { parseImportFile } from '../src-shared/formats/import';
import { parseCorpus, readCorpusFile } from './corpus-file';

export type CorpusItem = { kind: 'document'; document: ParsedDocument } | { kind: 'issue'; issue: ImportIssue };

const encoder = new TextEncoder();

/** Whether a path is read line by line (JSONL) rather than whole (.json, .txt, brat .zip). */
export function isLineCorpus(path: string): boolean {
  return path === '-' || /\.(jsonl|ndjson)$/i.test(path);
}

/**
 * Every document and problem of a corpus, in file order, with the file's line numbers. JSONL
 * (and standard input) streams; other files are read whole by the same core readers.
 */
export async function* readCorpusItems(path: string): AsyncGenerator<CorpusItem> {
  const name = path === '-' ? 'stdin.jsonl' : path;
  if (!isLineCorpus(path)) {
    const result = parseCorpus(await readCorpusFile(path));
    for (const issue of result.issues) yield { kind: 'issue', issue };
    for (const document of result.documents) yield { kind: 'document', document };
    return;
  }
  const input = path === '-' ? process.stdin : createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const stem = basename(name).replace(/\.[^.]+$/, '');
  let line = 0;
  let documents = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const result = parseImportFile(`${basename(name)}.jsonl`, encoder.encode(text), []);
    for (const issue of result.issues) {
      if (issue.reason.startsWith('no documents')) continue;
      yield { kind: 'issue', issue: { ...issue, file: name, line } };
    }
    for (const document of result.documents) {
      documents++;
      // A document without a title gets the one a whole-file import gives: "<file stem> #<line>".
      const title = document.draft.meta.title === `${basename(name)} #1` ? `${stem} #${line}` : document.draft.meta.title;
      yield { kind: 'document', document: { ...document, file: name, line, draft: { ...document.draft, meta: { ...document.draft.meta, title } } } };
    }
  }
  if (documents === 0 && line === 0) yield { kind: 'issue', issue: { file: name, reason: 'file is empty' } };
}
