// Which projects this window may write: a permit per project, given when the window takes the
// project's Web Lock (platform/project-locks.ts) and revoked the moment another window takes it.
// commit.ts and the team sync's cursor check it inside their write transactions.
import { checkWrite, projectWriterKey, type WritePermit } from '../../../src-shared/project-lock';
import type { SpanwrightDatabase } from './database';

interface Held extends WritePermit {
  /** Aborted when the permit is revoked: background writers (team sync, the tagger) stop on it. */
  controller: AbortController;
}

/** A write refused because this window does not hold the project. */
export class ProjectNotHeldError extends Error {
  override name = 'ProjectNotHeldError';
}

// This window's permits, by database name (not connection: durable.ts opens a second connection
// to the same database for imports and restores). Only databases the app guards are checked:
// tools and storage tests that write without a window (and without Web Locks) are not.
const permits = new Map<string, Map<string, Held>>();

/** Turns the check on for this database: from now on, a project is written only under a permit. */
export function guardProjectWrites(db: SpanwrightDatabase): void {
  if (!permits.has(db.name)) permits.set(db.name, new Map());
}

const held = (db: SpanwrightDatabase) => permits.get(db.name);

/**
 * Gives this window the right to write a project it has just taken the lock of, and writes its
 * token as the project's writer (the fence): a write from a window the project was taken from
 * finds another token and is refused, even before that window hears of the steal.
 */
export async function takeWrites(db: SpanwrightDatabase, projectId: string): Promise<void> {
  const map = held(db);
  if (!map) return;
  map.get(projectId)?.controller.abort();
  const permit: Held = { token: crypto.randomUUID(), revoked: false, fenced: false, controller: new AbortController() };
  map.set(projectId, permit);
  try {
    await db.settings.put({ key: projectWriterKey(projectId), value: permit.token });
    permit.fenced = true;
  } catch {
    // A full disk refuses even this small write. The lock alone guards the project then, and
    // every write fails on the disk anyway, so nothing is written that the fence would stop.
  }
}

/** Another window took the project: nothing more is written from here. Synchronous, on purpose. */
export function revokeWrites(db: SpanwrightDatabase, projectId: string): void {
  const permit = held(db)?.get(projectId);
  if (!permit) return;
  permit.revoked = true;
  permit.controller.abort();
}

/**
 * This window leaves a project for another: writes it had queued for it (an edit made just
 * before) may still land for `graceMs`, then the permit ends. The fence refuses them should
 * another window take the project meanwhile.
 */
export function leaveWrites(db: SpanwrightDatabase, projectId: string, graceMs = 10_000): void {
  const permit = held(db)?.get(projectId);
  if (!permit) return;
  setTimeout(() => {
    if (held(db)?.get(projectId) !== permit) return;
    revokeWrites(db, projectId);
    held(db)?.delete(projectId);
  }, graceMs);
}

/** Aborted when this window loses the project; undefined where writes are not guarded or the project not held. */
export function writesSignal(db: SpanwrightDatabase, projectId: string): AbortSignal | undefined {
  return held(db)?.get(projectId)?.controller.signal;
}

/** Creates a project under a permit of its own: nobody else can hold a project that does not exist yet. */
export async function withNewProject<T>(db: SpanwrightDatabase, projectId: string, create: () => Promise<T>): Promise<T> {
  const map = held(db);
  if (!map || map.has(projectId)) return create();
  const permit: Held = { token: '', revoked: false, fenced: false, controller: new AbortController() };
  map.set(projectId, permit);
  try {
    return await create();
  } finally {
    if (map.get(projectId) === permit) map.delete(projectId);
  }
}

/**
 * Refuses a write unless this window holds the project. Call it first inside the write's
 * transaction, which must include `settings` and `projects`: the fence is read in the same
 * transaction as the write, and IndexedDB runs read-write transactions over the same tables one
 * after the other, so the write either commits before the taking window wrote its token (and
 * that window reads it when it loads) or sees that token and is refused. The only gap left is a
 * window whose fence write failed (a full disk), where the permit flag alone guards.
 */
export async function assertMayWrite(db: SpanwrightDatabase, projectId: string): Promise<void> {
  const map = held(db);
  if (!map) return;
  const permit = map.get(projectId);
  const stored = permit?.fenced && !permit.revoked ? (await db.settings.get(projectWriterKey(projectId)))?.value : undefined;
  if (checkWrite(permit, stored, '').ok) return;
  const refused = checkWrite(permit, stored, (await db.projects.get(projectId))?.name ?? '');
  // Another writer found before this window heard of the steal: the background writers stop now too.
  if (permit && !permit.revoked) revokeWrites(db, projectId);
  throw new ProjectNotHeldError(refused.ok ? 'This window does not hold the project.' : refused.error);
}

/** What a worker writing for this window (a streamed import) checks: this window's permit as it is now. */
export interface LentPermit {
  /** False where writes are not guarded (tools and storage tests): the worker writes unchecked. */
  guarded: boolean;
  permit?: WritePermit;
}

/** This window's permit for a project, to lend to a worker that writes for it. */
export function lendPermit(db: SpanwrightDatabase, projectId: string): LentPermit {
  const map = held(db);
  if (!map) return { guarded: false };
  const permit = map.get(projectId);
  return permit ? { guarded: true, permit: { token: permit.token, revoked: permit.revoked, fenced: permit.fenced } } : { guarded: true };
}

/** assertMayWrite, in a worker, for a lent permit: the same fence, read in the worker's write transaction. */
export async function assertLentPermit(db: SpanwrightDatabase, projectId: string, lent: LentPermit): Promise<void> {
  if (!lent.guarded) return;
  const stored = lent.permit?.fenced && !lent.permit.revoked ? (await db.settings.get(projectWriterKey(projectId)))?.value : undefined;
  if (checkWrite(lent.permit, stored, '').ok) return;
  const refused = checkWrite(lent.permit, stored, (await db.projects.get(projectId))?.name ?? '');
  throw new ProjectNotHeldError(refused.ok ? 'This window does not hold the project.' : refused.error);
}
