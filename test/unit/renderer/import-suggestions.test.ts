// Importing a Prodigy file with rejected tasks: their spans are stored as rejected suggestions
// of the importer, counted in the outcome, and never as spans (so never exported).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { commitImport, planImport } from '../../../src-renderer/src/app/import-documents';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';

const bytes = (text: string) => new TextEncoder().encode(text);
let db: SpanwrightDatabase;

beforeEach(async () => {
  db = new SpanwrightDatabase(`import-suggestions-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me');
});
afterEach(() => db.delete());

it('Prodigy rejects become rejected suggestions, accepts become spans', async () => {
  const lines = [
    JSON.stringify({ text: 'Ana met Ben in Lima.', spans: [{ start: 0, end: 3, label: 'PERSON' }], answer: 'accept' }),
    JSON.stringify({
      text: 'Ben left Lima.',
      spans: [
        { start: 0, end: 3, label: 'PERSON' },
        { start: 9, end: 13, label: 'LOC' },
      ],
      answer: 'reject',
    }),
  ].join('\n');
  const plan = await planImport(db, 'p', defaultSchema(), [{ name: 'news.jsonl', body: bytes(lines) }]);
  const outcome = await commitImport(db, plan, defaultSchema(), 'me', false);
  expect(outcome).toMatchObject({ documents: 2, spans: 1, suggestions: 2 });
  expect((await db.spans.toArray()).map((s) => s.text)).toEqual(['Ana']);
  const suggestions = await db.suggestions.toArray();
  expect(suggestions.map((s) => [s.text, s.status, s.source, s.annotator]).sort()).toEqual([
    ['Ben', 'rejected', 'imported', 'me'],
    ['Lima', 'rejected', 'imported', 'me'],
  ]);
  // A document whose spans were all rejected has no span count.
  const rejectedDoc = (await db.documents.toArray()).find((d) => d.id === suggestions[0]?.documentId);
  expect(rejectedDoc?.spanCounts).toEqual({});
});
