// The `cli` part of `npm run bench`: the command line on synthetic corpora
// (scripts/synthetic-corpus.mjs), each figure beside a baseline measured in the same run.
//
//   throughput - MB of input per CPU second (user + system of the process, all its threads) of
//             `validate`, `convert --to spacy` and `convert --to conll2003`, against a plain Node
//             JSON round trip of the same file (read lines, JSON.parse, JSON.stringify, write);
//             the CLI's start-up (`spanwright --help`, tsx compiling the sources) is measured
//             apart and taken out. Target (issue 13): convert >= 10 MB/s and >= 0.3x the baseline.
//   memory  - peak RSS of `agree` (3 annotators) and `merge` (two files), against the input size.
//
// BENCH_SKIP_CLI=1 leaves this part out; BENCH_ONLY_CLI=1 (or `node scripts/bench-cli.mjs`)
// runs only it. Sizes: BENCH_CLI_DOCS (3000 documents, ~35 MB, for throughput),
// BENCH_CLI_AGREE_DOCS (1000 a file), BENCH_CLI_MERGE_DOCS (4000 a file, ~45 MB);
// BENCH_CLI_HUGE=1 adds `validate` and `merge` on a file over 512 MiB (slow). BENCH_CLI_DIR
// keeps the files there (default: a temporary folder, removed after).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSyntheticCorpus } from './synthetic-corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/spanwright.mjs');
const numberFrom = (name, fallback) => Number(process.env[name] ?? fallback);

/** Preloaded into each measured process: its CPU time and peak memory, written at exit. */
const USAGE_PRELOAD = `const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRss: u.maxRSS * 1024 }));
});
`;

/** The baseline: a plain Node JSON round trip of a JSONL file, line by line, written in big pieces. */
const ROUND_TRIP = `import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
const out = createWriteStream(process.argv[3]);
let batch = [];
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line === '') continue;
  batch.push(JSON.stringify(JSON.parse(line)));
  if (batch.length >= 256) {
    if (!out.write(batch.join('\\n') + '\\n')) await once(out, 'drain');
    batch = [];
  }
}
out.end(batch.length > 0 ? batch.join('\\n') + '\\n' : '');
await once(out, 'finish');
`;

/** Runs `node ...args` in `dir`; returns its CPU seconds, peak RSS in bytes and exit status. */
function measure(dir, args) {
  const usageFile = join(dir, 'usage.json');
  rmSync(usageFile, { force: true });
  const result = spawnSync(process.execPath, ['--require', join(dir, 'usage-preload.cjs'), ...args], {
    cwd: dir,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  return { ...JSON.parse(readFileSync(usageFile, 'utf8')), stdout: result.stdout };
}

const mb = (bytes) => bytes / 1e6;
const format = (value, digits = 1) => value.toFixed(digits).padStart(8);

async function corpus(dir, name, options) {
  const path = join(dir, name);
  await writeSyntheticCorpus(path, options);
  return path;
}

/** Runs the CLI bench and prints its rows. */
export async function cliBench() {
  const keep = process.env.BENCH_CLI_DIR;
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'spanwright-cli-bench-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'usage-preload.cjs'), USAGE_PRELOAD);
  writeFileSync(join(dir, 'round-trip.mjs'), ROUND_TRIP);
  try {
    const docs = numberFrom('BENCH_CLI_DOCS', 3000);
    const input = await corpus(dir, 'corpus.jsonl', { docs, docBytes: 4000, seed: 1 });
    const size = statSync(input).size;
    const startUp = measure(dir, [BIN, '--help']).cpu;
    const baseline = measure(dir, [join(dir, 'round-trip.mjs'), input, join(dir, 'round-trip.jsonl')]);
    const baselineRate = mb(size) / baseline.cpu;
    console.log(
      `\nCLI bench (${docs} documents, ${mb(size).toFixed(1)} MB of Spanwright JSONL; CLI start-up ${startUp.toFixed(2)} CPU s, taken out)`,
    );
    console.log(`${'command'.padEnd(44)} ${'CPU s'.padStart(8)} ${'MB/s'.padStart(8)} ${'x base'.padStart(8)}`);
    console.log(`${'Node JSON round trip (baseline)'.padEnd(44)} ${format(baseline.cpu, 2)} ${format(baselineRate)} ${format(1, 2)}`);
    for (const [name, args] of [
      ['validate', ['validate', input]],
      ['convert --to spacy', ['convert', '--to', 'spacy', input, join(dir, 'out.spacy.jsonl')]],
      ['convert --to conll2003', ['convert', '--to', 'conll2003', input, join(dir, 'out.conll')]],
    ]) {
      const { cpu } = measure(dir, [BIN, ...args]);
      const rate = mb(size) / Math.max(0.001, cpu - startUp);
      console.log(`${name.padEnd(44)} ${format(cpu, 2)} ${format(rate)} ${format(rate / baselineRate, 2)}`);
    }

    const agreeDocs = numberFrom('BENCH_CLI_AGREE_DOCS', 1000);
    const annotators = ['ana', 'ben', 'cy'];
    const agreeFiles = [];
    for (const annotator of annotators)
      agreeFiles.push(await corpus(dir, `agree-${annotator}.jsonl`, { docs: agreeDocs, docBytes: 2000, annotator, vary: 0.2, seed: 2 }));
    const agreeSize = agreeFiles.reduce((total, path) => total + statSync(path).size, 0);
    const agree = measure(dir, [BIN, 'agree', ...agreeFiles]);
    const mergeDocs = numberFrom('BENCH_CLI_MERGE_DOCS', 4000);
    const mergeFiles = [];
    for (const annotator of ['ana', 'ben'])
      mergeFiles.push(await corpus(dir, `merge-${annotator}.jsonl`, { docs: mergeDocs, docBytes: 4000, annotator, vary: 0.2, seed: 3 }));
    const mergeSize = mergeFiles.reduce((total, path) => total + statSync(path).size, 0);
    const merge = measure(dir, [BIN, 'merge', ...mergeFiles, '-o', join(dir, 'merged.jsonl')]);
    console.log(`${'memory'.padEnd(44)} ${'input MB'.padStart(8)} ${'peak MB'.padStart(8)} ${'x input'.padStart(8)}`);
    for (const [name, usage, bytes] of [
      [`agree, 3 x ${agreeDocs} documents`, agree, agreeSize],
      [`merge, 2 x ${mergeDocs} documents`, merge, mergeSize],
    ]) {
      console.log(`${name.padEnd(44)} ${format(mb(bytes))} ${format(mb(usage.maxRss))} ${format(usage.maxRss / bytes, 2)}`);
    }

    if (process.env.BENCH_CLI_HUGE) {
      // Over 512 MiB: the size at which reading a file whole into one string fails.
      const hugeDocs = Math.ceil((560 * 2 ** 20) / 11_800);
      const huge = await corpus(dir, 'huge.jsonl', { docs: hugeDocs, docBytes: 4000, seed: 4 });
      const hugeSize = statSync(huge).size;
      const validate = measure(dir, [BIN, 'validate', huge]);
      const hugeCopy = await corpus(dir, 'huge-ben.jsonl', { docs: hugeDocs, docBytes: 4000, annotator: 'ben', vary: 0.2, seed: 4 });
      const hugeMerge = measure(dir, [BIN, 'merge', huge, hugeCopy, '-o', join(dir, 'huge-merged.jsonl')]);
      console.log(
        `${`validate, one ${mb(hugeSize).toFixed(0)} MB file`.padEnd(44)} ${format(mb(hugeSize))} ${format(mb(validate.maxRss))} ${format(validate.maxRss / hugeSize, 2)}`,
      );
      console.log(
        `${`merge, two ${mb(hugeSize).toFixed(0)} MB files`.padEnd(44)} ${format(mb(2 * hugeSize))} ${format(mb(hugeMerge.maxRss))} ${format(hugeMerge.maxRss / (2 * hugeSize), 2)}`,
      );
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cliBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
