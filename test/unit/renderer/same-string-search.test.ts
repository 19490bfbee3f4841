// The same-string search over texts kept from the change log (app/project-texts.ts, as the
// worker runs it) against fake-indexeddb: on random projects, and after documents are added,
// removed, added again with another text or retitled once the texts were read, it finds
// exactly what a scan of every stored text finds (what each label did before the worker).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { createState } from '../../../src-shared/annotations/state';
import { addSpans } from '../../../src-shared/annotations/edits';
import { spanRecord } from '../../../src-shared/annotations/kinds';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord } from '../../../src-shared/domain';
import { coveredIn, type Candidate } from '../../../src-shared/suggestions/candidates';
import { sameStringCandidates } from '../../../src-shared/suggestions/same-string';
import { sameStringSearchInWindow, type SameStringSpan } from '../../../src-renderer/src/app/same-string-search';
import { proposeSameString } from '../../../src-renderer/src/app/suggestion-sources';
import { commitChange } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';
import { testDocument, testSpan } from '../fixtures/records';

const me = { annotator: 'me' };
const schema = defaultSchema();
const opened: SpanwrightDatabase[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function record(id: string, order: number, projectId = 'p'): DocumentRecord {
  return testDocument(id, { projectId, order, textHash: `h-${id}-${order}` });
}

// Words where case, locale, combining marks, emoji and scripts without spaces decide what a
// token is: `e` + U+0301 glued to a word, dotted and dotless i, ß, ZWJ families, skin tones, CJK.
const WORDS = [
  'Haiti',
  'haiti',
  'HAITI',
  'Haitian',
  'Haiti’s',
  'İstanbul',
  'istanbul',
  'Istanbul',
  'ıi',
  'straße',
  'STRASSE',
  'e\u0301',
  'é',
  'Cafe\u0301',
  'Café',
  '👩‍👩‍👧',
  '👍🏽',
  '👍',
  'Ω',
  '\u2126',
  'ﬁle',
  'file',
  '東京',
  '東京都',
  'ภาษาไทย',
  'کتاب',
  'a',
  'the',
];
const GLUE = [' ', ' ', ', ', '\n', '', '-', '. ', '\u00a0'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([word, glue]) => word + glue).join(''));

type Step =
  | { kind: 'add'; text: string }
  | { kind: 'remove'; pick: number }
  | { kind: 'add-again'; pick: number; text: string }
  | { kind: 'retitle'; pick: number }
  | { kind: 'other-project'; text: string }
  | { kind: 'label'; pick: number }
  | { kind: 'find'; needle: Needle };

/** A span's text: a run of words, or any slice of a stored text (half an emoji included). */
type Needle = { from: 'words'; words: string[]; glue: string } | { from: 'slice'; pick: number; a: number; b: number };

const needle: fc.Arbitrary<Needle> = fc.oneof(
  fc.record({
    from: fc.constant('words' as const),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }),
    glue: fc.constantFrom(...GLUE),
  }),
  fc.record({ from: fc.constant('slice' as const), pick: fc.nat(), a: fc.nat(60), b: fc.nat(60) }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), text }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add-again' as const), pick: fc.nat(), text }),
  fc.record({ kind: fc.constant('retitle' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('other-project' as const), text }),
  fc.record({ kind: fc.constant('label' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('find' as const), needle }),
);

/** What every label did before: every document of the project read, every text searched. */
async function scanEveryText(db: SpanwrightDatabase, span: SameStringSpan, locale: string | undefined) {
  const ids = await db.documents.where('projectId').equals('p').primaryKeys();
  const texts = new Map<string, string>();
  for (const row of await db.texts.bulkGet(ids)) if (row) texts.set(row.documentId, row.text);
  const documents = [...texts].map(([id, t]) => ({ id, text: t }));
  return { candidates: sameStringCandidates(documents, span, locale ? { locale } : {}), texts };
}

const sorted = (candidates: readonly Candidate[]) =>
  candidates.map((c) => `${c.documentId} ${c.start} ${c.end} ${c.label} ${c.source}`).sort();

async function spanOf(db: SpanwrightDatabase, spec: Needle): Promise<SameStringSpan | undefined> {
  if (spec.from === 'words') {
    const t = spec.words.join(spec.glue);
    return { documentId: 'nowhere', label: 'PERSON', start: 0, end: t.length, text: t };
  }
  const ids = await db.documents.where('projectId').equals('p').primaryKeys();
  const id = ids[spec.pick % Math.max(ids.length, 1)];
  const stored = id === undefined ? undefined : (await db.texts.get(id))?.text;
  if (id === undefined || stored === undefined) return undefined;
  const start = Math.min(spec.a, spec.b, stored.length);
  const end = Math.min(Math.max(spec.a, spec.b), stored.length);
  return { documentId: id, label: 'PERSON', start, end, text: stored.slice(start, end) };
}

it('finds what a scan of every stored text finds, after documents are added, removed, added again and retitled', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(text, { maxLength: 6 }),
      fc.array(step, { maxLength: 10 }),
      fc.array(needle, { minLength: 1, maxLength: 4 }),
      fc.constantFrom(undefined, 'en', 'tr', 'de', 'ja', 'th'),
      async (initial, steps, finals, locale) => {
        const db = new SpanwrightDatabase(`same-string-${Math.random()}`);
        opened.push(db);
        let order = 0;
        const add = (id: string, t: string, projectId = 'p') => ({ record: record(id, order++, projectId), text: t });
        await createProject(db, { id: 'p', name: 'P', schema }, 'me', {
          change: { type: 'add-documents', documents: initial.map((t, i) => add(`d${i}`, t)), annotations: [] },
        });
        await createProject(db, { id: 'q', name: 'Q', schema }, 'me');
        const search = sameStringSearchInWindow(db, 'p');
        const removed: string[] = [];
        let next = initial.length;
        const check = async (spec: Needle) => {
          const span = await spanOf(db, spec);
          if (!span) return;
          const expected = await scanEveryText(db, span, locale);
          const found = await search.find(span, locale);
          expect(sorted(found)).toEqual(sorted(expected.candidates));
          // The window stores them with the span's text as the covered text: what the texts hold there.
          for (const c of found) expect(coveredIn(expected.texts)(c)).toBe(span.text);
        };
        // The texts are read whole at the first find; the steps come after it.
        await check({ from: 'words', words: ['Haiti'], glue: ' ' });
        for (const s of steps) {
          const ids = await db.documents.where('projectId').equals('p').primaryKeys();
          const picked = 'pick' in s ? ids[s.pick % Math.max(ids.length, 1)] : undefined;
          const row = picked === undefined ? undefined : await db.documents.get(picked);
          switch (s.kind) {
            case 'add':
              await commitChange(db, 'p', { type: 'add-documents', documents: [add(`d${next++}`, s.text)], annotations: [] }, me);
              break;
            case 'other-project':
              await commitChange(db, 'q', { type: 'add-documents', documents: [add(`q${next++}`, s.text, 'q')], annotations: [] }, me);
              break;
            case 'remove':
              if (!row) break;
              await commitChange(
                db,
                'p',
                {
                  type: 'remove-documents',
                  documents: [{ record: row, text: (await db.texts.get(row.id))?.text ?? '' }],
                  annotations: (await db.spans.where('documentId').equals(row.id).toArray()).map(spanRecord),
                },
                me,
              );
              removed.push(row.id);
              break;
            case 'add-again': {
              // A removed document's id back with another text (the text a document has is then another).
              const id = removed[s.pick % Math.max(removed.length, 1)];
              if (id === undefined) break;
              removed.splice(removed.indexOf(id), 1);
              await commitChange(db, 'p', { type: 'add-documents', documents: [add(id, s.text)], annotations: [] }, me);
              break;
            }
            case 'retitle':
              if (!row) break;
              await commitChange(
                db,
                'p',
                { type: 'document-meta', documentId: row.id, from: row.meta, to: { ...row.meta, title: `${row.meta.title}!` } },
                me,
              );
              break;
            case 'label': {
              // A span (a logged change that adds no document); one per document keeps it a first span.
              if (!row || (row.spanCounts['me'] ?? 0) > 0) break;
              const stored = (await db.texts.get(row.id))?.text ?? '';
              const made = testSpan({ id: `s${next++}`, documentId: row.id, start: 0, end: Math.min(2, stored.length) }, stored);
              if (made.start >= made.end) break;
              const change = addSpans(createState(schema, []), [made]);
              if (change) await commitChange(db, 'p', change, me);
              break;
            }
            case 'find':
              await check(s.needle);
              break;
          }
        }
        for (const spec of finals) await check(spec);
        // Every word too, so a text left behind or missed anywhere shows.
        for (const word of WORDS) await check({ from: 'words', words: [word], glue: ' ' });
      },
    ),
    { numRuns: 60 },
  );
}, 120_000);

it('stores the proposals of a document added after the texts were read, and none in a removed one', async () => {
  const db = new SpanwrightDatabase(`same-string-${Math.random()}`);
  opened.push(db);
  const d1 = 'Garry Conille met the press. Garry Conille smiled.';
  await createProject(db, { id: 'p', name: 'P', schema }, 'me', {
    change: { type: 'add-documents', documents: [{ record: record('d1', 0), text: d1 }], annotations: [] },
  });
  const search = sameStringSearchInWindow(db, 'p');
  const made = testSpan({ id: 's1', start: 0, end: 13 }, d1);
  expect(await proposeSameString(db, search, 'p', schema, made)).toBe(1);
  const later = { record: record('d2', 1), text: 'Reporters asked Garry Conille.' };
  await commitChange(db, 'p', { type: 'add-documents', documents: [later], annotations: [] }, me);
  const gone = { record: record('d3', 2), text: 'Garry Conille left.' };
  await commitChange(db, 'p', { type: 'add-documents', documents: [gone], annotations: [] }, me);
  await commitChange(
    db,
    'p',
    { type: 'remove-documents', documents: [{ record: (await db.documents.get('d3'))!, text: gone.text }], annotations: [] },
    me,
  );
  expect(await proposeSameString(db, search, 'p', schema, made)).toBe(1);
  const stored = await db.suggestions.toArray();
  expect(stored.map((s) => [s.documentId, s.start, s.text]).sort()).toEqual([
    ['d1', 29, 'Garry Conille'],
    ['d2', 16, 'Garry Conille'],
  ]);
});
