// Where each document of a corpus is, so commands that pair documents across files (`merge`)
// need not hold them: a first pass reads a JSONL file line by line and keeps, per document, its
// id, text hash and the bytes of its line in the file; a document is then read again from those
// bytes when its turn comes. Memory grows with the number of documents, not with their size.
// Other inputs (standard input, .json, brat) cannot be read twice: their documents are kept.
import { open, type FileHandle } from 'node:fs/promises';
import type { ReadOptions } from '../src-shared/formats/format-module';
import { createJsonLineReader } from '../src-shared/formats/import';
import type { ImportIssue, ParsedDocument } from '../src-shared/formats/import-result';
import { hashText } from '../src-shared/text-hash';
import { corpusName, isLineCorpus, readCorpusItems, readLinesAt } from './corpus-stream';

export interface IndexedDocument {
  /** Which input (by index) it is in, and that input's name for messages. */
  input: number;
  file: string;
  line?: number;
  id?: string;
  /** hashText of the document's text. */
  hash: string;
  /** Its line's bytes in the file (without the line break); absent when `held`. */
  at?: { offset: number; length: number };
  /** The document itself, when it cannot be read again from one line. */
  held?: ParsedDocument;
}

/** A document indexed, with the document as read this time (for what a caller learns of a whole file in the same pass). */
export type IndexItem = { kind: 'document'; document: IndexedDocument; parsed: ParsedDocument } | { kind: 'issue'; issue: ImportIssue };

/** The documents and problems of the corpus at `path`, in file order, each document indexed. */
export async function* indexCorpus(path: string, input: number, options: ReadOptions = {}): AsyncGenerator<IndexItem> {
  const held = (document: ParsedDocument): IndexItem => ({
    kind: 'document',
    document: { input, file: document.file, ...lineOf(document), ...idOf(document), hash: hashText(document.draft.text), held: document },
    parsed: document,
  });
  if (path === '-' || !isLineCorpus(path)) {
    for await (const item of readCorpusItems(path, 'auto', undefined, options)) yield item.kind === 'issue' ? item : held(item.document);
    return;
  }
  for await (const item of readLinesAt(path, options)) {
    if (item.kind === 'issue') {
      yield item;
      continue;
    }
    const { document, at } = item;
    // A document made of this line alone is read again from it; one that joined other lines is kept.
    if (at && document.line === at.line && document.joinedLines === undefined) {
      yield {
        kind: 'document',
        document: {
          input,
          file: document.file,
          line: at.line,
          ...idOf(document),
          hash: hashText(document.draft.text),
          at: { offset: at.offset, length: at.length },
        },
        parsed: document,
      };
    } else yield held(document);
  }
}

const lineOf = (document: ParsedDocument) => (document.line !== undefined ? { line: document.line } : {});
const idOf = (document: ParsedDocument) => (document.draft.id !== undefined ? { id: document.draft.id } : {});

/** Reads indexed documents again, keeping each input file open while it is needed. */
export class IndexedReader {
  private readonly handles = new Map<number, Promise<FileHandle>>();

  constructor(
    private readonly paths: readonly string[],
    private readonly options: ReadOptions = {},
  ) {}

  /** The document as it was indexed; throws when its line no longer holds it (the file changed meanwhile). */
  async read(document: IndexedDocument): Promise<ParsedDocument> {
    if (document.held) return document.held;
    const at = document.at;
    const path = this.paths[document.input];
    if (!at || path === undefined) throw new Error(`${document.file}: document not indexed`);
    let handle = this.handles.get(document.input);
    if (!handle) {
      handle = open(path, 'r');
      this.handles.set(document.input, handle);
    }
    const bytes = new Uint8Array(at.length);
    const { bytesRead } = await (await handle).read(bytes, 0, at.length, at.offset);
    const reader = createJsonLineReader(corpusName(path), [], [], this.options);
    const found = [...reader.readLine(bytes.subarray(0, bytesRead), document.line ?? 0).documents, ...reader.end().documents];
    const parsed = found.length === 1 ? found[0] : undefined;
    if (!parsed || hashText(parsed.draft.text) !== document.hash) {
      throw new Error(`${document.file}:${document.line ?? '?'}: the file changed while it was being read; run the command again`);
    }
    return parsed;
  }

  async close(): Promise<void> {
    for (const handle of this.handles.values()) await (await handle.catch(() => undefined))?.close();
    this.handles.clear();
  }
}
