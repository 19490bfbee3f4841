// The one way the core reports a failure that callers must handle: a Result, never a
// `string | null`, `{ reason }` or a thrown error for an expected problem.
import { describeError } from './describe-error';
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** The message of anything thrown, for showing to a user: causes in words, not `QuotaExceededError` (describe-error.ts). */
export function errorMessage(error: unknown): string {
  return describeError(error);
}
