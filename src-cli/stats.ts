// `spanwright stats`: what a corpus file holds: documents, spans per label, layer, annotator
// and documents per status.
import { startCommand, usageError } from './arguments';
import { issueLine, readFailure } from './corpus-file';
import { corpusName, readCorpusItems } from './corpus-stream';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';

export const STATS_SUMMARY = 'count documents and spans per label, layer, annotator and status';

const USAGE = `Usage: spanwright stats FILE... [--json]

Counts what each file holds ('-' reads standard input as JSONL). Lines with problems are
reported on standard error and left out of the counts (see 'spanwright validate').

Options:
  --json      the counts as JSON (an object; an array of them for several files)
  -h, --help  this help

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
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
}

export async function runStats(args: string[], output: CliOutput): Promise<number> {
  const parsed = startCommand('stats', args, { flags: ['json'] }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) return usageError('stats', 'name at least one file', USAGE, output);
  let exit = EXIT_OK;
  const all: CorpusStats[] = [];
  for (const path of parsed.positionals) {
    const stats: CorpusStats = {
      file: corpusName(path),
      documents: 0,
      spans: 0,
      labels: {},
      layers: {},
      annotators: {},
      statuses: {},
      annotatorStatuses: {},
    };
    try {
      for await (const item of readCorpusItems(path)) {
        if (item.kind === 'issue') {
          output.stderr(issueLine(item.issue) + '\n');
          exit = EXIT_BAD_INPUT;
          continue;
        }
        const doc = item.document;
        stats.documents++;
        for (const span of doc.draft.spans) {
          stats.spans++;
          bump(stats.labels, span.label);
          bump(stats.layers, span.layer ?? 'entity');
          bump(stats.annotators, span.annotator ?? '(none)');
        }
        if (doc.draft.status) bump(stats.statuses, doc.draft.status);
        for (const [annotator, status] of Object.entries(doc.draft.statuses ?? {}))
          bump((stats.annotatorStatuses[annotator] ??= {}), status);
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
      output.stdout(
        `${s.file}: ${s.documents} documents, ${s.spans} spans\n` +
          table('labels', s.labels) +
          table('layers', s.layers) +
          table('annotators', s.annotators) +
          table('document statuses', s.statuses) +
          Object.entries(s.annotatorStatuses)
            .map(([who, counts]) => table(`statuses of ${who}`, counts))
            .join(''),
      );
    }
  }
  return exit;
}
