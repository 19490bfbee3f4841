// A full disk never locks the user out: start-up needs no write, a write that finds no space
// turns the app read-only (writes refused in words, reads and exports go on), and Try again
// returns to normal once there is space. The disk is filled by making IndexedDB's own put and
// add fail with QuotaExceededError, as a browser does when the quota is used up.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { errorMessage } from '../../../src-shared/result';
import { isReadOnlyRefusal, READ_ONLY_REFUSAL } from '../../../src-shared/storage-space';
import { start } from '../../../src-renderer/src/app/bootstrap';
import { prepareProjectBundle } from '../../../src-renderer/src/app/project-bundle';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject, renameProject } from '../../../src-renderer/src/storage/projects';
import { readSetting, rememberSetting, SETTING, writeSetting, isString } from '../../../src-renderer/src/storage/settings';
import { checkWritable, healthOf, isReadOnly, tryAgain } from '../../../src-renderer/src/storage/space-guard';

const realPut = IDBObjectStore.prototype.put;
const realAdd = IDBObjectStore.prototype.add;

/** Makes every IndexedDB write fail as on a full disk, until `freeSpace`. */
function fillDisk(): void {
  const full = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  IDBObjectStore.prototype.put = full;
  IDBObjectStore.prototype.add = full;
}
function freeSpace(): void {
  IDBObjectStore.prototype.put = realPut;
  IDBObjectStore.prototype.add = realAdd;
}

/** Counts the rows Dexie writes from now on (the write probe goes past Dexie, on purpose). */
function countWrites(db: SpanwrightDatabase): { rows: number } {
  const counter = { rows: 0 };
  db.use({
    stack: 'dbcore',
    name: 'CountWrites',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            counter.rows += request.type === 'deleteRange' ? 1 : request.type === 'delete' ? request.keys.length : request.values.length;
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return counter;
}

let name: string;
let db: SpanwrightDatabase;
beforeEach(() => {
  name = `space-guard-${Math.random()}`;
  db = new SpanwrightDatabase(name);
});
afterEach(async () => {
  freeSpace();
  healthOf(name).update({ readOnly: false, startUnsaved: false });
  await db.delete();
});

describe('start-up', () => {
  it('a second start writes nothing through the database (only the space check)', async () => {
    const first = await start(db);
    expect(first.projectId).not.toBe('');
    db.close();
    const again = new SpanwrightDatabase(name);
    const writes = countWrites(again);
    const second = await start(again);
    expect(second).toEqual(first);
    expect(writes.rows).toBe(0);
    expect(isReadOnly(name)).toBe(false);
    again.close();
    db = again;
  });

  it('on a full disk, an earlier database opens read-only with everything readable', async () => {
    const first = await start(db);
    db.close();
    fillDisk();
    const again = new SpanwrightDatabase(name);
    db = again;
    const second = await start(again);
    expect(second).toEqual(first);
    expect(isReadOnly(name)).toBe(true);
    expect(healthOf(name).get().startUnsaved).toBe(false);
    expect(await again.documents.where('projectId').equals(second.projectId).count()).toBeGreaterThan(0);
  });

  it('a first start on a full disk opens with no project, and Try again asks for a restart once there is space', async () => {
    fillDisk();
    const state = await start(db);
    expect(state.projectId).toBe('');
    expect(isReadOnly(name)).toBe(true);
    expect(healthOf(name).get().startUnsaved).toBe(true);
    expect(await db.projects.count()).toBe(0);
    expect(await tryAgain(name, db.backendDB())).toBe('still-full');
    freeSpace();
    expect(await tryAgain(name, db.backendDB())).toBe('restart');
    expect(isReadOnly(name)).toBe(false);
  });
});

describe('writing on a full disk', () => {
  beforeEach(async () => {
    await createProject(db, { id: 'p', name: 'Before', schema: defaultSchema() }, 'ana');
  });

  it('the first write that finds no space turns the app read-only; later writes are refused in words', async () => {
    fillDisk();
    await expect(renameProject(db, 'p', 'After')).rejects.toThrow();
    expect(isReadOnly(name)).toBe(true);
    freeSpace();
    // Space is back, but nothing writes until Try again has checked: no write half-trusted.
    const refused = await renameProject(db, 'p', 'After').catch((error: unknown) => error);
    expect(isReadOnlyRefusal(refused)).toBe(true);
    expect(errorMessage(refused)).toBe(READ_ONLY_REFUSAL);
    const put = await db.settings.put({ key: 'x', value: 1 }).catch((error: unknown) => error);
    expect(errorMessage(put)).toBe(READ_ONLY_REFUSAL);
    expect((await db.projects.get('p'))?.name).toBe('Before');
  });

  it('reads and a project bundle still work while read-only', async () => {
    fillDisk();
    await checkWritable(name, db.backendDB());
    expect(isReadOnly(name)).toBe(true);
    const project = await db.projects.get('p');
    if (!project) throw new Error('no project');
    const bundle = await prepareProjectBundle(db, project, { id: 'ana', name: 'Ana' });
    expect(bundle.parts[0]).toContain('"Before"');
  });

  it('Try again returns to normal once space is freed, and writes land again', async () => {
    fillDisk();
    await checkWritable(name, db.backendDB());
    expect(await tryAgain(name, db.backendDB())).toBe('still-full');
    freeSpace();
    expect(await tryAgain(name, db.backendDB())).toBe('writable');
    await renameProject(db, 'p', 'After');
    expect((await db.projects.get('p'))?.name).toBe('After');
  });
});

describe('settings', () => {
  it('writing a setting that holds the value already writes nothing', async () => {
    await writeSetting(db, SETTING.lastProjectId, 'p');
    db.close();
    db = new SpanwrightDatabase(name);
    const writes = countWrites(db);
    await writeSetting(db, SETTING.lastProjectId, 'p');
    expect(writes.rows).toBe(0);
    await writeSetting(db, SETTING.lastProjectId, 'q');
    expect(writes.rows).toBe(1);
  });

  it('a preference that cannot be remembered is let go quietly', async () => {
    fillDisk();
    await checkWritable(name, db.backendDB());
    rememberSetting(db, SETTING.theme, 'dark');
    await new Promise((resolve) => setTimeout(resolve, 20));
    freeSpace();
    expect(await readSetting(db, SETTING.theme, isString)).toBeUndefined();
  });
});
