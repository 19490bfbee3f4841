// validate, stats, convert, split and merge run as processes, as a pipeline would run them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/spanwright.mjs');
let dir = '';

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const pythonSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');
const EMOJI = 'Mayor 🚋 Ana Ruiz visited Valdeluz.';
const GOOD = [
  { id: 'a', text: EMOJI, label: [[8, 16, 'PERSON'], [25, 33, 'LOC']] },
  { id: 'b', text: 'Nothing here.' },
  { id: 'c', text: 'Ben met Cy in Port Ellis.', label: [[0, 3, 'PERSON'], [14, 24, 'LOC']] },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-cli-'));
  writeFileSync(join(dir, 'good.jsonl'), GOOD.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeFileSync(
    join(dir, 'bad.jsonl'),
    [JSON.stringify(GOOD[0]), '{"text": broken', JSON.stringify({ id: 'a', text: 'again' }), JSON.stringify({ text: 'short', label: [[0, 9, 'ORG']] })].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate', { timeout: 30_000 }, () => {
  it('says OK with counts for a good file', () => {
    expect(run(['validate', 'good.jsonl'])).toEqual({ status: 0, stdout: 'good.jsonl: 3 documents, 4 spans, OK\n', stderr: '' });
  });

  it('lists every problem as file:line: reason and exits 1', () => {
    const result = run(['validate', 'bad.jsonl']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^bad\.jsonl:2: invalid JSON/);
    expect(lines[1]).toBe('bad.jsonl:3: document id "a" is used again (first on line 1)');
    expect(lines[2]).toBe('bad.jsonl:4: span 1 [0, 9) is out of range: the text is 5 code points long');
  });

  it('reads standard input and gives JSON', () => {
    const result = run(['validate', '--json', '-'], JSON.stringify(GOOD[0]) + '\n');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ files: [{ file: 'stdin.jsonl', documents: 1, spans: 2, relations: 0, problems: [] }] });
  });

  it('exit 2 without a file, 1 for a missing file', () => {
    expect(run(['validate']).status).toBe(2);
    const missing = run(['validate', 'nope.jsonl']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/^nope\.jsonl: cannot be read/);
  });
});

describe('stats', { timeout: 30_000 }, () => {
  it('counts documents and spans per label, layer and annotator', () => {
    const result = run(['stats', '--json', 'good.jsonl']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      file: 'good.jsonl', documents: 3, spans: 4,
      labels: { LOC: 2, PERSON: 2 }, layers: { entity: 4 }, annotators: { '(none)': 4 }, statuses: {}, annotatorStatuses: {},
      relations: 0, relationTypes: {}, attributes: {}, documentLabels: {}, notes: { spans: 0, relations: 0, documents: 0 },
    });
  });
});

describe('convert', { timeout: 30_000 }, () => {
  it('doccano -> Spanwright -> doccano keeps offsets (code points) and labels, with renames', () => {
    expect(run(['convert', '--to', 'spanwright', '--map', 'LOC=GPE', 'good.jsonl', 'native.jsonl']).status).toBe(0);
    const native = readFileSync(join(dir, 'native.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(native[0].offset_unit).toBe('codepoint');
    for (const doc of native) for (const s of doc.spans) expect(pythonSlice(doc.text, s.start, s.end)).toBe(s.text);
    expect(native[0].spans.map((s: { label: string }) => s.label)).toEqual(['PERSON', 'GPE']);
    const back = run(['convert', '--to', 'doccano', 'native.jsonl', '-']);
    expect(back.status).toBe(0);
    const first = JSON.parse(back.stdout.split('\n')[0] as string);
    expect(first.label).toEqual([[8, 16, 'PERSON'], [25, 33, 'GPE']]);
  });

  it('reports what CoNLL cannot hold on stderr, and writes nothing for a bad input', () => {
    writeFileSync(join(dir, 'claims.jsonl'), JSON.stringify({ id: 'x', text: 'Ben said the line is late.', spans: [{ start: 0, end: 3, label: 'PERSON' }, { start: 9, end: 26, label: 'CLAIM' }] }) + '\n');
    const result = run(['convert', '--to', 'conll2003', 'claims.jsonl', 'out.conll']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('claims.jsonl:1: left out (layer): CLAIM [9, 26) "the line is late."');
    expect(readFileSync(join(dir, 'out.conll'), 'utf8')).toContain('Ben -X- _ B-PERSON');
    const bad = run(['convert', '--to', 'doccano', 'bad.jsonl', 'never.jsonl']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.jsonl:4: span 1 [0, 9) is out of range');
    expect(existsSync(join(dir, 'never.jsonl'))).toBe(false);
  });

  it('usage errors exit 2', () => {
    expect(run(['convert', '--to', 'nope', 'good.jsonl', '-']).status).toBe(2);
    expect(run(['convert', 'good.jsonl', '-']).status).toBe(2);
  });
});

describe('split', { timeout: 30_000 }, () => {
  it('is reproducible from the seed and puts each document in one file', () => {
    const first = run(['split', 'good.jsonl', '--out-dir', 's1', '--ratios', '60,20,20', '--seed', '5', '--json']);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ train: 2, dev: 1, test: 0, seed: 5, files: { train: 's1/good.train.jsonl', dev: 's1/good.dev.jsonl', test: 's1/good.test.jsonl' } });
    run(['split', 'good.jsonl', '--out-dir', 's2', '--ratios', '60,20,20', '--seed', '5']);
    for (const name of readdirSync(join(dir, 's1'))) {
      expect(readFileSync(join(dir, 's2', name), 'utf8')).toBe(readFileSync(join(dir, 's1', name), 'utf8'));
    }
    const lines = ['train', 'dev', 'test'].flatMap((n) => readFileSync(join(dir, 's1', `good.${n}.jsonl`), 'utf8').split('\n').filter(Boolean));
    expect(lines.sort()).toEqual(GOOD.map((l) => JSON.stringify(l)).sort());
    const record = JSON.parse(readFileSync(join(dir, 's1', 'good.split.json'), 'utf8'));
    expect(Object.keys(record.documents).sort()).toEqual(['a', 'b', 'c']);
    expect(run(['split', 'good.jsonl', '--out-dir', 's3', '--ratios', '1,2']).status).toBe(2);
    // Standard input gives the same split, in files named stdin.*.
    const piped = run(['split', '-', '--out-dir', 's4', '--ratios', '60,20,20', '--seed', '5'], readFileSync(join(dir, 'good.jsonl'), 'utf8'));
    expect(piped.status).toBe(0);
    expect(readFileSync(join(dir, 's4', 'stdin.train.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 's1', 'good.train.jsonl'), 'utf8'));
  });
});

describe('merge', { timeout: 30_000 }, () => {
  const native = (annotator: string, spans: Array<[number, number, string]>, text = EMOJI) =>
    JSON.stringify({
      format: 'spanwright', format_version: 1, offset_unit: 'codepoint', id: 'a', text, meta: { title: 'A' }, status: 'done',
      statuses: { [annotator]: 'done' }, annotators: [{ id: annotator, name: annotator.toUpperCase() }],
      spans: spans.map(([start, end, label]) => ({ layer: 'entity', label, start, end, text: pythonSlice(text, start, end), annotator })),
    });

  it("joins each annotator's spans on the same document, once each", () => {
    writeFileSync(join(dir, 'ana.jsonl'), native('ana', [[8, 16, 'PERSON']]) + '\n');
    writeFileSync(join(dir, 'ben.jsonl'), native('ben', [[8, 16, 'PERSON'], [25, 33, 'LOC']]) + '\n');
    const result = run(['merge', 'ana.jsonl', 'ben.jsonl', 'ana.jsonl', '-o', 'merged.jsonl']);
    expect(result.status).toBe(0);
    const [doc] = readFileSync(join(dir, 'merged.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(doc.spans.map((s: { annotator: string; label: string }) => `${s.annotator}:${s.label}`)).toEqual(['ana:PERSON', 'ben:PERSON', 'ben:LOC']);
    expect(doc.statuses).toEqual({ ana: 'done', ben: 'done' });
    expect(doc.annotators).toEqual([{ id: 'ana', name: 'ANA' }, { id: 'ben', name: 'BEN' }]);
  });

  it('refuses a document whose text differs, naming both places, and writes nothing', () => {
    writeFileSync(join(dir, 'other.jsonl'), native('cy', [], EMOJI.replace('Ana', 'Ann')) + '\n');
    const result = run(['merge', 'ana.jsonl', 'other.jsonl', '-o', 'conflict.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('other.jsonl:1: document "a" differs from ana.jsonl:1: the text differs at character 10');
    expect(existsSync(join(dir, 'conflict.jsonl'))).toBe(false);
  });
});

it('--help lists every command', () => {
  const help = run(['--help']).stdout;
  for (const command of ['agree', 'convert', 'validate', 'stats', 'split', 'merge']) expect(help).toContain(`  ${command}`);
});

describe('large files stream line by line', () => {
  it('validates and converts 20,000 documents, with the line of a bad one', () => {
    const lines = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Note ${i}: 🚋 Ana Ruiz rode the tram.`, label: [[`Note ${i}: 🚋 `.length - 1, `Note ${i}: 🚋 `.length + 7, 'PERSON']] }));
    writeFileSync(join(dir, 'big.jsonl'), lines.join('\n') + '\n');
    expect(run(['validate', 'big.jsonl']).stdout).toBe('big.jsonl: 20000 documents, 20000 spans, OK\n');
    const converted = run(['convert', '--to', 'doccano', 'big.jsonl', 'big.doccano.jsonl']);
    expect(converted.status).toBe(0);
    const out = readFileSync(join(dir, 'big.doccano.jsonl'), 'utf8').trim().split('\n');
    expect(out).toHaveLength(20000);
    const last = JSON.parse(out[19999] as string);
    expect(pythonSlice(last.text, last.label[0][0], last.label[0][1])).toBe('Ana Ruiz');

    lines[14999] = '{"text": 42}';
    writeFileSync(join(dir, 'big-bad.jsonl'), lines.join('\n') + '\n');
    const bad = run(['convert', '--to', 'doccano', 'big-bad.jsonl', 'never-big.jsonl']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('big-bad.jsonl:15000: "text" must be a string');
    expect(existsSync(join(dir, 'never-big.jsonl'))).toBe(false);
    expect(readdirSync(dir).some((f) => f.includes('never-big'))).toBe(false);
  }, 60_000);
});
