// Relations, span attributes, document labels and notes through validate, stats, convert,
// split and merge, run as processes on files written by hand: Spanwright JSONL 2, doccano
// relation extraction (`entities` with ids, `relations` with `from_id`/`to_id`/`type`) and
// Prodigy (`relations` with `head`/`child`, `head_span`/`child_span`, `label`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/spanwright.mjs');
let dir = '';

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
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

// 🚋 is one code point and two UTF-16 units: offsets in every file are code points.
const LATE = 'Ana Ruiz 🚋 said the tram is late.';
const FELL = 'Taxes fell, the mayor of Valdeluz said.';

/** Code-point offsets of `part` in `text`. */
function at(text: string, part: string): [number, number] {
  const start = Array.from(text.slice(0, text.indexOf(part))).length;
  return [start, start + Array.from(part).length];
}

type SpanSpec = { id: string; part: string; label: string; layer?: string; annotator?: string; attributes?: unknown; note?: unknown };

function span(text: string, spec: SpanSpec): Record<string, unknown> {
  const [start, end] = at(text, spec.part);
  return {
    id: spec.id,
    layer: spec.layer ?? (spec.label === 'CLAIM' ? 'claim' : 'entity'),
    label: spec.label,
    start,
    end,
    text: spec.part,
    annotator: spec.annotator ?? 'ana',
    ...(spec.attributes !== undefined ? { attributes: spec.attributes } : {}),
    ...(spec.note !== undefined ? { note: spec.note } : {}),
  };
}

/** A Spanwright JSONL 2 line. */
function v2(
  id: string,
  text: string,
  spans: SpanSpec[],
  relations: Array<{ id?: string; type: string; from: string; to: string; annotator?: string; note?: string }> = [],
  documentAnnotations: unknown[] = [],
): Record<string, unknown> {
  return {
    format: 'spanwright',
    format_version: 2,
    offset_unit: 'codepoint',
    id,
    text,
    meta: { title: id },
    status: 'done',
    spans: spans.map((s) => span(text, s)),
    ...(relations.length > 0 ? { relations } : {}),
    ...(documentAnnotations.length > 0 ? { document_annotations: documentAnnotations } : {}),
  };
}

const NEWS = [
  v2(
    'late',
    LATE,
    [
      { id: 's1', part: 'Ana Ruiz', label: 'PERSON', attributes: { kb_id: 'Q1' } },
      { id: 's2', part: 'the tram is late', label: 'CLAIM', attributes: { checkworthy: 'yes' }, note: 'Which tram?' },
      { id: 's3', part: 'tram', label: 'VEHICLE' },
    ],
    [
      { id: 'r1', type: 'SOURCE', from: 's2', to: 's1', annotator: 'ana' },
      { id: 'r2', type: 'ABOUT', from: 's2', to: 's3', annotator: 'ana', note: 'or the line?' },
    ],
    [{ annotator: 'ana', labels: { topic: ['transport'], risk: ['low'] }, note: 'Ask the desk.' }],
  ),
  v2(
    'fell',
    FELL,
    [
      { id: 's1', part: 'Taxes fell', label: 'CLAIM', attributes: { checkworthy: 'no', claim_type: 'statistic' } },
      { id: 's2', part: 'the mayor of Valdeluz', label: 'PERSON' },
      { id: 's3', part: 'Valdeluz', label: 'LOC', attributes: { kb_id: 'Q2' } },
    ],
    [{ id: 'r1', type: 'SOURCE', from: 's1', to: 's2', annotator: 'ana' }],
    [{ annotator: 'ana', labels: { topic: ['economy'] }, note: '' }],
  ),
];

// doccano relation extraction, as its export writes it: entity ids, relations by those ids, classes in `cats`.
const DOCCANO_RE = {
  id: 12,
  text: LATE,
  entities: [
    { id: 40, label: 'PERSON', start_offset: 0, end_offset: 8 },
    { id: 41, label: 'CLAIM', start_offset: 16, end_offset: 32 },
  ],
  relations: [{ id: 7, from_id: 41, to_id: 40, type: 'SOURCE' }],
  cats: ['transport'],
};

// Prodigy rel.manual: `head`/`child` are the token_end of each end, with head_span/child_span.
const PRODIGY = {
  text: 'Ana Ruiz drives the tram.',
  tokens: [
    { text: 'Ana', start: 0, end: 3, id: 0, ws: true },
    { text: 'Ruiz', start: 4, end: 8, id: 1, ws: true },
    { text: 'drives', start: 9, end: 15, id: 2, ws: true },
    { text: 'the', start: 16, end: 19, id: 3, ws: true },
    { text: 'tram', start: 20, end: 24, id: 4, ws: false },
    { text: '.', start: 24, end: 25, id: 5, ws: false },
  ],
  spans: [
    { start: 0, end: 8, token_start: 0, token_end: 1, label: 'PERSON' },
    { start: 20, end: 24, token_start: 4, token_end: 4, label: 'VEHICLE' },
  ],
  relations: [
    {
      head: 4,
      child: 1,
      head_span: { start: 20, end: 24, token_start: 4, token_end: 4, label: 'VEHICLE' },
      child_span: { start: 0, end: 8, token_start: 0, token_end: 1, label: 'PERSON' },
      label: 'DRIVEN_BY',
    },
  ],
  accept: ['urgent'],
  answer: 'accept',
};

const SCHEMA = {
  schema: {
    labels: [
      {
        name: 'PERSON',
        layer: 'entity',
        color: '#f4a3a3',
        hotkey: 'p',
        attributes: [{ name: 'kb_id', type: 'text', values: [], required: false }],
      },
      {
        name: 'LOC',
        layer: 'entity',
        color: '#a8e0a0',
        hotkey: 'l',
        attributes: [{ name: 'kb_id', type: 'text', values: [], required: false }],
      },
      { name: 'VEHICLE', layer: 'entity', color: '#a8e0a1', hotkey: 'v' },
      {
        name: 'CLAIM',
        layer: 'claim',
        color: '#d0342c',
        hotkey: 'c',
        attributes: [
          { name: 'checkworthy', type: 'choice', values: ['yes', 'no', 'unsure'], required: true },
          { name: 'claim_type', type: 'choice', values: ['statistic', 'quote'], required: false },
        ],
      },
    ],
    relationTypes: [
      { name: 'SOURCE', color: '#7a4fd6', hotkey: 's', directed: true, sources: ['CLAIM'], targets: ['PERSON'] },
      { name: 'ABOUT', color: '#2f8f83', hotkey: 'a', directed: true, sources: ['CLAIM'], targets: [] },
    ],
    documentCategories: [
      {
        name: 'topic',
        multiple: true,
        values: [
          { name: 'transport', hotkey: '' },
          { name: 'economy', hotkey: '' },
        ],
      },
      {
        name: 'risk',
        multiple: false,
        values: [
          { name: 'low', hotkey: '' },
          { name: 'high', hotkey: '' },
        ],
      },
    ],
  },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-annotations-'));
  write('news.jsonl', NEWS);
  write('re.jsonl', [DOCCANO_RE]);
  write('prodigy.jsonl', [PRODIGY]);
  writeFileSync(join(dir, 'schema.json'), JSON.stringify(SCHEMA));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate', { timeout: 30_000 }, () => {
  it('counts relations of good files in every format, and says OK', () => {
    const result = run(['validate', 'news.jsonl', 're.jsonl', 'prodigy.jsonl']);
    expect(result).toEqual({
      status: 0,
      stdout:
        'news.jsonl: 2 documents, 6 spans, 3 relations, OK\n' +
        're.jsonl: 1 documents, 2 spans, 1 relations, OK\n' +
        'prodigy.jsonl: 1 documents, 2 spans, 1 relations, OK\n',
      stderr: '',
    });
    expect(JSON.parse(run(['validate', '--json', 're.jsonl']).stdout)).toEqual({
      files: [{ file: 're.jsonl', documents: 1, spans: 2, relations: 1, problems: [] }],
    });
  });

  it('names the line and the reason of every relation, attribute, document-label and note problem', () => {
    // Every line its own text (the same text twice is a problem of its own).
    const late = (n: number) => `${LATE} #${n}`;
    write('bad-annotations.jsonl', [
      // 1: a relation end that is no span of the line.
      v2('a', late(1), [{ id: 's1', part: 'Ana Ruiz', label: 'PERSON' }], [{ type: 'SOURCE', from: 's1', to: 's9' }]),
      // 2: a relation of ben's between ana's spans.
      v2(
        'b',
        late(2),
        [
          { id: 's1', part: 'Ana Ruiz', label: 'PERSON' },
          { id: 's2', part: 'tram', label: 'VEHICLE' },
        ],
        [{ type: 'DRIVES', from: 's1', to: 's2', annotator: 'ben' }],
      ),
      // 3: a span linked to itself, spans of two annotators, the same relation twice, ids used twice.
      v2(
        'c',
        late(3),
        [
          { id: 's1', part: 'Ana Ruiz', label: 'PERSON' },
          { id: 's2', part: 'tram', label: 'VEHICLE', annotator: 'ben' },
          { id: 's3', part: 'the tram is late', label: 'CLAIM' },
          { id: 's3', part: 'late', label: 'STATE' },
        ],
        [
          { id: 'r1', type: 'SAME', from: 's1', to: 's1' },
          { id: 'r2', type: 'DRIVES', from: 's1', to: 's2' },
          { id: 'r3', type: 'SOURCE', from: 's3', to: 's1' },
          { id: 'r3', type: 'SOURCE', from: 's3', to: 's1' },
        ],
      ),
      // 4: a span note that is not text.
      v2('d', late(4), [{ id: 's1', part: 'Ana Ruiz', label: 'PERSON', note: 7 }]),
      // 5: kb_id of PERSON is text on line 6 of this file, a number here... (first seen: line 5's text)
      v2('e', FELL, [{ id: 's1', part: 'the mayor of Valdeluz', label: 'PERSON', attributes: { kb_id: 'Q3' } }]),
      v2('f', late(6), [{ id: 's1', part: 'Ana Ruiz', label: 'PERSON', attributes: { kb_id: 3, '': 'x' } }]),
      // 7: an attribute value that is no attribute value.
      v2('g', late(7), [{ id: 's1', part: 'Ana Ruiz', label: 'PERSON', attributes: { kb_id: { qid: 'Q1' } } }]),
      // 8: document labels: a value twice, an empty value, a nameless category, one annotator twice.
      v2(
        'h',
        late(8),
        [],
        [],
        [
          { annotator: 'ana', labels: { topic: ['transport', 'transport', ''] }, note: '' },
          { annotator: 'ana', labels: { '': ['x'] }, note: 'again' },
        ],
      ),
      // 9: document labels that are not lists of text; 10: a document note that is not text.
      v2('i', late(9), [], [], [{ annotator: 'ana', labels: { topic: 'transport' }, note: '' }]),
      v2('j', late(10), [], [], [{ annotator: 'ana', labels: {}, note: false }]),
      // 11: doccano: a relation to an entity the line does not have; 12: Prodigy: a head that is no span.
      { ...DOCCANO_RE, id: 13, text: 'Another text.', entities: [{ id: 1, label: 'X', start_offset: 0, end_offset: 7 }], cats: [] },
      { ...PRODIGY, text: 'Ana Ruiz drives the tram!', relations: [{ head: 3, child: 1, label: 'DRIVEN_BY' }] },
    ]);
    const result = run(['validate', 'bad-annotations.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'bad-annotations.jsonl:1: relation 1 "to" "s9" is not the id of a span of this document',
        'bad-annotations.jsonl:2: relation 1 links spans of another annotator than its own ("ben")',
        'bad-annotations.jsonl:3: span id "s3" is used again: CLAIM [16, 32) "the tram is late" and STATE [28, 32) "late"',
        'bad-annotations.jsonl:3: relation PERSON [0, 8) "Ana Ruiz" -SAME-> PERSON [0, 8) "Ana Ruiz" links a span to itself',
        'bad-annotations.jsonl:3: relation PERSON [0, 8) "Ana Ruiz" -DRIVES-> VEHICLE [20, 24) "tram" links spans of two annotators ("ana" and "ben")',
        'bad-annotations.jsonl:3: relation id "r3" is used again (relation STATE [28, 32) "late" -SOURCE-> PERSON [0, 8) "Ana Ruiz")',
        'bad-annotations.jsonl:3: relation STATE [28, 32) "late" -SOURCE-> PERSON [0, 8) "Ana Ruiz" is given twice',
        'bad-annotations.jsonl:4: span 1 "note" must be a string (found a number)',
        'bad-annotations.jsonl:6: PERSON [0, 8) "Ana Ruiz": attribute kb_id of PERSON is a number here, but text on line 5',
        'bad-annotations.jsonl:6: PERSON [0, 8) "Ana Ruiz": an attribute has no name',
        'bad-annotations.jsonl:7: span 1 "attributes" must be an object of string, number, boolean or string-list values',
        'bad-annotations.jsonl:8: document labels of annotator "ana": topic has an empty value',
        'bad-annotations.jsonl:8: document labels of annotator "ana": topic has "transport" twice',
        'bad-annotations.jsonl:8: annotator "ana" gives document labels and a note twice',
        'bad-annotations.jsonl:8: document labels of annotator "ana": a category has no name',
        'bad-annotations.jsonl:9: document_annotations[0] "labels" of category "topic" must be a list of strings',
        'bad-annotations.jsonl:10: document_annotations[0] "note" must be a string (found a boolean)',
        'bad-annotations.jsonl:11: note: relation 1 not imported: from_id "41" is not the id of an entity of this line',
        'bad-annotations.jsonl:12: note: relation 1 not imported: its head is no span of this line',
        '',
      ].join('\n'),
    );
  });

  it('--schema: labels, attribute values, relation types and ends, categories and values must be the schema’s', () => {
    write('off-schema.jsonl', [
      v2(
        'a',
        LATE,
        [
          { id: 's1', part: 'Ana Ruiz', label: 'PERSON', attributes: { kb_id: 1, wiki: 'x' } },
          { id: 's2', part: 'the tram is late', label: 'CLAIM', attributes: { checkworthy: 'maybe', claim_type: ['quote'] } },
          { id: 's3', part: 'tram', label: 'TRAIN' },
        ],
        [
          { type: 'SOURCE', from: 's2', to: 's3' },
          { type: 'MENTIONS', from: 's2', to: 's1' },
        ],
        [{ annotator: 'ana', labels: { topic: ['sport'], risk: ['low', 'high'], tone: ['calm'] }, note: '' }],
      ),
    ]);
    const result = run(['validate', '--schema', 'schema.json', 'off-schema.jsonl', 'news.jsonl', 're.jsonl', 'prodigy.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'off-schema.jsonl:1: PERSON [0, 8) "Ana Ruiz": kb_id is text (found 1)',
        'off-schema.jsonl:1: PERSON [0, 8) "Ana Ruiz": attribute wiki is not defined for PERSON in the schema',
        'off-schema.jsonl:1: CLAIM [16, 32) "the tram is late": checkworthy is one of yes, no, unsure (found "maybe")',
        'off-schema.jsonl:1: CLAIM [16, 32) "the tram is late": claim_type is one of statistic, quote (found ["quote"])',
        'off-schema.jsonl:1: TRAIN [20, 24) "tram": label TRAIN is not in the schema',
        'off-schema.jsonl:1: relation CLAIM [16, 32) "the tram is late" -SOURCE-> TRAIN [20, 24) "tram": SOURCE goes from CLAIM to PERSON, not from CLAIM to TRAIN',
        'off-schema.jsonl:1: relation CLAIM [16, 32) "the tram is late" -MENTIONS-> PERSON [0, 8) "Ana Ruiz": type MENTIONS is not in the schema',
        'off-schema.jsonl:1: document labels of annotator "ana": "sport" is not a value of topic (it offers transport, economy)',
        'off-schema.jsonl:1: document labels of annotator "ana": risk takes one value, not 2 (low, high)',
        'off-schema.jsonl:1: document labels of annotator "ana": category tone is not in the schema',
        'news.jsonl: 2 documents, 6 spans, 3 relations, OK',
        // doccano's classes land in the schema's category that offers them.
        're.jsonl: 1 documents, 2 spans, 1 relations, OK',
        'prodigy.jsonl:1: relation VEHICLE [20, 24) "tram" -DRIVEN_BY-> PERSON [0, 8) "Ana Ruiz": type DRIVEN_BY is not in the schema',
        'prodigy.jsonl:1: document labels: "urgent" is a value of no category in the schema',
        '',
      ].join('\n'),
    );
  });

  it('--schema that cannot be read is bad input; --schema without a file is wrong usage', () => {
    const missing = run(['validate', '--schema', 'nope.json', 'news.jsonl']);
    expect(missing).toEqual({ status: 1, stdout: '', stderr: 'nope.json: cannot be read: no such file or directory\n' });
    writeFileSync(join(dir, 'not-schema.json'), '{"labels": 3}');
    const bad = run(['validate', '--schema', 'not-schema.json', 'news.jsonl']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^not-schema\.json: /);
    expect(run(['validate', 'news.jsonl', '--schema']).status).toBe(2);
  });
});

describe('stats', { timeout: 30_000 }, () => {
  it('counts relations per type, attributes filled and missing, document labels and notes', () => {
    const result = run(['stats', 'news.jsonl']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'news.jsonl: 2 documents, 6 spans, 3 relations',
        '  labels:',
        '    CLAIM                          2',
        '    PERSON                         2',
        '    LOC                            1',
        '    VEHICLE                        1',
        '  layers:',
        '    entity                         4',
        '    claim                          2',
        '  annotators:',
        '    ana                            6',
        '  document statuses:',
        '    done                           2',
        '  relation types:',
        '    SOURCE                         2',
        '    ABOUT                          1',
        '  attributes:',
        '    CLAIM checkworthy              2 filled, 0 missing',
        '    CLAIM claim_type               1 filled, 1 missing',
        '    LOC kb_id                      1 filled, 0 missing',
        '    PERSON kb_id                   1 filled, 1 missing',
        '  document labels:',
        '    risk: low                      1',
        '    topic: economy                 1',
        '    topic: transport               1',
        '  notes:',
        '    spans                          1',
        '    relations                      1',
        '    documents                      1',
        '',
      ].join('\n'),
    );
  });

  it('--json, with a schema: its attributes count where no span has them, doccano classes go in its categories', () => {
    const result = run(['stats', '--json', '--schema', 'schema.json', 're.jsonl', '-'], JSON.stringify(PRODIGY) + '\n');
    expect(result.status).toBe(0);
    const [doccano, prodigy] = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(doccano).toMatchObject({
      file: 're.jsonl',
      relations: 1,
      relationTypes: { SOURCE: 1 },
      attributes: {
        CLAIM: { checkworthy: { filled: 0, missing: 1 }, claim_type: { filled: 0, missing: 1 } },
        PERSON: { kb_id: { filled: 0, missing: 1 } },
      },
      documentLabels: { topic: { transport: 1 } },
      notes: { spans: 0, relations: 0, documents: 0 },
    });
    expect(prodigy).toMatchObject({
      file: 'stdin.jsonl',
      relations: 1,
      relationTypes: { DRIVEN_BY: 1 },
      attributes: { PERSON: { kb_id: { filled: 0, missing: 1 } } },
      documentLabels: { class: { urgent: 1 } },
    });
    // Without a schema a doccano class has no category.
    expect(JSON.parse(run(['stats', '--json', 're.jsonl']).stdout)).toMatchObject({
      attributes: {},
      documentLabels: { class: { transport: 1 } },
    });
  });
});

type Entity = { id: number; label: string; start_offset: number; end_offset: number };
type DoccanoRelation = { from_id: number; to_id: number; type: string };
type NativeSpan = { id: string; label: string; text: string; attributes: Record<string, unknown>; note?: string };
type NativeRelation = { type: string; from: string; to: string; note?: string };

/** (source text, type, target text) of a doccano relation-extraction line. */
function doccanoTriples(line: Record<string, unknown>, text = line['text'] as string): string[] {
  const entities = line['entities'] as Entity[];
  const textOf = (id: number) => {
    const entity = entities.find((e) => e.id === id);
    if (!entity) throw new Error(`no entity ${id}`);
    return Array.from(text).slice(entity.start_offset, entity.end_offset).join('');
  };
  return (line['relations'] as DoccanoRelation[]).map((r) => `${textOf(r.from_id)} -${r.type}-> ${textOf(r.to_id)}`);
}

/** (source text, type, target text) of a Spanwright line; every end must be a span of the line. */
function nativeTriples(line: Record<string, unknown>): string[] {
  const spans = line['spans'] as NativeSpan[];
  const textOf = (id: string) => {
    const found = spans.filter((s) => s.id === id);
    if (found.length !== 1) throw new Error(`span id ${id} is on ${found.length} spans`);
    return (found[0] as NativeSpan).text;
  };
  return ((line['relations'] ?? []) as NativeRelation[]).map((r) => `${textOf(r.from)} -${r.type}-> ${textOf(r.to)}`);
}

describe('convert', { timeout: 30_000 }, () => {
  it('Spanwright JSONL 2 -> Spanwright keeps relations, attributes, document labels and notes; again gives the same bytes', () => {
    const first = run(['convert', '--to', 'spanwright', 'news.jsonl', 'news.again.jsonl']);
    expect(first).toEqual({ status: 0, stdout: '', stderr: '2 documents written to news.again.jsonl\n' });
    const [late, fell] = jsonLines(read('news.again.jsonl'));
    expect(nativeTriples(late ?? {})).toEqual(['the tram is late -SOURCE-> Ana Ruiz', 'the tram is late -ABOUT-> tram']);
    expect(nativeTriples(fell ?? {})).toEqual(['Taxes fell -SOURCE-> the mayor of Valdeluz']);
    expect((late?.['relations'] as NativeRelation[]).map((r) => r.note)).toEqual([undefined, 'or the line?']);
    expect((late?.['spans'] as NativeSpan[]).map((s) => [s.label, s.attributes, s.note])).toEqual([
      ['PERSON', { kb_id: 'Q1' }, undefined],
      ['CLAIM', { checkworthy: 'yes' }, 'Which tram?'],
      ['VEHICLE', {}, undefined],
    ]);
    expect(late?.['document_annotations']).toEqual([
      { annotator: 'ana', labels: { risk: ['low'], topic: ['transport'] }, note: 'Ask the desk.' },
    ]);
    const second = run(['convert', '--to', 'spanwright', 'news.again.jsonl', '-']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(read('news.again.jsonl'));
  });

  it('to doccano: entities with ids, relations by them, classes in cats; what doccano cannot hold is listed per document', () => {
    const result = run(['convert', '--to', 'doccano', 'news.jsonl', 'news.doccano.jsonl']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      [
        'news.jsonl:1: changed (attributes-not-held): PERSON [0, 8) "Ana Ruiz", CLAIM [16, 32) "the tram is late"',
        'news.jsonl:1: changed (span-notes-not-held): CLAIM [16, 32) "the tram is late"',
        'news.jsonl:1: left out (document-notes-not-held): ana: note "Ask the desk."',
        'news.jsonl:2: changed (attributes-not-held): CLAIM [0, 10) "Taxes fell", LOC [25, 33) "Valdeluz"',
        '2 documents written to news.doccano.jsonl; 6 annotations left out or changed (listed above)',
        '',
      ].join('\n'),
    );
    const [late, fell] = jsonLines(read('news.doccano.jsonl'));
    expect(doccanoTriples(late ?? {})).toEqual(['the tram is late -SOURCE-> Ana Ruiz', 'the tram is late -ABOUT-> tram']);
    expect(late?.['cats']).toEqual(['low', 'transport']);
    expect(doccanoTriples(fell ?? {})).toEqual(['Taxes fell -SOURCE-> the mayor of Valdeluz']);
  });

  it('doccano relation extraction -> Spanwright -> doccano keeps the relation triples and classes', () => {
    const toNative = run(['convert', '--to', 'spanwright', 're.jsonl', 're.native.jsonl']);
    expect(toNative).toEqual({ status: 0, stdout: '', stderr: '1 documents written to re.native.jsonl\n' });
    const [native] = jsonLines(read('re.native.jsonl'));
    expect(nativeTriples(native ?? {})).toEqual(['the tram is late -SOURCE-> Ana Ruiz']);
    expect(native?.['document_annotations']).toEqual([{ annotator: '', labels: { class: ['transport'] }, note: '' }]);
    const back = run(['convert', '--to', 'doccano', 're.native.jsonl', '-']);
    expect(back.status).toBe(0);
    const [line] = jsonLines(back.stdout);
    expect(doccanoTriples(line ?? {})).toEqual(doccanoTriples(DOCCANO_RE));
    expect(line?.['cats']).toEqual(['transport']);
  });

  it('Prodigy relations -> spaCy and doccano: the same spans linked, head and child on their last tokens', () => {
    const spacy = run(['convert', '--to', 'spacy', 'prodigy.jsonl', '-']);
    expect(spacy.status).toBe(0);
    expect(spacy.stderr).toBe('');
    const [line] = jsonLines(spacy.stdout);
    expect(line?.['relations']).toEqual([
      {
        head: 4,
        child: 1,
        head_span: { start: 20, end: 24, token_start: 4, token_end: 4, label: 'VEHICLE' },
        child_span: { start: 0, end: 8, token_start: 0, token_end: 1, label: 'PERSON' },
        label: 'DRIVEN_BY',
      },
    ]);
    expect(line?.['accept']).toEqual(['urgent']);
    const doccano = run(['convert', '--to', 'doccano', 'prodigy.jsonl', '-']);
    expect(doccanoTriples(jsonLines(doccano.stdout)[0] ?? {})).toEqual(['tram -DRIVEN_BY-> Ana Ruiz']);
  });

  it('Spanwright -> brat zip -> Spanwright keeps relations, attributes and notes (R, A and # lines)', () => {
    const toBrat = run(['convert', '--to', 'brat', 'news.jsonl', 'news.zip']);
    expect(toBrat.status).toBe(0);
    expect(toBrat.stderr).toBe(
      [
        'news.jsonl:1: left out (document-labels-not-held): ana: topic: transport; risk: low',
        'news.jsonl:1: left out (document-notes-not-held): ana: note "Ask the desk."',
        'news.jsonl:2: left out (document-labels-not-held): ana: topic: economy',
        '2 documents written to news.zip; 3 annotations left out or changed (listed above)',
        '',
      ].join('\n'),
    );
    const back = run(['convert', '--to', 'spanwright', 'news.zip', '-']);
    expect(back.status).toBe(0);
    // A zip's documents come in the order of their file names.
    const lines = jsonLines(back.stdout).sort((a, b) => (String(a['id']) < String(b['id']) ? 1 : -1));
    expect(lines.map((line) => line['id'])).toEqual(['late', 'fell']);
    expect(lines.map(nativeTriples)).toEqual([
      ['the tram is late -SOURCE-> Ana Ruiz', 'the tram is late -ABOUT-> tram'],
      ['Taxes fell -SOURCE-> the mayor of Valdeluz'],
    ]);
    expect((lines[0]?.['spans'] as NativeSpan[]).map((s) => [s.label, s.attributes, s.note])).toEqual([
      ['PERSON', { kb_id: 'Q1' }, undefined],
      ['CLAIM', { checkworthy: 'yes' }, 'Which tram?'],
      ['VEHICLE', {}, undefined],
    ]);
    expect((lines[0]?.['relations'] as NativeRelation[]).map((r) => r.note)).toEqual([undefined, 'or the line?']);
  });

  it('a format without relations lists each one left out, per document; so does a relation with an end in a layer not written', () => {
    const conll = run(['convert', '--to', 'conll2003', 'news.jsonl', 'news.conll']);
    expect(conll.status).toBe(0);
    expect(conll.stderr).toBe(
      [
        'news.jsonl:1: left out (layer): CLAIM [16, 32) "the tram is late"',
        'news.jsonl:1: changed (attributes-not-held): PERSON [0, 8) "Ana Ruiz"',
        'news.jsonl:1: left out (relations-not-held): CLAIM [16, 32) "the tram is late" -SOURCE-> PERSON [0, 8) "Ana Ruiz", CLAIM [16, 32) "the tram is late" -ABOUT-> VEHICLE [20, 24) "tram"',
        'news.jsonl:1: left out (document-labels-not-held): ana: topic: transport; risk: low',
        'news.jsonl:1: left out (document-notes-not-held): ana: note "Ask the desk."',
        'news.jsonl:2: left out (layer): CLAIM [0, 10) "Taxes fell"',
        // CoNLL tags cannot nest: Valdeluz inside the mayor of Valdeluz is left out.
        'news.jsonl:2: left out (overlap): LOC [25, 33) "Valdeluz"',
        'news.jsonl:2: left out (relations-not-held): CLAIM [0, 10) "Taxes fell" -SOURCE-> PERSON [12, 33) "the mayor of Valdeluz"',
        'news.jsonl:2: left out (document-labels-not-held): ana: topic: economy',
        '2 documents written to news.conll; 10 annotations left out or changed (listed above)',
        '',
      ].join('\n'),
    );
    const entities = run(['convert', '--to', 'spanwright', '--layer', 'entity', 'news.jsonl', '-']);
    expect(entities.status).toBe(0);
    expect(entities.stderr).toContain(
      'news.jsonl:1: left out (relation-end-left-out): CLAIM [16, 32) "the tram is late" -SOURCE-> PERSON [0, 8) "Ana Ruiz", CLAIM [16, 32) "the tram is late" -ABOUT-> VEHICLE [20, 24) "tram"',
    );
    expect(jsonLines(entities.stdout).map((line) => line['relations'])).toEqual([undefined, undefined]);
  });

  it('a span id a file uses twice: every written relation still links the spans it linked', () => {
    write('twice.jsonl', [
      v2(
        'twice',
        LATE,
        [
          { id: '1', part: 'Ana Ruiz', label: 'PERSON' },
          { id: '1', part: 'tram', label: 'VEHICLE' },
          { id: '2', part: 'the tram is late', label: 'CLAIM' },
        ],
        // "1" names the last span with it (the reader's rule): the tram.
        [{ id: '1', type: 'ABOUT', from: '2', to: '1' }],
      ),
    ]);
    const native = run(['convert', '--to', 'spanwright', 'twice.jsonl', '-']);
    expect(native.status).toBe(0);
    const [line] = jsonLines(native.stdout);
    // In text order: Ana Ruiz keeps "1", the claim "2"; the tram gets an id of its own.
    expect((line?.['spans'] as NativeSpan[]).map((s) => s.id)).toEqual(['1', '2', 'doc-1-s2']);
    expect(nativeTriples(line ?? {})).toEqual(['the tram is late -ABOUT-> tram']);
    const doccano = run(['convert', '--to', 'doccano', 'twice.jsonl', '-']);
    expect(doccanoTriples(jsonLines(doccano.stdout)[0] ?? {})).toEqual(['the tram is late -ABOUT-> tram']);
  });

  it('a relation a doccano line cannot resolve is a note: the rest is written; --strict writes nothing', () => {
    write('re-bad.jsonl', [
      DOCCANO_RE,
      { ...DOCCANO_RE, id: 13, text: FELL, relations: [{ id: 1, from_id: 41, to_id: 99, type: 'SOURCE' }] },
    ]);
    const result = run(['convert', '--to', 'spanwright', 're-bad.jsonl', 're-bad.out.jsonl']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      're-bad.jsonl:2: note: relation 1 not imported: to_id "99" is not the id of an entity of this line\n' +
        '2 documents written to re-bad.out.jsonl\n',
    );
    expect(jsonLines(read('re-bad.out.jsonl'))).toHaveLength(2);
    const strict = run(['convert', '--strict', '--to', 'spanwright', 're-bad.jsonl', 're-bad.strict.jsonl']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe(
      're-bad.jsonl:2: note: relation 1 not imported: to_id "99" is not the id of an entity of this line\n' +
        "spanwright convert: nothing written: fix the lines above (see 'spanwright validate'); --strict counts notes too\n",
    );
    expect(existsSync(join(dir, 're-bad.strict.jsonl'))).toBe(false);
  });
});

describe('split', { timeout: 30_000 }, () => {
  it('copies lines with relations, attributes, document labels and notes byte for byte', () => {
    // Key order and spacing of the files as they were written: split must not re-serialise.
    const lines = [...NEWS.map((l) => JSON.stringify(l, null, 0)), JSON.stringify(DOCCANO_RE).replace(/,/g, ', '), JSON.stringify(PRODIGY)];
    writeFileSync(join(dir, 'mixed.jsonl'), lines.join('\r\n') + '\r\n');
    const result = run(['split', 'mixed.jsonl', '--out-dir', 'mixed-split', '--ratios', '1,0,0', '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ train: 4, dev: 0, test: 0 });
    expect(read('mixed-split/mixed.train.jsonl')).toBe(read('mixed.jsonl'));
    const spread = run(['split', 'mixed.jsonl', '--out-dir', 'mixed-spread', '--ratios', '50,25,25', '--seed', '3']);
    expect(spread.status).toBe(0);
    const all = ['train', 'dev', 'test'].flatMap((name) => read(`mixed-spread/mixed.${name}.jsonl`).split('\r\n').filter(Boolean));
    expect(all.sort()).toEqual([...lines].sort());
  });
});

describe('merge', { timeout: 30_000 }, () => {
  /** Relation triples of one annotator in a merged line. */
  function triplesOf(line: Record<string, unknown>, annotator: string): string[] {
    const relations = (line['relations'] ?? []) as Array<NativeRelation & { annotator: string }>;
    return nativeTriples({ ...line, relations: relations.filter((r) => r.annotator === annotator) });
  }

  it("keeps each annotator's relations, document labels and notes; ids two inputs share are renumbered", () => {
    // Ben numbers his spans and relations as Ana does (s1, s2, r1), for other spans.
    write('ben.jsonl', [
      v2(
        'late',
        LATE,
        [
          { id: 's1', part: 'tram', label: 'VEHICLE', annotator: 'ben' },
          { id: 's2', part: 'the tram is late', label: 'CLAIM', annotator: 'ben', attributes: { checkworthy: 'unsure' } },
          { id: 's3', part: 'Ana Ruiz', label: 'PERSON', annotator: 'ben', note: 'the mayor?' },
        ],
        [
          { id: 'r1', type: 'ABOUT', from: 's2', to: 's1', annotator: 'ben' },
          { id: 'r2', type: 'SOURCE', from: 's2', to: 's3', annotator: 'ben' },
        ],
        [{ annotator: 'ben', labels: { topic: ['transport'] }, note: 'Late again.' }],
      ),
    ]);
    const result = run(['merge', 'news.jsonl', 'ben.jsonl', '-o', 'team.jsonl']);
    expect(result).toEqual({ status: 0, stdout: '', stderr: '2 documents merged into team.jsonl\n' });
    const [late, fell] = jsonLines(read('team.jsonl'));
    const spans = late?.['spans'] as Array<NativeSpan & { annotator: string }>;
    expect(new Set(spans.map((s) => s.id)).size).toBe(6);
    expect(spans.filter((s) => s.annotator === 'ana').map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(triplesOf(late ?? {}, 'ana')).toEqual(['the tram is late -SOURCE-> Ana Ruiz', 'the tram is late -ABOUT-> tram']);
    expect(triplesOf(late ?? {}, 'ben')).toEqual(['the tram is late -SOURCE-> Ana Ruiz', 'the tram is late -ABOUT-> tram']);
    const relationIds = (late?.['relations'] as Array<{ id: string }>).map((r) => r.id);
    expect(new Set(relationIds).size).toBe(4);
    expect(late?.['document_annotations']).toEqual([
      { annotator: 'ana', labels: { risk: ['low'], topic: ['transport'] }, note: 'Ask the desk.' },
      { annotator: 'ben', labels: { topic: ['transport'] }, note: 'Late again.' },
    ]);
    expect(spans.filter((s) => s.note !== undefined).map((s) => [s.annotator, s.note])).toEqual([
      ['ben', 'the mayor?'],
      ['ana', 'Which tram?'],
    ]);
    expect(triplesOf(fell ?? {}, 'ana')).toEqual(['Taxes fell -SOURCE-> the mayor of Valdeluz']);
    // The merged file is valid as it is.
    expect(run(['validate', 'team.jsonl']).stdout).toBe('team.jsonl: 2 documents, 9 spans, 5 relations, OK\n');
  });

  it('doccano files without span ids: relations follow their spans, an identical one is kept once', () => {
    const other = {
      text: LATE,
      entities: [
        { id: 1, label: 'VEHICLE', start_offset: 20, end_offset: 24 },
        { id: 2, label: 'CLAIM', start_offset: 16, end_offset: 32 },
        { id: 3, label: 'PERSON', start_offset: 0, end_offset: 8 },
      ],
      relations: [
        { id: 1, from_id: 2, to_id: 1, type: 'ABOUT' },
        { id: 2, from_id: 2, to_id: 3, type: 'SOURCE' },
      ],
      cats: ['delays'],
    };
    write('re-other.jsonl', [other]);
    const result = run(['merge', 're.jsonl', 're-other.jsonl', '-o', '-']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const [line] = jsonLines(result.stdout);
    // Neither file names an annotator: their work is one layer, each span and relation once.
    expect(nativeTriples(line ?? {}).sort()).toEqual(['the tram is late -ABOUT-> tram', 'the tram is late -SOURCE-> Ana Ruiz']);
    expect((line?.['spans'] as NativeSpan[]).map((s) => s.label)).toEqual(['PERSON', 'CLAIM', 'VEHICLE']);
    // Both files' span ids are made from the text (doc-<hash>-s1...): the tram's is renumbered.
    expect(new Set((line?.['spans'] as NativeSpan[]).map((s) => s.id)).size).toBe(3);
    expect(line?.['document_annotations']).toEqual([{ annotator: '', labels: { class: ['transport', 'delays'] }, note: '' }]);
  });

  it('the same span with another attribute value keeps the first, and says so', () => {
    write('ana-again.jsonl', [
      v2('late', LATE, [
        { id: 'x', part: 'the tram is late', label: 'CLAIM', attributes: { checkworthy: 'no', claim_type: 'quote' }, note: 'Ask Ben.' },
      ]),
    ]);
    const result = run(['merge', 'news.jsonl', 'ana-again.jsonl', '-o', '-']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'note: ana-again.jsonl:1: CLAIM [16, 32) "the tram is late" of ana: attribute checkworthy is "no" here but "yes" in news.jsonl:1; kept "yes"\n',
    );
    const claim = (jsonLines(result.stdout)[0]?.['spans'] as NativeSpan[]).find((s) => s.label === 'CLAIM');
    expect(claim).toMatchObject({ id: 's2', attributes: { checkworthy: 'yes', claim_type: 'quote' }, note: 'Which tram?\nAsk Ben.' });
  });
});
