// Who made a span is an annotator id that never changes: renaming changes the name shown,
// switching annotator (a shared workstation) changes whose id is "you".
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { commitImport, planImport } from '../../../src-renderer/src/app/import-documents';
import { renameSelf, switchAnnotator } from '../../../src-renderer/src/storage/annotators';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';
import { readSetting, SETTING } from '../../../src-renderer/src/storage/settings';

let db: SpanwrightDatabase;
const ana = { id: 'ana-id', name: 'Ana' };
const TEXT = 'Mayor Ana Ruiz opened the tram line in Valdeluz.';

beforeEach(async () => {
  db = new SpanwrightDatabase(`annotators-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, ana.id);
  await db.annotators.put(ana);
  const line = JSON.stringify({ id: 'doc-1', text: TEXT, label: [[6, 14, 'PERSON']] });
  const plan = await planImport(
    db,
    'p',
    defaultSchema(),
    [{ name: 'a.jsonl', body: new TextEncoder().encode(line) }],
  );
  await commitImport(db, plan, defaultSchema(), ana.id, false);
});
afterEach(() => db.delete());

const owners = async () => (await db.spans.toArray()).map((s) => s.annotator);

describe('annotators', () => {
  it('renaming yourself changes your name only: your earlier spans and statuses stay yours', async () => {
    const statusesBefore = (await db.documents.toArray())[0]?.statuses;
    const renamed = await renameSelf(db, ana, '  Ana Ruiz ');
    expect(renamed).toEqual({ id: 'ana-id', name: 'Ana Ruiz' });
    expect(await owners()).toEqual(['ana-id']);
    expect((await db.documents.toArray())[0]?.statuses).toEqual(statusesBefore);
    expect(await db.annotators.toArray()).toEqual([{ id: 'ana-id', name: 'Ana Ruiz' }]);
    expect(await readSetting(db, SETTING.annotator, (_v): _v is unknown => true)).toEqual(renamed);
  });

  it('switching to a new annotator and renaming them leaves everyone’s work where it was', async () => {
    const ben = await switchAnnotator(db, { id: 'ben-id', name: ' Ben ' });
    expect(ben).toEqual({ id: 'ben-id', name: 'Ben' });
    expect(await readSetting(db, SETTING.annotator, (_v): _v is unknown => true)).toEqual(ben);
    await renameSelf(db, ben, 'Benedikt');
    expect(await owners()).toEqual(['ana-id']);
    expect((await db.annotators.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'ana-id', name: 'Ana' },
      { id: 'ben-id', name: 'Benedikt' },
    ]);
    // Back to Ana: she keeps the name stored for her.
    expect(await switchAnnotator(db, { id: 'ana-id', name: '' })).toEqual(ana);
  });
});
