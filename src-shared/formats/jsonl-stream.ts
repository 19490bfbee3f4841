// A JSONL file read as it arrives, a piece of bytes at a time, so a file of any size is never
// whole in memory: the import worker feeds it slices of a File, the CLI the chunks of a read
// stream. Each line goes through the same core reader as a whole-file import
// (createJsonLineReader), so a file reads the same either way. Synchronous on purpose: the
// import worker reads and writes inside one IndexedDB transaction, which closes at the first
// await that is not a database request.
import { bytesInWords } from '../bytes-in-words';
import { formatLimit, howToRaise, limitsOf } from '../limits';
import type { DocumentCategory, Label } from '../domain';
import type { ReadOptions } from './format-module';
import { createJsonLineReader } from './import';
import type { ImportIssue, ImportParseResult, ParsedDocument, ReadQuestion } from './import-result';
import { concatBytes } from '../concat-bytes';

/** Where a line's body (without BOM, '\r' and '\n') is in its file. */
export interface LineAt {
  line: number;
  offset: number;
  length: number;
}

export interface ByteLine {
  bytes: Uint8Array;
  /** Byte offset of the line in the stream. */
  offset: number;
  /** Set for a line longer than the limit: its length (its bytes were not kept). */
  tooLong?: number;
}

/**
 * Splits a byte stream into lines at '\n' only (as the core's whole-file reader does), each
 * without its '\n' but with any '\r'. Splitting bytes at '\n' never cuts a UTF-8 character (no
 * multi-byte sequence holds 0x0A), so a character split across two pieces is whole again in its
 * line. A line longer than `maxBytes` is not gathered (one 5 GB line must not fill the memory).
 */
export class ByteLineSplitter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Bytes of the current line once it is past maxBytes (then none are kept). */
  private overflow = 0;
  private lineStart = 0;
  private read = 0;

  constructor(private readonly maxBytes = Infinity) {}

  push(chunk: Uint8Array): ByteLine[] {
    const lines: ByteLine[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      const tail = chunk.subarray(start, newline);
      const length = this.overflow + this.pendingBytes + tail.length;
      if (length > this.maxBytes) lines.push({ bytes: new Uint8Array(0), offset: this.lineStart, tooLong: length });
      else lines.push({ bytes: this.pending.length === 0 ? tail : concatBytes([...this.pending, tail], length), offset: this.lineStart });
      this.pending = [];
      this.pendingBytes = 0;
      this.overflow = 0;
      start = newline + 1;
      this.lineStart = this.read + start;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (this.overflow + this.pendingBytes + rest.length > this.maxBytes) {
        this.overflow += this.pendingBytes + rest.length;
        this.pending = [];
        this.pendingBytes = 0;
      } else {
        // A copy: the caller may reuse the chunk's buffer for its next read.
        this.pending.push(new Uint8Array(rest));
        this.pendingBytes += rest.length;
      }
    }
    this.read += chunk.length;
    return lines;
  }

  /** The last line, when the stream does not end with '\n'. */
  end(): ByteLine[] {
    if (this.overflow > 0) return [{ bytes: new Uint8Array(0), offset: this.lineStart, tooLong: this.overflow }];
    if (this.pending.length > 0) return [{ bytes: concatBytes(this.pending, this.pendingBytes), offset: this.lineStart }];
    return [];
  }
}

export type JsonLineItem = { kind: 'document'; document: ParsedDocument; at: LineAt } | { kind: 'issue'; issue: ImportIssue };

const decoder = new TextDecoder();

/**
 * Whether a line is only white space (as `trim()` says of its text), without decoding a long
 * line: the first byte that is not ASCII white space decides, unless it starts a multi-byte
 * character (Unicode white space such as U+00A0 or U+3000), which is decoded.
 */
function isBlankLine(body: Uint8Array): boolean {
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] as number;
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    if (byte < 0x80) return false;
    return decoder.decode(body.subarray(i, i + 64)).trim() === '' && decoder.decode(body).trim() === '';
  }
  return true;
}

const isUtf16Bom = (line: Uint8Array) =>
  line.length >= 2 && ((line[0] === 0xff && line[1] === 0xfe) || (line[0] === 0xfe && line[1] === 0xff));

/** `line` without a trailing '\r' and, on the first line, without a UTF-8 byte order mark; and how many bytes went before it. */
function lineBody(line: Uint8Array, number: number): { body: Uint8Array; skipped: number } {
  let body = line;
  let skipped = 0;
  if (number === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    body = body.subarray(3);
    skipped = 3;
  }
  if (body[body.length - 1] === 0x0d) body = body.subarray(0, -1);
  return { body, skipped };
}

/** What the whole file said once its last piece was read. */
export interface JsonLineSummary {
  asks?: ReadQuestion[];
  unknownLabels: ImportParseResult['unknownLabels'];
}

/**
 * The documents and problems of a JSONL file, in file order, with the file's line numbers, as
 * pieces of it are pushed. A document of several lines (Label Studio JSON-MIN rows) comes with
 * the place of the line that completed it. Once `stopped` (a binary or UTF-16 file: one message,
 * not one per "line"), further pieces are ignored.
 */
export class JsonLineStream {
  private readonly reader;
  private readonly splitter: ByteLineSplitter;
  private number = 0;
  private nonBlank = 0;
  private last: LineAt = { line: 0, offset: 0, length: 0 };
  private summary: JsonLineSummary | undefined;
  stopped = false;

  constructor(
    private readonly name: string,
    labels: readonly Label[],
    categories: readonly DocumentCategory[],
    private readonly options: ReadOptions = {},
  ) {
    this.reader = createJsonLineReader(name, labels, categories, options);
    this.splitter = new ByteLineSplitter(limitsOf(options.limits).fileBytes);
  }

  push(chunk: Uint8Array): JsonLineItem[] {
    if (this.stopped) return [];
    const items: JsonLineItem[] = [];
    for (const line of this.splitter.push(chunk)) if (!this.stopped) this.readLine(line, items);
    return items;
  }

  end(): JsonLineItem[] {
    const items: JsonLineItem[] = [];
    if (!this.stopped) for (const line of this.splitter.end()) this.readLine(line, items);
    if (this.stopped) {
      this.summary = { unknownLabels: [] };
      return items;
    }
    const end = this.reader.end();
    for (const issue of end.issues) items.push({ kind: 'issue', issue });
    for (const document of end.documents) items.push({ kind: 'document', document, at: this.last });
    if (this.nonBlank === 0)
      items.push({
        kind: 'issue',
        issue: { file: this.name, reason: this.number === 0 ? 'file is empty' : 'no documents found: the file has no JSON objects' },
      });
    this.summary = { unknownLabels: end.unknownLabels, ...(end.asks ? { asks: end.asks } : {}) };
    return items;
  }

  /** The labels the file named that the project lacks, and what the user could choose: known once `end` has run. */
  get result(): JsonLineSummary {
    if (!this.summary) throw new Error('the file has not been read to its end');
    return this.summary;
  }

  private readLine({ bytes: line, offset, tooLong }: ByteLine, items: JsonLineItem[]): void {
    const name = this.name;
    const number = ++this.number;
    // A streamed file is never whole in memory: the file-size limit holds each line instead.
    if (tooLong !== undefined) {
      const limit = formatLimit('fileBytes', limitsOf(this.options.limits).fileBytes);
      const raise = howToRaise('fileBytes', this.options.limits?.shell);
      const reason = `the line is ${bytesInWords(tooLong)}, larger than the limit of ${limit} per file (held to each line of a JSONL file read line by line); ${raise}`;
      items.push({ kind: 'issue', issue: { file: name, line: number, reason } });
      this.nonBlank++;
      return;
    }
    if (number === 1 && isUtf16Bom(line)) {
      items.push({ kind: 'issue', issue: { file: name, reason: 'file is UTF-16 text, not UTF-8: re-save the file as UTF-8' } });
      this.stopped = true;
      return;
    }
    const { body, skipped } = lineBody(line, number);
    if (isBlankLine(body)) return;
    this.nonBlank++;
    this.last = { line: number, offset: offset + skipped, length: body.length };
    const read = this.reader.readLine(body, number);
    for (const issue of read.issues) {
      items.push({ kind: 'issue', issue });
      if (issue.reason.startsWith('looks like a binary file')) this.stopped = true;
    }
    if (this.stopped) return;
    for (const document of read.documents) items.push({ kind: 'document', document, at: this.last });
  }
}
