// Opens a database written by schema version 1 with the current code: nothing may be lost.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';

it('upgrades a version-1 database: statuses and span counts become per annotator', async () => {
  const name = `upgrade-${Math.random()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores({
    projects: 'id, name',
    documents: 'id, projectId, [projectId+order], [projectId+textHash]',
    texts: 'documentId',
    spans: '[projectId+id], documentId, projectId, [projectId+label]',
    settings: 'key',
  });
  await v1.open();
  await v1.table('settings').put({ key: 'annotator', value: { id: 'me', name: 'Ana' } });
  const base = { projectId: 'p', sourceId: 'x', meta: { title: 't' }, textHash: 'h', textLength: 10, createdAt: 0, updatedAt: 0 };
  await v1.table('documents').bulkAdd([
    { ...base, id: 'd1', order: 0, status: 'done', spanCount: 2 },
    { ...base, id: 'd2', order: 1, status: 'todo', spanCount: 0 },
  ]);
  await v1.table('texts').bulkAdd([{ documentId: 'd1', text: 'Ana met Ben' }, { documentId: 'd2', text: 'nothing' }]);
  const span = { projectId: 'p', documentId: 'd1', layer: 'entity', attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0 };
  await v1.table('spans').bulkAdd([
    { ...span, id: 's1', annotator: 'me', label: 'PERSON', start: 0, end: 3, text: 'Ana' },
    { ...span, id: 's2', annotator: 'me', label: 'PERSON', start: 8, end: 11, text: 'Ben' },
  ]);
  v1.close();

  const db = new SpanwrightDatabase(name);
  await db.open();
  expect(db.verno).toBe(2);
  const d1 = await db.documents.get('d1');
  expect(d1).toMatchObject({ statuses: { me: 'done' }, spanCounts: { me: 2 } });
  expect(d1).not.toHaveProperty('status');
  expect(d1).not.toHaveProperty('spanCount');
  expect(await db.documents.get('d2')).toMatchObject({ statuses: {}, spanCounts: {} });
  expect(await db.spans.count()).toBe(2);
  expect((await db.texts.get('d1'))?.text).toBe('Ana met Ben');
  expect(await db.annotators.get('me')).toEqual({ id: 'me', name: 'Ana' });
  await db.delete();
});
