// First steps on every start: the annotator identity, the project to open (the demo project
// on first start), and a request for persistent storage so the browser never evicts our data.
import type { BackupStore } from '../../../src-shared/bridge';
import type { Annotator } from '../../../src-shared/domain';
import { errorMessage } from '../../../src-shared/result';
import { rememberAnnotator } from '../storage/annotators';
import type { SpanwrightDatabase } from '../storage/database';
import { readSetting, SETTING, writeSetting, isString } from '../storage/settings';
import { snapshotBeforeUpgrade } from './backups';
import { createDemoProject } from './demo-project';
import { newId } from './ids';

const isAnnotator = (v: unknown): v is Annotator =>
  typeof v === 'object' && v !== null && isString((v as Annotator).id) && isString((v as Annotator).name);

export interface StartState {
  annotator: Annotator;
  projectId: string;
  persisted: boolean;
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

async function startOnce(db: SpanwrightDatabase): Promise<StartState> {
  let annotator = await readSetting(db, SETTING.annotator, isAnnotator);
  if (!annotator) {
    annotator = { id: newId(), name: '' };
    await writeSetting(db, SETTING.annotator, annotator);
  }
  await rememberAnnotator(db, annotator);
  let projectId = await readSetting(db, SETTING.lastProjectId, isString);
  if (!projectId || !(await db.projects.get(projectId))) {
    projectId = (await db.projects.orderBy('name').first())?.id ?? (await createDemoProject(db, annotator.id));
    await writeSetting(db, SETTING.lastProjectId, projectId);
  }
  const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
  return { annotator, projectId, persisted };
}
