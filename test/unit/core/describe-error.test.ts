import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src-shared/describe-error';
import { NO_SPACE_MESSAGE } from '../../../src-shared/storage-space';

describe('describeError: causes in words, not raw error names', () => {
  it('says what a browser storage error means, keeping the browser’s own words as details', () => {
    const denied = new DOMException('The user denied permission to access the database.', 'UnknownError');
    const message = describeError(denied);
    expect(message).toBe(
      'The browser could not read or write its storage (a disk error, or access to storage refused). Details: The user denied permission to access the database.',
    );
    expect(message).not.toMatch(/UnknownError/u);
  });

  it('looks through Dexie’s wrappers, whose messages start with the inner error’s name', () => {
    const wrapped = new Dexie.OpenFailedError(
      new DOMException('The user denied permission to access the database.', 'UnknownError'),
    );
    expect(wrapped.message).toMatch(/^UnknownError /u);
    expect(describeError(wrapped)).toMatch(/^The browser could not read or write its storage/u);
    expect(describeError(wrapped)).not.toMatch(/UnknownError|OpenFailedError/u);

    const newer = new Dexie.VersionError('The requested version (4) is less than the existing version (5).');
    expect(describeError(newer)).toMatch(/^The database was saved by a newer version of Spanwright; update Spanwright to open it\./u);
    expect(describeError(new Dexie.DatabaseClosedError())).toMatch(/^The database was closed while in use/u);
  });

  it('says a full disk in the same words as the read-only banner', () => {
    expect(describeError(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe(NO_SPACE_MESSAGE);
    expect(describeError(new Dexie.AbortError('Transaction aborted', new DOMException('', 'QuotaExceededError')))).toBe(
      NO_SPACE_MESSAGE,
    );
  });

  it('reads a file error by its name, and a system error by its code', () => {
    expect(describeError(new DOMException('The requested file could not be read.', 'NotReadableError'))).toMatch(
      /^The file could not be read: it may have been moved, deleted or changed, or be locked by another program\./u,
    );
    const gone = Object.assign(new Error("ENOENT: no such file or directory, open '/data/a.jsonl'"), { code: 'ENOENT' });
    expect(describeError(gone)).toBe(
      "The file or folder does not exist (any more). Details: ENOENT: no such file or directory, open '/data/a.jsonl'",
    );
  });

  it('drops the prefixes Electron puts before an error from the main process', () => {
    const fromMain = new Error(
      `Error invoking remote method 'spanwright:open-files': FileTooLargeError: "huge.jsonl" is 300 MB; files larger than 200 MB cannot be opened from the menu. Use Import documents… in the window, which reads large files a piece at a time.`,
    );
    expect(describeError(fromMain)).toBe('"huge.jsonl" is 300 MB; files larger than 200 MB cannot be opened from the menu. Use Import documents… in the window, which reads large files a piece at a time.');
    const denied = new Error(`Error invoking remote method 'spanwright:save-chunk': Error: EACCES: permission denied, open '/x/out.jsonl'`);
    expect(describeError(denied)).toBe(
      "Permission to the file or folder was denied. Details: EACCES: permission denied, open '/x/out.jsonl'",
    );
  });

  it('keeps any other message as it is, and says something when there is none', () => {
    expect(describeError(new Error('"a.jsonl", line 3: not JSON'))).toBe('"a.jsonl", line 3: not JSON');
    expect(describeError(new TypeError('Error handling is hard'))).toBe('Error handling is hard');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(new Error(''))).toBe('Something went wrong, and the error gave no reason.');
    expect(describeError(new DOMException('', 'AbortError'))).toBe('It was interrupted before it finished.');
  });

  it('is not fooled by names that are prototype keys', () => {
    expect(describeError(Object.assign(new Error('x'), { name: 'constructor', code: 'toString' }))).toBe('x');
  });
});
