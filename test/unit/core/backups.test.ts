// Backup ids, requests and rotation: the rules the desktop folder and the web store share.
import { describe, expect, it } from 'vitest';
import {
  BACKUP_REASONS,
  backupId,
  backupsToDrop,
  BACKUPS_KEPT,
  checkBackupId,
  checkBackupRequest,
  dailyBackupDue,
  DAY_MS,
  newestFirst,
  restoreBackupInfo,
  type BackupInfo,
  type BackupReason,
} from '../../../src-shared/backups';

const HEX = '0123456789abcdef';
let serial = 0;
function info(projectId: string, reason: BackupReason, createdAt: number): BackupInfo {
  const hex = (serial++).toString(16).padStart(16, '0');
  return {
    id: backupId(new Date(createdAt), reason, hex),
    projectId,
    projectName: projectId,
    reason,
    documents: 1,
    spans: 2,
    createdAt,
    bytes: 10,
  };
}

describe('backup ids', () => {
  it('are the time, the reason and 16 hex digits, and sort by time', () => {
    const id = backupId(new Date(Date.UTC(2026, 11, 2, 12, 34, 56, 789)), 'schema-delete', HEX);
    expect(id).toBe('20261202T123456789Z-schema-delete-0123456789abcdef');
    expect(checkBackupId(id)).toEqual({ ok: true, value: id });
    const later = backupId(new Date(Date.UTC(2026, 11, 2, 12, 34, 57, 0)), 'import', HEX);
    expect([later, id].sort()).toEqual([id, later]);
  });

  it('accept every reason', () => {
    for (const reason of BACKUP_REASONS) expect(checkBackupId(backupId(new Date(0), reason, HEX)).ok).toBe(true);
  });

  it.each([
    ['a path climbing out', '../20261202T123456789Z-import-0123456789abcdef'],
    ['a path inside', '20261202T123456789Z-import-0123456789abcdef/x'],
    ['an extension', '20261202T123456789Z-import-0123456789abcdef.json'],
    ['an unknown reason', '20261202T123456789Z-whenever-0123456789abcdef'],
    ['capital hex', '20261202T123456789Z-import-0123456789ABCDEF'],
    ['a short random part', '20261202T123456789Z-import-0123'],
    ['a line break at the end', '20261202T123456789Z-import-0123456789abcdef\n'],
    ['nothing', ''],
    ['not a string', 42],
  ])('refuse %s', (_what, id) => {
    expect(checkBackupId(id)).toEqual({ ok: false, error: 'backup id is malformed' });
  });
});

describe('backup requests', () => {
  const request = { projectId: 'p1', projectName: 'News', reason: 'daily', documents: 3, spans: 0 };

  it('pass with ids, a name, a reason and counts, and nothing extra is kept', () => {
    expect(checkBackupRequest({ ...request, path: '/etc/passwd' })).toEqual({ ok: true, value: request });
  });

  it.each([
    [{ ...request, reason: 'later' }, 'backup reason must be one of'],
    [{ ...request, documents: 1.5 }, 'backup counts'],
    [{ ...request, spans: -1 }, 'backup counts'],
    [{ ...request, spans: '3' }, 'backup counts'],
    [{ ...request, projectId: '' }, 'backup project id'],
    [{ ...request, projectId: 'a\u0000b' }, 'backup project id'],
    [{ ...request, projectName: 'x'.repeat(501) }, 'backup project name'],
    [null, 'backup request must be an object'],
    [[request], 'backup request must be an object'],
  ])('refuse %j', (value, message) => {
    const checked = checkBackupRequest(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toContain(message);
  });

  it('read back a stored description only when it is whole', () => {
    const stored = info('p', 'import', 1000);
    expect(restoreBackupInfo(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(restoreBackupInfo({ ...stored, id: '../x' })).toBeNull();
    expect(restoreBackupInfo({ ...stored, bytes: undefined })).toBeNull();
  });
});

describe('rotation', () => {
  it('keeps the newest of each reason per project and drops the older ones', () => {
    const imports = Array.from({ length: 8 }, (_, i) => info('p', 'import', 1000 + i));
    const daily = Array.from({ length: 3 }, (_, i) => info('p', 'daily', 2000 + i));
    const otherProject = Array.from({ length: 6 }, (_, i) => info('q', 'import', 500 + i));
    const dropped = backupsToDrop([...daily, ...otherProject, ...imports]);
    expect(dropped.map((b) => b.id).sort()).toEqual([...imports.slice(0, 3), ...otherProject.slice(0, 1)].map((b) => b.id).sort());
  });

  it('drops nothing while every kind is within its number', () => {
    const all = BACKUP_REASONS.flatMap((reason) => Array.from({ length: BACKUPS_KEPT[reason] }, (_, i) => info('p', reason, i)));
    expect(backupsToDrop(all)).toEqual([]);
  });

  it('follows the numbers it is given', () => {
    const three = [info('p', 'daily', 1), info('p', 'daily', 2), info('p', 'daily', 3)];
    expect(
      backupsToDrop(three, { ...BACKUPS_KEPT, daily: 1 })
        .map((b) => b.createdAt)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('lists newest first', () => {
    const [a, b, c] = [info('p', 'daily', 1), info('p', 'daily', 3), info('p', 'import', 2)];
    expect(newestFirst([a!, b!, c!]).map((x) => x.createdAt)).toEqual([3, 2, 1]);
  });
});

describe('daily snapshot', () => {
  const now = 10 * DAY_MS;
  it('is due with no daily snapshot of the project in the last 24 hours', () => {
    expect(dailyBackupDue([], 'p', now)).toBe(true);
    expect(dailyBackupDue([info('p', 'daily', now - DAY_MS - 1)], 'p', now)).toBe(true);
    expect(dailyBackupDue([info('q', 'daily', now - 5)], 'p', now)).toBe(true);
    expect(dailyBackupDue([info('p', 'import', now - 5)], 'p', now)).toBe(true);
  });
  it('is not due after one in the last 24 hours', () => {
    expect(dailyBackupDue([info('p', 'daily', now - DAY_MS + 1)], 'p', now)).toBe(false);
  });
  it('counts one from the future (a clock put back) as none', () => {
    expect(dailyBackupDue([info('p', 'daily', now + DAY_MS)], 'p', now)).toBe(true);
  });
});
