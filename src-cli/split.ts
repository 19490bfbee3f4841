// `spanwright split`: train/dev/test files by document, reproducible from a seed, with the
// input's lines copied as they are.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, extname, join } from 'node:path';
import { refuses } from '../src-shared/formats/import-result';
import { SPLIT_NAMES, checkRatios, splitDocuments, type SplitName, type SplitRatios } from '../src-shared/split';
import { hashText } from '../src-shared/text-hash';
import { startCommand, usageError } from './arguments';
import { LIMIT_OPTION_VALUES, LIMIT_OPTIONS_HELP, readLimitFlags } from './read-options';
import { issueLine } from './corpus-file';
import { byteLines, isLineCorpus, readCorpusItems } from './corpus-stream';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { openOutput, writeOutput, type OutputSink } from './write-output';

export const SPLIT_SUMMARY = 'split a JSONL corpus into train/dev/test by document, reproducibly';

const USAGE = `Usage: spanwright split FILE.jsonl (--out-dir DIR | --prefix PREFIX) [--ratios 80,10,10] [--seed 42] [--stratify] [--json]

Writes DIR/NAME.train.jsonl, NAME.dev.jsonl and NAME.test.jsonl (NAME: the input's name; each
file holds the input's lines for its documents, byte for byte) and NAME.split.json (seed,
ratios, and each document's split). With --prefix the files are PREFIX.train.jsonl...
A document is in exactly one split; the same seed always gives the same split, whatever the
order of the lines. Documents are known by their id, else by a hash of their text. The input
is any JSONL format (Spanwright, doccano, spaCy, Hugging Face); '-' reads standard input.

Options:
  --out-dir DIR     where to write (created if missing)
  --prefix PREFIX   write PREFIX.train.jsonl... instead (e.g. data/news; inside DIR if
                    --out-dir is given too)
  --ratios A,B,C    train, dev and test shares (default 80,10,10)
  --seed N          the seed (default 42)
  --stratify        split each group of documents with the same labels in proportion
  --json            print the counts as JSON
${LIMIT_OPTIONS_HELP}  -h, --help        this help

Exit codes: 0 done, 1 bad input (nothing written), 2 wrong usage.
`;

const NEWLINE = Buffer.from('\n');

export async function runSplit(args: string[], output: CliOutput): Promise<number> {
  const usage = (reason: string) => usageError('split', reason, USAGE, output);
  const parsed = startCommand(
    'split',
    args,
    { flags: ['stratify', 'json'], values: ['out-dir', 'prefix', 'ratios', 'seed', ...LIMIT_OPTION_VALUES] },
    USAGE,
    output,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1) return usage('name one input file');
  const outDirOption = parsed.values.get('out-dir');
  const prefix = parsed.values.get('prefix');
  if (!outDirOption && !prefix) return usage('say where to write: --out-dir DIR or --prefix PREFIX');
  const shares = (parsed.values.get('ratios') ?? '80,10,10').split(',').map(Number);
  if (shares.length !== 3 || shares.some((n) => !Number.isFinite(n))) return usage('--ratios takes three numbers, e.g. 80,10,10');
  const ratios: SplitRatios = { train: shares[0] as number, dev: shares[1] as number, test: shares[2] as number };
  const ratioProblem = checkRatios(ratios);
  if (ratioProblem) return usage(ratioProblem);
  const seedText = parsed.values.get('seed') ?? '42';
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) return usage(`--seed takes a whole number (got "${seedText}")`);
  const limits = readLimitFlags(parsed.values);
  if (!limits.ok) return usage(limits.error);

  const input = parsed.positionals[0] as string;
  if (input !== '-' && !isLineCorpus(input)) return usage('split copies lines: the input must be a .jsonl (or .ndjson) file');
  // Standard input can be read only once: keep it in a temporary file for the second pass.
  let path = input;
  let scratch: string | null = null;
  if (input === '-') {
    scratch = await mkdtemp(join(tmpdir(), 'spanwright-split-'));
    path = join(scratch, 'stdin.jsonl');
    await pipeline(process.stdin, createWriteStream(path));
  }
  try {
    // Pass 1: each document's key (id, else text hash) and labels; nothing else is kept.
    const keys = new Map<number, string>();
    const documents: Array<{ id: string; labels: string[] }> = [];
    const firstLine = new Map<string, number>();
    const name = input === '-' ? 'stdin.jsonl' : input;
    let problems = 0;
    for await (const item of readCorpusItems(path, 'auto', undefined, { limits: limits.value })) {
      if (item.kind === 'issue') {
        output.stderr(issueLine({ ...item.issue, file: name }) + '\n');
        if (refuses(item.issue)) problems++; // lines are copied whole: a note loses nothing
        continue;
      }
      const doc = item.document;
      const key = doc.draft.id ?? `text:${hashText(doc.draft.text)}`;
      keys.set(doc.line ?? 0, key);
      // Rows joined into one document (JSON-MIN, claim sentences) go with it.
      for (const line of doc.joinedLines ?? []) keys.set(line, key);
      // A document twice (same id, or same text without id) is dealt once: its lines go together.
      const first = firstLine.get(key);
      if (first !== undefined) {
        const what = doc.draft.id !== undefined ? `document id "${doc.draft.id}"` : 'the same text';
        output.stderr(`${name}:${doc.line ?? 0}: warning: ${what} again (first on line ${first}); both lines go to the same split\n`);
        continue;
      }
      firstLine.set(key, doc.line ?? 0);
      documents.push({ id: key, labels: [...new Set(doc.draft.spans.map((s) => s.label))] });
    }
    if (problems > 0) {
      output.stderr('spanwright split: nothing written: fix the lines above\n');
      return EXIT_BAD_INPUT;
    }
    const assignment = splitDocuments(documents, ratios, seed, parsed.flags.has('stratify'));

    // Pass 2: copy each document's line, as it is, into its split's file.
    const stem = input === '-' ? 'stdin' : basename(input, extname(input));
    // Every file is PATH.train.jsonl, PATH.dev.jsonl...: PATH is DIR/NAME, PREFIX or DIR/PREFIX.
    const stemPath = prefix ? (outDirOption ? join(outDirOption, prefix) : prefix) : join(outDirOption as string, stem);
    const outDir = dirname(stemPath);
    await mkdir(outDir, { recursive: true });
    const sinks = Object.fromEntries(SPLIT_NAMES.map((name) => [name, openOutput(`${stemPath}.${name}.jsonl`)])) as Record<
      SplitName,
      OutputSink
    >;
    const counts: Record<SplitName, number> = { train: 0, dev: 0, test: 0 };
    try {
      let number = 0;
      // The same line splitting as pass 1, so line numbers agree; each line is copied with its
      // own bytes (a '\r' included), only the first line's byte order mark is left behind.
      for await (const raw of byteLines(createReadStream(path))) {
        number++;
        const key = keys.get(number);
        const split = key === undefined ? undefined : assignment.get(key);
        if (!split) continue;
        counts[split]++;
        const line = number === 1 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
        await sinks[split].write(Buffer.concat([line, NEWLINE]));
      }
      for (const name of SPLIT_NAMES) await sinks[name].commit();
    } catch (error) {
      for (const name of SPLIT_NAMES) await sinks[name].abort();
      throw error;
    }
    const record = {
      seed,
      ratios,
      stratified: parsed.flags.has('stratify'),
      documents: Object.fromEntries([...assignment].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    await writeOutput(`${stemPath}.split.json`, JSON.stringify(record, null, 2) + '\n');
    const files = Object.fromEntries(SPLIT_NAMES.map((name) => [name, `${stemPath}.${name}.jsonl`]));
    if (parsed.flags.has('json')) output.stdout(JSON.stringify({ ...counts, seed, files }) + '\n');
    else
      output.stdout(
        `train ${counts.train}, dev ${counts.dev}, test ${counts.test} documents (seed ${seed}): ${stemPath}.{train,dev,test}.jsonl\n`,
      );
    return EXIT_OK;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
