// First steps on every start: the annotator identity, the project to open (the demo project
// on first start), and a request for persistent storage so the browser never evicts our data.
import type { Annotator } from '../../../src-shared/domain';
import { rememberAnnotator } from '../storage/annotators';
import type { SpanwrightDatabase } from '../storage/database';
import { readSetting, SETTING, writeSetting, isString } from '../storage/settings';
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

/** Runs once per database, however often it is called (React may mount twice in development). */
export function start(db: SpanwrightDatabase): Promise<StartState> {
  let running = started.get(db);
  if (!running) {
    running = startOnce(db);
    started.set(db, running);
  }
  return running;
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
