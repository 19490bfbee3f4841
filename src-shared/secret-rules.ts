// What a secret kept by the platform (the bridge's `secrets`) may be: the same rules on the
// desktop, where main checks every IPC argument, and on the web.
import { fail, ok, type Result } from './result';

export const SECRET_LIMITS = {
  /** UTF-16 code units; room for a user name, a server address and a database name. */
  maxKeyLength: 512,
  /** UTF-16 code units: a password or a token, not a document. */
  maxValueLength: 8 * 1024,
  /** So a runaway caller cannot grow the secrets file without end. */
  maxSecrets: 200,
} as const;

// Control, invisible formatting and line-separator characters, and lone surrogates: a key
// that holds them cannot be told apart from another one, or does not survive UTF-8.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/** A key: 1–512 printable characters, e.g. `team-password:ana@https://couch.example.org/project`. */
export function checkSecretKey(value: unknown): Result<string> {
  if (typeof value !== 'string' || value.length === 0 || value.length > SECRET_LIMITS.maxKeyLength) {
    return fail(`a secret's key must be a string of 1-${SECRET_LIMITS.maxKeyLength} characters`);
  }
  if (UNPRINTABLE.test(value)) return fail("a secret's key must be printable characters only");
  return ok(value);
}

/** A value: any string of at most 8 Ki UTF-16 code units. */
export function checkSecretValue(value: unknown): Result<string> {
  if (typeof value !== 'string' || value.length > SECRET_LIMITS.maxValueLength) {
    return fail(`a secret must be a string of at most ${SECRET_LIMITS.maxValueLength} characters`);
  }
  return ok(value);
}

export const TOO_MANY_SECRETS_MESSAGE = `At most ${SECRET_LIMITS.maxSecrets} passwords can be saved. Forget some you no longer use.`;
