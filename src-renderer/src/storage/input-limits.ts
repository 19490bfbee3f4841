// The input limits the user chose (Settings › Import limits), for every project on this
// computer: stored as one settings row, restored through the core's checks, so a value stored
// by an older or newer version never lets a file past a broken limit.
import { DEFAULT_LIMITS, restoreLimits, type InputLimits, type LimitPolicy } from '../../../src-shared/limits';
import type { SpanwrightDatabase } from './database';
import { SETTING, writeSetting } from './settings';

export async function readInputLimits(db: SpanwrightDatabase): Promise<InputLimits> {
  const row = await db.settings.get(SETTING.inputLimits);
  const restored = restoreLimits(row?.value);
  return restored.ok ? restored.value : { ...DEFAULT_LIMITS };
}

/** The limits every import reads files with, worded for the app. */
export async function readLimitPolicy(db: SpanwrightDatabase): Promise<LimitPolicy> {
  return { limits: await readInputLimits(db), shell: 'app' };
}

export async function writeInputLimits(db: SpanwrightDatabase, limits: InputLimits): Promise<void> {
  const checked = restoreLimits(limits);
  if (!checked.ok) throw new Error(checked.error);
  await writeSetting(db, SETTING.inputLimits, checked.value);
}
