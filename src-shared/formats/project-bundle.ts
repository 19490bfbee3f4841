// The project bundle: one file that restores a project exactly: a header line with the
// project's name, schema (labels, relation types, document categories), guidelines and
// annotator names, then one Spanwright JSONL line per document (every annotator's spans,
// relations, document labels, notes and statuses). Version 2 bundles may hold relations and
// document annotations, which version 1 readers would drop: they refuse them instead.
import type { Annotator, LabelSchema } from '../domain';
import { restoreSchema } from '../schema-restore';
import { schemaNamesProblem } from './imported-names';
import { decodeTextFile } from './decode';
import { parseImportFile } from './import';
import type { ImportParseResult } from './import-result';
import { setOwn } from '../own-keys';
import { limitRefusal, limitsOf, type LimitPolicy } from '../limits';
import { jsonTooDeepAt } from './json-values';
import { concatBytes } from '../concat-bytes';
import { JsonLineStream, type JsonLineItem } from './jsonl-stream';

export const BUNDLE_FORMAT = 'spanwright-project';
export const BUNDLE_FORMAT_VERSION = 2;
const READ_BUNDLE_VERSIONS: readonly number[] = [1, 2];
export const BUNDLE_EXTENSION = 'spanwright';

export interface BundleHeader {
  name: string;
  schema: LabelSchema;
  guidelines: string;
  annotators: Annotator[];
  /** Review items the reviewer rejected, by document id (as in the document lines). */
  reviewRejected?: Record<string, string[]>;
}

export function bundleHeaderLine(header: BundleHeader): string {
  return JSON.stringify({
    format: BUNDLE_FORMAT,
    format_version: BUNDLE_FORMAT_VERSION,
    project: { name: header.name, schema: header.schema, guidelines: header.guidelines },
    annotators: [...header.annotators].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(({ id, name }) => ({ id, name })),
    ...(header.reviewRejected && Object.keys(header.reviewRejected).length > 0 ? { review_rejected: header.reviewRejected } : {}),
  });
}

/** Whether the bytes start like a project bundle (cheap: looks at the first line only). */
export function isProjectBundle(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const firstLine = head.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  return /"format"\s*:\s*"spanwright-project"/.test(firstLine);
}

function readHeader(line: string): BundleHeader | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `the header is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v['format'] !== BUNDLE_FORMAT) return 'not a Spanwright project bundle';
  if (!READ_BUNDLE_VERSIONS.includes(v['format_version'] as number))
    return `unsupported bundle format_version ${JSON.stringify(v['format_version'])} (this version reads ${READ_BUNDLE_VERSIONS.join(' and ')})`;
  const project = (typeof v['project'] === 'object' && v['project'] !== null ? v['project'] : {}) as Record<string, unknown>;
  if (typeof project['name'] !== 'string' || project['name'].trim() === '') return 'the project has no name';
  const schema = restoreSchema(project['schema']);
  if (!schema.ok) return schema.error;
  const annotators: Annotator[] = [];
  for (const raw of Array.isArray(v['annotators']) ? v['annotators'] : []) {
    const a = raw as Record<string, unknown>;
    if (typeof a['id'] !== 'string' || typeof a['name'] !== 'string') return 'an annotator entry is malformed (needs id and name)';
    annotators.push({ id: a['id'], name: a['name'] });
  }
  // The header becomes a new project's schema: its names pass the rules typed ones pass.
  const names = schemaNamesProblem(schema.value, annotators);
  if (names !== null) return names;
  const reviewRejected: Record<string, string[]> = {};
  const rawRejected = v['review_rejected'];
  if (rawRejected !== undefined) {
    if (typeof rawRejected !== 'object' || rawRejected === null || Array.isArray(rawRejected))
      return '"review_rejected" must map document ids to lists of review item keys';
    for (const [documentId, keys] of Object.entries(rawRejected)) {
      if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string'))
        return `"review_rejected" of document ${JSON.stringify(documentId)} must be a list of keys`;
      setOwn(reviewRejected, documentId, keys as string[]);
    }
  }
  const header: BundleHeader = {
    name: project['name'],
    schema: schema.value,
    guidelines: typeof project['guidelines'] === 'string' ? project['guidelines'] : '',
    annotators,
  };
  if (Object.keys(reviewRejected).length > 0) header.reviewRejected = reviewRejected;
  return header;
}

/** The first line of a bundle (its text, without the '\n'), held to the JSON depth limit: the header, or why not. */
function readHeaderLine(first: string, limits: LimitPolicy | undefined): BundleHeader | string {
  if (jsonTooDeepAt(first, limitsOf(limits).jsonDepth) !== undefined) return limitRefusal('jsonDepth', limits);
  return readHeader(first.replace(/\r$/, ''));
}

/**
 * Reads a bundle: the header, and the documents through the Spanwright JSONL reader (line
 * numbers are the bundle's). A bad header is an issue on line 1 and no documents.
 */
export function parseProjectBundle(
  fileName: string,
  bytes: Uint8Array,
  limits?: LimitPolicy,
): { header: BundleHeader | null; result: ImportParseResult } {
  const refused = (reason: string, line?: number) => ({
    header: null,
    result: {
      file: fileName,
      documents: [],
      issues: [line === undefined ? { file: fileName, reason } : { file: fileName, line, reason }],
      unknownLabels: [],
    },
  });
  if (bytes.length > limitsOf(limits).fileBytes) return refused(limitRefusal('fileBytes', limits, bytes.length));
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok)
    return {
      header: null,
      result: { file: fileName, documents: [], issues: [{ file: fileName, reason: decoded.reason }], unknownLabels: [] },
    };
  const newline = decoded.text.indexOf('\n');
  const first = newline === -1 ? decoded.text : decoded.text.slice(0, newline);
  const header = readHeaderLine(first, limits);
  if (typeof header === 'string') {
    return {
      header: null,
      result: { file: fileName, documents: [], issues: [{ file: fileName, line: 1, reason: header }], unknownLabels: [] },
    };
  }
  const rest = newline === -1 ? '' : decoded.text.slice(newline + 1);
  const result = parseImportFile(
    `${fileName}.jsonl`,
    new TextEncoder().encode(rest),
    header.schema.labels,
    header.schema.documentCategories,
    limits ? { limits } : {},
  );
  result.file = fileName;
  for (const issue of result.issues) {
    issue.file = fileName;
    if (issue.line !== undefined) issue.line += 1;
  }
  for (const doc of result.documents) {
    doc.file = fileName;
    if (doc.line !== undefined) doc.line += 1;
  }
  // A bundle with no documents is still a project (its schema and guidelines).
  result.issues = result.issues.filter((i) => !(i.line === undefined && result.documents.length === 0 && rest.trim() === ''));
  return { header, result };
}

/**
 * A bundle read as it arrives, a piece of bytes at a time (the import worker restores a bundle
 * of any size so): the header from the first line, known once that line is whole, then the
 * documents through the streamed Spanwright JSONL reader, with the bundle's line numbers. The
 * file-size limit holds the header line and each document line, as for any JSONL file read
 * line by line. A bad header is an issue on line 1, and nothing more is read.
 */
export class BundleStream {
  /** Known once the first line is read, and null for good when it is not a header. */
  header: BundleHeader | null = null;
  /** A refused header: further pieces are ignored. */
  stopped = false;
  private head: Uint8Array[] = [];
  private headBytes = 0;
  /** Bytes before the documents (the header line and its '\n'). */
  private bodyStart = 0;
  private lines: JsonLineStream | undefined;
  /** Whether anything but white space follows the header (a bundle with no documents is still a project). */
  private body = false;

  constructor(
    private readonly fileName: string,
    private readonly limits?: LimitPolicy,
  ) {}

  push(chunk: Uint8Array): JsonLineItem[] {
    if (this.stopped) return [];
    if (this.lines) return this.rest(chunk);
    const newline = chunk.indexOf(0x0a);
    const part = newline === -1 ? chunk : chunk.subarray(0, newline);
    this.headBytes += part.length;
    if (this.headBytes > limitsOf(this.limits).fileBytes) return this.refuse(limitRefusal('fileBytes', this.limits, this.headBytes));
    // A copy: the caller may reuse the chunk's buffer for its next read.
    this.head.push(new Uint8Array(part));
    if (newline === -1) return [];
    this.bodyStart = this.headBytes + 1;
    const refused = this.readHead();
    return refused ?? this.rest(chunk.subarray(newline + 1));
  }

  end(): JsonLineItem[] {
    if (this.stopped) return [];
    if (!this.lines) {
      const refused = this.readHead();
      if (refused) return refused;
    }
    const items = this.numbered((this.lines as JsonLineStream).end());
    // "file is empty" and the like speak of the JSONL after the header: no documents is fine here.
    return this.body ? items : items.filter((item) => item.kind !== 'issue' || item.issue.line !== undefined);
  }

  /** The labels the documents use that the header's schema lacks: known once `end` has run. */
  get unknownLabels(): ImportParseResult['unknownLabels'] {
    return this.lines?.result.unknownLabels ?? [];
  }

  private readHead(): JsonLineItem[] | undefined {
    const decoded = decodeTextFile(concatBytes(this.head, this.headBytes));
    this.head = [];
    if (!decoded.ok) return this.refuse(decoded.reason);
    const header = readHeaderLine(decoded.text, this.limits);
    if (typeof header === 'string') return this.refuse(header, 1);
    this.header = header;
    this.lines = new JsonLineStream(
      this.fileName,
      header.schema.labels,
      header.schema.documentCategories,
      this.limits ? { limits: this.limits } : {},
    );
    return undefined;
  }

  private refuse(reason: string, line?: number): JsonLineItem[] {
    this.stopped = true;
    this.head = [];
    return [{ kind: 'issue', issue: line === undefined ? { file: this.fileName, reason } : { file: this.fileName, line, reason } }];
  }

  private rest(chunk: Uint8Array): JsonLineItem[] {
    if (!this.body) this.body = chunk.some((byte) => byte !== 0x20 && (byte < 0x09 || byte > 0x0d));
    return this.numbered((this.lines as JsonLineStream).push(chunk));
  }

  /** The JSONL reader counts lines and bytes from the line after the header: the bundle's are given. */
  private numbered(items: JsonLineItem[]): JsonLineItem[] {
    for (const item of items) {
      if (item.kind === 'issue') {
        if (item.issue.line !== undefined) item.issue.line += 1;
      } else {
        if (item.document.line !== undefined) item.document.line += 1;
        item.at = { ...item.at, line: item.at.line + 1, offset: item.at.offset + this.bodyStart };
      }
    }
    return items;
  }
}
