// Automatic backups (snapshots): what one is, how it is named, what a caller may ask to have
// written, and which are kept. Shared by the desktop's backup folder (main process), the web
// build's backup database and the restore dialog, so all keep and refuse the same ones.
import { fail, ok, type Result } from './result';

/** Why a snapshot was taken. */
export type BackupReason = 'import' | 'upgrade' | 'schema-delete' | 'daily' | 'before-restore';

export const BACKUP_REASONS: readonly BackupReason[] = ['import', 'upgrade', 'schema-delete', 'daily', 'before-restore'];

/**
 * How many snapshots of each reason are kept per project; older ones are deleted when a new
 * one is written. Twenty-three at most per project: enough to step back over a week of days
 * and several imports, without the folder growing without end.
 */
export const BACKUPS_KEPT: Readonly<Record<BackupReason, number>> = {
  import: 5,
  upgrade: 3,
  'schema-delete': 5,
  daily: 7,
  'before-restore': 3,
};

/** Words for the restore dialog ("Before an import"). */
export const BACKUP_REASON_TEXT: Readonly<Record<BackupReason, string>> = {
  import: 'Before an import',
  upgrade: 'Before a database upgrade',
  'schema-delete': 'Before a delete in Labels',
  daily: 'Daily',
  'before-restore': 'Before a restore',
};

/** What the renderer asks to have written: never a path or a name, only facts about the bundle. */
export interface BackupRequest {
  projectId: string;
  projectName: string;
  reason: BackupReason;
  documents: number;
  spans: number;
}

/** A snapshot as listed: the request plus what the store gave it. */
export interface BackupInfo extends BackupRequest {
  /** Made by the store (`backupId`); the only way the renderer names a snapshot. */
  id: string;
  /** Milliseconds since 1970 (UTC). */
  createdAt: number;
  /** Size of the bundle. */
  bytes: number;
}

export const BACKUP_LIMITS = {
  maxProjectIdLength: 100,
  maxProjectNameLength: 500,
} as const;

/**
 * `20261202T123456789Z-import-0123456789abcdef`: sortable by time, the reason readable in a
 * file listing, and random enough that two in one millisecond never meet. Letters, digits and
 * "-" only, so it is a safe file name everywhere and can never climb out of the folder.
 */
export const BACKUP_ID_PATTERN = /^\d{8}T\d{9}Z-(?:import|upgrade|schema-delete|daily|before-restore)-[0-9a-f]{16}$/;

/** `randomHex` must be 16 lowercase hex digits (the store draws them). */
export function backupId(createdAt: Date, reason: BackupReason, randomHex: string): string {
  const stamp = createdAt.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${reason}-${randomHex}`;
}

export function checkBackupId(value: unknown): Result<string> {
  if (typeof value !== 'string' || !BACKUP_ID_PATTERN.test(value)) return fail('backup id is malformed');
  return ok(value);
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
// Control and invisible formatting characters, lone surrogates: a name that cannot be shown as it is.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

function isReason(value: unknown): value is BackupReason {
  return typeof value === 'string' && (BACKUP_REASONS as readonly string[]).includes(value);
}

/** Checks a request that arrives from elsewhere (IPC); a fresh object, nothing extra kept. */
export function checkBackupRequest(value: unknown): Result<BackupRequest> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('backup request must be an object');
  const { projectId, projectName, reason, documents, spans } = value as Record<string, unknown>;
  if (
    typeof projectId !== 'string' ||
    projectId.length === 0 ||
    projectId.length > BACKUP_LIMITS.maxProjectIdLength ||
    UNPRINTABLE.test(projectId)
  )
    return fail(`backup project id must be 1-${BACKUP_LIMITS.maxProjectIdLength} printable characters`);
  if (typeof projectName !== 'string' || projectName.length > BACKUP_LIMITS.maxProjectNameLength)
    return fail(`backup project name must be a string of at most ${BACKUP_LIMITS.maxProjectNameLength} characters`);
  if (!isReason(reason)) return fail(`backup reason must be one of ${BACKUP_REASONS.join(', ')}`);
  if (!isCount(documents) || !isCount(spans)) return fail('backup counts must be whole numbers of at least 0');
  return ok({ projectId, projectName, reason, documents, spans });
}

/** A stored description read back (a sidecar file, a database row): null when it is not one. */
export function restoreBackupInfo(value: unknown): BackupInfo | null {
  const request = checkBackupRequest(value);
  if (!request.ok) return null;
  const { id, createdAt, bytes } = value as Record<string, unknown>;
  if (!checkBackupId(id).ok || !isCount(createdAt) || !isCount(bytes)) return null;
  return { ...request.value, id: id as string, createdAt, bytes };
}

/** Newest first; the id breaks ties (it starts with the time). */
export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The snapshots rotation deletes: beyond the newest `BACKUPS_KEPT[reason]` of each project and reason. */
export function backupsToDrop(backups: readonly BackupInfo[], kept: Readonly<Record<BackupReason, number>> = BACKUPS_KEPT): BackupInfo[] {
  const seen = new Map<string, number>();
  const drop: BackupInfo[] = [];
  for (const backup of newestFirst(backups)) {
    const key = `${backup.projectId}\u0000${backup.reason}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > kept[backup.reason]) drop.push(backup);
  }
  return drop;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a project is due its daily snapshot: no daily one in the last 24 hours (one from the future, a clock put back, counts as none). */
export function dailyBackupDue(backups: readonly BackupInfo[], projectId: string, now: number): boolean {
  return !backups.some((b) => b.projectId === projectId && b.reason === 'daily' && b.createdAt <= now && now - b.createdAt < DAY_MS);
}
