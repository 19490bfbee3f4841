// Opens databases written by every earlier schema version with the current code: nothing may be lost.
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
  expect(db.verno).toBe(5);
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

it('upgrades a version-2 database: nothing is lost, schemas gain relation types and categories', async () => {
  const name = `upgrade-v2-${Math.random()}`;
  const v2 = new Dexie(name);
  v2.version(1).stores({
    projects: 'id, name',
    documents: 'id, projectId, [projectId+order], [projectId+textHash]',
    texts: 'documentId',
    spans: '[projectId+id], documentId, projectId, [projectId+label]',
    settings: 'key',
  });
  v2.version(2).stores({ annotators: 'id' });
  await v2.open();
  const labels = [
    { name: 'PERSON', layer: 'entity', color: '#f4a3a3', hotkey: 'p', description: 'People', futureField: 'kept' },
    { name: 'CLAIM', layer: 'claim', color: '#d0342c', hotkey: 'c' },
  ];
  await v2.table('projects').add({ id: 'p', name: 'Old', schema: { labels }, guidelines: 'Be careful.', createdAt: 1, updatedAt: 2 });
  const base = { projectId: 'p', sourceId: 'x', meta: { title: 't' }, textHash: 'h', textLength: 11, createdAt: 0, updatedAt: 0 };
  await v2.table('documents').add({ ...base, id: 'd1', order: 0, statuses: { me: 'done', ben: 'in_progress' }, spanCounts: { me: 1, ben: 1 } });
  await v2.table('texts').add({ documentId: 'd1', text: 'Ana met Ben' });
  const span = { projectId: 'p', documentId: 'd1', layer: 'entity', label: 'PERSON', attributes: { kb_id: 'Q1' }, origin: 'manual', createdAt: 0, updatedAt: 0 };
  await v2.table('spans').bulkAdd([
    { ...span, id: 's1', annotator: 'me', start: 0, end: 3, text: 'Ana' },
    { ...span, id: 's2', annotator: 'ben', start: 8, end: 11, text: 'Ben' },
  ]);
  await v2.table('settings').bulkAdd([
    { key: 'annotator', value: { id: 'me', name: 'Ana' } },
    { key: 'scrollTop:d1', value: 120 },
  ]);
  await v2.table('annotators').bulkAdd([
    { id: 'me', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
  ]);
  v2.close();

  const db = new SpanwrightDatabase(name);
  await db.open();
  expect(db.verno).toBe(5);
  const project = await db.projects.get('p');
  expect(project?.schema.relationTypes).toEqual([]);
  expect(project?.schema.documentCategories).toEqual([]);
  expect(project?.schema.labels.map((l) => [l.name, l.attributes ?? []])).toEqual([
    ['PERSON', []],
    ['CLAIM', []],
  ]);
  expect(project?.schema.labels[0]).toMatchObject({ description: 'People', futureField: 'kept' });
  expect(project?.guidelines).toBe('Be careful.');
  expect(await db.documents.get('d1')).toMatchObject({ statuses: { me: 'done', ben: 'in_progress' }, spanCounts: { me: 1, ben: 1 } });
  expect((await db.texts.get('d1'))?.text).toBe('Ana met Ben');
  expect((await db.spans.toArray()).map((s) => [s.id, s.annotator, s.attributes])).toEqual([
    ['s1', 'me', { kb_id: 'Q1' }],
    ['s2', 'ben', { kb_id: 'Q1' }],
  ]);
  expect(await db.settings.get('scrollTop:d1')).toEqual({ key: 'scrollTop:d1', value: 120 });
  expect(await db.annotators.count()).toBe(2);
  expect(await db.relations.count()).toBe(0);
  expect(await db.documentAnnotations.count()).toBe(0);
  expect(await db.changeLog.count()).toBe(0);
  await db.delete();
});

it('upgrades a version-3 database: every row of every table is kept, suggestions start empty', async () => {
  const name = `upgrade-v3-${Math.random()}`;
  const v3 = new Dexie(name);
  v3.version(1).stores({
    projects: 'id, name',
    documents: 'id, projectId, [projectId+order], [projectId+textHash]',
    texts: 'documentId',
    spans: '[projectId+id], documentId, projectId, [projectId+label]',
    settings: 'key',
  });
  v3.version(2).stores({ annotators: 'id' });
  v3.version(3).stores({
    relations: '[projectId+id], documentId, projectId, [projectId+type]',
    documentAnnotations: '[documentId+annotator], projectId, documentId',
    changeLog: '++seq, &id, projectId',
  });
  await v3.open();
  const schema = {
    labels: [{ name: 'PERSON', layer: 'entity', color: '#f4a3a3', hotkey: 'p', attributes: [] }],
    relationTypes: [{ name: 'knows', color: '#000000', hotkey: '', directed: false, sources: [], targets: [] }],
    documentCategories: [{ name: 'topic', multiple: false, values: [{ name: 'news', hotkey: '' }] }],
  };
  const rows = {
    projects: [{ id: 'p', name: 'Three', schema, guidelines: 'g', createdAt: 1, updatedAt: 2 }],
    documents: [
      { id: 'd1', projectId: 'p', sourceId: 'x', order: 0, meta: { title: 't' }, textHash: 'h', textLength: 11, statuses: { me: 'done' }, spanCounts: { me: 2 }, createdAt: 0, updatedAt: 0 },
    ],
    texts: [{ documentId: 'd1', text: 'Ana met Ben' }],
    spans: [
      { id: 's1', projectId: 'p', documentId: 'd1', annotator: 'me', layer: 'entity', label: 'PERSON', start: 0, end: 3, text: 'Ana', attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0 },
      { id: 's2', projectId: 'p', documentId: 'd1', annotator: 'me', layer: 'entity', label: 'PERSON', start: 8, end: 11, text: 'Ben', attributes: {}, origin: 'manual', createdAt: 0, updatedAt: 0 },
    ],
    settings: [{ key: 'annotator', value: { id: 'me', name: 'Ana' } }],
    annotators: [{ id: 'me', name: 'Ana' }],
    relations: [{ id: 'r1', projectId: 'p', documentId: 'd1', annotator: 'me', type: 'knows', from: 's1', to: 's2', origin: 'manual', createdAt: 0, updatedAt: 0 }],
    documentAnnotations: [{ projectId: 'p', documentId: 'd1', annotator: 'me', labels: { topic: ['news'] }, note: 'n', updatedAt: 0 }],
    changeLog: [{ seq: 1, id: 'c1', projectId: 'p', time: 0, annotator: 'me', change: { type: 'status', documentId: 'd1', annotator: 'me', from: 'in_progress', to: 'done' } }],
  };
  for (const [table, items] of Object.entries(rows)) await v3.table(table).bulkAdd(items);
  v3.close();

  const db = new SpanwrightDatabase(name);
  await db.open();
  expect(db.verno).toBe(5);
  for (const [table, items] of Object.entries(rows)) expect(await db.table(table).toArray()).toEqual(items);
  expect(await db.suggestions.count()).toBe(0);
  expect(await db.trash.count()).toBe(0);
  await db.delete();
});

it('upgrades a version-4 database: suggestions and every other row are kept, the trash starts empty', async () => {
  const name = `upgrade-v4-${Math.random()}`;
  const v4 = new Dexie(name);
  v4.version(1).stores({
    projects: 'id, name',
    documents: 'id, projectId, [projectId+order], [projectId+textHash]',
    texts: 'documentId',
    spans: '[projectId+id], documentId, projectId, [projectId+label]',
    settings: 'key',
  });
  v4.version(2).stores({ annotators: 'id' });
  v4.version(3).stores({
    relations: '[projectId+id], documentId, projectId, [projectId+type]',
    documentAnnotations: '[documentId+annotator], projectId, documentId',
    changeLog: '++seq, &id, projectId',
  });
  v4.version(4).stores({ suggestions: '[projectId+id], documentId, projectId, [projectId+label]' });
  await v4.open();
  const rows = {
    projects: [{ id: 'p', name: 'Four', schema: { labels: [], relationTypes: [], documentCategories: [] }, guidelines: '', createdAt: 1, updatedAt: 2 }],
    documents: [{ id: 'd1', projectId: 'p', sourceId: 'd1', order: 0, meta: { title: 't' }, textHash: 'h', textLength: 7, statuses: {}, spanCounts: {}, createdAt: 0, updatedAt: 0 }],
    texts: [{ documentId: 'd1', text: 'Ana met' }],
    suggestions: [
      { id: 'g1', projectId: 'p', documentId: 'd1', annotator: 'me', layer: 'entity', label: 'PERSON', start: 0, end: 3, text: 'Ana', source: 'same-string', status: 'rejected', createdAt: 0, updatedAt: 0 },
    ],
  };
  for (const [table, items] of Object.entries(rows)) await v4.table(table).bulkAdd(items);
  v4.close();

  const db = new SpanwrightDatabase(name);
  await db.open();
  expect(db.verno).toBe(5);
  for (const [table, items] of Object.entries(rows)) expect(await db.table(table).toArray()).toEqual(items);
  expect(await db.trash.count()).toBe(0);
  await db.delete();
});
