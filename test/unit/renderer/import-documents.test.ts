import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { commitImport, planImport } from '../../../src-renderer/src/app/import-documents';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';

const bytes = (text: string) => new TextEncoder().encode(text);
let db: SpanwrightDatabase;

beforeEach(async () => {
  db = new SpanwrightDatabase(`import-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me');
});
afterEach(() => db.delete());

describe('planImport and commitImport', () => {
  it('reports duplicates within a batch and against the project, and imports each text once', async () => {
    const files = [
      { name: 'a.txt', body: bytes('Same text.') },
      { name: 'b.txt', body: bytes('Same text.') },
      { name: 'c.txt', body: bytes('Other text.') },
    ];
    const plan = await planImport(db, 'p', defaultSchema(), files);
    expect(plan.documents).toBe(2);
    expect(plan.duplicates).toEqual([{ file: 'b.txt', line: undefined, title: 'b', duplicateOf: 'a' }]);
    await commitImport(db, plan, defaultSchema(), 'me', false);
    expect((await db.documents.toArray()).sort((a, b) => a.order - b.order).map((d) => d.meta.title)).toEqual(['a', 'c']);
    const again = await planImport(db, 'p', defaultSchema(), [files[2]!]);
    expect(again.documents).toBe(0);
    expect(again.duplicates[0]?.duplicateOf).toBe('c');
  });

  it('says what the user may choose (label list, offset unit), and reads the files with the choice', async () => {
    const files = [
      {
        name: 'v1.jsonl',
        body: bytes(JSON.stringify({ text: 'The UN met.', annotations: [{ label: 4, start_offset: 4, end_offset: 6 }] })),
      },
      // Both units fit and nothing tells: code points are read, and the unit is asked.
      { name: 'emoji.jsonl', body: bytes(JSON.stringify({ text: '😀 ab cd', label: [[3, 4, 'LOC']] })) },
      { name: 'plain.txt', body: bytes('Nothing to ask.') },
    ];
    const plan = await planImport(db, 'p', defaultSchema(), files);
    expect(plan.asks).toEqual(['labelList', 'offsetUnit']);
    expect(plan.options).toEqual({});
    expect(plan.documents).toBe(2);

    const options = { labelList: new Map([['4', 'ORG']]), offsetUnit: 'utf16' as const };
    const again = await planImport(db, 'p', defaultSchema(), files, undefined, options);
    expect(again.options).toBe(options);
    expect(again.issues).toEqual([]);
    // Nothing was written by either reading.
    expect(await db.documents.count()).toBe(0);
    // The choices hold when the files are read again to be written.
    await commitImport(db, again, defaultSchema(), 'me', true);
    const documents = (await db.documents.toArray()).sort((a, b) => a.order - b.order);
    const texts = new Map((await db.texts.toArray()).map((t) => [t.documentId, t.text]));
    const spans = await db.spans.toArray();
    const shown = documents.map((d) =>
      spans.filter((s) => s.documentId === d.id).map((s) => `${s.label} ${(texts.get(d.id) ?? '').slice(s.start, s.end)}`),
    );
    expect(shown).toEqual([['ORG UN'], ['LOC a'], []]);
  });

  it('adds unknown labels when asked, or leaves their spans out', async () => {
    const line = JSON.stringify({
      text: 'Talks in Valdeluz.',
      label: [
        [9, 17, 'GPE'],
        [0, 5, 'EVENT'],
      ],
    });
    const plan = await planImport(db, 'p', defaultSchema(), [{ name: 'x.jsonl', body: bytes(line) }]);
    expect(plan.unknownLabels).toEqual([{ name: 'GPE', layer: 'entity', count: 1 }]);

    const without = await commitImport(db, plan, defaultSchema(), 'me', false);
    expect(without).toMatchObject({ documents: 1, spans: 1, droppedSpans: 1, addedLabels: [] });
    expect((await db.spans.toArray()).map((s) => s.label)).toEqual(['EVENT']);

    await db.documents.clear();
    await db.texts.clear();
    await db.spans.clear();
    const withLabels = await commitImport(db, plan, defaultSchema(), 'me', true);
    expect(withLabels).toMatchObject({ spans: 2, droppedSpans: 0, addedLabels: ['GPE'] });
    expect((await db.projects.get('p'))?.schema.labels.map((l) => l.name)).toContain('GPE');
    const gpe = (await db.spans.toArray()).find((s) => s.label === 'GPE');
    expect(gpe).toMatchObject({ text: 'Valdeluz', start: 9, end: 17, origin: 'imported', annotator: 'me' });
  });

  it('keeps span ids from a Spanwright file unless the project already uses them', async () => {
    const line = JSON.stringify({
      format: 'spanwright',
      format_version: 1,
      offset_unit: 'codepoint',
      id: 'd1',
      text: 'Ana met Ben.',
      meta: { title: 'T' },
      status: 'done',
      spans: [
        {
          id: 'keep-me',
          layer: 'entity',
          label: 'PERSON',
          start: 0,
          end: 3,
          text: 'Ana',
          annotator: 'x',
          attributes: {},
          origin: 'manual',
        },
      ],
    });
    const plan = await planImport(db, 'p', defaultSchema(), [{ name: 's.jsonl', body: bytes(line) }]);
    await commitImport(db, plan, defaultSchema(), 'me', false);
    expect((await db.spans.toArray()).map((s) => [s.id, s.annotator])).toEqual([['keep-me', 'x']]);
    expect((await db.documents.toArray())[0]).toMatchObject({
      sourceId: 'd1',
      statuses: { me: 'done', x: 'in_progress' },
      spanCounts: { x: 1 },
    });

    // The same span id again (another document) gets a fresh id instead of overwriting.
    const other = line.replace('Ana met Ben.', 'Ana met Cy.').replace('"d1"', '"d2"');
    const plan2 = await planImport(db, 'p', defaultSchema(), [{ name: 's2.jsonl', body: bytes(other) }]);
    await commitImport(db, plan2, defaultSchema(), 'me', false);
    const ids = (await db.spans.toArray()).map((s) => s.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain('keep-me');
  });
});
