// Snapshots and restores against fake-indexeddb, with the web build's backup store (its own
// database): a deleted label's spans come back, a replace keeps a snapshot of what it replaces,
// an import takes one first, and an older database is saved before it is upgraded.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { deletionScope, type Change } from '../../../src-shared/annotations/change';
import { deleteSchemaItem } from '../../../src-shared/annotations/edits';
import { spanRecord } from '../../../src-shared/annotations/kinds';
import type { BackupStore } from '../../../src-shared/bridge';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { ok } from '../../../src-shared/result';
import { DEFAULT_LIMITS } from '../../../src-shared/limits';
import { writeInputLimits } from '../../../src-renderer/src/storage/input-limits';
import { restoreBackup, snapshotBeforeUpgrade, snapshotIfDue, snapshotProject } from '../../../src-renderer/src/app/backups';
import { commitImport, planImport } from '../../../src-renderer/src/app/import-documents';
import { createWebBackupStore, encodableSlices } from '../../../src-renderer/src/platform/web-backups';
import { commitBuilt } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';
import { SETTING, writeSetting } from '../../../src-renderer/src/storage/settings';
import { testDocument, testSpan } from '../fixtures/records';

const me = { id: 'me', name: 'Ana' };
const TEXT = 'Ana met Ben in Quay Street.';

function record(id: string, order: number): DocumentRecord {
  return testDocument(id, { order, meta: { title: `Title ${id}` }, textLength: TEXT.length });
}
function span(id: string, documentId: string, label: string, start: number, end: number): Span {
  return testSpan({ id, start, end, documentId, label }, TEXT);
}

let db: SpanwrightDatabase;
let store: BackupStore;

async function makeProject(): Promise<void> {
  const change: Change = {
    type: 'add-documents',
    documents: [
      { record: record('d1', 0), text: TEXT },
      { record: record('d2', 1), text: TEXT },
    ],
    annotations: [
      spanRecord(span('s1', 'd1', 'PERSON', 0, 3)),
      spanRecord(span('s2', 'd1', 'PERSON', 8, 11)),
      spanRecord(span('s3', 'd2', 'LOC', 15, 26)),
    ],
  };
  await createProject(db, { id: 'p', name: 'News', schema: defaultSchema() }, 'me', { change });
}

const deleteLabel = (name: string) =>
  commitBuilt(db, 'p', deletionScope('label', name), (state) => ok(deleteSchemaItem(state, 'label', name, Date.now())), {
    annotator: 'me',
  });

beforeEach(async () => {
  db = new SpanwrightDatabase(`backups-${Math.random()}`);
  store = createWebBackupStore(`backup-store-${Math.random()}`);
  await makeProject();
});

describe('snapshots', () => {
  it('hold the whole project, with the counts the restore dialog shows', async () => {
    const info = await snapshotProject(db, store, 'p', 'schema-delete', me);
    expect(info).toMatchObject({ projectId: 'p', projectName: 'News', reason: 'schema-delete', documents: 2, spans: 3 });
    expect(await store.list()).toEqual([info]);
    const text = new TextDecoder().decode(await store.read(info.id));
    expect(text.split('\n')[0]).toContain('"format":"spanwright-project"');
    expect(text).toContain('Quay Street');
  });

  it('keep the reviewer\'s rejections of each document', async () => {
    await writeSetting(db, SETTING.reviewRejected('d2'), ['entity:me/15-26/LOC']);
    const info = await snapshotProject(db, store, 'p', 'daily', me);
    const header = JSON.parse(new TextDecoder().decode(await store.read(info.id)).split('\n')[0] ?? '') as { review_rejected?: unknown };
    expect(header.review_rejected).toEqual({ d2: ['entity:me/15-26/LOC'] });
  });

  it('a daily one is taken once a day', async () => {
    expect(await snapshotIfDue(db, store, 'p', me)).toMatchObject({ reason: 'daily' });
    expect(await snapshotIfDue(db, store, 'p', me)).toBeNull();
    expect(await snapshotIfDue(db, store, 'p', me, Date.now() + 25 * 60 * 60 * 1000)).toMatchObject({ reason: 'daily' });
  });

  it('rotate in the web store too', async () => {
    const small = createWebBackupStore(`backup-store-${Math.random()}`, {
      kept: { import: 2, upgrade: 1, 'schema-delete': 1, daily: 1, 'before-restore': 1 },
    });
    for (let i = 0; i < 4; i++) await snapshotProject(db, small, 'p', 'import', me);
    const kept = await small.list();
    expect(kept).toHaveLength(2);
  });
});

describe('the web store', () => {
  const request = { projectId: 'p', projectName: 'News', reason: 'import' as const, documents: 2, spans: 3 };

  it('keeps a bundle larger than one encoding step byte for byte, sized in UTF-8 bytes', async () => {
    // Parts of 200,000 code units, each with accents and an emoji (a surrogate pair): two 1 Mi steps and more.
    const parts = Array.from({ length: 13 }, (_, i) => `${i} Café 😀 `.padEnd(200_000, 'é') + '\n');
    const info = await store.write(request, parts);
    const expected = new TextEncoder().encode(parts.join(''));
    expect(info.bytes).toBe(expected.byteLength);
    expect(Buffer.from(await store.read(info.id)).equals(expected)).toBe(true);
  });

  it('keeps one part of megabytes byte for byte, emoji at the cuts too (encoded a step at a time)', async () => {
    // One line of 1.2 M code units, emoji throughout: some surrogate pair straddles each step's end.
    const part = `${'😀a'.repeat(400_000)}\n`;
    const info = await store.write(request, [part]);
    const expected = new TextEncoder().encode(part);
    expect(info.bytes).toBe(expected.byteLength);
    expect(Buffer.from(await store.read(info.id)).equals(expected)).toBe(true);
  });

  it('cuts a part into slices that never split a surrogate pair and join to the part', () => {
    for (const size of [2, 3, 7]) {
      const part = 'a😀😀b😀';
      const slices = [...encodableSlices(part, size)];
      expect(slices.join('')).toBe(part);
      for (const slice of slices) {
        expect(slice.length).toBeLessThanOrEqual(size);
        expect(slice.length).toBeGreaterThan(0);
        expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(slice)).toBe(false);
      }
    }
  });

  it('still reads a snapshot an earlier version stored as text', async () => {
    const name = `backup-store-${Math.random()}`;
    const older = new Dexie(name);
    older.version(1).stores({ backups: 'id, createdAt, projectId', contents: 'id' });
    const info = { ...request, id: '20261201T120000000Z-import-0123456789abcdef', createdAt: 1, bytes: 6 };
    await older.table('backups').add(info);
    await older.table('contents').add({ id: info.id, text: 'Café\n' });
    older.close();
    const current = createWebBackupStore(name);
    expect(await current.list()).toEqual([info]);
    expect(new TextDecoder().decode(await current.read(info.id))).toBe('Café\n');
  });
});

describe('restore', () => {
  it('brings back a deleted label with its spans, as a new project', async () => {
    const before = await snapshotProject(db, store, 'p', 'schema-delete', me);
    await deleteLabel('PERSON');
    expect(await db.spans.where('[projectId+label]').equals(['p', 'PERSON']).count()).toBe(0);

    const restored = await restoreBackup(db, store, before, { kind: 'new-project' }, me);
    expect(restored).toMatchObject({ name: 'News (2)', documents: 2, spans: 3 });
    expect(await db.spans.where('[projectId+label]').equals([restored.projectId, 'PERSON']).count()).toBe(2);
    expect((await db.projects.get(restored.projectId))?.schema.labels.map((l) => l.name)).toContain('PERSON');
    // The current project is as it was.
    expect(await db.spans.where('projectId').equals('p').count()).toBe(1);
  });

  it('in place of the project: a snapshot of it as it is now first, then the old state (under a new id)', async () => {
    const before = await snapshotProject(db, store, 'p', 'schema-delete', me);
    await deleteLabel('PERSON');
    const restored = await restoreBackup(db, store, before, { kind: 'replace', projectId: 'p' }, me);
    expect(restored).toMatchObject({ name: 'News', documents: 2, spans: 3 });
    expect(restored.before).toMatchObject({ projectId: 'p', reason: 'before-restore', documents: 2, spans: 1 });
    expect(await db.spans.where('[projectId+label]').equals([restored.projectId, 'PERSON']).count()).toBe(2);
    expect(await db.documents.where('projectId').equals(restored.projectId).count()).toBe(2);
    expect((await db.projects.toArray()).map((p) => p.name)).toEqual(['News']);
    expect(await db.documents.where('projectId').equals('p').count()).toBe(0);
  });

  it('restores a snapshot larger than the import limits the user set (the app wrote it)', async () => {
    const before = await snapshotProject(db, store, 'p', 'schema-delete', me);
    await writeInputLimits(db, { ...DEFAULT_LIMITS, fileBytes: 10, spansPerDocument: 1 });
    const restored = await restoreBackup(db, store, before, { kind: 'new-project' }, me);
    expect(restored).toMatchObject({ documents: 2, spans: 3 });
  });

  it('replaces nothing when the snapshot of the current state cannot be written', async () => {
    const before = await snapshotProject(db, store, 'p', 'schema-delete', me);
    await deleteLabel('PERSON');
    const failing: BackupStore = { ...store, write: async () => Promise.reject(new Error('disk full')) };
    await expect(restoreBackup(db, failing, before, { kind: 'replace', projectId: 'p' }, me)).rejects.toThrow(
      'Nothing was restored: the backup of the project as it is now could not be written (disk full).',
    );
    expect(await db.spans.where('projectId').equals('p').count()).toBe(1);
  });

  it('leaves the project as it was when the snapshot cannot be read as a bundle', async () => {
    const broken: BackupStore = {
      ...store,
      read: async () => new TextEncoder().encode('{"format":"spanwright-project","format_version":99}\n'),
    };
    const before = await snapshotProject(db, store, 'p', 'daily', me);
    await expect(restoreBackup(db, broken, before, { kind: 'replace', projectId: 'p' }, me)).rejects.toThrow(
      'unsupported bundle format_version',
    );
    expect(await db.spans.where('projectId').equals('p').count()).toBe(3);
    expect(await db.documents.where('projectId').equals('p').count()).toBe(2);
  });
});

describe('before an import', () => {

  it('a snapshot of the project as it was is taken, then the import is written', async () => {
    const project = (await db.projects.get('p'))!;
    const plan = await planImport(
      db,
      'p',
      project.schema,
      [{ name: 'new.txt', body: new TextEncoder().encode('A new text.') }],
    );
    const outcome = await commitImport(db, plan, project.schema, 'me', false, () => snapshotProject(db, store, 'p', 'import', me));
    expect(outcome.documents).toBe(1);
    expect(outcome.backupProblem).toBeUndefined();
    expect(await store.list()).toMatchObject([{ reason: 'import', documents: 2, spans: 3 }]);
    expect(await db.documents.where('projectId').equals('p').count()).toBe(3);
  });

  it('says why there is no snapshot when it could not be written', async () => {
    const project = (await db.projects.get('p'))!;
    const plan = await planImport(
      db,
      'p',
      project.schema,
      [{ name: 'new.txt', body: new TextEncoder().encode('Another text.') }],
    );
    const outcome = await commitImport(db, plan, project.schema, 'me', false, () => Promise.reject(new Error('disk full')));
    expect(outcome.backupProblem).toBe('disk full');
    expect(outcome.documents).toBe(1);
  });
});

describe('before a schema upgrade', () => {
  it('saves every project of an older database, read at its own version, before it is upgraded', async () => {
    const name = `old-${Math.random()}`;
    // Version 4 as it was stored: the tables of versions 1-4.
    const v4 = new Dexie(name);
    v4.version(4).stores({
      projects: 'id, name',
      documents: 'id, projectId, [projectId+order], [projectId+textHash]',
      texts: 'documentId',
      spans: '[projectId+id], documentId, projectId, [projectId+label]',
      settings: 'key',
      annotators: 'id',
      relations: '[projectId+id], documentId, projectId, [projectId+type]',
      documentAnnotations: '[documentId+annotator], projectId, documentId',
      changeLog: '++seq, &id, projectId',
      suggestions: '[projectId+id], documentId, projectId, [projectId+label]',
    });
    await v4.open();
    await v4.table('settings').put({ key: 'annotator', value: me });
    await v4.table('projects').put({ id: 'p', name: 'Old', schema: defaultSchema(), guidelines: '', createdAt: 0, updatedAt: 0 });
    await v4.table('documents').put({ ...record('d1', 0), spanCounts: { me: 1 }, statuses: { me: 'in_progress' } });
    await v4.table('texts').put({ documentId: 'd1', text: TEXT });
    await v4.table('spans').put(span('s1', 'd1', 'PERSON', 0, 3));
    v4.close();

    const current = new SpanwrightDatabase(name);
    const written = await snapshotBeforeUpgrade(current, store);
    expect(written).toMatchObject([{ reason: 'upgrade', projectName: 'Old', documents: 1, spans: 1 }]);
    await current.open();
    expect(current.verno).toBe(5);
    // Nothing to save once it is upgraded.
    current.close();
    expect(await snapshotBeforeUpgrade(new SpanwrightDatabase(name), store)).toEqual([]);
  });

  it('does nothing for a database that does not exist yet', async () => {
    expect(await snapshotBeforeUpgrade(new SpanwrightDatabase(`fresh-${Math.random()}`), store)).toEqual([]);
  });
});
