// First steps on every start: the annotator identity, the project to open (the demo project
// on first start), and a request for persistent storage so the browser never evicts our data.
// None of them needs to write: on a full disk the app opens read-only (storage/space-guard.ts).
import type { BackupStore } from '../../../src-shared/bridge';
import type { Annotator } from '../../../src-shared/domain';
import { errorMessage } from '../../../src-shared/result';
import { isQuotaError, isReadOnlyRefusal } from '../../../src-shared/storage-space';
import { rememberAnnotator } from '../storage/annotators';
import type { SpanwrightDatabase } from '../storage/database';
import { readSetting, SETTING, writeSetting, isString } from '../storage/settings';
import { checkSpace, checkWritable, noteStartUnsaved, requestPersistence } from '../storage/space-guard';
import { snapshotBeforeUpgrade } from './backups';
import { createDemoProject } from './demo-project';
import { newId } from './ids';

const isAnnotator = (v: unknown): v is Annotator =>
  typeof v === 'object' && v !== null && isString((v as Annotator).id) && isString((v as Annotator).name);

export interface StartState {
  annotator: Annotator;
  /** The project to open; '' when there is none and the demo project could not be stored (a full disk). */
  projectId: string;
}

const started = new WeakMap<SpanwrightDatabase, Promise<StartState>>();

/**
 * Runs once per database, however often it is called (React may mount twice in development).
 * With `backups`, a database about to be upgraded is first saved there (app/backups.ts).
 */
export function start(db: SpanwrightDatabase, backups?: BackupStore): Promise<StartState> {
  let running = started.get(db);
  if (!running) {
    running = (backups ? backUpBeforeUpgrade(db, backups) : Promise.resolve()).then(() => startOnce(db));
    started.set(db, running);
  }
  return running;
}

/** No upgrade without a restore point: if the snapshot cannot be written, the database is left as it is. */
async function backUpBeforeUpgrade(db: SpanwrightDatabase, backups: BackupStore): Promise<void> {
  try {
    await snapshotBeforeUpgrade(db, backups);
  } catch (error) {
    throw new Error(
      `This version must upgrade the database, and a backup of your projects is taken first; it could not be written (${errorMessage(error)}). Nothing was changed.`,
    );
  }
}

/** What a start-up write returns when the disk is full. */
const NOT_STORED = Symbol('not stored');

/**
 * Runs a start-up write when there is space; NOT_STORED when the disk is full (the app is then
 * read-only and says so). Any other failure is a real error and stops the start as before.
 */
async function storeIfPossible<T>(write: () => Promise<T>): Promise<T | typeof NOT_STORED> {
  try {
    return await write();
  } catch (error) {
    if (isReadOnlyRefusal(error) || isQuotaError(error)) return NOT_STORED;
    throw error;
  }
}

async function startOnce(db: SpanwrightDatabase): Promise<StartState> {
  await db.open();
  // One small write tells whether there is space; without it the app opens read-only.
  await checkWritable(db.name, db.backendDB());
  void checkSpace(db.name);
  void requestPersistence(db.name);
  // Whether what a first start makes (your identity, the demo project) is stored, not only in memory.
  let stored = true;
  let annotator = await readSetting(db, SETTING.annotator, isAnnotator);
  if (!annotator) {
    const fresh = { id: newId(), name: '' };
    annotator = fresh;
    if ((await storeIfPossible(() => writeSetting(db, SETTING.annotator, fresh))) === NOT_STORED) stored = false;
  }
  const self = annotator;
  await storeIfPossible(() => rememberAnnotator(db, self));
  let projectId = await readSetting(db, SETTING.lastProjectId, isString);
  if (!projectId || !(await db.projects.get(projectId))) {
    const first = (await db.projects.orderBy('name').first())?.id;
    const chosen = first ?? (await storeIfPossible(() => createDemoProject(db, self.id)));
    if (chosen === NOT_STORED) {
      stored = false;
      projectId = '';
    } else {
      projectId = chosen;
      await storeIfPossible(() => writeSetting(db, SETTING.lastProjectId, chosen));
    }
  }
  // The app starts again once there is space (Try again), so nothing made meanwhile belongs to nobody.
  if (!stored) noteStartUnsaved(db.name);
  return { annotator, projectId };
}
