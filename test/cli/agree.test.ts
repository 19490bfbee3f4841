// `spanwright agree` run as a process, as a user runs it: exit codes, output and messages.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementReport, reportToJson, type AgreementSpan } from '../../src-shared/agreement';

const BIN = resolve(__dirname, '../../bin/spanwright.mjs');
const D1 = 'Ada Lovelace met Charles Babbage in London.';
const D2 = 'Paris is big.';
const D3 = '🚋 Ana Ruiz rode it.'; // the emoji is 1 code point, 2 UTF-16 units

let dir = '';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** stderr without the note that files recording no statuses count as Done (doccano, spaCy, these fixtures). */
function apartFromStatusNote(stderr: string): string {
  return stderr.replace(/^note: .* records? no document status: (its|their) documents count as Done\n/m, '');
}

function write(name: string, lines: unknown[]): string {
  writeFileSync(join(dir, name), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return name;
}

function native(id: string, text: string, spans: Array<[string, number, number, string]>, annotator = 'alice'): unknown {
  return {
    format: 'spanwright',
    format_version: 1,
    id,
    text,
    spans: spans.map(([layer, start, end, label]) => ({ layer, label, start, end, annotator })),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-agree-'));
  // alice: Spanwright JSONL naming one annotator (code-point offsets).
  write('alice-export.jsonl', [
    native('d1', D1, [
      ['entity', 0, 12, 'PER'],
      ['entity', 36, 42, 'LOC'],
      ['claim', 0, 32, 'CLAIM'],
    ]),
    native('d2', D2, [['entity', 0, 5, 'LOC']]),
    native('d3', D3, [['entity', 2, 10, 'PER']]),
  ]);
  // bob: doccano, in another order, d2 under another id (matched by its text).
  write('bob.jsonl', [
    { id: 'd3', text: D3, entities: [{ start_offset: 2, end_offset: 10, label: 'PER' }] },
    { id: 99, text: D2, entities: [] },
    {
      id: 'd1',
      text: D1,
      entities: [
        { start_offset: 0, end_offset: 12, label: 'PER' },
        { start_offset: 36, end_offset: 42, label: 'PER' },
        { start_offset: 17, end_offset: 32, label: 'CLAIM' },
      ],
    },
  ]);
  // carol: spaCy without ids (matched by text).
  write('carol.jsonl', [
    {
      text: D1,
      spans: [
        { start: 0, end: 3, label: 'PER' },
        { start: 36, end: 42, label: 'LOC' },
      ],
    },
    { text: D2, spans: [{ start: 0, end: 5, label: 'LOC' }] },
    { text: D3, spans: [] },
  ]);
}, 30_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('spanwright', { timeout: 30_000 }, () => {
  it('--help lists the commands', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: spanwright <command>');
    expect(result.stdout).toMatch(/^\s+agree\s+/m);
  });

  it('without a command prints the help on stderr and exits 2', () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Commands:');
  });

  it('rejects an unknown command with exit 2', () => {
    const result = run('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stdout).toBe('');
  });
});

describe('spanwright agree', { timeout: 30_000 }, () => {
  it('--help explains the command', () => {
    const result = run('agree', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: spanwright agree A.jsonl B.jsonl');
  });

  it.each([
    [['alice-export.jsonl'], 'at least two files'],
    [[], 'at least two files'],
    [['alice-export.jsonl', 'bob.jsonl', '--layer', 'topic'], 'unknown layer "topic"'],
    [['alice-export.jsonl', 'bob.jsonl', '--layer'], '--layer needs a value'],
    [['alice-export.jsonl', 'bob.jsonl', '--json', '--csv'], '--json and --csv cannot be used together'],
    [['alice-export.jsonl', 'bob.jsonl', '--verbose'], 'unknown option --verbose'],
  ])('usage error %j -> exit 2', (args, message) => {
    const result = run('agree', ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^spanwright agree: /);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: spanwright agree');
    expect(result.stdout).toBe('');
  });

  it('exits 1 naming a file it cannot read', () => {
    const result = run('agree', 'alice-export.jsonl', 'nope.jsonl');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nope.jsonl: cannot read the file: no such file');
    expect(result.stdout).toBe('');
  });

  it('exits 1 with file:line: reason for every import problem', () => {
    writeFileSync(
      join(dir, 'bad.jsonl'),
      `${JSON.stringify({ id: 'd1', text: D1, entities: [] })}\n{not json\n${JSON.stringify({ id: 'd2', text: D2, entities: [{ start_offset: 3, end_offset: 99, label: 'X' }] })}\n`,
    );
    const result = run('agree', 'alice-export.jsonl', 'bad.jsonl');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^bad\.jsonl:2: invalid JSON/m);
    expect(result.stderr).toMatch(/^bad\.jsonl:3: span 1 \[3, 99\) is out of range/m);
    expect(result.stdout).toBe('');
  });

  it('--json prints the report the core computes, documents matched by id and by text', () => {
    const result = run('agree', 'alice-export.jsonl', 'bob.jsonl', 'carol.jsonl', '--json');
    expect(result.stderr).toBe(
      'note: alice-export.jsonl, bob.jsonl, carol.jsonl record no document status: their documents count as Done\n',
    );
    expect(result.status).toBe(0);
    // The same data in UTF-16 offsets: the PER in D3 starts after a 2-unit emoji, so [2, 10) -> [3, 11).
    const span = (documentId: string, layer: 'entity' | 'claim', start: number, end: number, label: string): AgreementSpan => ({
      documentId,
      layer,
      label,
      start,
      end,
    });
    const statuses = { d1: 'done', d2: 'done', d3: 'done' } as const;
    const expected = agreementReport(
      [
        { id: 'd1', text: D1 },
        { id: 'd2', text: D2 },
        { id: 'd3', text: D3 },
      ],
      [
        {
          annotator: 'alice',
          statuses,
          spans: [
            span('d1', 'entity', 0, 12, 'PER'),
            span('d1', 'entity', 36, 42, 'LOC'),
            span('d1', 'claim', 0, 32, 'CLAIM'),
            span('d2', 'entity', 0, 5, 'LOC'),
            span('d3', 'entity', 3, 11, 'PER'),
          ],
        },
        {
          annotator: 'bob',
          statuses,
          spans: [
            span('d1', 'entity', 0, 12, 'PER'),
            span('d1', 'entity', 36, 42, 'PER'),
            span('d1', 'claim', 17, 32, 'CLAIM'),
            span('d3', 'entity', 3, 11, 'PER'),
          ],
        },
        {
          annotator: 'carol',
          statuses,
          spans: [span('d1', 'entity', 0, 3, 'PER'), span('d1', 'entity', 36, 42, 'LOC'), span('d2', 'entity', 0, 5, 'LOC')],
        },
      ],
      { scope: 'done' },
    );
    const report = JSON.parse(result.stdout) as typeof expected;
    expect(report).toEqual(JSON.parse(reportToJson(expected)));
    expect(result.stdout).toBe(reportToJson(expected));
    // A few figures by hand. alice vs bob, exact: PER d1 and d3 tp; LOC d1, CLAIM, LOC d2 fn; PER London and bob's CLAIM fp.
    // tp 2, fp 2, fn 3 -> F1 = 4/9. Overlap: the CLAIMs overlap: tp 3, fp 1, fn 2 -> F1 = 6/9.
    const [aliceBob] = report.pairs;
    expect(aliceBob?.exact.overall).toMatchObject({ tp: 2, fp: 2, fn: 3 });
    expect(aliceBob?.exact.overall.f1).toBeCloseTo(4 / 9, 12);
    expect(aliceBob?.overlap.overall.f1).toBeCloseTo(6 / 9, 12);
    expect(report.annotators).toEqual(['alice', 'bob', 'carol']);
    expect(report.overall.map((group) => group.layer)).toEqual(['entity', 'claim']);
  });

  it('--layer claim restricts the report to claims', () => {
    const result = run('agree', 'alice-export.jsonl', 'bob.jsonl', '--json', '--layer=claim');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { layers: string[]; spanCounts: number[] };
    expect(report.layers).toEqual(['claim']);
    expect(report.spanCounts).toEqual([1, 1]);
  });

  it('prints readable tables by default', () => {
    const result = run('agree', 'alice-export.jsonl', 'bob.jsonl');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Agreement of 2 annotators over 3 documents');
    expect(result.stdout).toContain('alice (reference) vs bob: spans');
    expect(result.stdout).toMatch(/^\s+all\s+5\s+4\s+0\.500\s+0\.400\s+0\.444\s+0\.750\s+0\.600\s+0\.667$/m);
    expect(result.stdout).toMatch(/Cohen's kappa over tokens: entity -?\d\.\d{3}, claim -?\d\.\d{3}/);
    expect(result.stdout).toContain("Fleiss' kappa");
  });

  it('--csv prints RFC 4180 rows', () => {
    const result = run('agree', 'alice-export.jsonl', 'bob.jsonl', '--csv');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('document,reference,candidate,measure,layer,label,tp,fp,fn,precision,recall,f1,value,attribute,items');
    expect(lines).toContain(',alice,bob,exact,,,2,2,3,0.5,0.4,0.4444444444444444,,,');
  });

  it('counts a document missing from a file as not annotated there: out of scope unless --scope all', () => {
    write('dave.jsonl', [
      { id: 'd1', text: D1, entities: [{ start_offset: 0, end_offset: 12, label: 'PER' }] },
      { id: 'extra', text: 'Only Dave has this one.', entities: [] },
    ]);
    const result = run('agree', 'alice-export.jsonl', 'dave.jsonl', '--json');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('warning: alice-export.jsonl:2: document "d2" is not in dave.jsonl; counted as not annotated there');
    expect(result.stderr).toContain('warning: alice-export.jsonl:3: document "d3" is not in dave.jsonl; counted as not annotated there');
    expect(result.stderr).toContain('warning: dave.jsonl:2: document "extra" is not in alice-export.jsonl; counted as not annotated there');
    const done = JSON.parse(result.stdout) as { documents: number; scope: unknown; pairs: Array<{ exact: { overall: { f1: number } } }> };
    expect(done.scope).toEqual({
      scope: 'done',
      compared: ['d1'],
      withoutSpans: [],
      outOfScope: ['d2', 'd3', 'extra'],
      keptOutBy: { d2: ['dave'], d3: ['dave'], extra: ['alice'] },
    });
    expect(done.documents).toBe(1);
    // All documents: alice's spans of d2 and d3 count against dave; "extra" has no spans from anyone.
    const all = run('agree', 'alice-export.jsonl', 'dave.jsonl', '--json', '--scope', 'all');
    expect(all.status).toBe(0);
    const report = JSON.parse(all.stdout) as typeof done;
    expect(report.scope).toEqual({ scope: 'all', compared: ['d1', 'd2', 'd3'], withoutSpans: ['extra'], outOfScope: [], keptOutBy: {} });
    expect(report.pairs[0]?.exact.overall).toMatchObject({ tp: 1, fp: 0, fn: 4 });
  });

  it('says which scope and documents it used, and lists them with --documents', () => {
    write('erin.jsonl', [
      { ...(native('d1', D1, [['entity', 0, 12, 'PER']], 'erin') as object), status: 'done' },
      { ...(native('d2', D2, [], 'erin') as object), status: 'done' },
      { ...(native('d3', D3, [['entity', 2, 10, 'PER']], 'erin') as object), status: 'in_progress' },
    ]);
    write('finn.jsonl', [
      { ...(native('d1', D1, [['entity', 0, 12, 'PER']], 'finn') as object), status: 'done' },
      { ...(native('d2', D2, [], 'finn') as object), status: 'done' },
      { ...(native('d3', D3, [], 'finn') as object), status: 'done' },
    ]);
    const result = run('agree', 'erin.jsonl', 'finn.jsonl', '--documents');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Documents Done by every annotator: 1 compared, 1 without spans from anyone, 1 out of scope\n');
    expect(result.stdout).toContain(
      'Documents compared (1):\n  d1\nIn scope, without spans from anyone (left out) (1):\n  d2\nOut of scope (1):\n  d3 (not Done by erin)\n',
    );
    const annotated = run('agree', 'erin.jsonl', 'finn.jsonl', '--scope=annotated');
    expect(annotated.stdout).toContain('Documents annotated by every annotator: 2 compared, 1 without spans from anyone\n');
    expect(run('agree', 'erin.jsonl', 'finn.jsonl', '--scope', 'some').stderr).toContain(
      'unknown scope "some" (expected done, annotated, all)',
    );
  });

  it('exits 1 naming a document whose id is the same but whose text differs', () => {
    write('eve.jsonl', [
      { id: 'd1', text: 'A different text.', entities: [] },
      { id: 'd2', text: D2, entities: [] },
      { id: 'd3', text: D3, entities: [] },
    ]);
    const result = run('agree', 'alice-export.jsonl', 'eve.jsonl');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: document "d1" has different text in alice-export.jsonl and eve.jsonl');
    expect(result.stdout).toBe('');
  });

  it('says so when no document in scope has a span', () => {
    write('frank.jsonl', [{ id: 'zz', text: 'Nothing shared.', entities: [] }]);
    const result = run('agree', 'alice-export.jsonl', 'frank.jsonl');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('warning: no document to compare (Documents Done by every annotator: 0 compared, 4 out of scope)');
    expect(result.stdout).toContain('No document in scope has a span from these annotators.');
  });

  it('tells apart two files of the same name', () => {
    mkdirSync(join(dir, 'round2'), { recursive: true });
    writeFileSync(join(dir, 'round2', 'bob.jsonl'), `${JSON.stringify({ id: 'd1', text: D1, entities: [] })}\n`);
    const result = run('agree', 'bob.jsonl', join('round2', 'bob.jsonl'), '--json');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('note: round2/bob.jsonl is called "bob (2)"');
    expect((JSON.parse(result.stdout) as { annotators: string[] }).annotators).toEqual(['bob', 'bob (2)']);
  });

  it('with one annotator per file named in Spanwright JSONL, two files by one person still compare', () => {
    write('alice-again.jsonl', [native('d1', D1, [['entity', 0, 12, 'PER']])]);
    const result = run('agree', 'alice-export.jsonl', 'alice-again.jsonl', '--json');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { annotators: string[] }).annotators).toEqual(['alice', 'alice (2)']);
  });
});

describe('spanwright agree beyond spans', { timeout: 30_000 }, () => {
  const D4 = 'Paris is big.';
  function withAttributes(
    annotator: string,
    spans: Array<[string, number, number, string, Record<string, string>]>,
    id: string,
    text: string,
  ): unknown {
    return {
      format: 'spanwright',
      format_version: 1,
      id,
      text,
      spans: spans.map(([layer, start, end, label, attributes]) => ({ layer, label, start, end, annotator, attributes })),
    };
  }

  beforeAll(() => {
    // The CLAIM of D1 and of D4 and the two PER of D1 are marked alike by both: four exact pairs.
    write('ann-attributes.jsonl', [
      withAttributes(
        'ann',
        [
          ['claim', 0, 32, 'CLAIM', { checkworthy: 'yes' }],
          ['entity', 0, 12, 'PER', { kb_id: 'Q7259' }],
          ['entity', 17, 32, 'PER', { kb_id: 'Q46633' }],
        ],
        'd1',
        D1,
      ),
      withAttributes('ann', [['claim', 0, 12, 'CLAIM', { checkworthy: 'no' }]], 'd4', D4),
    ]);
    write('bob-attributes.jsonl', [
      withAttributes(
        'bob',
        [
          ['claim', 0, 32, 'CLAIM', { checkworthy: 'yes' }],
          ['entity', 0, 12, 'PER', { kb_id: 'Q7259' }],
          ['entity', 17, 32, 'PER', { kb_id: 'Q46633' }],
        ],
        'd1',
        D1,
      ),
      withAttributes('bob', [['claim', 0, 12, 'CLAIM', { checkworthy: 'unsure' }]], 'd4', D4),
    ]);
    writeFileSync(
      join(dir, 'schema.json'),
      JSON.stringify({
        labels: [],
        relationTypes: [{ name: 'SAME_AS', color: '#336699', hotkey: '', directed: false, sources: [], targets: [] }],
      }),
    );
  });

  it('gives Cohen’s kappa per label and attribute over spans matched exactly', () => {
    const result = run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl', '--json');
    expect(apartFromStatusNote(result.stderr)).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      attributes: Array<{ attributes: Array<{ label: string; attribute: string; kappa: number; spans: number; items: number }> }>;
    };
    const [kbId, checkworthy] = report.attributes[0]?.attributes ?? [];
    // PER kb_id: (Q7259, Q7259), (Q46633, Q46633): po = 1, pe = 1/4 + 1/4 = 1/2: kappa = 1.
    expect(kbId).toMatchObject({ label: 'PER', attribute: 'kb_id', spans: 2, items: 2, kappa: 1 });
    // CLAIM checkworthy: (yes, yes), (no, unsure): po = 1/2; ann yes 1, no 1; bob yes 1, unsure 1:
    // pe = (1/2)(1/2) = 1/4; kappa = (1/2 - 1/4)/(3/4) = 1/3.
    expect(checkworthy).toMatchObject({ label: 'CLAIM', attribute: 'checkworthy', spans: 2, items: 2 });
    expect(checkworthy?.kappa).toBeCloseTo(1 / 3, 12);
  });

  it('prints the attribute table and CSV rows', () => {
    const table = run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("ann vs bob: span attributes, Cohen's kappa over spans matched exactly");
    expect(table.stdout).toMatch(/^\s+claim\s+CLAIM\s+checkworthy\s+2\s+2\s+0\.333$/m);
    expect(table.stdout).not.toContain('relations');
    const csv = run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl', '--csv');
    expect(csv.stdout.split('\r\n')).toContain(',ann,bob,attribute_kappa,entity,PER,,,,,,,1,kb_id,2');
  });

  it('--schema reads a schema file; one it cannot read is bad input', () => {
    const withSchema = run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl', '--schema', 'schema.json', '--json');
    expect(withSchema.status).toBe(0);
    expect(withSchema.stdout).toBe(run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl', '--json').stdout);
    const missing = run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl', '--schema=nope.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.json: cannot read the file: no such file');
    writeFileSync(join(dir, 'not-schema.json'), '{"labels": 3}');
    const bad = run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl', '--schema', 'not-schema.json');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not-schema.json: the project has no label schema');
    const usage = run('agree', 'ann-attributes.jsonl', 'bob-attributes.jsonl', '--schema');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--schema needs a file');
  });
});

describe('spanwright agree with relations and document labels', { timeout: 30_000 }, () => {
  const D4 = 'Paris is big.';
  type Line = {
    id: string;
    text: string;
    spans: Array<[string, number, number, string]>;
    relations?: Array<[string, string, string]>;
    topic?: string[];
  };
  // Spanwright JSONL 2: spans with ids, relations between them, document labels, all of one annotator.
  function v2(annotator: string, line: Line): unknown {
    return {
      format: 'spanwright',
      format_version: 2,
      id: line.id,
      text: line.text,
      spans: line.spans.map(([id, start, end, label]) => ({ id, layer: 'entity', label, start, end, annotator })),
      ...(line.relations ? { relations: line.relations.map(([type, from, to], i) => ({ id: `r${i}`, type, from, to, annotator })) } : {}),
      ...(line.topic ? { document_annotations: [{ annotator, labels: { topic: line.topic }, note: '' }] } : {}),
    };
  }

  beforeAll(() => {
    // Ann: Ada -MET-> Charles, Charles -IN-> London. Bob: Charles -MET-> Ada, Charles -IN-> "Londo".
    write('ann-relations.jsonl', [
      v2('ann', {
        id: 'd1',
        text: D1,
        spans: [
          ['a1', 0, 12, 'PER'],
          ['a2', 17, 32, 'PER'],
          ['a3', 36, 42, 'LOC'],
        ],
        relations: [
          ['MET', 'a1', 'a2'],
          ['IN', 'a2', 'a3'],
        ],
        topic: ['history'],
      }),
      v2('ann', { id: 'd4', text: D4, spans: [], topic: ['sport'] }),
    ]);
    write('bob-relations.jsonl', [
      v2('bob', {
        id: 'd1',
        text: D1,
        spans: [
          ['b1', 0, 12, 'PER'],
          ['b2', 17, 32, 'PER'],
          ['b3', 36, 41, 'LOC'],
        ],
        relations: [
          ['MET', 'b2', 'b1'],
          ['IN', 'b2', 'b3'],
        ],
        topic: ['history'],
      }),
      v2('bob', { id: 'd4', text: D4, spans: [] }),
    ]);
    writeFileSync(
      join(dir, 'met-undirected.json'),
      JSON.stringify({
        labels: [],
        relationTypes: [{ name: 'MET', color: '#336699', hotkey: '', directed: false, sources: [], targets: [] }],
      }),
    );
  });

  type Report = {
    relationCounts: number[];
    relations: Array<{
      exact: { overall: { tp: number; fp: number; fn: number; f1: number } };
      overlap: { overall: { tp: number; fp: number; fn: number; f1: number } };
    }>;
    documentLabels: { pairs: Array<{ categories: Array<{ category: string; kappa: number; items: number }> }> };
  };

  it('scores relations: type and both ends must match, directed unless the schema says otherwise', () => {
    const result = run('agree', 'ann-relations.jsonl', 'bob-relations.jsonl', '--json');
    expect(apartFromStatusNote(result.stderr)).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.relationCounts).toEqual([2, 2]);
    const [pair] = report.relations;
    // MET is directed without a schema: Ada -> Charles is not Charles -> Ada. IN: London vs "Londo".
    // Exact: tp 0, fp 2, fn 2 (F1 0). Overlap: "Londo" overlaps London, so IN matches: tp 1, fp 1, fn 1, F1 = 2/4.
    expect(pair?.exact.overall).toMatchObject({ tp: 0, fp: 2, fn: 2, f1: 0 });
    expect(pair?.overlap.overall).toMatchObject({ tp: 1, fp: 1, fn: 1, f1: 0.5 });

    const undirected = JSON.parse(
      run('agree', 'ann-relations.jsonl', 'bob-relations.jsonl', '--schema', 'met-undirected.json', '--json').stdout,
    ) as Report;
    // MET undirected: it matches too. Exact: tp 1, fp 1, fn 1 (F1 1/2); overlap: tp 2 (F1 1).
    expect(undirected.relations[0]?.exact.overall).toMatchObject({ tp: 1, fp: 1, fn: 1, f1: 0.5 });
    expect(undirected.relations[0]?.overlap.overall).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
  });

  it('gives Cohen’s kappa per document category', () => {
    const report = JSON.parse(run('agree', 'ann-relations.jsonl', 'bob-relations.jsonl', '--json').stdout) as Report;
    // topic: ann history, sport; bob history, nothing. po = 1/2; pe = (1/2)(1/2) = 1/4 (history); kappa = 1/3.
    const [topic] = report.documentLabels.pairs[0]?.categories ?? [];
    expect(topic).toMatchObject({ category: 'topic', items: 2 });
    expect(topic?.kappa).toBeCloseTo(1 / 3, 12);
  });

  it('prints the relation and document-label tables, and their CSV rows', () => {
    const table = run('agree', 'ann-relations.jsonl', 'bob-relations.jsonl', '--schema=met-undirected.json');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^\s+annotator\s+spans\s+relations$/m);
    expect(table.stdout).toContain('ann (reference) vs bob: relations (type and both ends must match)');
    expect(table.stdout).toMatch(/^\s+IN\s+1\s+1\s+0\.000\s+0\.000\s+0\.000\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(table.stdout).toMatch(/^\s+all\s+2\s+2\s+0\.500\s+0\.500\s+0\.500\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(table.stdout).toContain("Document labels over 2 documents, Cohen's kappa per pair:");
    expect(table.stdout).toMatch(/^\s+topic\s+2\s+0\.333$/m);
    const lines = run('agree', 'ann-relations.jsonl', 'bob-relations.jsonl', '--csv', '--schema', 'met-undirected.json').stdout.split(
      '\r\n',
    );
    expect(lines).toContain(',ann,bob,relation_exact,,MET,1,0,0,1,1,1,,,');
    expect(lines).toContain(',ann,bob,relation_overlap,,,2,0,0,1,1,1,,,');
    expect(lines).toContain('d1,ann,bob,relation_exact,,IN,0,1,1,0,0,0,,,');
    expect(lines.find((line) => line.startsWith(',ann,bob,document_label_kappa,,topic,'))).toMatch(/,0\.333\d*,,2$/);
  });

  it('--layer claim leaves out relations whose ends are entities', () => {
    const report = JSON.parse(run('agree', 'ann-relations.jsonl', 'bob-relations.jsonl', '--layer', 'claim', '--json').stdout) as Report;
    expect(report.relationCounts).toEqual([0, 0]);
  });
});
