// `spanwright push` and `pull` against a real team server (pouchdb-server): a file pushed and
// pulled back is the same file; who may do what is said in words. The round trip runs the CLI
// as processes, as a pipeline would; the other cases call `main` in this process, to stay fast.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-cli/main';
import { defaultSchema } from '../../src-shared/default-schema';
import { startTeamServer, type TeamServer } from '../support/team-server';

const BIN = resolve(__dirname, '../../bin/spanwright.mjs');
let dir = '';
let server: TeamServer;
let database = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a process (in the test's folder); asynchronous, so independent runs go side by side. */
function run(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, SPANWRIGHT_PASSWORD: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Runs the CLI in this process; give paths with `at`. */
async function runHere(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const at = (name: string) => join(dir, name);

const lines = (path: string): unknown[] =>
  readFileSync(join(dir, path), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);

const ANNOTATORS = [
  { id: 'ana', name: 'ana' },
  { id: 'ben', name: 'ben' },
  { id: 'gold', name: 'Gold' },
];

// Offsets in code points: the emoji before every span would shift UTF-16 offsets.
const TEAM = [
  {
    format: 'spanwright',
    format_version: 2,
    offset_unit: 'codepoint',
    id: 'news-1',
    text: '🚋🚋 Ana Ruiz says the tram is late. 👍 Valdeluz',
    meta: { title: 'Trams', source: 'desk' },
    status: 'done',
    statuses: { ana: 'done', ben: 'in_progress', gold: 'done' },
    annotators: ANNOTATORS,
    spans: [
      {
        id: 's1',
        layer: 'entity',
        label: 'PERSON',
        start: 3,
        end: 11,
        text: 'Ana Ruiz',
        annotator: 'ana',
        attributes: {},
        origin: 'manual',
      },
      {
        id: 's2',
        layer: 'entity',
        label: 'PERSON',
        start: 3,
        end: 11,
        text: 'Ana Ruiz',
        annotator: 'gold',
        attributes: {},
        origin: 'manual',
      },
      {
        id: 's4',
        layer: 'claim',
        label: 'CLAIM',
        start: 17,
        end: 33,
        text: 'the tram is late',
        annotator: 'ana',
        attributes: { checkworthy: 'yes' },
        origin: 'manual',
        note: 'Check the timetable.',
      },
      { id: 's3', layer: 'entity', label: 'VEHICLE', start: 21, end: 25, text: 'tram', annotator: 'ben', attributes: {}, origin: 'manual' },
      {
        id: 's5',
        layer: 'entity',
        label: 'LOC',
        start: 37,
        end: 45,
        text: 'Valdeluz',
        annotator: 'gold',
        attributes: {},
        origin: 'manual',
      },
    ],
    relations: [{ id: 'r1', type: 'SOURCE', from: 's4', to: 's1', annotator: 'ana', origin: 'manual' }],
    document_annotations: [{ annotator: 'ana', labels: { topic: ['economy'] }, note: 'Ask the desk.' }],
  },
  {
    format: 'spanwright',
    format_version: 2,
    offset_unit: 'codepoint',
    id: 'news/2 (copy)',
    text: 'Nothing 🙂 here, Port Ellis.',
    meta: { title: 'Quiet' },
    status: 'in_progress',
    statuses: { ben: 'done', gold: 'in_progress' },
    annotators: ANNOTATORS.filter((a) => a.id !== 'ana'),
    spans: [
      {
        id: 's6',
        layer: 'entity',
        label: 'LOC',
        start: 16,
        end: 26,
        text: 'Port Ellis',
        annotator: 'ben',
        attributes: {},
        origin: 'manual',
      },
      {
        id: 's7',
        layer: 'entity',
        label: 'LOC',
        start: 16,
        end: 26,
        text: 'Port Ellis',
        annotator: 'gold',
        attributes: {},
        origin: 'manual',
      },
    ],
  },
];

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : reject(new Error('no port'))));
    });
  });
}

const asLead = () => ['--user', server.admin.name, '--password', server.admin.password];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-pipelines-'));
  server = await startTeamServer();
  database = `${server.url}/team`;
  await Promise.all([server.addUser('ana', 'ana-pw'), server.addUser('ben', 'ben-pw'), server.addUser('cy', 'cy-pw')]);
  writeFileSync(at('team.jsonl'), TEAM.map((line) => JSON.stringify(line)).join('\n') + '\n');
  const goldOnly = TEAM.map((line) => ({
    ...line,
    spans: line.spans.filter((span) => span.annotator === 'gold'),
    relations: [],
    document_annotations: [],
  }));
  writeFileSync(at('gold.jsonl'), goldOnly.map((line) => JSON.stringify(line)).join('\n') + '\n');
}, 30_000);

afterAll(async () => {
  await server?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('push and pull', { timeout: 30_000 }, () => {
  it('pushes a file into a new database and pulls it back the same, in Spanwright JSONL and a token format', async () => {
    const pushed = await run(['push', 'team.jsonl', database, ...asLead()]);
    expect(pushed.stderr).toMatch(
      /^team\.jsonl: 2 documents and 5 annotations documents \(3 annotators: ana, ben, gold\) pushed to .*\/team \(database created\): 11 new, 0 updated, 0 unchanged; labels added to the schema: VEHICLE\n$/,
    );
    expect(pushed.status).toBe(0);
    // Annotators are members; only the lead administers the database.
    await server.requestAsAdmin('PUT', '/team/_security', {
      admins: { names: ['lead'], roles: [] },
      members: { names: ['ana', 'ben'], roles: [] },
    });

    const [all, tokens, again] = await Promise.all([
      run(['pull', database, '--out', 'pulled.jsonl', '--user', 'ana', '--password', 'ana-pw']),
      runHere(['pull', `http://ben:ben-pw@${database.slice('http://'.length)}`, '--out', at('pulled.conll'), '--format', 'conll2003']),
      runHere(['push', at('team.jsonl'), database, ...asLead()]),
    ]);
    expect(all.status, all.stderr).toBe(0);
    expect(all.stderr).toMatch(/^2 documents written to pulled\.jsonl from .*\/team \(every annotator's annotations: 2 documents\)\n$/);
    expect(lines('pulled.jsonl')).toEqual(TEAM);

    expect(tokens.status, tokens.stderr).toBe(0);
    expect(tokens.stderr).toMatch(/annotations of gold: 2 documents/);
    expect((await runHere(['convert', '--to', 'conll2003', at('gold.jsonl'), at('gold.conll')])).status).toBe(0);
    expect(readFileSync(at('pulled.conll'), 'utf8')).toBe(readFileSync(at('gold.conll'), 'utf8'));

    // The same file again: nothing to write.
    expect(again.stderr).toMatch(/: 0 new, 0 updated, 11 unchanged\n$/);
    expect(again.status).toBe(0);
  });

  it('pulls gold, your own, a named annotator, or everyone', async () => {
    const whose = async (args: string[]) => {
      const out = `whose-${args.join('-').replace(/[^a-z]/g, '')}.jsonl`;
      const result = await runHere(['pull', database, '--out', at(out), '--user', 'ana', '--password', 'ana-pw', ...args]);
      expect(result.status, result.stderr).toBe(0);
      const annotators = (lines(out) as Array<{ spans: Array<{ annotator: string }> }>).flatMap((doc) => doc.spans.map((s) => s.annotator));
      return [...new Set(annotators)].sort();
    };
    expect(await whose(['--annotations', 'gold'])).toEqual(['gold']);
    expect(await whose(['--annotations', 'mine'])).toEqual(['ana']);
    expect(await whose(['--annotations', 'ben'])).toEqual(['ben']);
    expect(await whose([])).toEqual(['ana', 'ben', 'gold']);
  });

  it('refuses everyone at once for a format that holds one annotator', async () => {
    const result = await runHere(['pull', database, '--out', at('x.conll'), '--format', 'conll2003', '--annotations', 'all']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/CoNLL.* holds one annotator's work, so --annotations all would mix everyone's spans/);
  });
});

describe('what the server refuses, in words', { timeout: 30_000 }, () => {
  it('a member without the rights of a lead cannot push, a stranger cannot pull: 403', async () => {
    const member = await runHere(['push', at('team.jsonl'), database, '--user', 'ben', '--password', 'ben-pw']);
    expect(member.status).toBe(1);
    expect(member.stderr).toMatch(/pushing a project needs a lead .*“ben” may not do this on database “team”/);
    const stranger = await runHere(['pull', database, '--out', at('nope.jsonl'), '--user', 'cy', '--password', 'cy-pw']);
    expect(stranger.status).toBe(1);
    expect(stranger.stderr).toMatch(/“cy” may not do this on database “team”: a lead must add you as a member/);
  });

  it('a wrong password: 401', async () => {
    const result = await runHere(['pull', database, '--out', at('nope.jsonl'), '--user', 'ana', '--password', 'wrong']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/The server did not accept the user name “ana” and this password/);
  });

  it('a server that is down: the connection is refused', async () => {
    const port = await freePort();
    const result = await runHere(['pull', `http://127.0.0.1:${port}/team`, '--out', at('nope.jsonl')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+: the connection was refused: is the server running/);
  });
});

describe('documents the server changed', { timeout: 30_000 }, () => {
  it('leaves out a removed document; pushing the file again updates it on top of its revision', async () => {
    const current = (await server.requestAsAdmin('GET', '/team/document%3Anews-1')) as Record<string, unknown>;
    await server.requestAsAdmin('PUT', '/team/document%3Anews-1', { ...current, removed: true });
    const pulled = await runHere(['pull', database, '--out', at('without-removed.jsonl'), ...asLead()]);
    expect(pulled.status, pulled.stderr).toBe(0);
    expect(pulled.stderr).toMatch(/^1 documents written .*; 1 removed documents left out\n$/);
    expect((lines('without-removed.jsonl') as Array<{ id: string }>).map((doc) => doc.id)).toEqual(['news/2 (copy)']);

    const again = await runHere(['push', at('team.jsonl'), database, ...asLead()]);
    expect(again.stderr).toMatch(/: 0 new, 1 updated, 10 unchanged\n$/);
  });

  it('reports a server document it cannot read, and writes nothing', async () => {
    await server.requestAsAdmin('PUT', '/team/annotations%3Anews-1%3Aben', {
      kind: 'annotations',
      layout: 1,
      writer: 'elsewhere',
      documentId: 'news-1',
      owner: 'ben',
      annotatorName: 'ben',
      status: 'done',
      spans: 'not a list',
      relations: [],
      document: null,
      _rev: ((await server.requestAsAdmin('GET', '/team/annotations%3Anews-1%3Aben')) as { _rev: string })._rev,
    });
    const pulled = await runHere(['pull', database, '--out', at('broken.jsonl'), ...asLead()]);
    expect(pulled.status).toBe(1);
    expect(pulled.stderr).toMatch(/\/team: not read: annotations:news-1:ben: spans and relations must be lists\n/);
    expect(pulled.stderr).toMatch(/nothing written: 1 server documents could not be read/);
    expect(existsSync(at('broken.jsonl'))).toBe(false);
  });
});

describe('project bundles', { timeout: 30_000 }, () => {
  const bundle = (annotators: Array<{ id: string; name: string }>) =>
    [
      {
        format: 'spanwright-project',
        format_version: 2,
        project: { name: 'Haiti', schema: defaultSchema(), guidelines: 'Mark people.' },
        annotators,
      },
      {
        format: 'spanwright',
        format_version: 2,
        id: 'h1',
        text: '🌀 Jean Pierre spoke.',
        meta: { title: 'Storm' },
        statuses: Object.fromEntries(annotators.map((a) => [a.id, 'done'])),
        spans: annotators.map((a, index) => ({ id: `h1-${index}`, label: 'PERSON', start: 2, end: 13, annotator: a.id })),
      },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n') + '\n';

  it('says which annotator names cannot own work on the server, and pushes nothing', async () => {
    writeFileSync(
      at('bad-names.spanwright'),
      bundle([
        { id: 'u1', name: 'ana' },
        { id: 'u2', name: 'ben:old' },
      ]),
    );
    const result = await runHere(['push', at('bad-names.spanwright'), `${server.url}/haiti`, ...asLead()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'annotator "ben:old" (id "u2") cannot own work on the server: A user name for Spanwright cannot contain “:”.',
    );
    expect(result.stderr).toMatch(/nothing pushed/);
  });

  it('pushes a bundle with its project, schema and annotator names', async () => {
    writeFileSync(at('haiti.spanwright'), bundle([{ id: 'u1', name: 'ana' }]));
    const pushed = await runHere(['push', at('haiti.spanwright'), `${server.url}/haiti`, ...asLead()]);
    expect(pushed.status, pushed.stderr).toBe(0);
    // The push refused above touched nothing: the database is created now.
    expect(pushed.stderr).toMatch(/1 documents and 1 annotations documents \(1 annotators: ana\) pushed to .*\/haiti \(database created\)/);
    expect(await server.requestAsAdmin('GET', '/haiti/project')).toMatchObject({
      name: 'Haiti',
      guidelines: 'Mark people.',
      writer: 'spanwright-cli',
      savedBy: 'lead',
    });
    const pulled = await runHere(['pull', `${server.url}/haiti`, '--out', at('haiti.jsonl'), '--annotations', 'ana', ...asLead()]);
    expect(pulled.status, pulled.stderr).toBe(0);
    expect(lines('haiti.jsonl')).toMatchObject([{ id: 'h1', spans: [{ annotator: 'ana', start: 2, end: 13, text: 'Jean Pierre' }] }]);
  });
});
