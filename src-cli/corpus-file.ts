// Reading corpus files for the command line: a path or '-' (standard input), parsed by the
// same core importers as the app, and turned back into exportable documents.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseBratFiles } from '../src-shared/formats/brat';
import type { LabelSchema } from '../src-shared/domain';
import { draftToExportDocument } from '../src-shared/formats/draft-document';
import type { ExportDocument, ReadOptions } from '../src-shared/formats/format-module';
import { formatImportIssue, parseImportFile } from '../src-shared/formats/import';
import type { ImportParseResult, ParsedDocument } from '../src-shared/formats/import-result';

export interface CorpusFile {
  /** What messages call the file: its path, or 'stdin'. */
  name: string;
  bytes: Uint8Array;
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Reads a path, or standard input for '-' (named after `stdinName`, which gives the format). */
export async function readCorpusFile(path: string, stdinName = 'stdin.jsonl'): Promise<CorpusFile> {
  if (path === '-') return { name: stdinName, bytes: await readStdin() };
  return { name: path, bytes: new Uint8Array(await readFile(path)) };
}

/** Parses with the importer that fits: brat for a .zip, the line formats otherwise (see readCorpusItems for `schema`). */
export function parseCorpus(file: CorpusFile, schema?: LabelSchema, options: ReadOptions = {}): ImportParseResult {
  const labels = schema?.labels ?? [];
  const result = file.name.toLowerCase().endsWith('.zip')
    ? parseBratFiles([{ name: basename(file.name), bytes: file.bytes }], labels)
    : parseImportFile(basename(file.name), file.bytes, labels, schema?.documentCategories ?? [], options);
  // Messages name the path the user typed, not just its base name.
  for (const issue of result.issues) issue.file = file.name;
  for (const doc of result.documents) doc.file = file.name;
  return result;
}

/**
 * `file:line: reason`, the form editors and CI logs link to; an item of a JSON array (which
 * has no line of its own) is `file: item N: reason`.
 */
export function issueLine(issue: {
  file: string;
  line?: number;
  lineKind?: 'line' | 'item';
  reason: string;
  severity?: 'note';
}): string {
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
