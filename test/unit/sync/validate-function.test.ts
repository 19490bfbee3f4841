// The validate function a Spanwright database holds, run by a real server (pouchdb-server):
// a member writes only their own annotations, a lead (database admin) writes everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { toAnnotationsDoc, toDocumentDoc, toSchemaDoc, type LocalAnnotations } from '../../../src-shared/sync/server-documents';
import { DESIGN_DOC_ID, designDoc } from '../../../src-shared/sync/server-setup';
import { basicAuthorization, startTeamServer, type TeamServer } from '../../support/team-server';

interface User {
  name: string;
  password: string;
}

const lead: User = { name: 'lead', password: 'lead-password' };
const ana: User = { name: 'ana', password: 'ana-password' };
const ben: User = { name: 'ben', password: 'ben-password' };
/** A lead by role: the database's admins name the role `leads`. */
const cy: User = { name: 'cy', password: 'cy-password' };
const DATABASE = 'project-validate';

const LEADS_ONLY = (kind: string) => `Only the project leads (database admins) can change ${kind} documents.`;
const GOLD = 'Only the project leads (database admins) can change the gold annotations.';
const NOT_YOURS = (owner: string) => `Only ${owner} can change ${owner}'s annotations.`;
const OWNER = 'An annotations document must name its writer as owner.';

const work = (status: LocalAnnotations['status']): LocalAnnotations => ({
  status,
  records: [
    {
      kind: 'span',
      value: {
        id: 's1',
        projectId: 'p',
        documentId: 'd1',
        annotator: 'x',
        layer: 'entity',
        label: 'PERSON',
        start: 0,
        end: 3,
        text: 'Ana',
        attributes: {},
        origin: 'manual',
        createdAt: 1,
        updatedAt: 1,
      },
    },
  ],
});

const annotations = (owner: string, status: LocalAnnotations['status'] = 'in_progress', id = `annotations:d1:${owner}`) => ({
  ...toAnnotationsDoc('d1', owner, owner, work(status), 'replica'),
  _id: id,
});

const documentDoc = () =>
  toDocumentDoc(
    {
      id: 'd1',
      projectId: 'p',
      sourceId: 'd1',
      order: 0,
      meta: { title: 'One' },
      textHash: 'h',
      textLength: 3,
      statuses: {},
      spanCounts: {},
      createdAt: 1,
      updatedAt: 1,
    },
    'replica',
  );

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe('the validate function on a real server', () => {
  let server: TeamServer;

  async function request(user: User, method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${server.url}/${DATABASE}/${path}`, {
      method,
      headers: {
        Authorization: basicAuthorization(user.name, user.password),
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const read = (user: User, id: string) => request(user, 'GET', encodeURIComponent(id));

  /** Writes a document as a user, on top of the revision the server has if any. */
  async function write(user: User, doc: { _id: string }): Promise<Answer> {
    const current = await read(lead, doc._id);
    const rev = current.status === 200 ? { _rev: current.body._rev } : {};
    return request(user, 'PUT', encodeURIComponent(doc._id), { ...doc, ...rev });
  }

  function expectRefused(answer: Answer, reason: string): void {
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: 'forbidden', reason });
  }

  beforeAll(async () => {
    // The server admin is someone else: the lead is a database admin only, as on a real team server.
    server = await startTeamServer({ adminName: 'root', adminPassword: 'root-password' });
    for (const user of [lead, ana, ben]) await server.addUser(user.name, user.password);
    await server.addUser(cy.name, cy.password, ['leads']);
    await server.createDatabase(DATABASE, { admins: [lead.name], members: [ana.name, ben.name] });
    await server.requestAsAdmin('PUT', `/${DATABASE}/_security`, {
      admins: { names: [lead.name], roles: ['leads'] },
      members: { names: [ana.name, ben.name], roles: [] },
    });
    const installed = await request(lead, 'PUT', DESIGN_DOC_ID, designDoc(1));
    expect(installed.status, JSON.stringify(installed.body)).toBe(201);
  }, 30_000);

  afterAll(async () => {
    await server?.dispose();
  });

  it('lets a member create and update their own annotations', async () => {
    const created = await write(ana, annotations('ana', 'in_progress'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const updated = await write(ana, annotations('ana', 'done'));
    expect(updated.status, JSON.stringify(updated.body)).toBe(201);
    const stored = await read(ana, 'annotations:d1:ana');
    expect(stored.body).toMatchObject({ _rev: updated.body.rev, status: 'done', owner: 'ana' });
  });

  it('stores a member’s replicated update (new_edits: false with _revisions), as PouchDB pushes it', async () => {
    await write(ana, annotations('ana', 'in_progress'));
    const current = await read(ana, 'annotations:d1:ana');
    const [generation, hash] = String(current.body._rev).split('-') as [string, string];
    const next = Number(generation) + 1;
    const newHash = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    // A replicator sends the new revision with its ancestry; the server keeps it as given.
    const replicated = { ...annotations('ana', 'skipped'), _rev: `${next}-${newHash}`, _revisions: { start: next, ids: [newHash, hash] } };
    const answer = await request(ana, 'POST', '_bulk_docs', { docs: [replicated], new_edits: false });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const stored = await read(ana, 'annotations:d1:ana');
    expect(stored.body).toMatchObject({ _rev: `${next}-${newHash}`, status: 'skipped' });
  });

  it('refuses a member’s replicated write of someone else’s annotations, and stores nothing', async () => {
    const newHash = 'ffb2c3d4e5f60718293a4b5c6d7e8f90';
    const forged = { ...annotations('ben'), _rev: `1-${newHash}`, _revisions: { start: 1, ids: [newHash] } };
    const answer = await request(ana, 'POST', '_bulk_docs', { docs: [forged], new_edits: false });
    // CouchDB answers a bulk write per document; a refused one carries the validate function's reason.
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual([{ id: 'annotations:d1:ben', error: 'forbidden', reason: NOT_YOURS('ben') }]);
    const stored = await read(ben, 'annotations:d1:ben');
    expect(stored.status === 404 || stored.body._rev !== `1-${newHash}`).toBe(true);
  });

  it('refuses a member’s write of another member’s, gold, schema or document documents, with the reason', async () => {
    expectRefused(await write(ana, annotations('ben')), NOT_YOURS('ben'));
    expectRefused(await write(ana, annotations('gold')), GOLD);
    expectRefused(await write(ana, toSchemaDoc(defaultSchema(), 'replica')), LEADS_ONLY('schema'));
    expectRefused(await write(ana, documentDoc()), LEADS_ONLY('document'));
    expectRefused(await write(ana, { _id: 'project', kind: 'project' } as { _id: string }), LEADS_ONLY('project'));
  });

  it('refuses a member’s own annotations document that names someone else as owner', async () => {
    expectRefused(await write(ana, annotations('ben', 'in_progress', 'annotations:d1:ana')), OWNER);
    expectRefused(await write(ben, annotations('ben', 'in_progress', 'annotations:d2:ana')), NOT_YOURS('ana'));
  });

  it('lets a member delete their own annotations, and nobody else’s', async () => {
    await write(lead, annotations('ben'));
    const bens = await read(ben, 'annotations:d1:ben');
    expectRefused(
      await request(ana, 'DELETE', `${encodeURIComponent('annotations:d1:ben')}?rev=${String(bens.body._rev)}`),
      NOT_YOURS('ben'),
    );
    const own = await write(ana, annotations('ana'));
    const deleted = await request(ana, 'DELETE', `${encodeURIComponent('annotations:d1:ana')}?rev=${String(own.body.rev)}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
  });

  it('lets the lead write everything', async () => {
    for (const doc of [
      annotations('ben'),
      annotations('ana'),
      annotations('gold'),
      annotations('ben', 'done', 'annotations:d1:ana'),
      toSchemaDoc(defaultSchema(), 'r'),
      documentDoc(),
    ]) {
      const answer = await write(lead, doc);
      expect(answer.status, `${doc._id}: ${JSON.stringify(answer.body)}`).toBe(201);
    }
    expect((await read(ana, 'annotations:d1:gold')).body).toMatchObject({ owner: 'gold' });
  });

  it('lets a lead by role write everything too', async () => {
    for (const doc of [annotations('ben'), annotations('gold'), toSchemaDoc(defaultSchema(), 'r')]) {
      const answer = await write(cy, doc);
      expect(answer.status, `${doc._id}: ${JSON.stringify(answer.body)}`).toBe(201);
    }
  });
});
