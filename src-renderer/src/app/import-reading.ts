// Reads grouped import requests (parse-files.ts) into one stream of documents and problems, in
// file order, synchronously: a JSONL file a slice at a time (jsonl-stream.ts), every other
// format whole, as before. Both passes of an import read through it (the report first, then
// the write), so they see the same documents.
import type { ImportIssue, ParsedDocument, ReadQuestion, UnknownLabel } from '../../../src-shared/formats/import-result';
import { JsonLineStream } from '../../../src-shared/formats/jsonl-stream';
import { hashText } from '../../../src-shared/text-hash';
import { parseRequest, type ParseRequest } from './parse-files';

/** Bytes read from a streamed file at a time. */
export const READ_SLICE_BYTES = 1024 * 1024;

export type ImportItem =
  | { kind: 'document'; document: ParsedDocument; textHash: string }
  | { kind: 'issue'; issue: ImportIssue }
  /** Once a request is read to its end: the labels it named that the project lacks, and what the user could choose. */
  | { kind: 'file-end'; unknownLabels: UnknownLabel[]; asks: ReadQuestion[] };

/** The size of what a request reads, for progress. */
export function requestBytes(request: ParseRequest): number {
  switch (request.kind) {
    case 'stream':
      return request.source.size;
    case 'file':
      return request.bytes.length;
    case 'brat':
      return request.files.reduce((sum, f) => sum + f.bytes.length, 0);
    case 'refused':
      return 0;
  }
}

/**
 * The documents (with their text hash) and problems of each request, in order. `onBytes` hears
 * how many bytes of all the requests have been read, as reading goes (within a streamed file too).
 */
export function* readImportItems(
  requests: readonly ParseRequest[],
  onBytes?: (read: number) => void,
  sliceBytes = READ_SLICE_BYTES,
): Generator<ImportItem> {
  let before = 0;
  for (const request of requests) {
    if (request.kind === 'stream') {
      const { source } = request;
      const stream = new JsonLineStream(request.name, request.labels, request.categories, request.options);
      for (let at = 0; at < source.size && !stream.stopped; at += sliceBytes) {
        const end = Math.min(source.size, at + sliceBytes);
        yield* hashed(stream.push(source.read(at, end)));
        onBytes?.(before + end);
      }
      yield* hashed(stream.end());
      yield { kind: 'file-end', unknownLabels: stream.result.unknownLabels, asks: stream.result.asks ?? [] };
    } else {
      const { result, hashes } = parseRequest(request);
      for (const issue of result.issues) yield { kind: 'issue', issue };
      for (const [at, document] of result.documents.entries()) yield { kind: 'document', document, textHash: hashes[at] as string };
      yield { kind: 'file-end', unknownLabels: result.unknownLabels, asks: result.asks ?? [] };
    }
    before += requestBytes(request);
    onBytes?.(before);
  }
}

function* hashed(items: ReturnType<JsonLineStream['push']>): Generator<ImportItem> {
  for (const item of items)
    yield item.kind === 'document' ? { kind: 'document', document: item.document, textHash: hashText(item.document.draft.text) } : item;
}
