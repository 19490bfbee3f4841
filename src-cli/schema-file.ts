// `--schema FILE` (validate, stats): a project bundle (.spanwright) or a JSON schema, read
// through the core's restore step as the app would read it.
import { readFile } from 'node:fs/promises';
import type { LabelSchema } from '../src-shared/domain';
import { fail, type Result } from '../src-shared/result';
import { readSchemaFile } from './agreement-input';
import { readFailure } from './corpus-file';

/** The schema in `path`, or why it cannot be had (`cannot be read: ...`, or what is wrong with it). */
export async function loadSchema(path: string): Promise<Result<LabelSchema>> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return fail(readFailure(error));
  }
  return readSchemaFile(path, bytes);
}
