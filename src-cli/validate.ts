// `spanwright validate`: checks corpus files the way an import would, plus duplicates, and
// says exactly where each problem is (file:line: reason).
import type { LabelSchema } from '../src-shared/domain';
import type { ReadOptions } from '../src-shared/formats/format-module';
import { hashText } from '../src-shared/text-hash';
import { AnnotationChecks } from './annotation-checks';
import { startCommand, usageError } from './arguments';
import { issueLine, readFailure } from './corpus-file';
import { corpusName, isLineCorpus, readCorpusItems } from './corpus-stream';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { loadReadOptions, READ_OPTION_VALUES, READ_OPTIONS_HELP } from './read-options';
import { loadSchema } from './schema-file';

export const VALIDATE_SUMMARY = 'check corpus files: schema, offsets, span texts, relations, labels, duplicates';

const USAGE = `Usage: spanwright validate FILE... [--schema FILE] [--labels FILE] [--offsets UNIT] [--strict] [--json]

Checks each file (Spanwright, doccano, spaCy/Prodigy, Label Studio, Hugging Face JSONL, or a
brat .zip; '-' reads standard input as JSONL): valid JSON, a text per document, spans with
integer offsets inside the text that do not split a character, span texts that match their
offsets, known format versions and offset units, and no document twice (same id or text).
Relations: both ends are spans of the document, of one annotator, not the same span, no
relation twice; span and relation ids used once per document. A label's attribute holds one
kind of value (text, number, yes/no, list) across the file. Document labels: named
categories, no empty or repeated value, one entry per annotator. Notes are text.
What a file holds that an import does not keep while keeping its document (brat events, a
relation whose end is no span) is listed as 'note: ...'; the file is then not "OK", but the
exit code stays 0 unless --strict.

Options:
  --schema FILE  a project bundle (.spanwright) or JSON schema: labels, attributes (and the
                 type of their values), relation types (and the labels they link) and
                 document categories (and their values) must be the schema's
${READ_OPTIONS_HELP}  --strict       notes count as problems (exit code 1)
  --json         the findings as JSON
  -h, --help     this help

Exit codes: 0 no problem, 1 problems found (or a file could not be read), 2 wrong usage.
`;

export interface Problem {
  /** The file inside the input the problem is in, when it is not the input itself (`corpus.zip/a.ann`). */
  file?: string;
  line?: number;
  /** What `line` counts: a line of the file (default), or an item of a JSON array. */
  lineKind?: 'line' | 'item';
  reason: string;
  /** 'note': something not imported while its document is; it fails validation only with --strict. */
  severity?: 'note';
}

export interface FileFindings {
  file: string;
  documents: number;
  spans: number;
  relations: number;
  problems: Problem[];
}

export async function validateFile(path: string, schema?: LabelSchema, options: ReadOptions = {}): Promise<FileFindings> {
  const problems: Problem[] = [];
  // A .json array's documents are numbered by item, a JSONL file's by line.
  const lineKind = isLineCorpus(path) ? 'line' : 'item';
  const at = (line: number | undefined): Partial<Problem> =>
    line === undefined ? {} : lineKind === 'item' ? { line, lineKind } : { line };
  const where = (line: number | undefined) => (line === undefined ? 'another document' : `${lineKind} ${line}`);
  const byId = new Map<string, number | undefined>();
  const byText = new Map<string, number | undefined>();
  const checks = new AnnotationChecks(schema);
  let documents = 0;
  let spans = 0;
  let relations = 0;
  for await (const item of readCorpusItems(path, 'auto', schema, options)) {
    if (item.kind === 'issue') {
      const { line, lineKind: kind, reason, severity, file } = item.issue;
      problems.push({
        ...(file !== corpusName(path) ? { file } : {}),
        ...(line !== undefined ? { line } : {}),
        ...(kind === 'item' ? { lineKind: kind } : {}),
        reason,
        ...(severity ? { severity } : {}),
      });
      continue;
    }
    const doc = item.document;
    documents++;
    spans += doc.draft.spans.length;
    relations += doc.draft.relations?.length ?? 0;
    // A document of a brat zip has no line: its problems name it.
    const named = doc.line === undefined ? `document "${doc.draft.meta.title}"` : undefined;
    for (const reason of checks.check(doc.draft, named ?? where(doc.line)))
      problems.push({ ...at(doc.line), reason: named ? `${named}: ${reason}` : reason });
    if (doc.draft.id !== undefined) {
      if (byId.has(doc.draft.id))
        problems.push({
          ...at(doc.line),
          reason: `document id "${doc.draft.id}" is used again (first on ${where(byId.get(doc.draft.id))})`,
        });
      else byId.set(doc.draft.id, doc.line);
    }
    // Only the hash of each text is kept, so memory does not grow with the texts.
    const hash = hashText(doc.draft.text);
    if (byText.has(hash)) problems.push({ ...at(doc.line), reason: `the same text as ${where(byText.get(hash))}` });
    else byText.set(hash, doc.line);
  }
  // Stable: the problems of one line stay in the order found; file-wide problems come first.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { file: corpusName(path), documents, spans, relations, problems };
}

export async function runValidate(args: string[], output: CliOutput): Promise<number> {
  const parsed = startCommand('validate', args, { flags: ['json', 'strict'], values: ['schema', ...READ_OPTION_VALUES] }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) return usageError('validate', 'name at least one file', USAGE, output);
  const schemaPath = parsed.values.get('schema');
  let schema: LabelSchema | undefined;
  if (schemaPath !== undefined) {
    const loaded = await loadSchema(schemaPath);
    if (!loaded.ok) {
      output.stderr(`${schemaPath}: ${loaded.error}\n`);
      return EXIT_BAD_INPUT;
    }
    schema = loaded.value;
  }
  const findings: FileFindings[] = [];
  for (const path of parsed.positionals) {
    const options = await loadReadOptions(parsed.values, path);
    if (!options.ok) {
      if (options.error.startsWith('--')) return usageError('validate', options.error, USAGE, output);
      output.stderr(`spanwright validate: ${options.error}\n`);
      return EXIT_BAD_INPUT;
    }
    try {
      findings.push(await validateFile(path, schema, options.value));
    } catch (error) {
      findings.push({ file: path, documents: 0, spans: 0, relations: 0, problems: [{ reason: readFailure(error) }] });
    }
  }
  if (parsed.flags.has('json')) output.stdout(JSON.stringify({ files: findings }, null, 2) + '\n');
  else {
    for (const f of findings) {
      const relations = f.relations > 0 ? `, ${f.relations} relations` : '';
      if (f.problems.length === 0) output.stdout(`${f.file}: ${f.documents} documents, ${f.spans} spans${relations}, OK\n`);
      else for (const p of f.problems) output.stdout(issueLine({ ...p, file: p.file ?? f.file }) + '\n');
      // Only notes: what was read is sound, but it is not all the file holds, so never "OK".
      const notes = f.problems.filter((p) => p.severity === 'note').length;
      if (notes > 0 && notes === f.problems.length)
        output.stdout(`${f.file}: ${f.documents} documents, ${f.spans} spans${relations}; ${notes} note${notes > 1 ? 's' : ''} on what is not imported\n`);
    }
  }
  const strict = parsed.flags.has('strict');
  return findings.some((f) => f.problems.some((p) => strict || p.severity !== 'note')) ? EXIT_BAD_INPUT : EXIT_OK;
}
