// The desktop's automatic snapshots: project bundles in `<userData>/backups`, each
// `<id>.spanwright` (a bundle Import reads as it is) beside `<id>.json` (reason, project and
// counts for the restore dialog). Main makes every id and every path; the renderer sends a
// checked request and the bundle's text, and names a snapshot only by an id checked here.
// The bundle streams through SaveSessions (partial file, fsync, rename), so a crash leaves
// the snapshot whole or absent; it is listed only once its description is written too.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BACKUP_ID_PATTERN,
  backupId,
  backupsToDrop,
  BACKUPS_KEPT,
  newestFirst,
  restoreBackupInfo,
  type BackupInfo,
  type BackupReason,
  type BackupRequest,
} from '../src-shared/backups';
import { BUNDLE_EXTENSION } from '../src-shared/formats/project-bundle';
import { writeFileAtomically } from './encrypted-secret-file';
import type { SaveOwnerId, SaveSessions } from './save-session';

export const BACKUPS_FOLDER_NAME = 'backups';

export class BackupFolderError extends Error {
  override name = 'BackupFolderError';
}

/** A partial file left by a crash is removed by the next rotation once it is this old. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

interface PendingBackup {
  readonly ownerId: SaveOwnerId;
  readonly id: string;
  readonly request: BackupRequest;
  readonly createdAt: Date;
}

export class BackupFolder {
  readonly #pending = new Map<string, PendingBackup>();
  /** Commits and rotations run one at a time: a rotation never sees a bundle whose description is still being written. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly directory: string,
    private readonly saves: SaveSessions,
    private readonly options: { now?: () => Date; kept?: Readonly<Record<BackupReason, number>> } = {},
  ) {}

  /** Starts a snapshot; returns the save token its chunks are written with. */
  async begin(request: BackupRequest, ownerId: SaveOwnerId): Promise<string> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const createdAt = this.options.now?.() ?? new Date();
    const id = backupId(createdAt, request.reason, randomBytes(8).toString('hex'));
    const token = await this.saves.begin(this.#bundlePath(id), ownerId);
    this.#pending.set(token, { ownerId, id, request, createdAt });
    return token;
  }

  write(token: string, ownerId: SaveOwnerId, chunk: string | Uint8Array): Promise<void> {
    this.#find(token, ownerId);
    return this.saves.write(token, ownerId, chunk);
  }

  /** Puts the bundle in place, then its description, then deletes what rotation no longer keeps. */
  commit(token: string, ownerId: SaveOwnerId): Promise<BackupInfo> {
    const pending = this.#find(token, ownerId);
    this.#pending.delete(token);
    return this.#serialized(async () => {
      await this.saves.commit(token, ownerId);
      const { size } = await stat(this.#bundlePath(pending.id));
      const info: BackupInfo = { ...pending.request, id: pending.id, createdAt: pending.createdAt.getTime(), bytes: size };
      try {
        await writeFileAtomically(this.#infoPath(pending.id), `${JSON.stringify(info, null, 2)}\n`);
      } catch (error) {
        await rm(this.#bundlePath(pending.id), { force: true });
        throw error;
      }
      await this.#rotate();
      return info;
    });
  }

  /** Idempotent, like SaveSessions.abort. */
  async abort(token: string, ownerId: SaveOwnerId): Promise<void> {
    const pending = this.#pending.get(token);
    if (pending === undefined || pending.ownerId !== ownerId) return;
    this.#pending.delete(token);
    await this.saves.abort(token, ownerId);
  }

  /** Every complete snapshot, newest first; files that are not ours, or not whole, are left out. */
  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: BackupInfo[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(join(this.directory, name), 'utf8'));
      } catch {
        continue; // unreadable: not listed, and rotation leaves it alone
      }
      const info = restoreBackupInfo(parsed);
      if (info === null || info.id !== id || !names.includes(`${id}.${BUNDLE_EXTENSION}`)) continue;
      found.push(info);
    }
    return newestFirst(found);
  }

  /** The bundle of a listed snapshot (`id` arrives checked, ipc-validation.ts). */
  async read(id: string): Promise<Uint8Array> {
    if (!(await this.list()).some((b) => b.id === id))
      throw new BackupFolderError('There is no backup with this id (it may have been rotated away).');
    return new Uint8Array(await readFile(this.#bundlePath(id)));
  }

  /** Drops every unfinished snapshot of one owner (its window closed). */
  async abortAllOwnedBy(ownerId: SaveOwnerId): Promise<void> {
    const tokens = [...this.#pending].filter(([, p]) => p.ownerId === ownerId).map(([token]) => token);
    await Promise.all(tokens.map((token) => this.abort(token, ownerId)));
  }

  async #rotate(): Promise<void> {
    const listed = await this.list();
    for (const backup of backupsToDrop(listed, this.options.kept ?? BACKUPS_KEPT)) {
      // Description first: a snapshot half deleted is never listed.
      await rm(this.#infoPath(backup.id), { force: true });
      await rm(this.#bundlePath(backup.id), { force: true });
    }
    // What a crash can leave: a bundle whose description was never written, an old partial file.
    const listedIds = new Set(listed.map((b) => b.id));
    const now = Date.now();
    for (const name of await readdir(this.directory)) {
      const path = join(this.directory, name);
      const bundleId = name.endsWith(`.${BUNDLE_EXTENSION}`) ? name.slice(0, -BUNDLE_EXTENSION.length - 1) : null;
      if (bundleId !== null && BACKUP_ID_PATTERN.test(bundleId) && !listedIds.has(bundleId)) {
        await rm(path, { force: true });
      } else if (name.endsWith('.partial') && BACKUP_ID_PATTERN.test(name.split('.')[0] ?? '')) {
        const modified = (await stat(path).catch(() => null))?.mtimeMs;
        if (modified !== undefined && now - modified > STALE_PARTIAL_MS) await rm(path, { force: true });
      }
    }
  }

  #find(token: string, ownerId: SaveOwnerId): PendingBackup {
    const pending = this.#pending.get(token);
    if (pending === undefined || pending.ownerId !== ownerId) throw new BackupFolderError('No backup in progress for this token.');
    return pending;
  }

  #serialized<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #bundlePath(id: string): string {
    return join(this.directory, `${id}.${BUNDLE_EXTENSION}`);
  }

  #infoPath(id: string): string {
    return join(this.directory, `${id}.json`);
  }
}
