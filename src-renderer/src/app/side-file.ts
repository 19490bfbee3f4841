// Small files read beside the work (an import's label list, a suggestions rules file or term
// list): read whole, so first checked against the file-size limit (Settings › Import limits),
// then decoded as strict UTF-8. A refusal names the file and the limit, never a browser's
// out-of-memory crash or a page of U+FFFD.
import { decodeTextFile } from '../../../src-shared/formats/decode';
import { limitRefusal, type LimitPolicy } from '../../../src-shared/limits';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { UnreadFile } from './chosen-files';

export async function readSideFile(file: UnreadFile, policy: LimitPolicy): Promise<Result<string>> {
  if (file.size > policy.limits.fileBytes) return fail(`${file.name}: ${limitRefusal('fileBytes', policy, file.size)}`);
  const decoded = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return fail(`${file.name}: ${decoded.reason}`);
  return ok(decoded.text);
}
