// `spanwright stats`: what a corpus file holds: documents, spans per label, layer, annotator,
// documents per status, relations per type, attributes filled and missing, document labels
// and notes.
import { hasAttributeValue } from '../src-shared/annotations/attribute-rules';
import type { LabelSchema } from '../src-shared/domain';
import { refuses } from '../src-shared/formats/import-result';
import { addToCount, ownValue, setOwn } from '../src-shared/own-keys';
import { startCommand, usageError } from './arguments';
import { issueLine, readFailure } from './corpus-file';
import { corpusName, readCorpusItems } from './corpus-stream';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { loadReadOptions, READ_OPTION_VALUES, READ_OPTIONS_HELP } from './read-options';
import { loadSchema } from './schema-file';

export const STATS_SUMMARY = 'count documents, spans, relations, attributes, document labels and notes';

const USAGE = `Usage: spanwright stats FILE... [--schema FILE] [--labels FILE] [--offsets UNIT] [--json]

Counts what each file holds ('-' reads standard input as JSONL): documents, spans per label,
layer and annotator, documents per status, relations per type, each label's attributes
(spans with a value, spans without), document labels per category and value, and notes on
spans, relations and documents. Lines with problems are reported on standard error and left
out of the counts (see 'spanwright validate'); so are notes on what a file holds that is not
imported (brat events...), which do not change the exit code.

Options:
  --schema FILE  a project bundle (.spanwright) or JSON schema: its attributes are counted
                 even where no span has them, and document classes go in its categories
${READ_OPTIONS_HELP}  --json         the counts as JSON (an object; an array of them for several files)
  -h, --help     this help

Exit codes: 0 done, 1 a file could not be read or had problems, 2 wrong usage.
`;

export interface CorpusStats {
  file: string;
  documents: number;
  spans: number;
  labels: Record<string, number>;
  layers: Record<string, number>;
  annotators: Record<string, number>;
  /** Documents per status (the document's \`status\`; Spanwright JSONL only). */
  statuses: Record<string, number>;
  /** Spanwright JSONL \`statuses\`: per annotator id, documents per status. */
  annotatorStatuses: Record<string, Record<string, number>>;
  relations: number;
  /** Relations per type. */
  relationTypes: Record<string, number>;
  /** Per label, per attribute: spans of the label with a value, and without (an empty text or list counts as none). */
  attributes: Record<string, Record<string, AttributeCount>>;
  /** Per category, per value: how many document annotations (one per annotator) choose it. */
  documentLabels: Record<string, Record<string, number>>;
  /** Non-empty notes on spans, on relations and on documents (one per annotator). */
  notes: { spans: number; relations: number; documents: number };
}

export interface AttributeCount {
  filled: number;
  missing: number;
}

function bump(counts: Record<string, number>, key: string): void {
  addToCount(counts, key);
}

/** The counts under `key` of a record of counts, made when missing. */
function countsOf(record: Record<string, Record<string, number>>, key: string): Record<string, number> {
  const existing = ownValue(record, key);
  if (existing) return existing;
  const made: Record<string, number> = {};
  setOwn(record, key, made);
  return made;
}

function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
}

function byName<T>(record: Record<string, T>): Array<[string, T]> {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Attributes filled per label, and the attributes each label has (the schema's, and any a span has). */
class AttributeTally {
  private readonly filled = new Map<string, Map<string, number>>();

  constructor(schema: LabelSchema | undefined) {
    for (const label of schema?.labels ?? []) for (const attribute of label.attributes ?? []) this.count(label.name, attribute.name, 0);
  }

  count(label: string, attribute: string, by: number): void {
    let attributes = this.filled.get(label);
    if (!attributes) this.filled.set(label, (attributes = new Map()));
    attributes.set(attribute, (attributes.get(attribute) ?? 0) + by);
  }

  /** Labels with spans and their attributes, by name; `spans`: spans per label. */
  result(spans: Readonly<Record<string, number>>): Record<string, Record<string, AttributeCount>> {
    return Object.fromEntries(
      [...this.filled]
        .filter(([label]) => (ownValue(spans, label) ?? 0) > 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([label, attributes]) => [
          label,
          Object.fromEntries(
            byName(Object.fromEntries(attributes)).map(([name, filled]) => [
              name,
              { filled, missing: (ownValue(spans, label) ?? 0) - filled },
            ]),
          ),
        ]),
    );
  }
}

export async function runStats(args: string[], output: CliOutput): Promise<number> {
  const parsed = startCommand('stats', args, { flags: ['json'], values: ['schema', ...READ_OPTION_VALUES] }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) return usageError('stats', 'name at least one file', USAGE, output);
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
  let exit = EXIT_OK;
  const all: CorpusStats[] = [];
  for (const path of parsed.positionals) {
    const readOptions = await loadReadOptions(parsed.values, path);
    if (!readOptions.ok) {
      if (readOptions.error.startsWith('--')) return usageError('stats', readOptions.error, USAGE, output);
      output.stderr(`spanwright stats: ${readOptions.error}\n`);
      return EXIT_BAD_INPUT;
    }
    const stats: CorpusStats = {
      file: corpusName(path),
      documents: 0,
      spans: 0,
      labels: {},
      layers: {},
      annotators: {},
      statuses: {},
      annotatorStatuses: {},
      relations: 0,
      relationTypes: {},
      attributes: {},
      documentLabels: {},
      notes: { spans: 0, relations: 0, documents: 0 },
    };
    const attributes = new AttributeTally(schema);
    try {
      for await (const item of readCorpusItems(path, 'auto', schema, readOptions.value)) {
        if (item.kind === 'issue') {
          output.stderr(issueLine(item.issue) + '\n');
          if (refuses(item.issue)) exit = EXIT_BAD_INPUT;
          continue;
        }
        const doc = item.document;
        stats.documents++;
        for (const span of doc.draft.spans) {
          stats.spans++;
          bump(stats.labels, span.label);
          bump(stats.layers, span.layer ?? 'entity');
          bump(stats.annotators, span.annotator ?? '(none)');
          for (const [name, value] of Object.entries(span.attributes ?? {}))
            attributes.count(span.label, name, hasAttributeValue(value) ? 1 : 0);
          if (span.note) stats.notes.spans++;
        }
        for (const relation of doc.draft.relations ?? []) {
          stats.relations++;
          bump(stats.relationTypes, relation.type);
          if (relation.note) stats.notes.relations++;
        }
        for (const annotation of doc.draft.documentAnnotations ?? []) {
          for (const [category, values] of Object.entries(annotation.labels))
            for (const value of new Set(values)) bump(countsOf(stats.documentLabels, category), value);
          if (annotation.note !== '') stats.notes.documents++;
        }
        if (doc.draft.status) bump(stats.statuses, doc.draft.status);
        for (const [annotator, status] of Object.entries(doc.draft.statuses ?? {}))
          bump(countsOf(stats.annotatorStatuses, annotator), status);
      }
    } catch (error) {
      output.stderr(`${path}: ${readFailure(error)}\n`);
      exit = EXIT_BAD_INPUT;
      continue;
    }
    all.push({
      ...stats,
      labels: sorted(stats.labels),
      layers: sorted(stats.layers),
      annotators: sorted(stats.annotators),
      statuses: sorted(stats.statuses),
      annotatorStatuses: Object.fromEntries(
        Object.entries(stats.annotatorStatuses)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([who, counts]) => [who, sorted(counts)]),
      ),
      relationTypes: sorted(stats.relationTypes),
      attributes: attributes.result(stats.labels),
      documentLabels: Object.fromEntries(byName(stats.documentLabels).map(([category, counts]) => [category, sorted(counts)])),
    });
  }
  if (parsed.flags.has('json')) output.stdout(JSON.stringify(all.length === 1 ? all[0] : all, null, 2) + '\n');
  else {
    for (const s of all) {
      const table = (title: string, counts: Record<string, number>) =>
        Object.keys(counts).length === 0
          ? ''
          : `  ${title}:\n${Object.entries(counts)
              .map(([k, v]) => `    ${k.padEnd(24)} ${String(v).padStart(7)}`)
              .join('\n')}\n`;
      const attributes = Object.entries(s.attributes).flatMap(([label, counts]) =>
        Object.entries(counts).map(
          ([name, { filled, missing }]) =>
            `    ${`${label} ${name}`.padEnd(24)} ${String(filled).padStart(7)} filled, ${missing} missing\n`,
        ),
      );
      const documentLabels = Object.fromEntries(
        Object.entries(s.documentLabels).flatMap(([category, counts]) =>
          Object.entries(counts).map(([value, n]) => [`${category}: ${value}`, n]),
        ),
      );
      const notes = Object.fromEntries(
        Object.entries({ spans: s.notes.spans, relations: s.notes.relations, documents: s.notes.documents }).filter(([, n]) => n > 0),
      );
      output.stdout(
        `${s.file}: ${s.documents} documents, ${s.spans} spans${s.relations > 0 ? `, ${s.relations} relations` : ''}\n` +
          table('labels', s.labels) +
          table('layers', s.layers) +
          table('annotators', s.annotators) +
          table('document statuses', s.statuses) +
          Object.entries(s.annotatorStatuses)
            .map(([who, counts]) => table(`statuses of ${who}`, counts))
            .join('') +
          table('relation types', s.relationTypes) +
          (attributes.length > 0 ? `  attributes:\n${attributes.join('')}` : '') +
          table('document labels', documentLabels) +
          table('notes', notes),
      );
    }
  }
  return exit;
}
