// `spanwright merge`: one Spanwright JSONL from several exports of the same documents (each
// annotator's work), matched by id, else by text; a document whose text differs is an error.
import { serializeDocument } from '../src-shared/formats/exporter';
import type { ExportDocument } from '../src-shared/formats/format-module';
import { refuses } from '../src-shared/formats/import-result';
import { describeTextDifference } from '../src-shared/review/text-difference';
import { startCommand, usageError } from './arguments';
import { describeFailure, issueLine, readFailure, toExportDocument } from './corpus-file';
import { IndexedReader, indexCorpus, type IndexedDocument } from './corpus-index';
import { MergedDocument } from './merged-document';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { openOutput } from './write-output';

export const MERGE_SUMMARY = "merge several annotators' Spanwright JSONL exports into one";

const USAGE = `Usage: spanwright merge A.jsonl B.jsonl [...] -o OUT.jsonl

Merges exports of the same documents (matched by id, else by text) into one Spanwright JSONL
holding every annotator's spans, relations, span attributes, document labels, notes, statuses
and names. Identical spans and relations are kept once (their notes joined; an attribute
another copy gives another value keeps the first, with a note on standard error); span and
relation ids two inputs use for different things are renumbered, and relations follow their
spans. Document labels of one annotator are joined. Documents found in only some inputs are
kept. A document with the same id but another text is an error
naming both places. Two documents of one input stay two, even with the same text.
OUT ('-' for standard output) is written whole or not at all.

Options:
  -o, --out OUT  where to write
  -h, --help     this help

Exit codes: 0 done, 1 bad input or conflicting documents (nothing written), 2 wrong usage.
`;

interface Merged {
  /** The document's id: the first copy's that has one, else made from the text hash. */
  id: string;
  /** Whether `id` came from an input. */
  hasId: boolean;
  hash: string;
  where: string;
  /** The inputs that gave a copy of this document (by index). */
  inputs: Set<number>;
  /** Its copies in input order, read again one document at a time when it is written. */
  copies: Array<{ copy: IndexedDocument; where: string }>;
}

export async function runMerge(args: string[], output: CliOutput): Promise<number> {
  const usage = (reason: string) => usageError('merge', reason, USAGE, output);
  const parsed = startCommand('merge', args, { values: ['out'], aliases: { o: 'out' } }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  const out = parsed.values.get('out');
  if (!out) return usage('-o OUT is required');
  if (parsed.positionals.length < 2) return usage('name at least two files to merge');

  // First pass: which copies are one document, from each line's id and text hash (JSONL is
  // streamed; nothing is held but this index). Second pass: each document is read again from
  // its inputs, merged and written, one at a time, so memory does not grow with the files.
  const paths = parsed.positionals;
  const reader = new IndexedReader(paths);
  try {
    const merged: Merged[] = [];
    const byId = new Map<string, Merged>();
    const byHash = new Map<string, Merged[]>();
    let problems = 0;
    for (const [input, path] of paths.entries()) {
      let index = 0;
      try {
        for await (const item of indexCorpus(path, input)) {
          if (item.kind === 'issue') {
            output.stderr(issueLine(item.issue) + '\n');
            if (refuses(item.issue)) problems++;
            continue;
          }
          const copy = item.document;
          index++;
          const where = `${copy.file}:${copy.line ?? index}`;
          const { hash, id } = copy;
          // By id; else by text (as \`agree\` matches), with a document no copy from this input has
          // joined yet, so two documents of one input with the same text stay two.
          const byIdFound = id !== undefined ? byId.get(id) : undefined;
          const found = byIdFound ?? byHash.get(hash)?.find((m) => !m.inputs.has(input));
          if (found && !byIdFound && id !== undefined && found.hasId && found.id !== id) {
            output.stderr(
              `note: ${where}: document "${id}" has the same text as "${found.id}" (${found.where}); merged as "${found.id}"\n`,
            );
          }
          if (found && found.hash !== hash) {
            const first = found.copies[0]?.copy;
            const [before, after] = await Promise.all([first ? reader.read(first) : undefined, reader.read(copy)]);
            output.stderr(
              `${where}: document "${id ?? found.id}" differs from ${found.where}: ${describeTextDifference(before?.draft.text ?? '', after.draft.text)}\n`,
            );
            problems++;
            continue;
          }
          const target: Merged = found ?? {
            id: id ?? `doc-${hash.slice(0, 12)}`,
            hasId: id !== undefined,
            hash,
            where,
            inputs: new Set(),
            copies: [],
          };
          if (!found) {
            merged.push(target);
            byHash.set(hash, [...(byHash.get(hash) ?? []), target]);
          }
          if (id !== undefined && !target.hasId) {
            // The first copy had no id: the document takes this one's.
            target.id = id;
            target.hasId = true;
          }
          if (id !== undefined && !byId.has(id)) byId.set(id, target);
          target.inputs.add(input);
          target.copies.push({ copy, where });
        }
      } catch (error) {
        output.stderr(`${path}: ${readFailure(error)}\n`);
        problems++;
      }
    }
    if (problems > 0) {
      output.stderr('spanwright merge: nothing written: fix the problems above\n');
      return EXIT_BAD_INPUT;
    }
    const sink = openOutput(out);
    try {
      let pending: string[] = [];
      let pendingLength = 0;
      for (const m of merged) {
        let base: ExportDocument | undefined;
        let content: MergedDocument | undefined;
        for (const { copy, where } of m.copies) {
          const doc = toExportDocument(await reader.read(copy), `doc-${m.hash.slice(0, 12)}`);
          base ??= doc;
          content ??= new MergedDocument(doc.text);
          for (const note of content.add(doc, where)) output.stderr(`note: ${note}\n`);
        }
        if (!base || !content) continue;
        const line = serializeDocument('spanwright', content.document(m.hasId ? { ...base, id: m.id } : base)) + '\n';
        pending.push(line);
        pendingLength += line.length;
        if (pendingLength >= WRITE_BATCH) {
          await sink.write(pending.join(''));
          pending = [];
          pendingLength = 0;
        }
      }
      await sink.write(pending.join(''));
      await sink.commit();
    } catch (error) {
      await sink.abort();
      output.stderr(`spanwright merge: nothing written: ${describeFailure(error)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (out !== '-') output.stderr(`${merged.length} documents merged into ${out}\n`);
    return EXIT_OK;
  } finally {
    await reader.close();
  }
}

/** Output is written in pieces of about this many UTF-16 units. */
const WRITE_BATCH = 1 << 20;
