// `spanwright agree`: inter-annotator agreement of several annotators' export files.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  AgreementAccumulator,
  DEFAULT_SCOPE,
  documentCsv,
  DOCUMENT_SCOPES,
  hasRelations,
  perDocumentJson,
  perDocumentJsonEnd,
  reportCsvHead,
  reportJsonFrame,
  scopeSentence,
  type AgreementOptions,
  type DocumentAgreement,
  type DocumentScope,
} from '../src-shared/agreement';
import { LAYERS, type DocumentDraft, type LayerId } from '../src-shared/domain';
import { parseImportFile } from '../src-shared/formats/import';
import type { ImportIssue, ParsedDocument } from '../src-shared/formats/import-result';
import { hashText } from '../src-shared/text-hash';
import { AnnotatorFileFacts, documentWorkOf, readSchemaFile, schemaOptions, statusOf } from './agreement-input';
import { formatDocumentLists, formatReportTable } from './agreement-table';
import { describeFailure } from './corpus-file';
import { IndexedReader, indexCorpus, type IndexedDocument } from './corpus-index';
import { isLineCorpus } from './corpus-stream';
import { matchCopies, type DocumentCopy } from './document-matching';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, type CliOutput } from './output';
import { Spool } from './spool';
import { pushAll } from '../src-shared/push-all';

export const AGREE_SUMMARY = "inter-annotator agreement between annotators' export files";

const USAGE = `Usage: spanwright agree A.jsonl B.jsonl [C.jsonl ...] [--scope done|annotated|all] [--layer entity|claim]
                       [--schema FILE] [--documents] [--json | --csv]

Compares annotators: each file is one annotator's export (Spanwright JSONL, doccano or spaCy
JSONL). Documents are matched by id, else by text. Only documents in the scope are compared,
and of those only documents with a span from someone. Prints span precision/recall/F1 (exact and
overlap) for every pair, Cohen's kappa per layer over tokens, and Fleiss' kappa and
Krippendorff's alpha for all annotators; where the files have them, relation P/R/F1 (type and
both ends must match), Cohen's kappa per span attribute over spans matched exactly, and
kappas per document category.

Options:
  --scope done          documents every annotator marked Done (the default; a file that
                        records no statuses, such as doccano, counts as all Done)
  --scope annotated     documents every annotator has a span or document label on, or marked Done
  --scope all           every document of any file (one missing from a file: not annotated there)
  --documents           list the documents compared, without spans, and out of scope
  --layer entity|claim  only this layer (default: both); relations need both ends in it
  --schema FILE         a project bundle (.spanwright) or JSON schema: which relation types
                        are undirected and which document categories multiple choice
                        (default: every type directed; a category is multiple choice when
                        a document has two of its values)
  --json                the full report as JSON
  --csv                 one row per pair, label and measure, as CSV
  -h, --help            this help

Exit codes: 0 done, 1 bad input (unreadable file, import problems), 2 wrong usage.
`;

interface AgreeArguments {
  files: string[];
  format: 'table' | 'json' | 'csv';
  layer?: LayerId;
  schema?: string;
  scope: DocumentScope;
  listDocuments: boolean;
}

type Parsed = { ok: true; value: AgreeArguments } | { ok: false; help: true } | { ok: false; help: false; reason: string };

export function parseAgreeArguments(args: readonly string[]): Parsed {
  const files: string[] = [];
  let json = false;
  let csv = false;
  let layer: string | undefined;
  let schema: string | undefined;
  let scope: string = DEFAULT_SCOPE;
  let listDocuments = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      pushAll(files, args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { ok: false, help: true };
    if (arg === '--json') json = true;
    else if (arg === '--csv') csv = true;
    else if (arg === '--documents') listDocuments = true;
    else if (arg === '--scope' || arg.startsWith('--scope=')) {
      const value = arg === '--scope' ? args[++i] : arg.slice('--scope='.length);
      if (value === undefined || value === '')
        return { ok: false, help: false, reason: `--scope needs a value: ${DOCUMENT_SCOPES.join(', ')}` };
      scope = value;
    } else if (arg === '--layer' || arg.startsWith('--layer=')) {
      const value = arg === '--layer' ? args[++i] : arg.slice('--layer='.length);
      if (value === undefined || value === '') return { ok: false, help: false, reason: '--layer needs a value: entity or claim' };
      layer = value;
    } else if (arg === '--schema' || arg.startsWith('--schema=')) {
      const value = arg === '--schema' ? args[++i] : arg.slice('--schema='.length);
      if (value === undefined || value === '') return { ok: false, help: false, reason: '--schema needs a file' };
      schema = value;
    } else if (arg.startsWith('-') && arg !== '-') return { ok: false, help: false, reason: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (json && csv) return { ok: false, help: false, reason: '--json and --csv cannot be used together' };
  if (layer !== undefined && !LAYERS.includes(layer as LayerId)) {
    return { ok: false, help: false, reason: `unknown layer "${layer}" (expected ${LAYERS.join(' or ')})` };
  }
  if (!DOCUMENT_SCOPES.includes(scope as DocumentScope)) {
    return { ok: false, help: false, reason: `unknown scope "${scope}" (expected ${DOCUMENT_SCOPES.join(', ')})` };
  }
  if (files.length < 2) {
    return { ok: false, help: false, reason: `agreement needs at least two files, one per annotator (got ${files.length})` };
  }
  const value: AgreeArguments = { files, format: json ? 'json' : csv ? 'csv' : 'table', scope: scope as DocumentScope, listDocuments };
  if (layer !== undefined) value.layer = layer as LayerId;
  if (schema !== undefined) value.schema = schema;
  return { ok: true, value };
}

export async function runAgree(args: string[], output: CliOutput): Promise<number> {
  const parsed = parseAgreeArguments(args);
  if (!parsed.ok && parsed.help) {
    output.stdout(USAGE);
    return EXIT_OK;
  }
  if (!parsed.ok) {
    output.stderr(`spanwright agree: ${parsed.reason}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { files, format, layer, schema, scope, listDocuments } = parsed.value;

  const options: AgreementOptions = layer ? { layer, scope } : { scope };
  if (schema !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(schema);
    } catch (error) {
      output.stderr(`${schema}: cannot read the file: ${readError(error)}\n`);
      return EXIT_BAD_INPUT;
    }
    const restored = readSchemaFile(schema, bytes);
    if (!restored.ok) {
      output.stderr(`${schema}: ${restored.error}\n`);
      return EXIT_BAD_INPUT;
    }
    Object.assign(options, schemaOptions(restored.value));
  }

  // First pass: each file indexed (JSONL line by line; other files are read whole and kept),
  // and what a whole file says of its annotator. Second pass: each matched document is read
  // again from every file and fed to the report, one at a time; its figures wait in a
  // temporary file until the corpus figures, which come first in the output, are known.
  const reader = new IndexedReader(files);
  let spool: Spool<DocumentAgreement> | undefined;
  try {
    const inputs: Array<{ path: string; documents: AgreeCopy[]; facts: AnnotatorFileFacts }> = [];
    let bad = false;
    for (const [input, path] of files.entries()) {
      const result = await indexAnnotatorFile(path, input);
      if ('error' in result) {
        output.stderr(`${path}: cannot read the file: ${readError(result.error)}\n`);
        bad = true;
        continue;
      }
      for (const issue of result.issues) output.stderr(`${issueLine(path, issue)}\n`);
      if (result.issues.length > 0) bad = true;
      inputs.push({ path, documents: result.copies, facts: result.facts });
    }
    if (bad) return EXIT_BAD_INPUT;

    const match = matchCopies(inputs);
    for (const warning of match.warnings) output.stderr(`warning: ${warning}\n`);
    for (const error of match.errors) output.stderr(`error: ${error}\n`);
    if (match.errors.length > 0) return EXIT_BAD_INPUT;

    const owners = inputs.map((input) => input.facts.ownAnnotator());
    const names = namesOf(inputs.map((input, f) => ({ path: input.path, own: owners[f] })));
    for (const note of names.notes) output.stderr(`note: ${note}\n`);
    // A file none of whose compared documents gives a status (doccano, spaCy...) counts them all as Done.
    const recordsStatuses = inputs.map((_, f) => match.documents.some((document) => document.copies[f]?.hasStatus === true));
    const withoutStatuses = inputs.filter((_, f) => !recordsStatuses[f]).map((input) => input.path);
    if (withoutStatuses.length > 0 && scope !== 'all') {
      const one = withoutStatuses.length === 1;
      output.stderr(
        `note: ${withoutStatuses.join(', ')} record${one ? 's' : ''} no document status: ${one ? 'its' : 'their'} documents count as Done\n`,
      );
    }

    const accumulator = new AgreementAccumulator(names.names, options);
    if (format !== 'table') spool = await Spool.create<DocumentAgreement>();
    for (const document of match.documents) {
      let drafts: Array<DocumentDraft | undefined>;
      try {
        drafts = await Promise.all(document.copies.map(async (copy) => (copy ? (await reader.read(copy.index)).draft : undefined)));
      } catch (error) {
        output.stderr(`spanwright agree: ${describeFailure(error)}\n`);
        return EXIT_BAD_INPUT;
      }
      const work = drafts.map((draft, f) =>
        draft ? documentWorkOf(document.id, draft, statusOf(draft, recordsStatuses[f] === true, owners[f]?.id)) : { spans: [] },
      );
      const row = accumulator.add({ id: document.id, text: drafts.find((draft) => draft !== undefined)?.text ?? '' }, work);
      if (row && spool) await spool.push(row);
    }

    const report = accumulator.report();
    // Nothing to compare is an answer, not bad input: the report says so in `message`.
    if (report.scope.compared.length === 0) output.stderr(`warning: no document to compare (${scopeSentence(report.scope)})\n`);
    if (format === 'table') {
      output.stdout(formatReportTable(report, accumulator.tokens) + (listDocuments ? '\n' + formatDocumentLists(report) : ''));
      return EXIT_OK;
    }
    const out = new PieceWriter(output);
    if (format === 'json') {
      const { before, after } = reportJsonFrame(report);
      await out.write(before);
      let index = 0;
      for await (const row of (spool as Spool<DocumentAgreement>).values()) await out.write(perDocumentJson(row, index++));
      await out.write(perDocumentJsonEnd(index) + after);
    } else {
      await out.write(reportCsvHead(report));
      const relations = hasRelations(report);
      for await (const row of (spool as Spool<DocumentAgreement>).values()) await out.write(documentCsv(row, relations));
    }
    await out.end();
    if (listDocuments) output.stderr(formatDocumentLists(report));
    return EXIT_OK;
  } finally {
    await reader.close();
    await spool?.dispose();
  }
}

/** A document of an annotator's file as `agree` matches it: where to read it again, and whether it gives a status. */
interface AgreeCopy extends DocumentCopy {
  index: IndexedDocument;
  hasStatus: boolean;
}

/**
 * A file's annotator: the spans' `annotator` when the file is Spanwright JSONL and names one
 * annotator (shown by its name when the file's `annotators` list has it), else the file name
 * without its extension. Names two files share get " (2)"...
 */
export function annotatorNames(files: ReadonlyArray<{ path: string; documents: readonly ParsedDocument[] }>): {
  names: string[];
  notes: string[];
} {
  return namesOf(
    files.map((file) => {
      const facts = new AnnotatorFileFacts();
      for (const document of file.documents) facts.add(document);
      return { path: file.path, own: facts.ownAnnotator() };
    }),
  );
}

function namesOf(files: ReadonlyArray<{ path: string; own: { name: string } | undefined }>): { names: string[]; notes: string[] } {
  const notes: string[] = [];
  const used = new Set<string>();
  const names = files.map((file) => {
    const base = file.own?.name ?? basename(file.path, extname(file.path));
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    if (name !== base) notes.push(`${file.path} is called "${name}": another file's annotator is already "${base}"`);
    used.add(name);
    return name;
  });
  return { names, notes };
}

/**
 * The documents (indexed) and problems of one annotator's file, and what the file says of its
 * annotator. JSONL is read line by line and only indexed, so a file of any size is never held;
 * other files are read whole and their documents kept.
 */
async function indexAnnotatorFile(
  path: string,
  input: number,
): Promise<{ copies: AgreeCopy[]; issues: ImportIssue[]; facts: AnnotatorFileFacts } | { error: unknown }> {
  const copies: AgreeCopy[] = [];
  const facts = new AnnotatorFileFacts();
  const add = (index: IndexedDocument, parsed: ParsedDocument): void => {
    facts.add(parsed);
    const draft = parsed.draft;
    const copy: AgreeCopy = {
      hash: index.hash,
      // Only messages about a document without an id need its title.
      title: index.id === undefined ? draft.meta.title : '',
      index,
      hasStatus: draft.status !== undefined || (draft.statuses !== undefined && Object.keys(draft.statuses).length > 0),
    };
    if (index.id !== undefined) copy.id = index.id;
    if (parsed.line !== undefined) copy.line = parsed.line;
    copies.push(copy);
  };
  try {
    if (!isLineCorpus(path) || path === '-') {
      const result = parseImportFile(path, await readFile(path), []);
      for (const parsed of result.documents) {
        const index: IndexedDocument = { input, file: parsed.file, hash: hashText(parsed.draft.text), held: parsed };
        if (parsed.line !== undefined) index.line = parsed.line;
        if (parsed.draft.id !== undefined) index.id = parsed.draft.id;
        add(index, parsed);
      }
      return { copies, issues: result.issues, facts };
    }
    const issues: ImportIssue[] = [];
    for await (const item of indexCorpus(path, input)) {
      if (item.kind === 'issue') issues.push(item.issue);
      else add(item.document, item.parsed);
    }
    return { copies, issues, facts };
  } catch (error) {
    return { error };
  }
}

/** Output in pieces of about a megabyte, each waiting until standard output has taken the last. */
class PieceWriter {
  private pending: string[] = [];
  private length = 0;

  constructor(private readonly output: CliOutput) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= 1 << 20) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.length === 0) return;
    this.output.stdout(this.pending.join(''));
    this.pending = [];
    this.length = 0;
    await this.output.drain?.();
  }
}

/** `file:line: reason`, with the path as the user typed it. */
function issueLine(path: string, issue: ImportIssue): string {
  if (issue.line === undefined) return `${path}: ${issue.reason}`;
  return issue.lineKind === 'item' ? `${path}: item ${issue.line}: ${issue.reason}` : `${path}:${issue.line}: ${issue.reason}`;
}

function readError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
