// `spanwright split`: train/dev/test files by document, reproducible from a seed, with the
// input's lines copied as they are.
import { mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SPLIT_NAMES, checkRatios, splitDocuments, type SplitRatios } from '../src-shared/split';
import { hashText } from '../src-shared/text-hash';
import { startCommand, usageError } from './arguments';
import { issueLine, parseCorpus, readCorpusFile } from './corpus-file';
import { EXIT_BAD_INPUT, EXIT_OK, type CliOutput } from './output';
import { writeOutput } from './write-output';

export const SPLIT_SUMMARY = 'split a JSONL corpus into train/dev/test by document, reproducibly';

const USAGE = `Usage: spanwright split FILE.jsonl --out-dir DIR [--ratios 80,10,10] [--seed 42] [--stratify] [--json]

Writes DIR/NAME.train.jsonl, NAME.dev.jsonl and NAME.test.jsonl (each a copy of the input's
lines for its documents) and NAME.split.json (seed, ratios, and each document's split).
A document is in exactly one split; the same seed always gives the same split. Documents are
known by their id, else by a hash of their text. '-' reads standard input.

Options:
  --out-dir DIR     where to write (created if missing)
  --ratios A,B,C    train, dev and test shares (default 80,10,10)
  --seed N          the seed (default 42)
  --stratify        split each group of documents with the same labels in proportion
  --json            print the counts as JSON
  -h, --help        this help

Exit codes: 0 done, 1 bad input (nothing written), 2 wrong usage.
`;

export async function runSplit(args: string[], output: CliOutput): Promise<number> {
  const usage = (reason: string) => usageError('split', reason, USAGE, output);
  const parsed = startCommand('split', args, { flags: ['stratify', 'json'], values: ['out-dir', 'ratios', 'seed'] }, USAGE, output);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1) return usage('name one input file');
  const outDir = parsed.values.get('out-dir');
  if (!outDir) return usage('--out-dir is required');
  const shares = (parsed.values.get('ratios') ?? '80,10,10').split(',').map(Number);
  if (shares.length !== 3 || shares.some((n) => !Number.isFinite(n))) return usage('--ratios takes three numbers, e.g. 80,10,10');
  const ratios: SplitRatios = { train: shares[0] as number, dev: shares[1] as number, test: shares[2] as number };
  const ratioProblem = checkRatios(ratios);
  if (ratioProblem) return usage(ratioProblem);
  const seedText = parsed.values.get('seed') ?? '42';
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) return usage(`--seed takes a whole number (got "${seedText}")`);

  const input = parsed.positionals[0] as string;
  let file;
  try {
    file = await readCorpusFile(input);
  } catch (error) {
    output.stderr(`${input}: cannot be read: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (!file.name.toLowerCase().endsWith('.jsonl')) return usage('split copies lines: the input must be a .jsonl file');
  const result = parseCorpus(file);
  if (result.issues.length > 0) {
    for (const issue of result.issues) output.stderr(issueLine(issue) + '\n');
    output.stderr('spanwright split: nothing written: fix the lines above\n');
    return EXIT_BAD_INPUT;
  }
  const lines = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '').split(/\r?\n/);
  const keyOf = (doc: (typeof result.documents)[number]) => doc.draft.id ?? `text:${hashText(doc.draft.text)}`;
  const assignment = splitDocuments(
    result.documents.map((d) => ({ id: keyOf(d), labels: d.draft.spans.map((s) => s.label) })),
    ratios,
    seed,
    parsed.flags.has('stratify'),
  );
  const stem = input === '-' ? 'stdin' : basename(input, extname(input));
  await mkdir(outDir, { recursive: true });
  const counts = { train: 0, dev: 0, test: 0 };
  for (const name of SPLIT_NAMES) {
    const chosen = result.documents.filter((d) => assignment.get(keyOf(d)) === name);
    counts[name] = chosen.length;
    await writeOutput(join(outDir, `${stem}.${name}.jsonl`), chosen.map((d) => (lines[(d.line ?? 1) - 1] ?? '') + '\n').join(''));
  }
  const record = { seed, ratios, stratified: parsed.flags.has('stratify'), documents: Object.fromEntries(assignment) };
  await writeOutput(join(outDir, `${stem}.split.json`), JSON.stringify(record, null, 2) + '\n');
  if (parsed.flags.has('json')) output.stdout(JSON.stringify({ ...counts, seed }) + '\n');
  else output.stdout(`train ${counts.train}, dev ${counts.dev}, test ${counts.test} documents (seed ${seed}) in ${outDir}\n`);
  return EXIT_OK;
}
