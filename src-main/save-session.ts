// Streaming saves: chunks go to `<target>.<random>.partial` in the target's directory, and only
// a commit (fsync, close, rename) puts the file in place, so the target is never half-written.
// A failed write, an abort or a closed window deletes the partial file.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export class SaveSessionError extends Error {
  override name = 'SaveSessionError';
}

/** Who started a save (a webContents id): only they may write, commit or abort it. */
export type SaveOwnerId = number;

interface OpenSave {
  readonly ownerId: SaveOwnerId;
  readonly targetPath: string;
  readonly partialPath: string;
  readonly handle: FileHandle;
  /** Operations run one after another even if the renderer does not await each write. */
  queue: Promise<void>;
}

export const DEFAULT_MAX_OPEN_SAVES_PER_OWNER = 8;

export function partialPathFor(targetPath: string): string {
  return `${targetPath}.${randomBytes(6).toString('hex')}.partial`;
}

/** Makes the rename durable too; not possible (nor needed) on Windows, so failures are ignored. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on directories; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export class SaveSessions {
  readonly #saves = new Map<string, OpenSave>();
  readonly #maxOpenPerOwner: number;

  constructor(options: { maxOpenPerOwner?: number } = {}) {
    this.#maxOpenPerOwner = options.maxOpenPerOwner ?? DEFAULT_MAX_OPEN_SAVES_PER_OWNER;
  }

  get openCount(): number {
    return this.#saves.size;
  }

  /** Opens the partial file and returns the token that names this save. */
  async begin(targetPath: string, ownerId: SaveOwnerId): Promise<string> {
    const openByOwner = [...this.#saves.values()].filter((save) => save.ownerId === ownerId).length;
    if (openByOwner >= this.#maxOpenPerOwner) {
      throw new SaveSessionError(`Too many saves in progress (${openByOwner}); finish or abort one first.`);
    }
    const partialPath = partialPathFor(targetPath);
    // 'wx': never reuse or follow an existing file at the partial path.
    const handle = await open(partialPath, 'wx');
    const token = randomBytes(16).toString('hex');
    this.#saves.set(token, { ownerId, targetPath, partialPath, handle, queue: Promise.resolve() });
    return token;
  }

  write(token: string, ownerId: SaveOwnerId, chunk: string | Uint8Array): Promise<void> {
    const save = this.#find(token, ownerId);
    return this.#enqueue(token, save, async () => {
      if (typeof chunk === 'string') await save.handle.write(chunk, null, 'utf8');
      else await save.handle.write(chunk);
    });
  }

  commit(token: string, ownerId: SaveOwnerId): Promise<void> {
    const save = this.#find(token, ownerId);
    // Removed at once so no later write can slip in between the commit and the rename.
    this.#saves.delete(token);
    return this.#runAfter(save, async () => {
      try {
        await save.handle.sync();
        await save.handle.close();
        await rename(save.partialPath, save.targetPath);
      } catch (error) {
        await this.#discard(save);
        throw error;
      }
      await syncDirectory(dirname(save.targetPath));
    });
  }

  /** Idempotent: a save that already failed, or was never ours, leaves nothing to drop. */
  abort(token: string, ownerId: SaveOwnerId): Promise<void> {
    const save = this.#saves.get(token);
    if (save === undefined || save.ownerId !== ownerId) return Promise.resolve();
    this.#saves.delete(token);
    return this.#runAfter(save, () => this.#discard(save));
  }

  /** Drops every unfinished save of one owner, e.g. when its window closes. */
  async abortAllOwnedBy(ownerId: SaveOwnerId): Promise<void> {
    const tokens = [...this.#saves].filter(([, save]) => save.ownerId === ownerId).map(([token]) => token);
    await Promise.all(tokens.map((token) => this.abort(token, ownerId)));
  }

  #find(token: string, ownerId: SaveOwnerId): OpenSave {
    const save = this.#saves.get(token);
    // The same message for "unknown" and "someone else's": a wrong owner learns nothing.
    if (save === undefined || save.ownerId !== ownerId) {
      throw new SaveSessionError('No save in progress for this token (it was committed, aborted or never started).');
    }
    return save;
  }

  /** Runs `operation` after earlier ones; if it fails the save is dropped so no partial file stays behind. */
  #enqueue(token: string, save: OpenSave, operation: () => Promise<void>): Promise<void> {
    const result = save.queue.then(operation).catch(async (error: unknown) => {
      if (this.#saves.get(token) === save) this.#saves.delete(token);
      await this.#discard(save);
      throw error;
    });
    save.queue = result.catch(() => undefined);
    return result;
  }

  #runAfter(save: OpenSave, operation: () => Promise<void>): Promise<void> {
    const result = save.queue.then(operation);
    save.queue = result.catch(() => undefined);
    return result;
  }

  async #discard(save: OpenSave): Promise<void> {
    await save.handle.close().catch(() => undefined); // may already be closed
    await rm(save.partialPath, { force: true });
  }
}
