// Writing an export for the command line (`convert`, `pull`): line formats stream to OUT as
// documents come, brat (a zip) is built whole and written at the end, Hugging Face token files
// get their tag list (and document labels) beside them; what a format cannot hold is told in words.
import type { Exporter } from '../src-shared/formats/exporter';
import type { ExportDocument } from '../src-shared/formats/format-module';
import type { LeftOut } from '../src-shared/formats/left-out';
import { zipFiles } from '../src-shared/formats/zip-archive';
import { relationInWords, spanInWords } from './annotation-text';
import type { CliOutput } from './output';
import { openOutput, writeOutput } from './write-output';
import { pushAll } from '../src-shared/push-all';

export interface ExportOutput {
  /** Writes one document; returns what the format could not hold of it. */
  write(doc: ExportDocument): Promise<LeftOut[]>;
  /** Closes the export and moves OUT (and the files beside it) into place. */
  finish(): Promise<void>;
  /** Deletes what was written (standard output cannot be taken back). */
  abort(): Promise<void>;
}

/** Output is written in pieces of about this many UTF-16 units: one write per document costs more than the export itself. */
const WRITE_BATCH = 1 << 20;

export function openExportOutput(exporter: Exporter, out: string, output: CliOutput): ExportOutput {
  const sink = exporter.format.shape === 'files' ? null : openOutput(out);
  const files: Array<{ path: string; content: string }> = [];
  let started = false;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await sink?.write(text);
  };
  const add = async (chunk: string) => {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= WRITE_BATCH) await flush();
  };
  return {
    async write(doc) {
      if (!started) {
        started = true;
        await add(exporter.header());
      }
      const written = exporter.document(doc);
      if (sink) await add(written.chunk);
      pushAll(files, written.files);
      return written.leftOut;
    },
    async finish() {
      if (!started) {
        started = true;
        await add(exporter.header());
      }
      if (sink) {
        await add(exporter.footer());
        await flush();
        await sink.commit();
      } else await writeOutput(out, zipFiles([...files, ...exporter.closingFiles()]));
      if (exporter.format.id === 'hf-token') {
        if (out === '-') output.stderr(`tag list: ${exporter.labels().join(' ')}\n`);
        else await writeOutput(`${out}.labels.json`, JSON.stringify(exporter.labels(), null, 2) + '\n');
        // Document labels: a text-classification JSONL beside the token file.
        for (const file of exporter.closingFiles()) {
          if (out === '-') output.stderr(`${file.path} not written to standard output: give OUT as a file to have it written beside it\n`);
          else await writeOutput(`${out}.${file.path}`, file.content);
        }
      }
    },
    async abort() {
      await sink?.abort();
    },
  };
}

/** How many annotations a left-out entry lists. */
export function leftOutCount(entry: LeftOut): number {
  return entry.spans.length + (entry.relations?.length ?? 0) + (entry.documentAnnotations?.length ?? 0);
}

/**
 * What a left-out entry lists: spans, relations (source -TYPE-> target), or document labels and
 * notes (with their annotator, when the file names one).
 */
export function describeLeftOut(entry: LeftOut): string {
  const parts = [
    ...entry.spans.map(spanInWords),
    ...(entry.relations ?? []).map((r) => relationInWords(r.type, r.from, r.to)),
    ...(entry.tokens ?? []).map((t) => `token ${JSON.stringify(t.text)} at ${t.start}-${t.end}`),
    ...(entry.documentAnnotations ?? []).map((a) => {
      const what =
        entry.reason === 'document-notes-not-held'
          ? `note "${a.note}"`
          : Object.entries(a.labels)
              .filter(([, values]) => values.length > 0)
              .map(([category, values]) => `${category}: ${values.join(', ')}`)
              .join('; ');
      return a.annotator ? `${a.annotator}: ${what}` : what;
    }),
  ];
  return parts.join(', ');
}
