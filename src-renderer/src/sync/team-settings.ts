// Where a project's team server connection is remembered (never the password: the platform
// bridge keeps that, encrypted by the desktop shell or for the session in the web build).
import type { SpanwrightDatabase } from '../storage/database';
import { readSetting, writeSetting } from '../storage/settings';
import { assertMayWrite } from '../storage/write-permits';
import type { SignInMethod } from './server-account';

export interface TeamConnection {
  /** The server's base URL, e.g. `https://couch.example.org` (no database, no credentials). */
  url: string;
  database: string;
  user: string;
  /** Password kept by the platform, or a cookie session (nothing kept; sign in again when it ends). */
  signIn: SignInMethod;
  /** The local annotator whose work is pushed as `user`'s. */
  annotatorId: string;
  /** A database admin: pushes the documents, schema, guidelines and gold too (members push only their own work). */
  lead: boolean;
  /** This install's id on the server (`writer` of what it writes), so its own writes coming back are skipped. */
  replicaId: string;
}

/** What the sync has read and written, so a restart carries on where it stopped. */
export interface SyncCursor {
  /** Change-log `seq` up to which local changes were written to the local replica. */
  pushedLogSeq: number;
  /** Local replica `update_seq` up to which server documents were applied. */
  appliedSeq: number | string;
  /** Local replica `update_seq` up to which the push has sent documents (PouchDB's own checkpoint is what resumes it). */
  pushedReplicaSeq?: number | string;
  /** Ids of the schema renames already applied here (or made here). */
  appliedRenames?: string[];
  /** Server documents that arrived before what they need (an annotations doc before its document): retried. */
  waiting: string[];
}

const connectionKey = (projectId: string) => `teamServer:${projectId}`;
const cursorKey = (projectId: string) => `teamServerCursor:${projectId}`;

export const passwordKey = (connection: Pick<TeamConnection, 'url' | 'database' | 'user'>) =>
  `team-password:${connection.user}@${connection.url}/${connection.database}`;

const isConnection = (v: unknown): v is TeamConnection => {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    ['url', 'database', 'user', 'annotatorId', 'replicaId'].every((k) => typeof c[k] === 'string') &&
    typeof c.lead === 'boolean' &&
    (c.signIn === undefined || c.signIn === 'password' || c.signIn === 'session')
  );
};

const isCursor = (v: unknown): v is SyncCursor => {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.pushedLogSeq === 'number' && (typeof c.appliedSeq === 'number' || typeof c.appliedSeq === 'string') && Array.isArray(c.waiting)
  );
};

export async function readConnection(db: SpanwrightDatabase, projectId: string): Promise<TeamConnection | undefined> {
  const saved = await readSetting(db, connectionKey(projectId), isConnection);
  // Connections saved before cookie sessions existed signed in with a password.
  return saved && { ...saved, signIn: saved.signIn ?? 'password' };
}

export async function writeConnection(db: SpanwrightDatabase, projectId: string, connection: TeamConnection | null): Promise<void> {
  if (connection) await writeSetting(db, connectionKey(projectId), connection);
  else await db.settings.bulkDelete([connectionKey(projectId), cursorKey(projectId), conflictsKey(projectId)]);
}

export async function readCursor(db: SpanwrightDatabase, projectId: string): Promise<SyncCursor | undefined> {
  return readSetting(db, cursorKey(projectId), isCursor);
}

/**
 * How far the sync got is written only by the window that holds the project, checked in the
 * same transaction: a window the project was taken from cannot move it past changes it was
 * refused (the window that took the project applies them).
 */
export async function writeCursor(db: SpanwrightDatabase, projectId: string, cursor: SyncCursor): Promise<void> {
  await db.transaction('rw', db.projects, db.settings, async () => {
    await assertMayWrite(db, projectId);
    await writeSetting(db, cursorKey(projectId), cursor);
  });
}

/** A server document two people changed at once: CouchDB kept `kept`; `others` are the other versions, still in its revision tree. */
export interface SyncConflict {
  id: string;
  kept: string;
  others: string[];
  at: number;
}

const conflictsKey = (projectId: string) => `teamServerConflicts:${projectId}`;

const isConflictList = (v: unknown): v is SyncConflict[] =>
  Array.isArray(v) &&
  v.every((c) => typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.kept === 'string' && Array.isArray(c.others));

export async function readConflicts(db: SpanwrightDatabase, projectId: string): Promise<SyncConflict[]> {
  return (await readSetting(db, conflictsKey(projectId), isConflictList)) ?? [];
}

export async function writeConflicts(db: SpanwrightDatabase, projectId: string, conflicts: readonly SyncConflict[]): Promise<void> {
  await db.transaction('rw', db.projects, db.settings, async () => {
    await assertMayWrite(db, projectId);
    await writeSetting(db, conflictsKey(projectId), conflicts);
  });
}
