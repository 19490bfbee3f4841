// Parses import files with the core parser: in a web worker where there is one (the app),
// in-line otherwise (unit tests in Node). Either way the result is the same.
import type { Label } from '../../../src-shared/domain';
import { parseImportFile, type ImportParseResult } from '../../../src-shared/formats/import';
import { hashText } from '../../../src-shared/text-hash';

export interface ParsedFile {
  result: ImportParseResult;
  /** SHA-256 of each parsed document's text, in order. */
  hashes: string[];
}

export interface FileParser {
  parse(name: string, bytes: Uint8Array, labels: readonly Label[]): Promise<ParsedFile>;
  close(): void;
}

export function inlineParser(): FileParser {
  return {
    parse: async (name, bytes, labels) => {
      const result = parseImportFile(name, bytes, labels);
      return { result, hashes: result.documents.map((d) => hashText(d.draft.text)) };
    },
    close: () => undefined,
  };
}

export function workerParser(): FileParser {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  // One file at a time: each request waits for the previous reply.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    parse(name, bytes, labels) {
      const run = () =>
        new Promise<ParsedFile>((resolve, reject) => {
          worker.onmessage = (event: MessageEvent<ParsedFile>) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(`${name}: the file could not be read (${event.message})`));
          worker.postMessage({ name, bytes, labels: [...labels] });
        });
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => worker.terminate(),
  };
}

export function defaultParser(): FileParser {
  return typeof Worker === 'undefined' ? inlineParser() : workerParser();
}
