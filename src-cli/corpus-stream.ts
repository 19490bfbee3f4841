// Reads a JSONL corpus one line at a time (a file or standard input), so large files never
// sit in memory whole: each line's bytes go through the same core reader as a whole-file
// import, so a line that is not UTF-8 (or is binary) is caught on that line.
import { createReadStream } from 'node:fs';
import type { LabelSchema } from '../src-shared/domain';
import type { ReadOptions } from '../src-shared/formats/format-module';
import type { ImportIssue, ParsedDocument } from '../src-shared/formats/import-result';
import { createJsonLineReader } from '../src-shared/formats/import';
import { bytesInWords } from '../src-shared/bytes-in-words';
import { formatLimit, howToRaise, limitsOf } from '../src-shared/limits';
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
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = 0; // bytes of the current line once it is past maxBytes (then none are kept)
  let lineStart = 0;
  let read = 0;
  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      const tail = chunk.subarray(start, newline);
      const length = overflow + pendingBytes + tail.length;
      if (length > maxBytes) yield { bytes: Buffer.alloc(0), offset: lineStart, tooLong: length };
      else yield { bytes: pending.length === 0 ? tail : Buffer.concat([...pending, tail]), offset: lineStart };
      pending = [];
      pendingBytes = 0;
      overflow = 0;
      start = newline + 1;
      lineStart = read + start;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (overflow + pendingBytes + rest.length > maxBytes) {
        overflow += pendingBytes + rest.length;
        pending = [];
        pendingBytes = 0;
      } else {
        pending.push(rest);
        pendingBytes += rest.length;
      }
    }
    read += chunk.length;
  }
  if (overflow > 0) yield { bytes: Buffer.alloc(0), offset: lineStart, tooLong: overflow };
  else if (pending.length > 0) yield { bytes: Buffer.concat(pending), offset: lineStart };
}

/** `line` without a trailing '\r' and, on the first line, without a UTF-8 byte order mark; and how many bytes went before it. */
function lineBody(line: Buffer, number: number): { body: Buffer; skipped: number } {
  let body = line;
  let skipped = 0;
  if (number === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    body = body.subarray(3);
    skipped = 3;
  }
  if (body[body.length - 1] === 0x0d) body = body.subarray(0, -1);
  return { body, skipped };
}

const isUtf16Bom = (line: Buffer) => line.length >= 2 && ((line[0] === 0xff && line[1] === 0xfe) || (line[0] === 0xfe && line[1] === 0xff));

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

/** Where a line's body (without BOM, '\r' and '\n') is in its file. */
export interface LineAt {
  line: number;
  offset: number;
  length: number;
}

export type LocatedItem = { kind: 'document'; document: ParsedDocument; at: LineAt } | { kind: 'issue'; issue: ImportIssue };

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
  const reader = createJsonLineReader(name, schema?.labels ?? [], schema?.documentCategories ?? [], options);
  let number = 0;
  let nonBlank = 0;
  let last: LineAt = { line: 0, offset: 0, length: 0 };
  for await (const { bytes: line, offset, tooLong } of byteLinesAt(source, limitsOf(options.limits).fileBytes)) {
    number++;
    // A streamed file is never whole in memory: the file-size limit holds each line instead.
    if (tooLong !== undefined) {
      const limit = formatLimit('fileBytes', limitsOf(options.limits).fileBytes);
      const raise = howToRaise('fileBytes', options.limits?.shell);
      const reason = `the line is ${bytesInWords(tooLong)}, larger than the limit of ${limit} per file (held to each line of a JSONL file read line by line); ${raise}`;
      yield { kind: 'issue', issue: { file: name, line: number, reason } };
      nonBlank++;
      continue;
    }
    if (number === 1 && isUtf16Bom(line)) {
      yield { kind: 'issue', issue: { file: name, reason: 'file is UTF-16 text, not UTF-8: re-save the file as UTF-8' } };
      return;
    }
    const { body, skipped } = lineBody(line, number);
    if (isBlankLine(body)) continue;
    nonBlank++;
    last = { line: number, offset: offset + skipped, length: body.length };
    const read = reader.readLine(body, number);
    let binary = false;
    for (const issue of read.issues) {
      binary ||= issue.reason.startsWith('looks like a binary file');
      yield { kind: 'issue', issue };
    }
    if (binary) return; // one message for a binary file, not one per "line"
    for (const document of read.documents) yield { kind: 'document', document, at: last };
  }
  const end = reader.end();
  for (const issue of end.issues) yield { kind: 'issue', issue };
  for (const document of end.documents) yield { kind: 'document', document, at: last };
  if (nonBlank === 0)
    yield {
      kind: 'issue',
      issue: { file: name, reason: number === 0 ? 'file is empty' : 'no documents found: the file has no JSON objects' },
    };
}

/**
 * Whether a line is only white space (as `toString('utf8').trim()` says), without decoding a
 * long line: the first byte that is not ASCII white space decides, unless it starts a
 * multi-byte character (Unicode white space such as U+00A0 or U+3000), which is decoded.
 */
function isBlankLine(body: Buffer): boolean {
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] as number;
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    if (byte < 0x80) return false;
    return (
      body
        .subarray(i, i + 64)
        .toString('utf8')
        .trim() === '' && body.toString('utf8').trim() === ''
    );
  }
  return true;
}
