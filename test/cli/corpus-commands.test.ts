// validate, stats, split, merge and convert as processes: every kind of problem a corpus file
// can have, standard input and output, and the promises each command makes (reproducible
// splits, merges that lose nothing, round trips that keep code-point offsets).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/spanwright.mjs');
let dir = '';

function run(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const write = (name: string, lines: unknown[]) =>
  writeFileSync(join(dir, name), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
/** Python's text[start:end]: code points. */
const pythonSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

// 🚋 is one code point and two UTF-16 units; 👍🏽 is two code points and one grapheme.
const TRAM = 'Mayor 🚋 Ana Ruiz visited Valdeluz.';

function native(
  id: string,
  text: string,
  annotator: string,
  spans: Array<[string, number, number, string]>,
  status = 'done',
): Record<string, unknown> {
  return {
    format: 'spanwright',
    format_version: 1,
    offset_unit: 'codepoint',
    id,
    text,
    meta: { title: id },
    status,
    statuses: { [annotator]: status },
    annotators: [{ id: annotator, name: annotator.toUpperCase() }],
    spans: spans.map(([layer, start, end, label]) => ({ layer, label, start, end, text: pythonSlice(text, start, end), annotator })),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-corpus-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate', { timeout: 30_000 }, () => {
  it('names the line and the reason of every kind of problem, and exits 1', () => {
    write('problems.jsonl', [
      { id: 'ok', text: TRAM, label: [[8, 16, 'PERSON']] },
      { id: 'no-text', label: [] },
      { text: 'Ana Ruiz', label: [[0.5, 3, 'PERSON']] },
      { text: 'Ana Ruiz again', label: [[3, 3, 'PERSON']] },
      { text: 'Hi 👍🏽 you', label: [[3, 4, 'EMOJI']] },
      { text: 'Ben Ode', spans: [{ start: 0, end: 3, label: 'PERSON', text: 'Bob' }] },
      { format: 'spanwright', format_version: 3, text: 'Version three' },
      { format: 'spanwright', offset_unit: 'byte', text: 'Bytes' },
      { id: 'other', text: TRAM },
      { id: 'ok', text: 'Another text, same id' },
    ]);
    const result = run(['validate', 'problems.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'problems.jsonl:2: missing "text" field',
        'problems.jsonl:3: span 1 offsets are not integers: [0.5, 3)',
        'problems.jsonl:4: span 1 [3, 3) is empty (end equals start)',
        'problems.jsonl:5: span 1 [3, 4) splits a grapheme cluster at 4 (it cuts a combining mark, emoji sequence or similar off its base character)',
        'problems.jsonl:6: span 1 [0, 3) text "Bob" does not match the text at its offsets "Ben"',
        'problems.jsonl:7: unsupported format_version 3 (this version of Spanwright reads 1 and 2)',
        'problems.jsonl:8: unsupported offset_unit "byte" (expected "codepoint" or "utf16")',
        'problems.jsonl:9: the same text as line 1',
        'problems.jsonl:10: document id "ok" is used again (first on line 1)',
        '',
      ].join('\n'),
    );
  });

  it('catches a line that is not UTF-8, with its line number', () => {
    writeFileSync(
      join(dir, 'latin1.jsonl'),
      Buffer.concat([Buffer.from('{"text": "fine"}\n{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    );
    const result = run(['validate', 'latin1.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^latin1\.jsonl:2: not valid UTF-8: invalid byte 0xE9 at byte 14 of the line/);
  });

  it('numbers the documents of a JSON array by item', () => {
    writeFileSync(join(dir, 'array.json'), JSON.stringify([{ text: 'One' }, { text: 'Two' }, { text: 'One' }]));
    expect(run(['validate', 'array.json']).stdout).toBe('array.json: item 3: the same text as item 1\n');
  });

  it('gives every file its line in --json, and reads standard input', () => {
    write('fine.jsonl', [{ text: TRAM, label: [[8, 16, 'PERSON']] }]);
    const result = run(['validate', '--json', 'fine.jsonl', '-'], '{"text": "x"}\n{"text": "x"}\n');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        { file: 'fine.jsonl', documents: 1, spans: 1, relations: 0, problems: [] },
        { file: 'stdin.jsonl', documents: 2, spans: 0, relations: 0, problems: [{ line: 2, reason: 'the same text as line 1' }] },
      ],
    });
  });

  it('answers --help on stdout with exit 0, and an unknown option with exit 2', () => {
    const help = run(['validate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: spanwright validate FILE/);
    // (--strict is an option now: an unknown one is another name.)
    const wrong = run(['validate', '--stirct', 'fine.jsonl']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^spanwright validate: unknown option --stirct/);
    expect(run(['validate', 'missing.jsonl']).stdout).toBe('missing.jsonl: cannot be read: no such file or directory\n');
  });
});

describe('stats', { timeout: 30_000 }, () => {
  beforeAll(() => {
    const first = native('d1', TRAM, 'ana', [
      ['entity', 8, 16, 'PERSON'],
      ['claim', 0, 34, 'CLAIM'],
    ]);
    first['statuses'] = { ana: 'done', ben: 'in_progress' };
    (first['spans'] as unknown[]).push({ layer: 'entity', label: 'LOC', start: 25, end: 33, annotator: 'ben' });
    write('team.jsonl', [first, native('d2', 'Nothing here.', 'ana', [], 'todo')]);
  });

  it('prints a table of labels, layers, annotators and statuses', () => {
    const result = run(['stats', 'team.jsonl']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'team.jsonl: 2 documents, 3 spans',
        '  labels:',
        '    CLAIM                          1',
        '    LOC                            1',
        '    PERSON                         1',
        '  layers:',
        '    entity                         2',
        '    claim                          1',
        '  annotators:',
        '    ana                            2',
        '    ben                            1',
        '  document statuses:',
        '    done                           1',
        '    todo                           1',
        '  statuses of ana:',
        '    done                           1',
        '    todo                           1',
        '  statuses of ben:',
        '    in_progress                    1',
        '',
      ].join('\n'),
    );
  });

  it('gives an array for several files in --json; bad lines go to stderr with exit 1', () => {
    const result = run(['stats', '--json', 'team.jsonl', '-'], '{"text": "a", "label": [[0, 1, "X"]]}\n{"text": 1}\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('stdin.jsonl:2: "text" must be a string (found a number)\n');
    const [team, stdin] = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(team).toMatchObject({
      documents: 2,
      statuses: { done: 1, todo: 1 },
      annotatorStatuses: { ana: { done: 1, todo: 1 }, ben: { in_progress: 1 } },
    });
    expect(stdin).toEqual({
      file: 'stdin.jsonl',
      documents: 1,
      spans: 1,
      labels: { X: 1 },
      layers: { entity: 1 },
      annotators: { '(none)': 1 },
      statuses: {},
      annotatorStatuses: {},
      relations: 0,
      relationTypes: {},
      attributes: {},
      documentLabels: {},
      notes: { spans: 0, relations: 0, documents: 0 },
    });
  });
});

describe('split', { timeout: 30_000 }, () => {
  const corpus = Array.from({ length: 30 }, (_, i) => ({
    id: `doc${i}`,
    text: `Document ${i} about 🚋 trams.`,
    label: i % 3 === 0 ? [[0, 8, 'TOPIC']] : [],
  }));
  beforeAll(() => write('corpus.jsonl', corpus));
  const files = (prefix: string) => ['train', 'dev', 'test'].map((name) => read(`${prefix}.${name}.jsonl`));

  it('gives identical files for the same seed, another split for another seed, whatever the line order', () => {
    expect(run(['split', 'corpus.jsonl', '--prefix', 'a/c', '--seed', '7']).stdout).toBe(
      'train 24, dev 3, test 3 documents (seed 7): a/c.{train,dev,test}.jsonl\n',
    );
    run(['split', 'corpus.jsonl', '--prefix', 'b/c', '--seed', '7']);
    expect(files('b/c')).toEqual(files('a/c'));
    run(['split', 'corpus.jsonl', '--prefix', 'other/c', '--seed', '8']);
    expect(files('other/c')).not.toEqual(files('a/c'));
    // The split depends on the ids, not on the order of the lines.
    write('reversed.jsonl', [...corpus].reverse());
    run(['split', 'reversed.jsonl', '--prefix', 'rev/c', '--seed', '7']);
    const ids = (text: string) =>
      jsonLines(text)
        .map((d) => d['id'])
        .sort();
    expect(files('rev/c').map(ids)).toEqual(files('a/c').map(ids));
    expect(JSON.parse(read('a/c.split.json'))).toMatchObject({ seed: 7, ratios: { train: 80, dev: 10, test: 10 }, stratified: false });
  });

  it('copies lines byte for byte (CRLF kept) and keeps a repeated document in one split', () => {
    writeFileSync(join(dir, 'crlf.jsonl'), '{"id":"a","text":"x"}\r\n{"id":"b","text":"y"}\r\n{"text":"z"}\r\n{"id":"a","text":"x"}\n');
    const result = run(['split', 'crlf.jsonl', '--out-dir', 'crlf', '--ratios', '1,0,0', '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('crlf.jsonl:4: warning: document id "a" again (first on line 1); both lines go to the same split\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ train: 4, dev: 0, test: 0 });
    expect(read('crlf/crlf.train.jsonl')).toBe(read('crlf.jsonl'));
    expect(read('crlf/crlf.dev.jsonl')).toBe('');
    // A document without an id is known by its text hash.
    expect(Object.keys(JSON.parse(read('crlf/crlf.split.json')).documents)).toEqual([
      'a',
      'b',
      expect.stringMatching(/^text:[0-9a-f]{64}$/),
    ]);
  });

  it('writes nothing for a bad line; exit 2 without a place to write', () => {
    write('broken.jsonl', [{ id: 'a', text: 'fine' }, '{"id": "b", "text": }']);
    const result = run(['split', 'broken.jsonl', '--out-dir', 'never']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^broken\.jsonl:2: invalid JSON/);
    expect(existsSync(join(dir, 'never', 'broken.train.jsonl'))).toBe(false);
    expect(run(['split', 'corpus.jsonl']).status).toBe(2);
    expect(run(['split', 'corpus.jsonl', '--out-dir', 'x', '--seed', 'abc']).status).toBe(2);
  });
});

describe('merge', { timeout: 30_000 }, () => {
  it('keeps documents found in only some inputs, matches id-less copies by text, and writes to stdout', () => {
    write('m-ana.jsonl', [native('d1', TRAM, 'ana', [['entity', 8, 16, 'PERSON']]), native('only-ana', 'Only Ana has this.', 'ana', [])]);
    // Ben's copy of d1 has no id (doccano without ids): it is found by its text.
    write('m-ben.jsonl', [
      { text: TRAM, label: [[25, 33, 'LOC']] },
      native('only-ben', 'Only Ben has this.', 'ben', [['entity', 0, 4, 'LABEL']]),
    ]);
    const result = run(['merge', 'm-ana.jsonl', 'm-ben.jsonl', '-o', '-']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const docs = jsonLines(result.stdout);
    expect(docs.map((d) => d['id'])).toEqual(['d1', 'only-ana', 'only-ben']);
    const spans = (docs[0]?.['spans'] as Array<{ label: string; start: number; end: number; text: string }>).map((s) => [
      s.label,
      s.start,
      s.end,
      s.text,
    ]);
    expect(spans).toEqual([
      ['PERSON', 8, 16, 'Ana Ruiz'],
      ['LOC', 25, 33, 'Valdeluz'],
    ]);
  });

  it('keeps two documents of one input with the same text apart', () => {
    write('m-twins.jsonl', [
      { id: 't1', text: 'Twin.' },
      { id: 't2', text: 'Twin.' },
    ]);
    write('m-twin.jsonl', [{ text: 'Twin.', label: [[0, 4, 'X']] }]);
    const result = run(['merge', 'm-twins.jsonl', 'm-twin.jsonl', '-o', 'twins.jsonl']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('2 documents merged into twins.jsonl\n');
    expect(jsonLines(read('twins.jsonl')).map((d) => [d['id'], (d['spans'] as unknown[]).length])).toEqual([
      ['t1', 1],
      ['t2', 0],
    ]);
  });

  it('exit 1 for a bad line, 2 without -o', () => {
    write('m-bad.jsonl', [native('d1', TRAM, 'cy', [['entity', 8, 40, 'PERSON']])]);
    const result = run(['merge', 'm-ana.jsonl', 'm-bad.jsonl', '-o', 'bad-merge.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('m-bad.jsonl:1: span 1 [8, 40) is out of range: the text is 34 code points long');
    expect(existsSync(join(dir, 'bad-merge.jsonl'))).toBe(false);
    expect(run(['merge', 'm-ana.jsonl', 'm-ben.jsonl']).status).toBe(2);
  });
});

describe('convert', { timeout: 30_000 }, () => {
  const source = [
    native('e1', TRAM, 'ana', [
      ['entity', 8, 16, 'PERSON'],
      ['entity', 25, 33, 'LOC'],
      ['claim', 0, 34, 'CLAIM'],
    ]),
    native('e2', 'Hi 👍🏽 Zoë Quinn!', 'ana', [
      ['entity', 3, 5, 'EMOJI'],
      ['entity', 6, 15, 'PERSON'],
    ]),
  ];

  it('Spanwright -> doccano -> Spanwright keeps code-point offsets, labels and layers', () => {
    write('round.jsonl', source);
    const toDoccano = run(['convert', '--from', 'spanwright', '--to', 'doccano', 'round.jsonl', 'round.doccano.jsonl']);
    expect(toDoccano).toEqual({ status: 0, stdout: '', stderr: '2 documents written to round.doccano.jsonl\n' });
    const doccano = jsonLines(read('round.doccano.jsonl'));
    // Spans are written in text order.
    expect(doccano[0]?.['label']).toEqual([
      [0, 34, 'CLAIM'],
      [8, 16, 'PERSON'],
      [25, 33, 'LOC'],
    ]);
    expect(doccano[1]?.['label']).toEqual([
      [3, 5, 'EMOJI'],
      [6, 15, 'PERSON'],
    ]);

    const back = run(['convert', '--from', 'doccano', '--to', 'spanwright', 'round.doccano.jsonl', '-']);
    expect(back.status).toBe(0);
    const docs = jsonLines(back.stdout);
    expect(docs.map((d) => [d['id'], d['text']])).toEqual(source.map((d) => [d['id'], d['text']]));
    docs.forEach((doc, i) => {
      const spans = (d: Record<string, unknown> | undefined) =>
        (d?.['spans'] as Array<Record<string, unknown>>)
          .map((s) => [s['layer'], s['label'], s['start'], s['end'], s['text']].join(' '))
          .sort();
      expect(spans(doc)).toEqual(spans(source[i]));
      for (const s of doc['spans'] as Array<{ start: number; end: number; text: string }>)
        expect(pythonSlice(doc['text'] as string, s.start, s.end)).toBe(s.text);
    });
  });

  it('streams standard input to standard output, Label Studio included', () => {
    const studio = run(['convert', '--to', 'label-studio', 'round.jsonl', '-']);
    expect(studio.status).toBe(0);
    const back = run(['convert', '--to', 'spacy', '-', '-'], studio.stdout);
    expect(back.status).toBe(0);
    expect(jsonLines(back.stdout).map((d) => (d['spans'] as Array<{ label: string }>).map((s) => s.label))).toEqual([
      ['CLAIM', 'PERSON', 'LOC'],
      ['EMOJI', 'PERSON'],
    ]);
  });

  it('refuses a line of another format than --from, and never leaves a partial file', () => {
    write('mixed.jsonl', [
      { text: 'Ana.', label: [[0, 3, 'PERSON']] },
      { text: 'Ben.', spans: [{ start: 0, end: 3, label: 'PERSON' }] },
    ]);
    const result = run(['convert', '--from', 'doccano', '--to', 'spacy', 'mixed.jsonl', 'mixed.out.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'mixed.jsonl:2: this is spacy, not doccano (--from doccano); try --from auto\n' +
        "spanwright convert: nothing written: fix the lines above (see 'spanwright validate')\n",
    );
    expect(readdirSync(dir).filter((f) => f.includes('mixed.out'))).toEqual([]);
    // Claim detection JSONL is read too now: these lines are not claim detection lines.
    expect(run(['convert', '--from', 'claims', '--to', 'spacy', 'mixed.jsonl', '-'])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^mixed\.jsonl:1: this is doccano, not claims \(--from claims\); try --from auto$/m) as unknown,
    });
  });

  it('exit 1, not a crash, when OUT cannot be written', () => {
    const result = run(['convert', '--to', 'doccano', 'round.jsonl', 'no-such-dir/out.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'spanwright convert: nothing written: no-such-dir/out.jsonl: cannot be written: no such file or directory\n',
    );
  });
});
