// Reading corpus files for the command line: a path or '-' (standard input), parsed by the
// same core importers as the app, and turned back into exportable documents.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { parseBratFiles } from '../src-shared/formats/brat';
import type { LabelSchema } from '../src-shared/domain';
import { draftToExportDocument } from '../src-shared/formats/draft-document';
import type { ExportDocument, ReadOptions } from '../src-shared/formats/format-module';
import { formatImportIssue, parseImportFile } from '../src-shared/formats/import';
import type { ImportParseResult, ParsedDocument } from '../src-shared/formats/import-result';
import { limitRefusal, limitsOf, type LimitPolicy } from '../src-shared/limits';

export interface CorpusFile {
  /** What messages call the file: its path, or 'stdin'. */
  name: string;
  bytes: Uint8Array;
  /** Set when the bytes were left unread, the file being larger than the file-size limit: its size (`bytes` is empty). */
  size?: number;
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A stream's bytes, kept only up to `maxBytes`: past it the rest is counted, not kept, so that
 * the refusal can say how large it was and the program writing into the pipe is not cut off.
 */
export async function readWithin(input: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ bytes: Uint8Array; size?: number }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else chunks.length = 0;
  }
  return size > maxBytes ? { bytes: new Uint8Array(0), size } : { bytes: new Uint8Array(Buffer.concat(chunks)) };
}

/**
 * Reads a path, or standard input for '-' (named after `stdinName`, which gives the format). A
 * file larger than the file-size limit is not read (`size` says how large it is).
 */
export async function readCorpusFile(path: string, stdinName = 'stdin.jsonl', limits?: LimitPolicy): Promise<CorpusFile> {
  const max = limitsOf(limits).fileBytes;
  if (path === '-') return { name: stdinName, ...(await readWithin(process.stdin as AsyncIterable<Buffer>, max)) };
  const size = (await stat(path)).size;
  if (size > max) return { name: path, bytes: new Uint8Array(0), size };
  return { name: path, bytes: new Uint8Array(await readFile(path)) };
}

/** Parses with the importer that fits: brat for a .zip, the line formats otherwise (see readCorpusItems for `schema`). */
export function parseCorpus(file: CorpusFile, schema?: LabelSchema, options: ReadOptions = {}): ImportParseResult {
  if (file.size !== undefined) {
    const reason = limitRefusal('fileBytes', options.limits, file.size);
    return { file: file.name, documents: [], issues: [{ file: file.name, reason }], unknownLabels: [] };
  }
  const labels = schema?.labels ?? [];
  const result = file.name.toLowerCase().endsWith('.zip')
    ? parseBratFiles([{ name: basename(file.name), bytes: file.bytes }], labels, options.limits ? { limits: options.limits } : {})
    : parseImportFile(basename(file.name), file.bytes, labels, schema?.documentCategories ?? [], options);
  // Messages name the path the user typed, not just its base name; inside a zip, the entry too
  // (`corpus.zip/news/a.ann`), so a bad .ann line is found.
  const base = basename(file.name);
  const named = (inner: string): string => (inner.startsWith(`${base}/`) ? file.name + inner.slice(base.length) : file.name);
  for (const issue of result.issues) issue.file = named(issue.file);
  for (const doc of result.documents) doc.file = named(doc.file);
  return result;
}

/**
 * A brat corpus that is not a zip: a folder (its `.txt` and `.ann` files, at any depth), or a
 * `.txt` with the `.ann` beside it. Messages name each file by its path.
 */
export async function parseBratPath(path: string, schema?: LabelSchema, limits?: LimitPolicy): Promise<ImportParseResult> {
  const paths = (await stat(path)).isDirectory()
    ? (await readdir(path, { recursive: true })).map((entry) => join(path, entry)).filter((p) => /\.(txt|ann)$/i.test(p))
    : [path, path.replace(/\.txt$/i, '.ann')].filter((p) => existsSync(p));
  paths.sort();
  // parseBratFiles pairs files by name: give it paths relative to the folder, so that two
  // folders' a.txt stay apart, and put the folder back in front in messages.
  const root = (await stat(path)).isDirectory() ? path : dirname(path);
  // A file past the size limit is not read: parseBratFiles refuses it by its size.
  const max = limitsOf(limits).fileBytes;
  const files = await Promise.all(
    paths.map(async (p) => {
      const size = (await stat(p)).size;
      const name = relative(root, p);
      return size > max ? { name, bytes: new Uint8Array(0), size } : { name, bytes: new Uint8Array(await readFile(p)) };
    }),
  );
  const result = parseBratFiles(files, schema?.labels ?? [], { keepPaths: true, ...(limits ? { limits } : {}) });
  const inRoot = (name: string): string => (files.some((f) => f.name === name) ? join(root, name) : name);
  for (const issue of result.issues) issue.file = inRoot(issue.file);
  for (const doc of result.documents) doc.file = inRoot(doc.file);
  return result;
}

/** Whether a path is read as brat without being a zip: a folder, or a .txt with its .ann beside it. */
export async function isBratPath(path: string): Promise<boolean> {
  if (path === '-') return false;
  try {
    if ((await stat(path)).isDirectory()) return true;
  } catch {
    return false;
  }
  return /\.txt$/i.test(path) && existsSync(path.replace(/\.txt$/i, '.ann'));
}

/**
 * `file:line: reason`, the form editors and CI logs link to; an item of a JSON array (which
 * has no line of its own) is `file: item N: reason`.
 */
export function issueLine(issue: { file: string; line?: number; lineKind?: 'line' | 'item'; reason: string; severity?: 'note' }): string {
  // A note (something not imported while its document is) says so, so it reads apart from a refusal.
  const reason = issue.severity === 'note' ? `note: ${issue.reason}` : issue.reason;
  if (issue.line === undefined) return `${issue.file}: ${reason}`;
  return issue.lineKind === 'item' ? `${issue.file}: item ${issue.line}: ${reason}` : `${issue.file}:${issue.line}: ${reason}`;
}

export { formatImportIssue };

/** A parsed document as the exporters take it. Span ids: the file's, else derived from the span. */
export function toExportDocument(doc: ParsedDocument, fallbackId: string): ExportDocument {
  return draftToExportDocument(doc.draft, {
    id: fallbackId,
    spanId: (index) => `${fallbackId}-s${index + 1}`,
    relationId: (index) => `${fallbackId}-r${index + 1}`,
    annotator: '',
    origin: 'imported',
  });
}

/** What went wrong with a file, in words (not Node's "ENOENT: ..."). */
export function fileFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Why a file could not be read. */
export function readFailure(error: unknown): string {
  return `cannot be read: ${fileFailure(error)}`;
}

/** `path: reason` for an error about a file (Node names the file), else the error's message. */
export function describeFailure(error: unknown): string {
  const path = (error as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? `${path}: ${fileFailure(error)}` : fileFailure(error);
}
