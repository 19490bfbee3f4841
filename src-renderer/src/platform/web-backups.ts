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
import { nextTask } from './next-task';
import { splitsSurrogatePair } from '../../../src-shared/offsets';

export const WEB_BACKUP_DATABASE = 'spanwright-backups';

interface BackupContent {
  id: string;
  /** The bundle (snapshots written since December 2026). */
  blob?: Blob;
  /** The bundle's text (older snapshots). */
  text?: string;
}

/** Text encoded into the snapshot's Blob per task: a whole bundle at once blocked the window for seconds. */
const ENCODE_PER_TASK = 256 * 1024;

/**
 * A part in slices of at most `size` code units (`size` at least 2), never between the two halves
 * of a surrogate pair: each string of a Blob is encoded on its own, and a lone half would become
 * U+FFFD.
 */
export function* encodableSlices(part: string, size: number): Generator<string> {
  let at = 0;
  while (part.length - at > size) {
    const end = splitsSurrogatePair(part, at + size) ? at + size - 1 : at + size;
    yield part.slice(at, end);
    at = end;
  }
  yield part.slice(at);
}

/**
 * The parts as one Blob, built 256 Ki characters at a time with a task between, so the window is never
 * blocked by encoding the whole bundle; a Blob is stored by reference, not copied on this thread.
 * A part longer than a step (a document of 100,000 spans is one line of megabytes) is cut.
 */
async function bundleBlob(parts: readonly string[]): Promise<Blob> {
  let blob = new Blob([]);
  let pending: string[] = [];
  let length = 0;
  for (const part of parts) {
    for (const slice of encodableSlices(part, ENCODE_PER_TASK)) {
      pending.push(slice);
      length += slice.length;
      if (length >= ENCODE_PER_TASK) {
        blob = new Blob([blob, ...pending]);
        pending = [];
        length = 0;
        await nextTask();
      }
    }
  }
  return new Blob([blob, ...pending], { type: 'application/octet-stream' });
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
      const blob = await bundleBlob(parts);
      const createdAt = options.now?.() ?? new Date();
      const info: BackupInfo = {
        ...checked.value,
        id: backupId(createdAt, checked.value.reason, randomHex()),
        createdAt: createdAt.getTime(),
        bytes: blob.size,
      };
      await db.transaction('rw', db.backups, db.contents, async () => {
        await db.contents.add({ id: info.id, blob });
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
      if (content.blob) return new Uint8Array(await content.blob.arrayBuffer());
      return new TextEncoder().encode(content.text ?? '');
    },
  };
}
