// Checks every value that arrives over IPC. The renderer is treated as untrusted: a bug or an
// injected script there must not be able to make main write odd paths or exhaust memory.
import { checkBackupId, checkBackupRequest, type BackupRequest } from '../src-shared/backups';
import type { FileFilter } from '../src-shared/bridge';
import { isWindowsDeviceName } from '../src-shared/formats/file-names';
import type { Result } from '../src-shared/result';
import { checkSecretKey, checkSecretValue } from '../src-shared/secret-rules';

export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

export const LIMITS = {
  maxFilters: 20,
  maxFilterNameLength: 100,
  maxExtensionsPerFilter: 50,
  maxExtensionLength: 20,
  maxFileNameLength: 255,
  /** UTF-16 code units per chunk; a UTF-8 encoded chunk is at most three times as many bytes. */
  maxChunkLength: 16 * 1024 * 1024,
} as const;

/** Tokens are made by main (save-session.ts): 32 lowercase hex digits. */
export const SAVE_TOKEN_PATTERN = /^[0-9a-f]{32}$/;

// No dots or wildcards inside (Electron's rule), or "*" alone for all files.
const EXTENSION_PATTERN = /^(?:\*|[A-Za-z0-9_-]+)$/;
// Control characters are invisible in dialogs and can confuse terminals and logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const PATH_SEPARATORS = /[/\\]/;

function fail(message: string): never {
  throw new IpcValidationError(message);
}

export function validateFileFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value)) fail('filters must be an array');
  if (value.length > LIMITS.maxFilters) fail(`at most ${LIMITS.maxFilters} filters are allowed`);
  return value.map((filter: unknown, index): FileFilter => {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) fail(`filter ${index} must be an object`);
    const { name, extensions } = filter as Record<string, unknown>;
    if (typeof name !== 'string' || name.length === 0 || name.length > LIMITS.maxFilterNameLength) {
      fail(`filter ${index}: name must be a string of 1-${LIMITS.maxFilterNameLength} characters`);
    }
    if (CONTROL_CHARACTERS.test(name)) fail(`filter ${index}: name contains control characters`);
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > LIMITS.maxExtensionsPerFilter) {
      fail(`filter ${index}: extensions must be an array of 1-${LIMITS.maxExtensionsPerFilter} strings`);
    }
    const checked = extensions.map((extension: unknown): string => {
      if (
        typeof extension !== 'string' ||
        extension.length > LIMITS.maxExtensionLength ||
        !EXTENSION_PATTERN.test(extension)
      ) {
        fail(`filter ${index}: extension ${JSON.stringify(extension)} must be letters, digits, "-" or "_" without a dot, or "*"`);
      }
      return extension;
    });
    // A fresh object: nothing extra the sender attached (getters, prototypes) reaches the dialog.
    return { name, extensions: checked };
  });
}

/** A file name (not a path) to prefill in the save dialog. */
export function validateSuggestedName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.maxFileNameLength) {
    fail(`suggested file name must be a string of 1-${LIMITS.maxFileNameLength} characters`);
  }
  if (PATH_SEPARATORS.test(value)) fail('suggested file name must not contain path separators');
  if (CONTROL_CHARACTERS.test(value)) fail('suggested file name contains control characters');
  if (value === '.' || value === '..' || value.trim() === '') fail('suggested file name is not a file name');
  // Names Windows opens as a device whatever the extension; a suggestion must work on every OS.
  if (isWindowsDeviceName(value)) fail('suggested file name is reserved on Windows');
  return value;
}

export function validateSaveToken(value: unknown): string {
  if (typeof value !== 'string' || !SAVE_TOKEN_PATTERN.test(value)) fail('save token is malformed');
  return value;
}

export function validateChunk(value: unknown): string | Uint8Array {
  if (value instanceof Uint8Array) {
    if (value.byteLength > LIMITS.maxChunkLength) fail(`chunk is longer than ${LIMITS.maxChunkLength} bytes; write smaller chunks`);
    return value;
  }
  if (typeof value !== 'string') fail('chunk must be a string or bytes');
  if (value.length > LIMITS.maxChunkLength) fail(`chunk is longer than ${LIMITS.maxChunkLength} characters; write smaller chunks`);
  return value;
}

/** For channels that take no arguments: extra arguments mean a caller we do not know. */
export function validateNoArguments(args: readonly unknown[]): void {
  if (args.length !== 0) fail('this call takes no arguments');
}

function valueOrFail<T>(result: Result<T>): T {
  if (!result.ok) fail(result.error);
  return result.value;
}

/** The rules are shared with the web build (secret-rules.ts), so both refuse the same keys. */
export function validateSecretKey(value: unknown): string {
  return valueOrFail(checkSecretKey(value));
}

export function validateSecretValue(value: unknown): string {
  return valueOrFail(checkSecretValue(value));
}

/** What a snapshot is of (backups.ts): ids, names and counts only; main makes the path. */
export function validateBackupRequest(value: unknown): BackupRequest {
  return valueOrFail(checkBackupRequest(value));
}

/** A snapshot id as main made it (`BACKUP_ID_PATTERN`): nothing else reaches the file system. */
export function validateBackupId(value: unknown): string {
  return valueOrFail(checkBackupId(value));
}
