// The suggestion sources against storage (fake-indexeddb): same string across the project,
// patterns files, and the tagger retrained on Done documents (in-line: Node has no Worker).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { spanRecord } from '../../../src-shared/annotations/kinds';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Span } from '../../../src-shared/domain';
import { proposeFromPatterns, proposeSameString, retrainTagger } from '../../../src-renderer/src/app/suggestion-sources';
import { matchInProject } from '../../../src-renderer/src/app/pattern-run';
import { sameStringSearchInWindow } from '../../../src-renderer/src/app/same-string-search';
import { commitChange } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';
import { testDocument, testSpan } from '../fixtures/records';

let db: SpanwrightDatabase;
const schema = defaultSchema();
const TEXTS = {
  d1: 'Garry Conille met the press in Port-au-Prince. Garry Conille smiled.',
  d2: 'Reporters asked Garry Conille about the budget.',
  d3: 'Nothing to see here.',
};

function record(id: string, order: number, statuses: DocumentRecord['statuses'] = {}): DocumentRecord {
  return testDocument(id, { order, textHash: id, textLength: 10, statuses });
}

function span(id: string, documentId: keyof typeof TEXTS, label: string, text: string): Span {
  const start = TEXTS[documentId].indexOf(text);
  return testSpan({ id, start, end: start + text.length, documentId, label, text });
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`sources-${Math.random()}`);
  const documents = Object.entries(TEXTS).map(([id, text], i) => ({ record: record(id, i), text }));
  await createProject(db, { id: 'p', name: 'P', schema }, 'me', { change: { type: 'add-documents', documents, annotations: [] } });
});

afterEach(async () => {
  await db.delete();
});

it('a span made is proposed at its other occurrences, once', async () => {
  const made = span('s1', 'd1', 'PERSON', 'Garry Conille');
  const search = sameStringSearchInWindow(db, 'p');
  expect(await proposeSameString(db, search, 'p', schema, made)).toBe(2);
  expect(await proposeSameString(db, search, 'p', schema, made)).toBe(0);
  const stored = await db.suggestions.toArray();
  expect(stored.map((s) => [s.documentId, s.text, s.source, s.status]).sort()).toEqual([
    ['d1', 'Garry Conille', 'same-string', 'pending'],
    ['d2', 'Garry Conille', 'same-string', 'pending'],
  ]);
});

it('a patterns file proposes its matches in every document', async () => {
  const content = '{"label":"LOC","pattern":"Port-au-Prince"}\n{"label":"PERSON","pattern":[{"ORTH":"Garry"},{"IS_TITLE":true}]}';
  expect(await proposeFromPatterns(db, 'p', schema, 'me', { kind: 'patterns', file: 'p.jsonl', content })).toBe(4);
  const stored = await db.suggestions.toArray();
  expect(stored.every((s) => s.source === 'pattern' && s.annotator === 'me')).toBe(true);
  expect(stored.every((s) => TEXTS[s.documentId as keyof typeof TEXTS]?.slice(s.start, s.end) === s.text)).toBe(true);
});

it('a term list proposes its label as dictionary suggestions', async () => {
  expect(await proposeFromPatterns(db, 'p', schema, 'me', { kind: 'terms', label: 'LOC', content: 'Port-au-Prince\n' })).toBeGreaterThan(0);
  expect((await db.suggestions.toArray()).every((s) => s.source === 'dictionary' && s.label === 'LOC')).toBe(true);
});

it('matching reads the texts a batch at a time and finds the same as in one batch, with each covered text', async () => {
  const rules = { kind: 'patterns' as const, file: 'p.jsonl', content: '{"label":"PERSON","pattern":[{"ORTH":"Garry"},{"IS_TITLE":true}]}' };
  const whole = await matchInProject(db, 'p', rules, undefined, 1_000);
  const piecewise = await matchInProject(db, 'p', rules, undefined, 1);
  expect(whole.candidates.length).toBeGreaterThan(0);
  expect(piecewise).toEqual(whole);
  expect(whole.covered.every((text) => text === 'Garry Conille')).toBe(true);
});

it('the tagger learns from Done documents, suggests in the others, and replaces its own pending suggestions when retrained', async () => {
  const names = ['Ana Lima', 'Rosa Silva', 'Omar Haddad', 'Ines Costa', 'Paul Novak', 'Jean Duval'];
  const documents = names.map((name, i) => ({
    record: record(`t${i}`, 10 + i, { me: 'done' }),
    text: `Yesterday ${name} arrived for talks.`,
  }));
  const spans = names.map((name, i) => testSpan({ id: `n${i}`, documentId: `t${i}`, start: 10, end: 10 + name.length, text: name }));
  const target = { record: record('new', 20), text: 'Yesterday Nadia Reyes arrived for talks.' };
  await commitChange(
    db,
    'p',
    { type: 'add-documents', documents: [...documents, target], annotations: spans.map(spanRecord) },
    { annotator: 'me' },
  );
  const first = await retrainTagger(db, 'p', schema, 'me');
  expect(first.evaluation.heldOutDocuments).toBe(2);
  const model = (await db.suggestions.toArray()).filter((s) => s.source === 'model');
  expect(model.map((s) => [s.documentId, s.text])).toContainEqual(['new', 'Nadia Reyes']);
  expect(model.every((s) => s.score !== undefined && s.score > 0)).toBe(true);
  await retrainTagger(db, 'p', schema, 'me');
  expect((await db.suggestions.toArray()).filter((s) => s.source === 'model')).toHaveLength(model.length);
});
