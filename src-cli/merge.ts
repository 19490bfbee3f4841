// `spanwright merge`: one Spanwright JSONL from several exports of the same documents (each
// annotator's work), matched by id, else by text; a document whose text differs is an error.
import { serializeDocument } from '../src-shared/formats/exporter';
import type { ExportDocument } from '../src-shared/formats/format-module';
import { refuses } from '../src-shared/formats/import-result';
import { describeTextDifference } from '../src-shared/review/text-difference';
import { hashText } from '../src-shared/text-hash';
import { startCommand, usageError } from './arguments';
import { issueLine, parseCorpus, readCorpusFile, readFailure, toExportDocument } from './corpus-file';
import { MergedDocument } from './merged-document';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { writeOutput } from './write-output';

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
  doc: ExportDocument;
  /** Whether `doc.id` came from an input (else it is made from the text hash). */
  hasId: boolean;
  where: string;
  /** The inputs that gave a copy of this document (by index). */
  inputs: Set<number>;
  content: MergedDocument;
}

export async function runMerge(args: string[], output: CliOutput): Promise<number> {
  const usage = (reason: string) => usageError('merge', reason, USAGE, output);
  const parsed = startCommand('merge', args, { values: ['out'], aliases: { o: 'out' } }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  const out = parsed.values.get('out');
  if (!out) return usage('-o OUT is required');
  if (parsed.positionals.length < 2) return usage('name at least two files to merge');

  const merged: Merged[] = [];
  const byId = new Map<string, Merged>();
  const byHash = new Map<string, Merged[]>();
  let problems = 0;
  for (const [input, path] of parsed.positionals.entries()) {
    let result;
    try {
      result = parseCorpus(await readCorpusFile(path));
    } catch (error) {
      output.stderr(`${path}: ${readFailure(error)}\n`);
      problems++;
      continue;
    }
    for (const issue of result.issues) output.stderr(issueLine(issue) + '\n');
    problems += result.issues.filter(refuses).length;
    for (const [index, parsedDoc] of result.documents.entries()) {
      const where = `${parsedDoc.file}:${parsedDoc.line ?? index + 1}`;
      const hash = hashText(parsedDoc.draft.text);
      const id = parsedDoc.draft.id;
      const doc = toExportDocument(parsedDoc, `doc-${hash.slice(0, 12)}`);
      // By id; else by text (as \`agree\` matches), with a document no copy from this input has
      // joined yet, so two documents of one input with the same text stay two.
      const byIdFound = id !== undefined ? byId.get(id) : undefined;
      const found = byIdFound ?? byHash.get(hash)?.find((m) => !m.inputs.has(input));
      if (found && !byIdFound && id !== undefined && found.hasId && found.doc.id !== id) {
        output.stderr(
          `note: ${where}: document "${id}" has the same text as "${found.doc.id}" (${found.where}); merged as "${found.doc.id}"\n`,
        );
      }
      if (found && found.doc.text !== doc.text) {
        output.stderr(`${where}: document "${doc.id}" differs from ${found.where}: ${describeTextDifference(found.doc.text, doc.text)}\n`);
        problems++;
        continue;
      }
      const target: Merged = found ?? {
        doc,
        hasId: id !== undefined,
        where,
        inputs: new Set(),
        content: new MergedDocument(doc.text),
      };
      if (!found) {
        merged.push(target);
        byHash.set(hash, [...(byHash.get(hash) ?? []), target]);
      }
      if (id !== undefined && !target.hasId) {
        // The first copy had no id: the document takes this one's.
        target.doc = { ...target.doc, id };
        target.hasId = true;
      }
      if (id !== undefined && !byId.has(id)) byId.set(id, target);
      target.inputs.add(input);
      for (const note of target.content.add(doc, where)) output.stderr(`note: ${note}\n`);
    }
  }
  if (problems > 0) {
    output.stderr('spanwright merge: nothing written: fix the problems above\n');
    return EXIT_BAD_INPUT;
  }
  const text = merged.map((m) => serializeDocument('spanwright', m.content.document(m.doc))).join('\n');
  await writeOutput(out, merged.length > 0 ? text + '\n' : '');
  if (out !== '-') output.stderr(`${merged.length} documents merged into ${out}\n`);
  return EXIT_OK;
}
