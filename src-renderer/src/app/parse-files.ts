// Groups import files into parse requests and parses a request whole with the core parsers
// (import-reading.ts reads them, in the import worker).
import type { DocumentCategory, Label, LabelSchema } from '../../../src-shared/domain';
import { parseBratFiles } from '../../../src-shared/formats/brat';
import { parseImportFile } from '../../../src-shared/formats/import';
import type { ReadOptions } from '../../../src-shared/formats/format-module';
import { parseLabelListFile, type LabelList } from '../../../src-shared/formats/label-list';
import type { ImportParseResult } from '../../../src-shared/formats/import-result';
import type { Result } from '../../../src-shared/result';
import type { LimitPolicy } from '../../../src-shared/limits';
import { hashText } from '../../../src-shared/text-hash';
import { readWhole, type ByteSource } from './byte-source';
import { limitRefusal, limitsOf } from '../../../src-shared/limits';

export interface ParsedFile {
  result: ImportParseResult;
  /** SHA-256 of each parsed document's text, in order. */
  hashes: string[];
}

/** One import unit: a file on its own, or brat files that belong together (.zip, .txt + .ann). */
export type ParseRequest =
  | { kind: 'file'; name: string; bytes: Uint8Array; labels: Label[]; categories: DocumentCategory[]; options?: ReadOptions }
  /** A JSONL file read line by line as its slices are read (import-reading.ts), never whole. */
  | { kind: 'stream'; name: string; source: ByteSource; labels: Label[]; categories: DocumentCategory[]; options?: ReadOptions }
  | { kind: 'brat'; files: Array<{ name: string; bytes: Uint8Array }>; labels: Label[]; limits?: LimitPolicy }
  /** A file that is not read, and why (a label list beside its file that is not one). */
  | { kind: 'refused'; name: string; reason: string };

/** Parses a request whole (import-reading.ts reads a streamed one a slice at a time instead). */
export function parseRequest(request: ParseRequest): ParsedFile {
  if (request.kind === 'refused')
    return {
      result: { file: request.name, documents: [], issues: [{ file: request.name, reason: request.reason }], unknownLabels: [] },
      hashes: [],
    };
  const result =
    request.kind === 'file' || request.kind === 'stream'
      ? parseImportFile(request.name, request.kind === 'file' ? request.bytes : readWhole(request.source), request.labels, request.categories, request.options)
      : parseBratFiles(request.files, request.labels, request.limits ? { limits: request.limits } : {});
  return { result, hashes: result.documents.map((d) => hashText(d.draft.text)) };
}

const extension = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
const stem = (name: string) => name.slice(0, name.lastIndexOf('.'));

const LABEL_LIST_SUFFIX = '.labels.json';

/**
 * The label lists chosen beside the files they name (`ner.jsonl.labels.json` for `ner.jsonl`,
 * what Spanwright's Hugging Face export writes; the CLI reads it by default too), by file name.
 */
function labelListsBeside(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Map<string, Result<LabelList>> {
  const names = new Set(files.map((f) => f.name));
  const lists = new Map<string, Result<LabelList>>();
  for (const file of files) {
    if (!file.name.endsWith(LABEL_LIST_SUFFIX)) continue;
    const named = file.name.slice(0, -LABEL_LIST_SUFFIX.length);
    if (names.has(named)) lists.set(named, parseLabelListFile(new TextDecoder().decode(file.bytes)));
  }
  return lists;
}

/**
 * Groups chosen files into parse requests: zips and .ann files (with the .txt of the same
 * name) go to the brat reader; everything else is read on its own. `options`: what the user
 * said about the files (a label list for label ids, the unit of their offsets), and the input
 * limits: a file larger than the limit is refused before anything reads it (`size`: the size
 * of a file whose bytes were left unread for that reason). A label list
 * chosen with the file it names (`X.labels.json` beside `X`) names that file's label ids when
 * the user has given none, and is not imported itself.
 */
export function groupImportFiles(
  chosen: ReadonlyArray<{ name: string; bytes: Uint8Array; size?: number; stream?: ByteSource }>,
  schema: Pick<LabelSchema, 'labels' | 'documentCategories'>,
  options: ReadOptions = {},
): ParseRequest[] {
  const sizeOf = (f: { bytes: Uint8Array; size?: number }) => f.size ?? f.bytes.length;
  // A streamed file is never whole in memory: the file-size limit holds each of its lines instead.
  const tooLarge = chosen.filter((f) => !f.stream && sizeOf(f) > limitsOf(options.limits).fileBytes);
  const refusedBySize = tooLarge.map((f): ParseRequest => ({
    kind: 'refused',
    name: f.name,
    reason: limitRefusal('fileBytes', options.limits, sizeOf(f)),
  }));
  const files = chosen.filter((f) => !tooLarge.includes(f));
  const labels = schema.labels;
  const beside = labelListsBeside(files);
  const listBeside = (name: string): boolean =>
    name.endsWith(LABEL_LIST_SUFFIX) && beside.get(name.slice(0, -LABEL_LIST_SUFFIX.length))?.ok === true;
  const annStems = new Set(files.filter((f) => extension(f.name) === 'ann').map((f) => stem(f.name)));
  const brat = files.filter(
    (f) => extension(f.name) === 'zip' || extension(f.name) === 'ann' || (extension(f.name) === 'txt' && annStems.has(stem(f.name))),
  );
  const requests: ParseRequest[] = files
    .filter((f) => !brat.includes(f))
    .map((f): ParseRequest => {
      const listOf = f.name.endsWith(LABEL_LIST_SUFFIX) ? beside.get(f.name.slice(0, -LABEL_LIST_SUFFIX.length)) : undefined;
      // A label list beside its file is never read as documents: a broken one says why, once.
      if (listOf && !listOf.ok) {
        const named = f.name.slice(0, -LABEL_LIST_SUFFIX.length);
        return { kind: 'refused', name: f.name, reason: `not a label list for ${named}: ${listOf.error}` };
      }
      const own = beside.get(f.name);
      const list = options.labelList ?? (own?.ok ? own.value : undefined);
      const read: ReadOptions = list ? { ...options, labelList: list } : options;
      const common = { name: f.name, labels: [...labels], categories: [...schema.documentCategories], options: read };
      return f.stream ? { kind: 'stream', source: f.stream, ...common } : { kind: 'file', bytes: f.bytes, ...common };
    })
    .filter((request) => !((request.kind === 'file' || request.kind === 'stream') && listBeside(request.name)));
  if (brat.length > 0)
    requests.push({
      kind: 'brat',
      files: brat.map((f) => ({ name: f.name, bytes: f.bytes })),
      labels: [...labels],
      ...(options.limits ? { limits: options.limits } : {}),
    });
  return [...refusedBySize, ...requests];
}
