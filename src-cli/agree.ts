// `spanwright agree`: inter-annotator agreement of several annotators' export files.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  agreementReport,
  DEFAULT_SCOPE,
  DOCUMENT_SCOPES,
  reportToCsv,
  reportToJson,
  scopeSentence,
  type AgreementOptions,
  type DocumentScope,
} from '../src-shared/agreement';
import { LAYERS, type LayerId } from '../src-shared/domain';
import { parseImportFile } from '../src-shared/formats/import';
import type { ImportIssue, ParsedDocument } from '../src-shared/formats/import-result';
import { allDone, annotationSetOf, fileStatuses, readSchemaFile, schemaOptions } from './agreement-input';
import { formatDocumentLists, formatReportTable } from './agreement-table';
import { isLineCorpus, readCorpusItems } from './corpus-stream';
import { matchDocuments } from './document-matching';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, type CliOutput } from './output';

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
      files.push(...args.slice(i + 1));
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

  const read: Array<{ path: string; documents: ParsedDocument[] }> = [];
  let bad = false;
  for (const path of files) {
    const result = await readAnnotatorFile(path);
    if ('error' in result) {
      output.stderr(`${path}: cannot read the file: ${readError(result.error)}\n`);
      bad = true;
      continue;
    }
    for (const issue of result.issues) output.stderr(`${issueLine(path, issue)}\n`);
    if (result.issues.length > 0) bad = true;
    read.push({ path, documents: result.documents });
  }
  if (bad) return EXIT_BAD_INPUT;

  const match = matchDocuments(read);
  for (const warning of match.warnings) output.stderr(`warning: ${warning}\n`);
  for (const error of match.errors) output.stderr(`error: ${error}\n`);
  if (match.errors.length > 0) return EXIT_BAD_INPUT;

  const names = annotatorNames(read);
  for (const note of names.notes) output.stderr(`note: ${note}\n`);
  const withoutStatuses: string[] = [];
  const annotationSets = read.map((file, f) => {
    const statuses = fileStatuses(match.documents, f, ownAnnotator(file.documents)?.id);
    if (statuses === null) withoutStatuses.push(file.path);
    return annotationSetOf(names.names[f] as string, match.documents, f, statuses ?? allDone(match.documents, f));
  });
  if (withoutStatuses.length > 0 && scope !== 'all') {
    const one = withoutStatuses.length === 1;
    output.stderr(
      `note: ${withoutStatuses.join(', ')} record${one ? 's' : ''} no document status: ${one ? 'its' : 'their'} documents count as Done\n`,
    );
  }
  const report = agreementReport(
    match.documents.map((document) => ({ id: document.id, text: document.text })),
    annotationSets,
    options,
  );
  // Nothing to compare is an answer, not bad input: the report says so in `message`.
  if (report.scope.compared.length === 0) output.stderr(`warning: no document to compare (${scopeSentence(report.scope)})\n`);
  if (format === 'table') output.stdout(formatReportTable(report) + (listDocuments ? '\n' + formatDocumentLists(report) : ''));
  else {
    output.stdout(format === 'json' ? reportToJson(report) : reportToCsv(report));
    if (listDocuments) output.stderr(formatDocumentLists(report));
  }
  return EXIT_OK;
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
  const notes: string[] = [];
  const used = new Set<string>();
  const names = files.map((file) => {
    const base = ownAnnotator(file.documents)?.name ?? basename(file.path, extname(file.path));
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    if (name !== base) notes.push(`${file.path} is called "${name}": another file's annotator is already "${base}"`);
    used.add(name);
    return name;
  });
  return { names, notes };
}

/** The one annotator a Spanwright JSONL file's spans name: their id, and their name from the file's `annotators` list (else the id). */
function ownAnnotator(documents: readonly ParsedDocument[]): { id: string; name: string } | undefined {
  if (documents.length === 0 || documents.some((document) => document.format !== 'spanwright')) return undefined;
  const annotators = new Set<string>();
  for (const document of documents) for (const span of document.draft.spans) if (span.annotator) annotators.add(span.annotator);
  const [only] = annotators;
  if (annotators.size !== 1 || only === undefined) return undefined;
  // Spans carry the annotator's id; the file's `annotators` list gives the id's name.
  for (const document of documents) {
    const name = document.draft.annotators?.find((annotator) => annotator.id === only)?.name;
    if (name) return { id: only, name };
  }
  return { id: only, name: only };
}

/**
 * The documents and problems of one annotator's file. JSONL is read line by line, so a file of
 * any size is never one string (over ~512 MiB that fails); other files are read whole.
 */
async function readAnnotatorFile(path: string): Promise<{ documents: ParsedDocument[]; issues: ImportIssue[] } | { error: unknown }> {
  const documents: ParsedDocument[] = [];
  const issues: ImportIssue[] = [];
  try {
    if (!isLineCorpus(path) || path === '-') {
      const result = parseImportFile(path, await readFile(path), []);
      return { documents: result.documents, issues: result.issues };
    }
    for await (const item of readCorpusItems(path)) {
      if (item.kind === 'issue') issues.push(item.issue);
      else documents.push(item.document);
    }
  } catch (error) {
    return { error };
  }
  return { documents, issues };
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
