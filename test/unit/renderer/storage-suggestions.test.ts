// Suggestions in storage: written by the one writer like any annotation, accepted and rejected
// in one logged transaction each, undone by the inverse, and renamed with their label.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { changeScope, invertChange, type Change } from '../../../src-shared/annotations/change';
import { editLabel } from '../../../src-shared/annotations/edits';
import { acceptSuggestions, addSuggestions, rejectSuggestions } from '../../../src-shared/annotations/suggestion-edits';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Suggestion } from '../../../src-shared/domain';
import { ok } from '../../../src-shared/result';
import { commitBuilt, commitChange } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';
import { readSuggestions } from '../../../src-renderer/src/storage/suggestions';

const TEXT = 'Garry Conille met Garry Conille.';
let db: SpanwrightDatabase;
const me = { annotator: 'me' };

function suggestion(id: string, start: number, end: number): Suggestion {
  return {
    id,
    projectId: 'p',
    documentId: 'd1',
    annotator: 'me',
    layer: 'entity',
    label: 'PERSON',
    start,
    end,
    text: TEXT.slice(start, end),
    source: 'same-string',
    status: 'pending',
    createdAt: 0,
    updatedAt: 0,
  };
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`suggestions-${Math.random()}`);
  const record: DocumentRecord = {
    id: 'd1',
    projectId: 'p',
    sourceId: 'd1',
    order: 0,
    meta: { title: 'd1' },
    textHash: 'h',
    textLength: TEXT.length,
    statuses: {},
    spanCounts: {},
    createdAt: 0,
    updatedAt: 0,
  };
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me', {
    change: { type: 'add-documents', documents: [{ record, text: TEXT }], annotations: [] },
  });
});

afterEach(async () => {
  await db.delete();
});

const scope = changeScope({ type: 'status', documentId: 'd1', annotator: 'me', from: 'todo', to: 'todo' });

it('stores suggestions without counting them as spans or starting the document', async () => {
  await commitBuilt(db, 'p', scope, (state) => ok(addSuggestions(state, [suggestion('g1', 0, 13), suggestion('g2', 18, 31)])), me);
  expect((await readSuggestions(db, 'd1', 'me')).map((s) => s.id).sort()).toEqual(['g1', 'g2']);
  expect(await db.documents.get('d1')).toMatchObject({ spanCounts: {}, statuses: {} });
  expect(await db.spans.count()).toBe(0);
});

it('accepting writes a span and removes the suggestion in one logged change; its inverse brings the suggestion back', async () => {
  await commitBuilt(db, 'p', scope, (state) => ok(addSuggestions(state, [suggestion('g1', 0, 13)])), me);
  const logged = await db.changeLog.count();
  const change = await commitBuilt(db, 'p', scope, (state) => ok(acceptSuggestions(state, [suggestion('g1', 0, 13)], () => 's1', 1)), me);
  expect(await db.changeLog.count()).toBe(logged + 1);
  expect(await db.spans.toArray()).toMatchObject([{ id: 's1', origin: 'suggestion', text: 'Garry Conille' }]);
  expect(await db.suggestions.count()).toBe(0);
  expect(await db.documents.get('d1')).toMatchObject({ spanCounts: { me: 1 }, statuses: { me: 'in_progress' } });
  await commitChange(db, 'p', invertChange(change as Change), me);
  expect(await db.spans.count()).toBe(0);
  expect(await readSuggestions(db, 'd1', 'me')).toEqual([suggestion('g1', 0, 13)]);
  expect(await db.documents.get('d1')).toMatchObject({ spanCounts: {}, statuses: {} });
});

it('rejecting keeps the suggestion, rejected; a label rename takes suggestions along', async () => {
  await commitBuilt(db, 'p', scope, (state) => ok(addSuggestions(state, [suggestion('g1', 0, 13)])), me);
  await commitChange(db, 'p', rejectSuggestions([suggestion('g1', 0, 13)], 4) as Change, me);
  expect(await readSuggestions(db, 'd1', 'me')).toMatchObject([{ id: 'g1', status: 'rejected' }]);
  const schema = (await db.projects.get('p'))?.schema ?? defaultSchema();
  const person = schema.labels.find((l) => l.name === 'PERSON');
  if (!person) throw new Error('no PERSON');
  await commitChange(db, 'p', editLabel(schema, 'PERSON', { ...person, name: 'PER' }) as Change, me);
  expect(await readSuggestions(db, 'd1', 'me')).toMatchObject([{ id: 'g1', label: 'PER' }]);
});
