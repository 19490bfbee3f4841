// `spanwright push`: loads a Spanwright JSONL file or a project bundle into a team server
// database, as a lead would share a project: creating the database if needed, installing the
// validate function, and writing the project, schema, documents, texts and each annotator's
// annotations in the layout the app syncs. Pushing the same file again changes nothing.
import { basename } from 'node:path';
import { defaultSchema } from '../src-shared/default-schema';
import type { LabelSchema, LayerId } from '../src-shared/domain';
import { formatImportIssue } from '../src-shared/formats/import';
import { refuses, type ImportParseResult } from '../src-shared/formats/import-result';
import { isProjectBundle, parseProjectBundle, type BundleHeader } from '../src-shared/formats/project-bundle';
import { restoreSchema } from '../src-shared/schema-restore';
import { addImportedSchemaItems, labelsForImportedNames } from '../src-shared/schema-rules';
import { planPush, withServerTimes, type PushPlan } from '../src-shared/sync/pushed-documents';
import {
  PROJECT_DOC_ID,
  readServerDocument,
  sameContent,
  SCHEMA_DOC_ID,
  SYNC_LAYOUT_VERSION,
  toProjectDoc,
  toSchemaDoc,
  type ProjectDoc,
  type SchemaDoc,
  type ServerDocument,
} from '../src-shared/sync/server-documents';
import { explainStatus } from '../src-shared/sync/server-errors';
import { DESIGN_DOC_ID, designDoc, isDatabaseAdmin, type SecurityObject } from '../src-shared/sync/server-setup';
import { startCommand, usageError } from './arguments';
import { describeFailure, issueLine, parseCorpus, readCorpusFile, readFailure, type CorpusFile } from './corpus-file';
import { LIMIT_OPTION_VALUES, LIMIT_OPTIONS_HELP, readLimitFlags } from './read-options';
import type { LimitPolicy } from '../src-shared/limits';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import {
  DatabaseConnection,
  PASSWORD_VARIABLE,
  readDatabaseAddress,
  reasonOf,
  ServerFailure,
  shownAddress,
  type SignedIn,
} from './server-connection';
import { documentsByIds } from './server-reading';

export const PUSH_SUMMARY = 'load a Spanwright JSONL file or project bundle into a team server database';

/** Who wrote the revisions a push makes (the app skips only its own replica's revisions). */
export const CLI_WRITER = 'spanwright-cli';

const USAGE = `Usage: spanwright push FILE URL [--user U --password P] [--max-... limits]

Loads FILE (Spanwright JSONL, or a project bundle .spanwright) into the CouchDB database at
URL (e.g. http://127.0.0.1:5984/haiti; the user and password may be in the URL), in the
layout the app syncs: the project and its schema, each document and its text, and one
annotations document per document and annotator, owned by the annotator's name in the file
(gold stays gold; work that names no annotator is --user's). The database is created when
it does not exist (that needs a server admin, who becomes its admin); pushing needs a lead
(a server admin or an admin of the database).

A JSONL file's project is named after the file, with the default schema and the labels,
relation types and document categories the file uses; a database that already has a
project keeps its name and schema, grown by what the file uses. A bundle brings its own.
What the server holds already is updated on top of its revision, or left as it is when the
same; a document whose text differs on the server is not changed (annotations rely on it).

Options:
  --user U          the CouchDB user (else the URL's)
  --password P      their password (else the URL's, else $${PASSWORD_VARIABLE})
${LIMIT_OPTIONS_HELP}  -h, --help        this help

Exit codes: 0 done, 1 bad input (nothing written), the server refused or could not be
reached, or some documents were not written (each listed with the server's reason),
2 wrong usage.
`;

/** Documents per `_bulk_docs` request (whole documents: a document, its text and its annotations go together). */
const BATCH = 200;

export async function runPush(args: string[], output: CliOutput): Promise<number> {
  const usage = (reason: string) => usageError('push', reason, USAGE, output);
  const parsed = startCommand('push', args, { values: ['user', 'password', ...LIMIT_OPTION_VALUES] }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 2) return usage("name the file and the database's URL (FILE URL)");
  const [path, url] = parsed.positionals as [string, string];
  if (path === '-') return usage('push reads a file (its name names a new project), not standard input');
  const address = readDatabaseAddress(url, { user: parsed.values.get('user'), password: parsed.values.get('password') }, process.env);
  if (!address.ok) return usage(address.error);

  const limits = readLimitFlags(parsed.values);
  if (!limits.ok) return usage(limits.error);
  const input = await readInput(path, output, limits.value);
  if (input === null) return EXIT_BAD_INPUT;
  // What makes the file unpushable (owner names, repeated ids) is found before the server is touched.
  const precheck = planInput(input, input.header?.schema ?? defaultSchema(), address.value.user || null);
  if (printProblems(precheck.problems, output)) return EXIT_BAD_INPUT;

  const connection = new DatabaseConnection(address.value);
  const shown = shownAddress(address.value);
  try {
    return await push(connection, shown, path, input, output);
  } catch (error) {
    output.stderr(`spanwright push: ${shown}: ${error instanceof ServerFailure ? error.message : describeFailure(error)}\n`);
    return EXIT_BAD_INPUT;
  }
}

interface PushInputFile {
  header: BundleHeader | null;
  result: ImportParseResult;
}

/** The file's documents, or null (with every problem printed) when it cannot be pushed as it is. */
async function readInput(path: string, output: CliOutput, limits: LimitPolicy): Promise<PushInputFile | null> {
  let file: CorpusFile;
  try {
    file = await readCorpusFile(path, undefined, limits);
  } catch (error) {
    output.stderr(`${path}: ${readFailure(error)}\n`);
    return null;
  }
  const input: PushInputFile =
    file.size === undefined && isProjectBundle(file.bytes)
      ? parseProjectBundle(path, file.bytes, limits)
      : { header: null, result: parseCorpus(file, defaultSchema(), { limits }) };
  let problems = 0;
  for (const issue of input.result.issues) {
    output.stderr(formatImportIssue(issue) + '\n');
    if (refuses(issue)) problems++;
  }
  for (const doc of input.result.documents) {
    if (doc.format === 'spanwright') continue;
    problems++;
    output.stderr(
      issueLine({
        file: doc.file,
        ...(doc.line !== undefined ? { line: doc.line } : {}),
        reason: `this is ${doc.format}, not Spanwright JSONL: convert it first (spanwright convert --to spanwright)`,
      }) + '\n',
    );
  }
  if (problems > 0 || (input.header === null && input.result.documents.length === 0 && input.result.issues.length === 0)) {
    output.stderr(`spanwright push: nothing pushed: fix the file first (see 'spanwright validate')\n`);
    return null;
  }
  return input;
}

async function push(connection: DatabaseConnection, shown: string, path: string, input: PushInputFile, output: CliOutput): Promise<number> {
  const signedIn = await connection.signIn();
  const created = await openDatabase(connection, signedIn);
  await requireLead(connection, signedIn);
  const user = signedIn.name ?? connection.address.user;
  if (created) {
    const security: SecurityObject = { admins: { names: user ? [user] : [], roles: [] }, members: { names: [], roles: [] } };
    const answer = await connection.database('PUT', '/_security', security);
    if (answer.status !== 200) throw connection.failure(answer, 'naming you the admin of the new database');
  }
  await installDesignDocument(connection);

  // The project and schema the server has: a JSONL file grows them rather than replacing a lead's work.
  const [projectRow, schemaRow] = await documentsByIds(connection, [PROJECT_DOC_ID, SCHEMA_DOC_ID]);
  const existingProject = readAs<ProjectDoc>(projectRow?.doc, 'project');
  const existingSchema = readAs<SchemaDoc>(schemaRow?.doc, 'schema');
  const serverSchema = existingSchema ? restoreSchema(existingSchema.schema) : null;
  const baseSchema: LabelSchema = input.header?.schema ?? (serverSchema?.ok ? serverSchema.value : defaultSchema());
  const addedLabels = labelsForImportedNames(baseSchema, labelsMissingFrom(baseSchema, input.result.documents));
  const schema = addImportedSchemaItems(
    { ...baseSchema, labels: [...baseSchema.labels, ...addedLabels] },
    input.result.documents.map((doc) => doc.draft),
  );

  const plan = planInput(input, schema, user || null);
  for (const note of plan.notes) output.stderr(issueLine({ ...note, reason: `note: ${note.reason}` }) + '\n');
  if (printProblems(plan.problems, output)) return EXIT_BAD_INPUT;

  const project = input.header
    ? {
        name: input.header.name,
        guidelines: input.header.guidelines,
        ...(existingProject?.assignment ? { assignment: existingProject.assignment } : {}),
      }
    : existingProject
      ? {
          name: existingProject.name,
          guidelines: existingProject.guidelines,
          ...(existingProject.assignment ? { assignment: existingProject.assignment } : {}),
        }
      : { name: basename(path).replace(/\.[^.]+$/, ''), guidelines: '' };
  const counts = await writeDocuments(
    connection,
    shown,
    [toProjectDoc(project, CLI_WRITER), toSchemaDoc(schema, CLI_WRITER), ...plan.docs],
    user || CLI_WRITER,
    output,
  );

  const owners = new Set(plan.docs.flatMap((doc) => (doc.kind === 'annotations' ? [doc.owner] : [])));
  output.stderr(
    `${path}: ${plan.documents} documents and ${plan.annotations} annotations documents (${owners.size} annotators: ${[...owners].sort().join(', ') || 'none'}) pushed to ${shown}` +
      `${created ? ' (database created)' : ''}: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged` +
      (counts.failed > 0 ? `, ${counts.failed} not written (listed above)` : '') +
      (addedLabels.length > 0 ? `; labels added to the schema: ${addedLabels.map((l) => l.name).join(', ')}` : '') +
      '\n',
  );
  return counts.failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

function planInput(input: PushInputFile, schema: LabelSchema, pusher: string | null): PushPlan {
  return planPush({
    documents: input.result.documents,
    schema,
    annotatorNames: new Map((input.header?.annotators ?? []).map((annotator) => [annotator.id, annotator.name])),
    pusher,
    writer: CLI_WRITER,
    now: Date.now(),
  });
}

/** Prints the file's problems; true when there are any (then nothing is pushed). */
function printProblems(problems: PushPlan['problems'], output: CliOutput): boolean {
  for (const problem of problems) output.stderr(issueLine(problem) + '\n');
  if (problems.length > 0) output.stderr(`spanwright push: nothing pushed: fix the file first\n`);
  return problems.length > 0;
}

/** Opens the database, creating it when it does not exist and the user may; true when created. */
async function openDatabase(connection: DatabaseConnection, signedIn: SignedIn): Promise<boolean> {
  const info = await connection.database('GET', '');
  if (info.status === 200) return false;
  if (info.status !== 404) throw connection.failure(info, 'opening the database');
  if (!signedIn.serverAdmin)
    throw new ServerFailure(
      `there is no database “${connection.address.database}” on this server, and creating one needs a server admin (give their --user and --password)`,
    );
  const createdAnswer = await connection.database('PUT', '');
  // 412: someone created it a moment ago; it is there either way.
  if (createdAnswer.status !== 201 && createdAnswer.status !== 202 && createdAnswer.status !== 412)
    throw connection.failure(createdAnswer, 'creating the database');
  return createdAnswer.status !== 412;
}

/** Pushing writes documents, texts, the schema and gold: a lead's to write. */
async function requireLead(connection: DatabaseConnection, signedIn: SignedIn): Promise<void> {
  if (signedIn.serverAdmin) return;
  const answer = await connection.database('GET', '/_security');
  const security = answer.status === 200 ? (answer.body as Partial<SecurityObject> | null) : null;
  if (isDatabaseAdmin(signedIn, security)) return;
  throw new ServerFailure(
    `pushing a project needs a lead (a server admin or an admin of the database): ${explainStatus(403, connection.address)}`,
  );
}

async function installDesignDocument(connection: DatabaseConnection): Promise<void> {
  const wanted = designDoc(SYNC_LAYOUT_VERSION);
  const existing = await connection.database('GET', `/${DESIGN_DOC_ID}`);
  if (existing.status === 200) {
    const current = existing.body as { _rev?: string; validate_doc_update?: unknown };
    if (current.validate_doc_update === wanted.validate_doc_update) return;
    if (current._rev) wanted._rev = current._rev;
  } else if (existing.status !== 404) throw connection.failure(existing, 'reading the design document');
  const put = await connection.database('PUT', `/${DESIGN_DOC_ID}`, wanted);
  if (put.status !== 201 && put.status !== 202) throw connection.failure(put, 'installing the design document');
}

/** The labels the file's spans use that the schema lacks, in the order first met, with the layer the file gives. */
function labelsMissingFrom(schema: LabelSchema, documents: ImportParseResult['documents']): Array<{ name: string; layer: LayerId }> {
  const known = new Set(schema.labels.map((label) => label.name));
  const missing = new Map<string, LayerId>();
  for (const doc of documents)
    for (const span of doc.draft.spans)
      if (!known.has(span.label) && !missing.has(span.label)) missing.set(span.label, span.layer ?? 'entity');
  return [...missing].map(([name, layer]) => ({ name, layer }));
}

function readAs<T extends ServerDocument>(raw: unknown, kind: T['kind']): T | null {
  if (raw === undefined || raw === null) return null;
  const read = readServerDocument(raw);
  return read.ok && read.doc.kind === kind ? (read.doc as T) : null;
}

interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** The document id a server document belongs to ('' for the project and schema). */
function documentOf(doc: ServerDocument): string {
  return doc.kind === 'project' || doc.kind === 'schema' ? '' : doc.documentId;
}

/** Batches of whole documents (a document, its text and annotations never split across two requests). */
function batches(docs: readonly ServerDocument[]): ServerDocument[][] {
  const result: ServerDocument[][] = [];
  let current: ServerDocument[] = [];
  for (const [index, doc] of docs.entries()) {
    current.push(doc);
    const next = docs[index + 1];
    if (current.length >= BATCH && (next === undefined || documentOf(next) !== documentOf(doc))) {
      result.push(current);
      current = [];
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * Writes what differs from the server's copy, on top of its revision. A text never changes
 * under annotations: a document whose text differs there is not written, nor its annotations.
 */
async function writeDocuments(
  connection: DatabaseConnection,
  shown: string,
  docs: readonly ServerDocument[],
  savedBy: string,
  output: CliOutput,
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  // Who saved each revision and when, as the app stamps its writes (shown when two versions conflict; not content).
  const stamp = { savedBy, savedAt: Date.now() };
  const notWritten = (id: string, reason: string) => {
    counts.failed++;
    output.stderr(`${shown}: ${id}: not written: ${reason}\n`);
  };
  for (const batch of batches(docs)) {
    const rows = await documentsByIds(
      connection,
      batch.map((doc) => doc._id),
    );
    const otherText = new Set<string>();
    const writes: Array<ServerDocument & { _rev?: string }> = [];
    const isNew = new Set<string>();
    batch.forEach((wanted, index) => {
      const row = rows[index];
      const current = row?.doc as (Record<string, unknown> & { _rev?: string }) | null | undefined;
      if (!current) {
        isNew.add(wanted._id);
        // On top of a deleted document: CouchDB takes a new document there without a revision.
        writes.push({ ...wanted, ...stamp });
        return;
      }
      if (typeof current.layout === 'number' && current.layout > SYNC_LAYOUT_VERSION) {
        notWritten(wanted._id, `the server's copy was written by a newer Spanwright (layout ${current.layout}); update spanwright`);
        return;
      }
      const read = readServerDocument(current);
      const existing = read.ok ? read.doc : null;
      if (existing && wanted.kind === 'document' && existing.kind === 'document' && existing.textHash !== wanted.textHash) {
        otherText.add(wanted.documentId);
        notWritten(
          wanted._id,
          'the server has another text for this document; a text never changes under annotations (push it under another id)',
        );
        return;
      }
      if (existing && wanted.kind === 'text' && existing.kind === 'text' && existing.text !== wanted.text) {
        otherText.add(wanted.documentId);
        notWritten(wanted._id, 'the server has another text for this document');
        return;
      }
      if (wanted.kind === 'annotations' && otherText.has(wanted.documentId)) {
        notWritten(wanted._id, 'its document has another text on the server');
        return;
      }
      const next = existing ? withServerTimes(wanted, existing) : wanted;
      if (sameContent(current, next)) {
        counts.unchanged++;
        return;
      }
      writes.push({ ...next, ...stamp, ...(current._rev ? { _rev: current._rev } : {}) });
    });
    if (writes.length === 0) continue;
    const answer = await connection.database('POST', '/_bulk_docs', { docs: writes });
    if (answer.status !== 201 && answer.status !== 200) throw connection.failure(answer, 'writing documents');
    const results = Array.isArray(answer.body) ? (answer.body as Array<{ id?: string; error?: string; reason?: string }>) : [];
    writes.forEach((doc, index) => {
      const result = results[index];
      if (!result || result.error) {
        const reason = result
          ? `${result.error ?? 'error'}${reasonOf(result) ? `: ${reasonOf(result)}` : ''}`
          : 'the server gave no answer for it';
        notWritten(doc._id, reason);
      } else if (isNew.has(doc._id)) counts.created++;
      else counts.updated++;
    });
  }
  return counts;
}
