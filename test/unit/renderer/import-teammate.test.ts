import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { commitImport, planImport } from '../../../src-renderer/src/app/import-documents';
import { ImportCancelledError } from '../../../src-renderer/src/app/import-job';
import { inlineImportRunner } from '../../../src-renderer/src/app/import-runner';
import { commitTeammateImport, planTeammateImport } from '../../../src-renderer/src/app/import-teammate';
import { commitTeammateMerge, planTeammateMerge } from '../../../src-renderer/src/app/teammate-merge';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';

const me = { id: 'me', name: 'Me' };
const bytes = (lines: unknown[]) => new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n'));
const TEXT = 'Mayor Ana Ruiz opened the tram line in Valdeluz.';
let db: SpanwrightDatabase;

function teammateLine(spans: Array<[number, number, string, string]>, extra: Record<string, unknown> = {}) {
  return {
    format: 'spanwright',
    format_version: 1,
    offset_unit: 'codepoint',
    id: 'doc-1',
    text: TEXT,
    meta: { title: 'Tram' },
    status: 'done',
    statuses: { ana: 'done' },
    annotators: [{ id: 'ana', name: 'Ana' }],
    spans: spans.map(([start, end, label, annotator], i) => ({
      id: `ana-${i}`,
      layer: label === 'CLAIM' ? 'claim' : 'entity',
      label,
      start,
      end,
      text: TEXT.slice(start, end),
      annotator,
      attributes: {},
      origin: 'manual',
    })),
    ...extra,
  };
}

beforeEach(async () => {
  db = new SpanwrightDatabase(`teammate-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me');
  const plan = await planImport(db, 'p', defaultSchema(), [
    { name: 'mine.jsonl', body: bytes([{ id: 'doc-1', text: TEXT, label: [[6, 14, 'PERSON']] }]) },
  ]);
  await commitImport(db, plan, defaultSchema(), me.id, false);
});
afterEach(() => db.delete());

const spansOf = async (annotator: string) =>
  (await db.spans.toArray())
    .filter((s) => s.annotator === annotator)
    .map((s) => [s.text, s.label])
    .sort();

describe('teammate import', () => {
  it('through the import worker’s code: the window gets counts, no documents; the merge reads the files again, in one transaction', async () => {
    const line = teammateLine([[6, 14, 'PERSON', 'ana']]);
    const other = {
      ...teammateLine([]),
      id: 'doc-2',
      text: 'Ben Ortiz spoke about the harbour wall.',
      spans: [
        {
          id: 'ana-b',
          layer: 'entity',
          label: 'PERSON',
          start: 0,
          end: 9,
          text: 'Ben Ortiz',
          annotator: 'ana',
          attributes: {},
          origin: 'manual',
        },
      ],
    };
    // A browser File, as the window hands it over unread (read here as bytes: there is no FileReaderSync in Node).
    const files = [{ name: 'ana.jsonl', body: bytes([line, other]) }];
    const seen: number[] = [];
    const review = await planTeammateMerge(db, 'p', me, files, {}, (done) => seen.push(done), undefined, inlineImportRunner(db));
    expect(review).toMatchObject({ matched: 1, newDocuments: 1, annotators: [{ id: 'ana', name: 'Ana', spans: 1, documents: 1 }] });
    expect(review).not.toHaveProperty('matches');
    expect(review).not.toHaveProperty('unmatched');
    expect(seen.at(-1)).toBe(files[0]?.body.length);
    const cancelled = new AbortController();
    cancelled.abort();
    const merging = commitTeammateMerge(
      db,
      review,
      { addNewDocuments: true, addUnknownLabels: false },
      undefined,
      undefined,
      cancelled.signal,
      inlineImportRunner(db),
    );
    await expect(merging).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await spansOf('ana')).toEqual([]);
    const outcome = await commitTeammateMerge(
      db,
      review,
      { addNewDocuments: true, addUnknownLabels: false },
      undefined,
      undefined,
      undefined,
      inlineImportRunner(db),
    );
    expect(outcome).toMatchObject({ documents: 1, newDocuments: 1, spans: 2 });
    expect(await spansOf('ana')).toEqual([
      ['Ana Ruiz', 'PERSON'],
      ['Ben Ortiz', 'PERSON'],
    ]);
  });

  it('doccano 1.0 users with label ids: asks for the label list, then merges each user’s work', async () => {
    const line = { id: 'doc-1', text: TEXT, annotations: [{ label: 3, start_offset: 39, end_offset: 47, user: 2 }] };
    const file = { name: 'doccano.jsonl', body: bytes([line]) };
    const plan = await planTeammateImport(db, 'p', me, [file]);
    expect(plan.matches).toEqual([]);
    expect(plan.asks).toEqual(['labelList']);
    const named = await planTeammateImport(db, 'p', me, [file], { labelList: new Map([['3', 'LOC']]) });
    expect(named.issues).toEqual([]);
    expect(named.annotators).toEqual([{ id: 'doccano-user-2', name: 'doccano user 2', spans: 1, documents: 1 }]);
    await commitTeammateImport(db, named, defaultSchema(), me, { addNewDocuments: false, addUnknownLabels: false });
    expect(await spansOf('doccano-user-2')).toEqual([['Valdeluz', 'LOC']]);
  });

  it('adds the teammate as a layer of their own; yours is untouched; re-import replaces theirs', async () => {
    const file = {
      name: 'ana.jsonl',
      body: bytes([
        teammateLine([
          [6, 14, 'PERSON', 'ana'],
          [39, 47, 'LOC', 'ana'],
          [0, 5, 'ORG', 'me'],
        ]),
      ]),
    };
    const plan = await planTeammateImport(db, 'p', me, [file]);
    expect(plan.matches).toHaveLength(1);
    expect(plan.protectedSpans).toBe(1);
    expect(plan.annotators).toEqual([{ id: 'ana', name: 'Ana', spans: 2, documents: 1 }]);
    const outcome = await commitTeammateImport(db, plan, defaultSchema(), me, { addNewDocuments: false, addUnknownLabels: false });
    expect(outcome).toMatchObject({ documents: 1, spans: 2 });
    expect(await spansOf('ana')).toEqual([
      ['Ana Ruiz', 'PERSON'],
      ['Valdeluz', 'LOC'],
    ]);
    expect(await spansOf('me')).toEqual([['Ana Ruiz', 'PERSON']]);
    const doc = (await db.documents.toArray())[0];
    expect(doc).toMatchObject({ spanCounts: { me: 1, ana: 2 }, statuses: { me: 'in_progress', ana: 'done' } });
    expect(await db.annotators.get('ana')).toEqual({ id: 'ana', name: 'Ana' });

    const newer = { name: 'ana.jsonl', body: bytes([teammateLine([[26, 35, 'EVENT', 'ana']])]) };
    await commitTeammateImport(db, await planTeammateImport(db, 'p', me, [newer]), defaultSchema(), me, {
      addNewDocuments: false,
      addUnknownLabels: false,
    });
    expect(await spansOf('ana')).toEqual([['tram line', 'EVENT']]);
    expect((await db.documents.toArray())[0]?.spanCounts).toEqual({ me: 1, ana: 1 });
    expect(await db.spans.count()).toBe(2);
  });

  it('reports a document whose text differs, and never merges it', async () => {
    const changed = teammateLine([[6, 14, 'PERSON', 'ana']], { text: TEXT.replace('tram', 'train'), spans: [] });
    const plan = await planTeammateImport(db, 'p', me, [{ name: 'ana.jsonl', body: bytes([changed]) }]);
    expect(plan.matches).toEqual([]);
    expect(plan.mismatches).toEqual([
      {
        file: 'ana.jsonl',
        line: 1,
        title: 'Tram',
        reason:
          'the text differs at character 29: here “… Ruiz opened the tram line in Valdeluz.”, in the file “… Ruiz opened the train line in Valdeluz.” (lengths 48 and 49 characters)',
      },
    ]);
  });

  it('matches by text when ids differ, and offers documents the project lacks', async () => {
    const other = { ...teammateLine([[0, 3, 'ORG', 'ana']]), id: 'x', text: 'Now a new text.', meta: { title: 'New' } };
    other.spans[0]!.text = 'Now';
    const sameText = { ...teammateLine([[6, 14, 'PERSON', 'ana']]), id: 'renamed-id' };
    const plan = await planTeammateImport(db, 'p', me, [{ name: 'ana.jsonl', body: bytes([sameText, other]) }]);
    expect(plan.matches.map((m) => m.title)).toEqual(['mine #1']);
    expect(plan.unmatched.map((d) => d.draft.meta.title)).toEqual(['New']);
    const outcome = await commitTeammateImport(db, plan, defaultSchema(), me, { addNewDocuments: true, addUnknownLabels: false });
    expect(outcome.newDocuments).toBe(1);
    expect(await db.documents.count()).toBe(2);
  });

  describe('a teammate’s copy with a slightly different text', () => {
    const LONG =
      'The council met on Monday in Valdeluz. Mayor Ana Ruiz opened the new tram line, which runs from the station to the old harbour, and thanked the engineers who built it in under two years.';
    const THEIRS = LONG.replace('new tram line', 'new train line');
    const span = (text: string, word: string, label: string, id: string) => {
      const start = text.indexOf(word);
      return {
        id,
        layer: 'entity',
        label,
        start,
        end: start + word.length,
        text: word,
        annotator: 'ana',
        attributes: {},
        origin: 'manual',
      };
    };
    const line = (id: string | undefined) => ({
      format: 'spanwright',
      format_version: 1,
      offset_unit: 'codepoint',
      ...(id ? { id } : {}),
      text: THEIRS,
      meta: { title: 'Their copy' },
      statuses: { ana: 'done' },
      annotators: [{ id: 'ana', name: 'Ana' }],
      spans: [
        span(THEIRS, 'Ana Ruiz', 'PERSON', 'a1'),
        span(THEIRS, 'train line', 'EVENT', 'a2'),
        span(THEIRS, 'old harbour', 'LOC', 'a3'),
      ],
    });

    beforeEach(async () => {
      const plan = await planImport(db, 'p', defaultSchema(), [{ name: 'council.txt', body: new TextEncoder().encode(LONG) }]);
      await commitImport(db, plan, defaultSchema(), me.id, false);
    });

    it.each([
      ['without an id (everyone imported the same .txt)', undefined],
      ['with the same id', 'council'],
    ])('%s: is the same document, its spans carried onto our text, those in changed text left out', async (_, id) => {
      if (id) await db.documents.filter((d) => d.textLength === LONG.length).modify({ sourceId: id });
      const plan = await planTeammateImport(db, 'p', me, [{ name: 'ana.jsonl', body: bytes([line(id)]) }]);
      expect(plan.unmatched).toEqual([]);
      expect(plan.mismatches).toEqual([]);
      expect(plan.nearMatches).toHaveLength(1);
      const near = plan.nearMatches[0]!;
      expect(near.similarity).toBeGreaterThanOrEqual(0.95);
      expect(near.parts.filter((p) => p.kind !== 'same')).toEqual([
        { kind: 'ours', text: 'tram' },
        { kind: 'theirs', text: 'train' },
      ]);
      expect(near.leftOut).toEqual([{ annotator: 'Ana', label: 'EVENT', text: 'train line' }]);
      await commitTeammateImport(db, plan, defaultSchema(), me, { addNewDocuments: false, addUnknownLabels: false });
      const theirs = (await db.spans.toArray()).filter((s) => s.annotator === 'ana');
      expect(theirs.map((s) => [s.label, s.text, LONG.slice(s.start, s.end)]).sort()).toEqual([
        ['LOC', 'old harbour', 'old harbour'],
        ['PERSON', 'Ana Ruiz', 'Ana Ruiz'],
      ]);
      expect(new Set(theirs.map((s) => s.documentId))).toEqual(new Set([near.documentId]));
      expect(await db.documents.count()).toBe(2);
    });

    it('maps their labels onto yours, or leaves them out, as the label map says', async () => {
      const same = {
        ...line(undefined),
        text: LONG,
        spans: [span(LONG, 'Ana Ruiz', 'PER', 'a1'), span(LONG, 'Valdeluz', 'LOC', 'a2'), span(LONG, 'old harbour', 'PLACE', 'a3')],
        relations: [],
      };
      const plan = await planTeammateImport(db, 'p', me, [{ name: 'ana.jsonl', body: bytes([same]) }]);
      expect(plan.theirLabels).toEqual([
        { name: 'LOC', count: 1 },
        { name: 'PER', count: 1 },
        { name: 'PLACE', count: 1 },
      ]);
      const outcome = await commitTeammateImport(db, plan, defaultSchema(), me, {
        addNewDocuments: false,
        addUnknownLabels: true,
        labelMap: { PER: 'PERSON', PLACE: null },
      });
      expect(outcome.leftOutByLabelMap).toBe(1);
      expect(await spansOf('ana')).toEqual([
        ['Ana Ruiz', 'PERSON'],
        ['Valdeluz', 'LOC'],
      ]);
      const labels = (await db.projects.get('p'))!.schema.labels.map((l) => l.name);
      expect(labels).not.toContain('PER');
      expect(labels).not.toContain('PLACE');
    });
  });
});
