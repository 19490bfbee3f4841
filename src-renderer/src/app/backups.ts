// Automatic snapshots of projects (project bundles) and restoring one. A snapshot is taken
// before an import, a schema upgrade and a schema item's delete, and once a day; the platform's
// backup store keeps and rotates them (src-shared/backups.ts). The bundle is built in a worker
// (snapshot-worker.ts), which reads the project itself, so the window never holds or packs the
// whole project in one task; in the window only where there are no workers (Node, unit tests) and
// before a schema upgrade (the worker would open, and so upgrade, the database).
import Dexie from 'dexie';
import { dailyBackupDue, type BackupInfo, type BackupReason } from '../../../src-shared/backups';
import type { BackupStore } from '../../../src-shared/bridge';
import type { Annotator } from '../../../src-shared/domain';
import { BUNDLE_EXTENSION } from '../../../src-shared/formats/project-bundle';
import { OWN_FILE_LIMITS } from '../../../src-shared/limits';
import type { SpanwrightDatabase } from '../storage/database';
import type { ImportRunner } from './import-runner';
import { importProjectBundle, prepareProjectBundle } from './project-bundle';
import type { FromSnapshotWorker, ToSnapshotWorker } from './snapshot-protocol';
import { errorMessage } from '../../../src-shared/result';

interface BuiltSnapshot {
  projectName: string;
  documents: number;
  spans: number;
  /** The bundle's text. */
  parts: string[];
}

async function buildInWindow(db: SpanwrightDatabase, projectId: string, self: Annotator): Promise<BuiltSnapshot> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('The project no longer exists.');
  const bundle = await prepareProjectBundle(db, project, self);
  return {
    projectName: project.name,
    documents: bundle.summary.documents,
    spans: bundle.summary.spans,
    // A bundle is text (Spanwright JSONL lines); an export's parts may be bytes only for zips.
    parts: bundle.parts.map((part) => (typeof part === 'string' ? part : new TextDecoder().decode(part))),
  };
}

function buildInWorker(databaseName: string, projectId: string, self: Annotator): Promise<BuiltSnapshot> {
  const worker = new Worker(new URL('./snapshot-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<BuiltSnapshot>((resolve, reject) => {
    const parts: string[] = [];
    worker.onmessage = (event: MessageEvent<FromSnapshotWorker>) => {
      const message = event.data;
      if (message.type === 'piece') parts.push(message.text);
      else {
        worker.terminate();
        if (message.type === 'failed') reject(new Error(message.reason));
        else resolve({ projectName: message.projectName, documents: message.documents, spans: message.spans, parts });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'The snapshot worker failed.'));
    };
    worker.postMessage({ databaseName, projectId, self } satisfies ToSnapshotWorker);
  });
}

async function writeSnapshot(store: BackupStore, projectId: string, reason: BackupReason, built: BuiltSnapshot): Promise<BackupInfo> {
  return store.write(
    { projectId, projectName: built.projectName, reason, documents: built.documents, spans: built.spans },
    built.parts,
  );
}

/** Writes a snapshot of one project; rejects with the reason when it could not be written. */
export async function snapshotProject(
  db: SpanwrightDatabase,
  store: BackupStore,
  projectId: string,
  reason: BackupReason,
  self: Annotator,
): Promise<BackupInfo> {
  const built = typeof Worker === 'undefined' ? await buildInWindow(db, projectId, self) : await buildInWorker(db.name, projectId, self);
  return writeSnapshot(store, projectId, reason, built);
}

/** The daily snapshot of a project, when none was taken in the last 24 hours; null when not due. */
export async function snapshotIfDue(
  db: SpanwrightDatabase,
  store: BackupStore,
  projectId: string,
  self: Annotator,
  now = Date.now(),
): Promise<BackupInfo | null> {
  if (!dailyBackupDue(await store.list(), projectId, now)) return null;
  return snapshotProject(db, store, projectId, 'daily', self);
}

/** The oldest stored version whose tables a bundle can be built from (relations and document labels came in 3). */
const OLDEST_BUNDLED_VERSION = 3;

/**
 * Before `db` opens and upgrades an older database, a snapshot of every project in it, read by
 * a connection that declares no schema (Dexie then opens the stored version as it is). Must run
 * before anything else touches `db`. Returns the snapshots written (none when no upgrade is due).
 */
export async function snapshotBeforeUpgrade(db: SpanwrightDatabase, store: BackupStore): Promise<BackupInfo[]> {
  if (!(await Dexie.exists(db.name))) return [];
  const stored = new Dexie(db.name);
  try {
    await stored.open();
    if (stored.verno >= db.verno || stored.verno < OLDEST_BUNDLED_VERSION) return [];
    // The current code reads the older tables by their names; their rows have the shape the
    // bundle needs from version 3 on (later versions only added tables).
    for (const table of stored.tables) Object.defineProperty(stored, table.name, { value: table });
    const old = stored as unknown as SpanwrightDatabase;
    const self = ((await old.settings.get('annotator'))?.value as Annotator | undefined) ?? { id: 'unknown', name: '' };
    const written: BackupInfo[] = [];
    // In the window: a worker would open the database with the current schema, upgrading it.
    for (const project of await old.projects.toArray())
      written.push(await writeSnapshot(store, project.id, 'upgrade', await buildInWindow(old, project.id, self)));
    return written;
  } finally {
    stored.close();
  }
}

export type RestoreTarget = { kind: 'new-project' } | { kind: 'replace'; projectId: string };

export interface RestoreProgress {
  /** Bytes of the bundle restored so far, of all. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops the restore (ImportCancelledError): nothing of it is written. */
  signal?: AbortSignal;
}

export interface RestoreOutcome {
  projectId: string;
  name: string;
  documents: number;
  spans: number;
  /** The snapshot of the replaced project, taken first. */
  before?: BackupInfo;
}

/**
 * Restores a snapshot as a new project, or in place of a project. Replacing takes a snapshot
 * of the project first (if that fails nothing is changed), then deletes it and restores the
 * bundle in one strictly durable transaction, in the import worker: a failure leaves it as it was. The restored
 * project gets a new id, as any project made from a bundle: what was keyed by the old one
 * (the document list's index, a team server connection) starts afresh rather than taking an
 * older state for a newer one.
 */
export async function restoreBackup(
  db: SpanwrightDatabase,
  store: BackupStore,
  backup: BackupInfo,
  target: RestoreTarget,
  self: Annotator,
  progress: RestoreProgress & { runner?: ImportRunner } = {},
): Promise<RestoreOutcome> {
  const bytes = await store.read(backup.id);
  const file = { name: `${backup.id}.${BUNDLE_EXTENSION}`, body: bytes };
  // The import worker reads and writes it, in one strictly durable transaction (bundle-job.ts).
  const options = { limits: { limits: OWN_FILE_LIMITS, shell: 'app' as const }, ...progress };
  if (target.kind === 'new-project') {
    const restored = await importProjectBundle(db, file, self, options);
    return { projectId: restored.id, name: restored.name, documents: restored.documents, spans: restored.spans };
  }
  let before: BackupInfo;
  try {
    before = await snapshotProject(db, store, target.projectId, 'before-restore', self);
  } catch (error) {
    throw new Error(`Nothing was restored: the backup of the project as it is now could not be written (${errorMessage(error)}).`);
  }
  const restored = await importProjectBundle(db, file, self, { ...options, replace: target.projectId });
  return { projectId: restored.id, name: restored.name, documents: restored.documents, spans: restored.spans, before };
}
