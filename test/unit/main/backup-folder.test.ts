// The desktop's backup folder, in a temporary folder: whole files only, rotation, and leftovers
// of a crash cleaned up; ids are made here, never taken from the renderer.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_ID_PATTERN, BACKUPS_KEPT, type BackupRequest } from '../../../src-shared/backups';
import { BackupFolder } from '../../../src-main/backup-folder';
import { SaveSessions } from '../../../src-main/save-session';

const OWNER = 3;
const request: BackupRequest = { projectId: 'p1', projectName: 'News', reason: 'import', documents: 2, spans: 7 };

describe('BackupFolder', () => {
  let dir: string;
  let folder: BackupFolder;
  let clock: number;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'spanwright-backups-')), 'backups');
    clock = Date.UTC(2026, 11, 2, 9, 0, 0);
    folder = new BackupFolder(dir, new SaveSessions(), { now: () => new Date((clock += 1000)), kept: { ...BACKUPS_KEPT, import: 2 } });
  });
  afterEach(() => {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  async function write(text: string, extra: Partial<BackupRequest> = {}) {
    const token = await folder.begin({ ...request, ...extra }, OWNER);
    await folder.write(token, OWNER, text);
    return folder.commit(token, OWNER);
  }

  it('writes the bundle and its description, and lists it with its counts', async () => {
    const info = await write('{"format":"spanwright-project"}\n');
    expect(info.id).toMatch(BACKUP_ID_PATTERN);
    expect(info).toMatchObject({ ...request, bytes: 32, createdAt: Date.UTC(2026, 11, 2, 9, 0, 1) });
    expect(readdirSync(dir).sort()).toEqual([`${info.id}.json`, `${info.id}.spanwright`]);
    expect(readFileSync(join(dir, `${info.id}.spanwright`), 'utf8')).toBe('{"format":"spanwright-project"}\n');
    expect(await folder.list()).toEqual([info]);
    expect(Buffer.from(await folder.read(info.id)).toString()).toBe('{"format":"spanwright-project"}\n');
  });

  it('lists nothing before the first backup (no folder yet)', async () => {
    expect(await folder.list()).toEqual([]);
  });

  it('keeps the newest of each reason and project, deleting the older files', async () => {
    const first = await write('1');
    const second = await write('2');
    const third = await write('3');
    const otherProject = await write('q', { projectId: 'p2' });
    const daily = await write('d', { reason: 'daily' });
    expect((await folder.list()).map((b) => b.id)).toEqual([daily.id, otherProject.id, third.id, second.id]);
    expect(readdirSync(dir).some((name) => name.startsWith(first.id))).toBe(false);
    await expect(folder.read(first.id)).rejects.toThrow('There is no backup with this id');
  });

  it('leaves nothing behind when a backup is aborted', async () => {
    const token = await folder.begin(request, OWNER);
    await folder.write(token, OWNER, 'half');
    await folder.abort(token, OWNER);
    expect(readdirSync(dir)).toEqual([]);
    expect(await folder.list()).toEqual([]);
  });

  it("refuses another window's token", async () => {
    const token = await folder.begin(request, OWNER);
    expect(() => folder.write(token, OWNER + 1, 'x')).toThrow('No backup in progress for this token');
    expect(() => folder.commit(token, OWNER + 1)).toThrow('No backup in progress for this token');
    await folder.abortAllOwnedBy(OWNER);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not list a bundle without its description, or a description without its bundle, and rotation removes the first', async () => {
    const kept = await write('ok');
    const orphan = kept.id.replace(/-[0-9a-f]{16}$/, '-ffffffffffffffff');
    writeFileSync(join(dir, `${orphan}.spanwright`), 'crash between rename and description');
    const lonely = kept.id.replace(/-[0-9a-f]{16}$/, '-eeeeeeeeeeeeeeee');
    writeFileSync(join(dir, `${lonely}.json`), JSON.stringify({ ...kept, id: lonely }));
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    expect((await folder.list()).map((b) => b.id)).toEqual([kept.id]);
    await write('next');
    const names = readdirSync(dir);
    expect(names).not.toContain(`${orphan}.spanwright`);
    expect(names).toContain('notes.txt');
  });

  it('removes partial files a crash left, once they are old', async () => {
    const kept = await write('ok');
    const stale = join(dir, `${kept.id.replace(/-[0-9a-f]{16}$/, '-aaaaaaaaaaaaaaaa')}.spanwright.0123456789ab.partial`);
    const fresh = join(dir, `${kept.id.replace(/-[0-9a-f]{16}$/, '-bbbbbbbbbbbbbbbb')}.spanwright.0123456789ab.partial`);
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    await write('next');
    const names = readdirSync(dir);
    expect(names).not.toContain(stale.slice(dir.length + 1));
    expect(names).toContain(fresh.slice(dir.length + 1));
  });

  it('ignores a description that is not valid', async () => {
    const kept = await write('ok');
    writeFileSync(join(dir, `${kept.id}.json`), '{ not json');
    expect(await folder.list()).toEqual([]);
  });
});
