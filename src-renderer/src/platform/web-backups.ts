// The web build's automatic snapshots: a database of their own ("spanwright-backups"), apart
// from the project database, so a project database that breaks, or is deleted, does not take
// its snapshots along. The restore dialog offers each one as a download, to keep outside the
// browser. Same ids and rotation as the desktop's backup folder (src-shared/backups.ts).
import Dexie, { type Table } from 'dexie';
import {
  backupId,
  backupsToDrop,
  BACKUPS_KEPT,
  checkBackupRequest,
  newestFirst,
  type BackupInfo,
  type BackupReason,
} from '../../../src-shared/backups';
import type { BackupStore } from '../../../src-shared/bridge';

export const WEB_BACKUP_DATABASE = 'spanwright-backups';

interface BackupContent {
  id: string;
  text: string;
}

class BackupDatabase extends Dexie {
  /** Small rows, so listing never reads a bundle. */
  backups!: Table<BackupInfo, string>;
  contents!: Table<BackupContent, string>;

  constructor(name: string) {
    // Strict: a snapshot that says it was written is on disk.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ backups: 'id, createdAt, projectId', contents: 'id' });
  }
}

function randomHex(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function createWebBackupStore(
  name = WEB_BACKUP_DATABASE,
  options: { now?: () => Date; kept?: Readonly<Record<BackupReason, number>> } = {},
): BackupStore {
  const db = new BackupDatabase(name);
  return {
    location: async () => 'this browser’s storage for this site (a database of its own, apart from your projects)',
    write: async (request, parts) => {
      const checked = checkBackupRequest(request);
      if (!checked.ok) throw new Error(checked.error);
      const text = parts.join('');
      const createdAt = options.now?.() ?? new Date();
      const info: BackupInfo = {
        ...checked.value,
        id: backupId(createdAt, checked.value.reason, randomHex()),
        createdAt: createdAt.getTime(),
        bytes: new TextEncoder().encode(text).byteLength,
      };
      await db.transaction('rw', db.backups, db.contents, async () => {
        await db.contents.add({ id: info.id, text });
        await db.backups.add(info);
        const dropped = backupsToDrop(await db.backups.toArray(), options.kept ?? BACKUPS_KEPT).map((b) => b.id);
        await db.backups.bulkDelete(dropped);
        await db.contents.bulkDelete(dropped);
      });
      return info;
    },
    list: async () => newestFirst(await db.backups.toArray()),
    read: async (id) => {
      const content = await db.contents.get(id);
      if (!content) throw new Error('There is no backup with this id (it may have been rotated away).');
      return new TextEncoder().encode(content.text);
    },
  };
}
