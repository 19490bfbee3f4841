// The command line on the shapes real files from the peers' tools come in (fixtures written by
// hand from each format's documentation; see test/unit/formats/conformance for the citations):
// notes never stop a command, brat folders and .txt+.ann pairs, label lists.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipFiles } from '../../src-shared/formats/zip-archive';

const BIN = resolve(__dirname, '../../bin/spanwright.mjs');
let dir = '';

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const put = (name: string, content: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), content);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-real-'));
  // https://brat.nlplab.org/standoff.html: entities, a relation, an event, a normalization, a
  // note on the event; a CRLF text counted as brat counts it (the CRLF is one character).
  put('corpus/news/a.txt', 'Ana met Bob\r\nin Oslo.');
  put(
    'corpus/news/a.ann',
    'T1\tPER 0 3\tAna\nT2\tPER 8 11\tBob\nT3\tGPE 15 19\tOslo\nT4\tMeet 4 7\tmet\nR1\tKnows Arg1:T1 Arg2:T2\n' +
      'E1\tMeet:T4 Who:T1 Whom:T2\nN1\tReference T3 Wikidata:Q585\tOslo\n#1\tAnnotatorNotes E1\tfirst meeting\n',
  );
  put('corpus/news/b.txt', 'Nothing here.');
  put('corpus/annotation.conf', '[entities]\nPER\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('brat corpora with relations and events', { timeout: 30_000 }, () => {
  it('convert reads a folder, writes every document and lists what it left out as notes naming the .ann', () => {
    const result = run(['convert', '--to', 'spanwright', 'corpus', 'out.jsonl']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      [
        'corpus/news/a.ann: note: 1 event line not imported: Spanwright has no events',
        'corpus/news/a.ann: note: 1 normalization line not imported: Spanwright has no normalizations (put a knowledge-base id in an attribute such as kb_id)',
        'corpus/news/a.ann: note: 1 note on an event or normalization line not imported: Spanwright keeps notes on spans and relations only',
        '2 documents written to out.jsonl',
        '',
      ].join('\n'),
    );
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n');
    const a = JSON.parse(lines[0] ?? '{}') as { spans: Array<{ label: string; text: string }>; relations: unknown[] };
    expect(a.spans.map((s) => `${s.label} ${s.text}`)).toEqual(['PER Ana', 'Meet met', 'PER Bob', 'GPE Oslo']);
    expect(a.relations).toHaveLength(1);
  });

  it('--strict makes the notes problems; validate lists them, says no OK, exits 0 (1 with --strict)', () => {
    expect(run(['convert', '--strict', '--to', 'spanwright', 'corpus', 'strict.jsonl']).status).toBe(1);
    const validate = run(['validate', 'corpus/news/a.txt']);
    expect(validate.status).toBe(0);
    expect(validate.stdout).not.toMatch(/OK/);
    expect(validate.stdout).toMatch(/^corpus\/news\/a\.ann: note: 1 event line not imported/m);
    expect(validate.stdout).toMatch(/corpus\/news\/a\.txt: 1 documents, 4 spans, 1 relations; 3 notes on what is not imported\n$/);
    expect(run(['validate', '--strict', 'corpus/news/a.txt']).status).toBe(1);
  });

  it('stats reads the corpus with its notes and exits 0', () => {
    const result = run(['stats', 'corpus']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^corpus\/news\/a\.ann: note: 1 event line not imported/m);
  });

  it('A, M and * lines (attributes, equivalences) are read: convert keeps them and exits 0', () => {
    // https://brat.nlplab.org/standoff.html: "A1\tNegation E1", "M1\tConfidence T1 High", "*\tEquiv T1 T2".
    put('attrs/c.txt', 'Ana Ruiz, or Ana, spoke.');
    put('attrs/c.ann', 'T1\tPER 0 8\tAna Ruiz\nT2\tPER 13 16\tAna\nA1\tNegated T2\nM1\tConfidence T1 High\n*\tEquiv T1 T2\n');
    const result = run(['convert', '--to', 'spanwright', 'attrs', '-']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const doc = JSON.parse(result.stdout) as { spans: Array<{ attributes: unknown }>; relations: Array<{ type: string }> };
    expect(doc.spans.map((s) => s.attributes)).toEqual([{ Confidence: 'High' }, { Negated: true }]);
    expect(doc.relations.map((r) => r.type)).toEqual(['Equiv']);
  });

  it('a bad .ann line of a folder names the .ann and its line', () => {
    put('bad/x.txt', 'Ana');
    put('bad/x.ann', 'T1\tPER 0 3\tAnna\n');
    const result = run(['validate', 'bad']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^bad\/x\.ann:1: T1 text "Anna" does not match the text at its offsets "Ana"$/m);
  });
});

describe('brat: zips and a .txt given with --from brat', { timeout: 30_000 }, () => {
  it('--from brat x.txt reads the .ann beside it', () => {
    const result = run(['convert', '--from', 'brat', '--to', 'spanwright', 'corpus/news/a.txt', '-']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { spans: unknown[] }).spans).toHaveLength(4);
  });

  it('messages about a zip name the .ann inside it (and the line of a bad one); events are notes', () => {
    writeFileSync(
      join(dir, 'news.zip'),
      zipFiles([
        { path: 'news/a.txt', content: 'Ana met Bob.' },
        { path: 'news/a.ann', content: 'T1\tPER 0 3\tAna\nT2\tMeet 4 7\tmet\nE1\tMeet:T2 Who:T1\n' },
        { path: 'news/b.txt', content: 'Bob.' },
        { path: 'news/b.ann', content: 'T1\tPER 0 3\tBen\n' },
      ]),
    );
    const result = run(['convert', '--to', 'spanwright', 'news.zip', 'zip.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^news\.zip\/news\/a\.ann: note: 1 event line not imported: Spanwright has no events$/m);
    expect(result.stderr).toMatch(/^news\.zip\/news\/b\.ann:1: T1 text "Ben" does not match the text at its offsets "Bob"$/m);
  });
});

describe('Label Studio tasks with relations', { timeout: 30_000 }, () => {
  it('convert keeps a relation between regions, and a relation to no region is a note, not a failure', () => {
    // https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks: labels and relation results.
    const region = (id: string, start: number, end: number, text: string, label: string) => ({
      id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start, end, text, labels: [label] },
    });
    const task = {
      id: 3,
      data: { text: 'Ana lives in Lyon.' },
      annotations: [
        {
          result: [
            region('a', 0, 3, 'Ana', 'PER'),
            region('b', 13, 17, 'Lyon', 'LOC'),
            { from_id: 'a', to_id: 'b', type: 'relation', direction: 'right', labels: ['LIVES_IN'] },
            { from_id: 'a', to_id: 'gone', type: 'relation', direction: 'right', labels: ['KNOWS'] },
          ],
        },
      ],
    };
    put('tasks.json', JSON.stringify([task]));
    const result = run(['convert', '--to', 'spanwright', 'tasks.json', '-']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^tasks\.json: item 1: note: .*relation/m);
    const doc = JSON.parse(result.stdout) as { relations: Array<{ type: string }> };
    expect(doc.relations.map((r) => r.type)).toEqual(['LIVES_IN']);
  });
});

describe('label lists', { timeout: 30_000 }, () => {
  it('doccano 1.0 label ids: refused without a list, read with --labels', () => {
    // doccano 1.0 export and its label export (doccano-transformer reads the same shape).
    put(
      'v1.jsonl',
      JSON.stringify({ id: 1, text: 'The UN met.', annotations: [{ label: 7, start_offset: 4, end_offset: 6, user: 2 }] }) + '\n',
    );
    put('doccano-labels.json', JSON.stringify([{ id: 7, text: 'ORG', background_color: '#209cee', text_color: '#ffffff' }]));
    const without = run(['validate', 'v1.jsonl']);
    expect(without.status).toBe(1);
    expect(without.stdout).toMatch(/label 7 is a label id: give the label list/);
    const withList = run(['convert', '--labels', 'doccano-labels.json', '--to', 'doccano', 'v1.jsonl', '-']);
    expect(withList.status).toBe(0);
    expect(JSON.parse(withList.stdout)).toMatchObject({ id: '1', label: [[4, 6, 'ORG']] });
  });
});

describe('column files, numeric tags and offset units', { timeout: 30_000 }, () => {
  it('converts a CoNLL-2003 file (its own .txt) to Hugging Face and back with the same tokens', () => {
    put('eng.txt', '-DOCSTART- -X- -X- O\n\nU.S. NNP B-NP B-LOC\nofficials NNS I-NP O\nmet VBD B-VP O\n.  . O O\n\n');
    const toHf = run(['convert', '--to', 'hf-token', 'eng.txt', 'eng.jsonl']);
    expect(toHf.status).toBe(0);
    expect(toHf.stderr).toMatch(/note: columns 2 to 3 .* not imported/);
    expect(JSON.parse(readFileSync(join(dir, 'eng.jsonl'), 'utf8'))).toMatchObject({
      tokens: ['U.S.', 'officials', 'met', '.'],
      ner_tags: ['B-LOC', 'O', 'O', 'O'],
    });
  });

  it('reads a column file from standard input (-DOCSTART-, or --from conll2003)', () => {
    const docstart = run(['convert', '--to', 'doccano', '-', '-'], '-DOCSTART- -X- -X- O\n\nOslo NNP B-NP B-LOC\nrains VBZ B-VP O\n\n');
    expect(docstart.status).toBe(0);
    expect(JSON.parse(docstart.stdout)).toMatchObject({ text: 'Oslo rains', label: [[0, 4, 'LOC']] });
    const chosen = run(['convert', '--from', 'conll2003', '--to', 'doccano', '-', '-'], 'Oslo\tB-LOC\nrains\tO\n');
    expect(chosen).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(chosen.stdout)).toMatchObject({ text: 'Oslo rains', label: [[0, 4, 'LOC']] });
  });

  it('reads numeric ner_tags with the tag list beside the file (FILE.labels.json)', () => {
    put('num.jsonl', JSON.stringify({ id: 'a', tokens: ['Ana', 'sings'], ner_tags: [1, 0] }) + '\n');
    expect(run(['validate', 'num.jsonl']).stdout).toMatch(/class number 1: give the tag list/);
    put('num.jsonl.labels.json', JSON.stringify([{ name: 'PER', layer: 'entity' }]));
    expect(run(['validate', 'num.jsonl'])).toMatchObject({
      status: 1,
      stderr:
        'spanwright validate: num.jsonl.labels.json: not a label list (read by default as the label list of num.jsonl; give another with --labels): label 1 must be a name or {"id", "text"} (found an object)\n',
    });
    put('num.jsonl.labels.json', JSON.stringify(['O', 'B-PER', 'I-PER']));
    expect(run(['validate', 'num.jsonl'])).toMatchObject({ status: 0, stdout: 'num.jsonl: 1 documents, 1 spans, OK\n' });
  });

  it('--offsets utf16 reads doccano offsets as JavaScript counts them', () => {
    put('js.jsonl', JSON.stringify({ text: '😀 ab cd', label: [[3, 5, 'X']] }) + '\n');
    const chosen = run(['convert', '--offsets', 'utf16', '--to', 'spanwright', 'js.jsonl', '-']);
    expect(chosen.status).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ spans: [{ start: 2, end: 4, text: 'ab' }] });
    expect(run(['convert', '--offsets', 'bytes', '--to', 'spanwright', 'js.jsonl', '-']).status).toBe(2);
  });
});

describe('Label Studio JSON-MIN as JSONL', { timeout: 30_000 }, () => {
  // https://labelstud.io/guide/export#JSON-MIN: one row per annotation; here one row per line.
  const row = (annotator: number, annotationId: number, label: string) => ({
    id: 7,
    text: 'Ana Ruiz rode to Lyon.',
    label: [{ start: 0, end: 8, text: 'Ana Ruiz', labels: [label] }],
    annotator,
    annotation_id: annotationId,
    lead_time: 3.5,
  });
  const NOTE = "note: Label Studio JSON-MIN: each row's annotation_id, lead_time not kept (they describe one annotation, not the document)";

  it('rows of one task on several lines are one document, and the file note is said once, as for .json', () => {
    const rows = [row(2, 30, 'PER'), row(3, 31, 'ORG'), { ...row(2, 32, 'PER'), id: 8, text: 'Bob.', label: [] }];
    put('min.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    put('min.json', JSON.stringify(rows));
    for (const file of ['min.jsonl', 'min.json']) {
      const result = run(['convert', '--to', 'spanwright', file, '-']);
      expect(result.status, file).toBe(0);
      expect(result.stderr, file).toBe(`${file}: ${NOTE}\n`);
      const docs = result.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; spans: Array<{ label: string; annotator: string }> });
      expect(
        docs.map((d) => [d.id, d.spans.map((s) => `${s.label}@${s.annotator}`)]),
        file,
      ).toEqual([
        // Spans in the export's stable order (start, end, layer, label).
        ['7', ['ORG@label-studio-user-3', 'PER@label-studio-user-2']],
        ['8', []],
      ]);
    }
    expect(run(['validate', 'min.jsonl']).stdout).toBe(
      `min.jsonl: ${NOTE}\nmin.jsonl: 2 documents, 2 spans; 1 note on what is not imported\n`,
    );
  });

  it('split copies every row of a task into the split of its document', () => {
    const rows = [row(2, 30, 'PER'), { ...row(2, 32, 'PER'), id: 8, text: 'Bob.', label: [] }, row(3, 31, 'ORG')];
    put('rows.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(run(['split', 'rows.jsonl', '--out-dir', 'rows-split', '--ratios', '50,50,0', '--seed', '1']).status).toBe(0);
    const parts = ['train', 'dev', 'test'].map((name) =>
      readFileSync(join(dir, `rows-split/rows.${name}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { annotation_id: number }).annotation_id),
    );
    expect(parts.flat().sort()).toEqual([30, 31, 32]);
    // Rows 30 and 31 are one task: one split holds both.
    expect(parts.some((p) => p.includes(30) && p.includes(31))).toBe(true);
  });
});

describe('claim detection JSONL', { timeout: 30_000 }, () => {
  it('convert reads a claims file back: the sentences of one doc_id are one document', () => {
    // docs/formats.md, "Claim detection JSONL": one line per sentence, claims relative to it.
    const lines = [
      {
        doc_id: 'n1',
        sentence_id: 0,
        text: 'Fares rose.',
        start: 0,
        end: 11,
        has_claim: true,
        claims: [{ start: 0, end: 10, text: 'Fares rose', label: 'CLAIM' }],
      },
      { doc_id: 'n1', sentence_id: 1, text: 'So she said.', start: 12, end: 24, has_claim: false, claims: [] },
    ];
    put('c.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const result = run(['convert', '--to', 'doccano', 'c.jsonl', '-']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^c\.jsonl: note: claim detection JSONL: the sentences of one doc_id are one document/);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'n1', text: 'Fares rose.\nSo she said.', label: [[0, 10, 'CLAIM']] });
    expect(run(['convert', '--to', 'claims', 'c.jsonl', '-']).stdout).toBe(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  });
});
