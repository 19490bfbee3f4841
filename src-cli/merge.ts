// `spanwright merge`: one Spanwright JSONL from several exports of the same documents (each
// annotator's work), matched by id, else by text; a document whose text differs is an error.
import type { Annotator, DocumentStatus, Span } from '../src-shared/domain';
import { serializeDocument, type ExportDocument } from '../src-shared/formats/export';
import { describeTextDifference } from '../src-shared/review/text-difference';
import { hashText } from '../src-shared/text-hash';
import { startCommand, usageError } from './arguments';
import { issueLine, parseCorpus, readCorpusFile, toExportDocument } from './corpus-file';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { writeOutput } from './write-output';

export const MERGE_SUMMARY = "merge several annotators' Spanwright JSONL exports into one";

const USAGE = `Usage: spanwright merge A.jsonl B.jsonl [...] -o OUT.jsonl

Merges exports of the same documents (matched by id, else by text) into one Spanwright JSONL
holding every annotator's spans, statuses and names. Identical spans are kept once; documents
found in only some inputs are kept. A document with the same id but another text is an error
naming both places. OUT ('-' for standard output) is written whole or not at all.

Options:
  -o, --out OUT  where to write
  -h, --help     this help

Exit codes: 0 done, 1 bad input or conflicting documents (nothing written), 2 wrong usage.
`;

interface Merged {
  doc: ExportDocument;
  where: string;
  spans: Map<string, Span>;
  statuses: Record<string, DocumentStatus>;
  annotators: Map<string, Annotator>;
}

const spanKey = (s: Span) => JSON.stringify([s.annotator, s.layer, s.label, s.start, s.end]);

export async function runMerge(args: string[], output: CliOutput): Promise<number> {
  const usage = (reason: string) => usageError('merge', reason, USAGE, output);
  const parsed = startCommand('merge', args, { values: ['out'], aliases: { o: 'out' } }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  const out = parsed.values.get('out');
  if (!out) return usage('-o OUT is required');
  if (parsed.positionals.length < 2) return usage('name at least two files to merge');

  const merged: Merged[] = [];
  const byId = new Map<string, Merged>();
  const byHash = new Map<string, Merged>();
  let problems = 0;
  for (const path of parsed.positionals) {
    let result;
    try {
      result = parseCorpus(await readCorpusFile(path));
    } catch (error) {
      output.stderr(`${path}: cannot be read: ${error instanceof Error ? error.message : String(error)}\n`);
      problems++;
      continue;
    }
    for (const issue of result.issues) output.stderr(issueLine(issue) + '\n');
    problems += result.issues.length;
    for (const [index, parsedDoc] of result.documents.entries()) {
      const where = `${parsedDoc.file}:${parsedDoc.line ?? index + 1}`;
      const doc = toExportDocument(parsedDoc, `doc-${hashText(parsedDoc.draft.text).slice(0, 12)}`);
      const hash = hashText(doc.text);
      const found = (parsedDoc.draft.id !== undefined ? byId.get(parsedDoc.draft.id) : undefined) ?? byHash.get(hash);
      if (found && found.doc.text !== doc.text) {
        output.stderr(`${where}: document "${doc.id}" differs from ${found.where}: ${describeTextDifference(found.doc.text, doc.text)}\n`);
        problems++;
        continue;
      }
      const target: Merged = found ?? { doc, where, spans: new Map(), statuses: {}, annotators: new Map() };
      if (!found) {
        merged.push(target);
        byId.set(doc.id, target);
        byHash.set(hash, target);
      }
      for (const span of doc.spans) if (!target.spans.has(spanKey(span))) target.spans.set(spanKey(span), span);
      Object.assign(target.statuses, doc.statuses ?? {});
      for (const a of doc.annotators ?? []) target.annotators.set(a.id, a);
    }
  }
  if (problems > 0) {
    output.stderr('spanwright merge: nothing written: fix the problems above\n');
    return EXIT_BAD_INPUT;
  }
  const text = merged
    .map((m) =>
      serializeDocument('spanwright', { ...m.doc, spans: [...m.spans.values()], statuses: m.statuses, annotators: [...m.annotators.values()] }),
    )
    .join('\n');
  await writeOutput(out, merged.length > 0 ? text + '\n' : '');
  if (out !== '-') output.stderr(`${merged.length} documents merged into ${out}\n`);
  return EXIT_OK;
}
