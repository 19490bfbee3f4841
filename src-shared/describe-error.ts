// Errors in words: what went wrong, said for the user, instead of a browser's raw name
// (`UnknownError`, `NotReadableError`), a library's prefix (Dexie's "OpenFailedError …") or
// Electron's ("Error invoking remote method 'spanwright:open-files': Error: …").
import { spaceErrorMessage } from './storage-space';

/** DOMException, IndexedDB and Dexie error names, and what they mean here. */
const CAUSES: ReadonlyMap<string, string> = new Map([
  ['UnknownError', 'The browser could not read or write its storage (a disk error, or access to storage refused).'],
  ['VersionError', 'The database was saved by a newer version of Spanwright; update Spanwright to open it.'],
  ['InvalidStateError', 'The database was closed while in use (another window or tab may have upgraded it); reload Spanwright.'],
  ['DatabaseClosedError', 'The database was closed while in use (another window or tab may have upgraded it); reload Spanwright.'],
  ['MissingAPIError', 'This browser offers no database (IndexedDB); a private window may switch it off.'],
  ['SecurityError', 'The browser refused access to its storage (a private window or a site setting may block it).'],
  ['NotReadableError', 'The file could not be read: it may have been moved, deleted or changed, or be locked by another program.'],
  ['NotFoundError', 'It was not found: it may have been moved or deleted.'],
  ['EncodingError', 'The file is not valid text in the expected encoding.'],
  ['AbortError', 'It was interrupted before it finished.'],
  ['TimeoutError', 'It took too long and was stopped.'],
  ['NotAllowedError', 'The browser did not allow it.'],
  ['ReadOnlyError', 'The database was open for reading only.'],
  ['ConstraintError', 'An item with the same id exists already.'],
  ['DataCloneError', 'The data could not be passed between parts of the app.'],
  ['NetworkError', 'The network connection failed.'],
]);

/** Node's error codes (Electron's main process: reading and saving files). */
const SYSTEM_CAUSES: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'The file or folder does not exist (any more).'],
  ['EACCES', 'Permission to the file or folder was denied.'],
  ['EPERM', 'The operating system did not allow it.'],
  ['EROFS', 'The disk is read-only.'],
  ['EBUSY', 'The file is in use by another program.'],
  ['EISDIR', 'A folder was given where a file was expected.'],
  ['EMFILE', 'Too many files are open at once.'],
]);

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The error and what it wraps (Dexie's `inner`, the standard `cause`), outermost first. */
function chainOf(error: unknown): ErrorFields[] {
  const chain: ErrorFields[] = [];
  let current = error;
  while (typeof current === 'object' && current !== null && chain.length < 5) {
    const fields = current as ErrorFields;
    chain.push(fields);
    current = fields.inner ?? fields.cause;
  }
  return chain;
}

const IPC_PREFIX = /^Error invoking remote method '[^']*': /u;
/**
 * `Error: `, `TypeError: `, or Dexie's `OpenFailedError ` (it puts the inner name before its
 * message with a space): a bare `Error` needs the colon, so "Error handling…" stays whole.
 */
const NAME_PREFIX = /^([A-Z][A-Za-z]*(?:Error|Exception)|Error|Exception)(?::\s*|(?<=[a-z][A-Za-z]*(?:Error|Exception))\s+(?=\S))/u;

/** The message without the prefixes wrappers add, and the error names those prefixes held. */
function cleanMessage(message: string): { text: string; names: string[] } {
  let text = message.trim().replace(IPC_PREFIX, '');
  const names: string[] = [];
  for (let match = NAME_PREFIX.exec(text); match !== null; match = NAME_PREFIX.exec(text)) {
    names.push(match[1] ?? '');
    text = text.slice(match[0].length);
  }
  return { text: text.trim(), names };
}

const stringField = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The user's words for anything thrown: a known cause in words (a full disk, storage refused, a
 * file gone, a newer database), with the original text after it when it adds something; any
 * other error's own message, without the names and prefixes wrappers put before it.
 */
export function describeError(error: unknown): string {
  // A full disk, and a write refused while read-only, in the read-only banner's words.
  const space = spaceErrorMessage(error);
  if (space !== null) return space;
  if (!(typeof error === 'object' && error !== null)) return String(error);
  const chain = chainOf(error);
  const outer = cleanMessage(stringField(chain[0]?.message));
  const inner = cleanMessage(stringField(chain[chain.length - 1]?.message));
  const names = [...chain.map((fields) => stringField(fields.name)), ...outer.names];
  const codes = chain.map((fields) => stringField(fields.code));
  const codeInText = /\b(E[A-Z]{2,}):/u.exec(outer.text)?.[1];
  if (codeInText !== undefined) codes.push(codeInText);

  const cause =
    names.map((name) => CAUSES.get(name)).find((words) => words !== undefined) ??
    codes.map((code) => SYSTEM_CAUSES.get(code)).find((words) => words !== undefined);
  const detail = inner.text || outer.text;
  if (cause === undefined) return detail || 'Something went wrong, and the error gave no reason.';
  return detail === '' || CAUSES.has(detail) ? cause : `${cause} Details: ${detail}`;
}
