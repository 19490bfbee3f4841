// Reads a JSONL corpus one line at a time (a file or standard input), so large files never
// sit in memory whole: each line's bytes go through the same core reader as a whole-file
// import, so a line that is not UTF-8 (or is binary) is caught on that line.
import { createReadStream } from 'node:fs';
import type { LabelSchema } from '../src-shared/domain';
import type { ReadOptions } from '../src-shared/formats/format-module';
import type { ImportIssue, ParsedDocument } from '../src-shared/formats/import-result';
import { ByteLineSplitter, JsonLineStream, type ByteLine, type JsonLineItem, type LineAt } from '../src-shared/formats/jsonl-stream';
import { limitsOf } from '../src-shared/limits';
import { isBratPath, parseBratPath, parseCorpus, readCorpusFile, readWithin, type CorpusFile } from './corpus-file';

export type CorpusItem = { kind: 'document'; document: ParsedDocument } | { kind: 'issue'; issue: ImportIssue };

/** How standard input is read: 'auto' looks at its first bytes (a zip is brat, '[' a JSON array). */
export type StdinShape = 'auto' | 'jsonl' | 'json' | 'zip' | 'conll';

/** Whether a path is read line by line (JSONL) rather than whole (.json, .txt, brat .zip). */
export function isLineCorpus(path: string): boolean {
  return path === '-' || /\.(jsonl|ndjson)$/i.test(path);
}

/** The name messages give a path: standard input is 'stdin.jsonl' (or .json, .zip). */
export function corpusName(path: string): string {
  return path === '-' ? 'stdin.jsonl' : path;
}

/**
 * The lines of a byte stream, split at '\n' only (as the core's whole-file reader does), each
 * without its '\n' but with any '\r', so callers can copy a line exactly as it was. Splitting
 * bytes at '\n' never cuts a UTF-8 character (no multi-byte sequence holds 0x0A), so a character
 * split across two reads is whole again in its line; nothing is decoded here.
 */
export async function* byteLines(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const { bytes } of byteLinesAt(input)) yield bytes;
}

/**
 * byteLines, with each line's byte offset in the stream. A line longer than `maxBytes` is not
 * gathered (one 5 GB line must not fill the memory): it comes with no bytes and its length as
 * `tooLong`.
 */
export async function* byteLinesAt(
  input: AsyncIterable<Uint8Array | string>,
  maxBytes = Infinity,
): AsyncGenerator<{ bytes: Buffer; offset: number; tooLong?: number }> {
  const splitter = new ByteLineSplitter(maxBytes);
  const asBuffer = (line: ByteLine) => ({ ...line, bytes: Buffer.from(line.bytes.buffer, line.bytes.byteOffset, line.bytes.byteLength) });
  for await (const piece of input) for (const line of splitter.push(typeof piece === 'string' ? Buffer.from(piece) : piece)) yield asBuffer(line);
  for (const line of splitter.end()) yield asBuffer(line);
}

/** Standard input's first chunk, and an iterable giving it back followed by the rest. */
async function peekStdin(): Promise<{ first: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first: Buffer = head.done ? Buffer.alloc(0) : head.value;
  async function* all(): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { first, all: all() };
}

function* wholeFileItems(file: CorpusFile, schema: LabelSchema | undefined, options: ReadOptions): Generator<CorpusItem> {
  const result = parseCorpus(file, schema, options);
  for (const issue of result.issues) yield { kind: 'issue', issue };
  for (const document of result.documents) yield { kind: 'document', document };
}

/**
 * Every document and problem of a corpus, in file order, with the file's line numbers. JSONL
 * (and standard input) streams; other files (.json, .txt, a brat .zip) are read whole by the
 * same core readers. `stdin` says how to read standard input. With a `schema`, readers take
 * labels' layers and attributes, and document categories, from it (as an import into a project).
 */
export async function* readCorpusItems(
  path: string,
  stdin: StdinShape = 'auto',
  schema?: LabelSchema,
  options: ReadOptions = {},
): AsyncGenerator<CorpusItem> {
  const maxBytes = limitsOf(options.limits).fileBytes;
  if (await isBratPath(path)) {
    const result = await parseBratPath(path, schema, options.limits);
    for (const issue of result.issues) yield { kind: 'issue', issue };
    for (const document of result.documents) yield { kind: 'document', document };
    return;
  }
  if (path !== '-' && !isLineCorpus(path)) {
    yield* wholeFileItems(await readCorpusFile(path, undefined, options.limits), schema, options);
    return;
  }
  let source: AsyncIterable<Uint8Array | string>;
  if (path === '-') {
    const { first, all } = await peekStdin();
    const start = first
      .subarray(first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0)
      .toString('latin1')
      .trimStart();
    const shape =
      stdin !== 'auto'
        ? stdin
        : start.startsWith('PK\x03\x04')
          ? 'zip'
          : start.startsWith('[')
            ? 'json'
            : start.startsWith('-DOCSTART-')
              ? 'conll'
              : 'jsonl';
    if (shape !== 'jsonl') {
      yield* wholeFileItems({ name: `stdin.${shape}`, ...(await readWithin(all, maxBytes)) }, schema, options);
      return;
    }
    source = all;
  } else source = createReadStream(path);
  for await (const item of jsonLineItems(source, corpusName(path), schema, options)) {
    if (item.kind === 'issue') yield item;
    else yield { kind: 'document', document: item.document };
  }
}

export type { LineAt };

export type LocatedItem = JsonLineItem;

/**
 * The documents and problems of a JSONL file, as readCorpusItems gives them, each document with
 * the place of the line that completed it (a document of several lines, such as Label Studio
 * JSON-MIN rows, has `line` before that place's).
 */
export function readLinesAt(path: string, options: ReadOptions = {}): AsyncGenerator<LocatedItem> {
  return jsonLineItems(createReadStream(path), corpusName(path), undefined, options);
}

async function* jsonLineItems(
  source: AsyncIterable<Uint8Array | string>,
  name: string,
  schema: LabelSchema | undefined,
  options: ReadOptions,
): AsyncGenerator<LocatedItem> {
  // One reader for the whole file: rows of one document (Label Studio JSON-MIN) join, and notes
  // about the file are said once, as when the app reads the file whole.
  const stream = new JsonLineStream(name, schema?.labels ?? [], schema?.documentCategories ?? [], options);
  for await (const piece of source) {
    yield* stream.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
    if (stream.stopped) return;
  }
  yield* stream.end();
}
