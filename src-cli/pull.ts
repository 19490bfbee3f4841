// `spanwright pull`: exports a project straight from its team server database, in any export
// format, without the app. Nothing the server sends is trusted: every document goes through
// the core's `readServerDocument`, and spans are checked against their document's text.
import { LAYERS, type LayerId, type LabelSchema } from '../src-shared/domain';
import { createExporter } from '../src-shared/formats/exporter';
import type { ExportOptions } from '../src-shared/formats/format-module';
import type { FormatId } from '../src-shared/formats/registry';
import { attributeTypesOf } from '../src-shared/schema-rules';
import { restoreSchema } from '../src-shared/schema-restore';
import { annotationsProblem, choosesOwner, pulledExportDocument, type OwnerChoice } from '../src-shared/sync/pulled-document';
import {
  annotationsDocId,
  documentDocId,
  GOLD_OWNER,
  readServerDocument,
  SCHEMA_DOC_ID,
  textDocId,
  type AnnotationsDoc,
  type DocumentDoc,
  type TextDoc,
} from '../src-shared/sync/server-documents';
import { startCommand, usageError } from './arguments';
import { describeFailure } from './corpus-file';
import { describeLeftOut, leftOutCount, openExportOutput } from './export-output';
import { resolveFormat, WRITABLE_FORMATS } from './formats';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { DatabaseConnection, PASSWORD_VARIABLE, readDatabaseAddress, ServerFailure, shownAddress } from './server-connection';
import { documentsByIds, pagesWithPrefix } from './server-reading';

export const PULL_SUMMARY = 'export a project from its team server database (CouchDB) in any format';

const USAGE = `Usage: spanwright pull URL --out FILE [--format FORMAT] [--annotations gold|mine|NAME|all] [--layer entity|claim] [--user U --password P]

Reads the project in the CouchDB database at URL (e.g. http://127.0.0.1:5984/haiti; the user
and password may be in the URL: http://ana:secret@host:5984/haiti) and writes its documents
to FILE ('-' for standard output) in an export format, offsets in Unicode code points, as
'spanwright convert' writes them. Documents a lead removed are left out. Every server document
is checked; one that cannot be read is listed with why, and then nothing is written.

Options:
  -o, --out FILE         where to write (brat writes a zip; hf-token also FILE.labels.json)
  --format FORMAT        ${WRITABLE_FORMATS.join(', ')} (default spanwright)
  --annotations WHOSE    gold (the adjudicated layer), mine (--user's own), NAME (that user's),
                         or all (every annotator apart: Spanwright JSONL only).
                         Default: all for Spanwright JSONL, else gold
  --layer entity|claim   export only this layer (one-layer formats: which one)
  --user U               the CouchDB user (else the URL's)
  --password P           their password (else the URL's, else $${PASSWORD_VARIABLE})
  -h, --help             this help

Exit codes: 0 done, 1 the server refused or could not be reached, or a document could not be
read (nothing written), 2 wrong usage.
`;

/** How many documents' texts and annotations are read (and held) at a time. */
const DOCUMENT_BATCH = 100;

export async function runPull(args: string[], output: CliOutput): Promise<number> {
  const usage = (reason: string) => usageError('pull', reason, USAGE, output);
  const parsed = startCommand(
    'pull',
    args,
    { values: ['out', 'format', 'annotations', 'layer', 'user', 'password'], aliases: { o: 'out' } },
    USAGE,
    output,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1) return usage("name the database's URL (one URL)");
  const out = parsed.values.get('out');
  if (!out) return usage('--out FILE is required (- for standard output)');
  const formatName = parsed.values.get('format') ?? 'spanwright';
  const format = resolveFormat(formatName, 'to');
  if (!format) return usage(`unknown format "${formatName}" (--format takes ${WRITABLE_FORMATS.join(', ')})`);
  const layer = parsed.values.get('layer');
  if (layer !== undefined && !LAYERS.includes(layer as LayerId)) return usage(`unknown layer "${layer}"`);
  if (layer !== undefined && !format.layers.includes(layer as LayerId)) return usage(`${format.name} cannot hold the ${layer} layer`);
  const whose = parsed.values.get('annotations') ?? (format.holds.annotators ? 'all' : GOLD_OWNER);
  if (whose === 'all' && !format.holds.annotators)
    return usage(
      `${format.name} holds one annotator's work, so --annotations all would mix everyone's spans: choose gold, mine or a user name (or --format spanwright)`,
    );
  if (whose.includes(':') || whose.trim() === '')
    return usage(`--annotations takes gold, mine, all or a user name (no “:”), not "${whose}"`);
  const address = readDatabaseAddress(
    parsed.positionals[0] as string,
    { user: parsed.values.get('user'), password: parsed.values.get('password') },
    process.env,
  );
  if (!address.ok) return usage(address.error);
  if (whose === 'mine' && address.value.user === '') return usage('--annotations mine needs --user (or a user in the URL)');
  const choice: OwnerChoice = whose === 'all' ? { kind: 'all' } : { kind: 'owner', owner: whose === 'mine' ? address.value.user : whose };

  const connection = new DatabaseConnection(address.value);
  const shown = shownAddress(address.value);
  try {
    return await pull(connection, shown, choice, out, format.id, layer as LayerId | undefined, output);
  } catch (error) {
    if (error instanceof ServerFailure) {
      output.stderr(`spanwright pull: ${shown}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    output.stderr(`spanwright pull: nothing written: ${describeFailure(error)}\n`);
    return EXIT_BAD_INPUT;
  }
}

async function pull(
  connection: DatabaseConnection,
  shown: string,
  choice: OwnerChoice,
  out: string,
  formatId: FormatId,
  layer: LayerId | undefined,
  output: CliOutput,
): Promise<number> {
  await connection.signIn();
  const database = await connection.database('GET', '');
  if (database.status !== 200) throw connection.failure(database, 'opening the database');

  let problems = 0;
  const notRead = (reason: string) => {
    problems++;
    output.stderr(`${shown}: not read: ${reason}\n`);
  };
  const note = (reason: string) => output.stderr(`${shown}: note: ${reason}\n`);

  const schema = await readSchema(connection, notRead, note);
  const options: ExportOptions = {
    ...(layer ? { layers: [layer] } : {}),
    ...(schema
      ? {
          labels: schema.labels.map((label) => label.name),
          documentCategories: schema.documentCategories,
          attributeTypes: attributeTypesOf(schema),
        }
      : {}),
  };

  // Document rows are small (no text): all of them are held, to write in the project's order.
  const documents: DocumentDoc[] = [];
  const removed = new Set<string>();
  for await (const rows of pagesWithPrefix(connection, documentDocId(''), true)) {
    for (const row of rows) {
      const read = readServerDocument(row.doc);
      if (!read.ok) {
        if (!read.skip) notRead(read.reason);
        continue;
      }
      if (read.doc.kind !== 'document') continue;
      if (read.doc.removed) removed.add(read.doc.documentId);
      else documents.push(read.doc);
    }
  }
  documents.sort((a, b) => a.order - b.order || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));

  // Whose annotations each document has: for one owner the ids are known; for all, listed (ids only).
  const owners = new Map<string, string[]>();
  if (choice.kind === 'all') {
    const known = new Set(documents.map((doc) => doc.documentId));
    const orphans = new Set<string>();
    for await (const rows of pagesWithPrefix(connection, 'annotations:', false)) {
      for (const row of rows) {
        const [documentId, owner] = splitAnnotationsId(row.key);
        if (documentId === undefined || owner === undefined) continue; // readServerDocument would refuse it: it is read below if its document is
        if (!known.has(documentId)) {
          if (!removed.has(documentId)) orphans.add(documentId);
          continue;
        }
        owners.set(documentId, [...(owners.get(documentId) ?? []), owner]);
      }
    }
    if (orphans.size > 0)
      note(
        `annotations of ${orphans.size} documents that are not on the server (or were removed) left out: ${[...orphans].slice(0, 5).join(', ')}${orphans.size > 5 ? ', ...' : ''}`,
      );
  }

  const exporter = createExporter(formatId, options);
  const exported = openExportOutput(exporter, out, output);
  let written = 0;
  let withAnnotations = 0;
  let leftOut = 0;
  try {
    for (let at = 0; at < documents.length; at += DOCUMENT_BATCH) {
      const batch = documents.slice(at, at + DOCUMENT_BATCH);
      const annotationIds = batch.flatMap((doc) =>
        (choice.kind === 'all' ? (owners.get(doc.documentId) ?? []) : [choice.owner]).map((owner) =>
          annotationsDocId(doc.documentId, owner),
        ),
      );
      const rows = await documentsByIds(connection, [...batch.map((doc) => textDocId(doc.documentId)), ...annotationIds]);
      const texts = new Map<string, TextDoc>();
      const annotations = new Map<string, AnnotationsDoc[]>();
      for (const row of rows) {
        if (!row.doc) continue; // missing or deleted: an annotator who has not started, or a text checked below
        const read = readServerDocument(row.doc);
        if (!read.ok) {
          if (!read.skip) notRead(read.reason);
          continue;
        }
        if (read.doc.kind === 'text') texts.set(read.doc.documentId, read.doc);
        else if (read.doc.kind === 'annotations' && choosesOwner(choice, read.doc.owner))
          annotations.set(read.doc.documentId, [...(annotations.get(read.doc.documentId) ?? []), read.doc]);
      }
      for (const document of batch) {
        const text = texts.get(document.documentId);
        if (!text) {
          notRead(`${document._id}: its text (${textDocId(document.documentId)}) is not on the server`);
          continue;
        }
        const usable: AnnotationsDoc[] = [];
        for (const doc of annotations.get(document.documentId) ?? []) {
          const problem = annotationsProblem(doc, text.text);
          if (problem) notRead(`${doc._id}: ${problem}`);
          else usable.push(doc);
        }
        const exportDocument = pulledExportDocument(document, text, usable);
        if (!exportDocument.ok) {
          notRead(`${document._id}: ${exportDocument.error}`);
          continue;
        }
        if (problems > 0) continue; // keep reading to report every problem; write nothing more
        written++;
        if (usable.length > 0) withAnnotations++;
        for (const entry of await exported.write(exportDocument.value)) {
          leftOut += leftOutCount(entry);
          output.stderr(
            `${shown}: ${document.sourceId}: ${entry.dropped ? 'left out' : 'changed'} (${entry.reason}): ${describeLeftOut(entry)}\n`,
          );
        }
      }
    }
    if (problems > 0) {
      await exported.abort();
      output.stderr(`spanwright pull: nothing written: ${problems} server documents could not be read (listed above)\n`);
      return EXIT_BAD_INPUT;
    }
    await exported.finish();
  } catch (error) {
    await exported.abort();
    throw error;
  }
  const whose = choice.kind === 'all' ? "every annotator's annotations" : `annotations of ${choice.owner}`;
  output.stderr(
    `${written} documents written to ${out === '-' ? 'standard output' : out} from ${shown} (${whose}: ${withAnnotations} documents)` +
      (removed.size > 0 ? `; ${removed.size} removed documents left out` : '') +
      (leftOut > 0 ? `; ${leftOut} annotations left out or changed (listed above)` : '') +
      '\n',
  );
  return EXIT_OK;
}

/** The project's schema, for label order, categories and attribute types; null (with a note) when there is none. */
async function readSchema(
  connection: DatabaseConnection,
  notRead: (reason: string) => void,
  note: (reason: string) => void,
): Promise<LabelSchema | null> {
  const [row] = await documentsByIds(connection, [SCHEMA_DOC_ID]);
  if (!row?.doc) {
    note('the database has no schema document: labels are listed in the order they are met');
    return null;
  }
  const read = readServerDocument(row.doc);
  if (!read.ok || read.doc.kind !== 'schema') {
    if (!read.ok && !read.skip) notRead(read.reason);
    return null;
  }
  const schema = restoreSchema(read.doc.schema);
  if (!schema.ok) {
    notRead(`${SCHEMA_DOC_ID}: ${schema.error}`);
    return null;
  }
  return schema.value;
}

/** The document id and owner an `annotations:<document>:<owner>` id names (document ids hold no ':'). */
function splitAnnotationsId(id: string): [string | undefined, string | undefined] {
  const rest = id.slice('annotations:'.length);
  const colon = rest.indexOf(':');
  if (!id.startsWith('annotations:') || colon <= 0 || colon === rest.length - 1) return [undefined, undefined];
  return [rest.slice(0, colon), rest.slice(colon + 1)];
}
