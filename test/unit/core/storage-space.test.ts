// A full disk in words: which errors mean "no space", when to warn, and what to say about
// persistent storage.
import { describe, expect, it } from 'vitest';
import { bytesInWords } from '../../../src-shared/bytes-in-words';
import { errorMessage } from '../../../src-shared/result';
import {
  isQuotaError,
  isReadOnlyRefusal,
  judgeSpace,
  LOW_SPACE_BYTES,
  lowSpaceWarning,
  NO_SPACE_MESSAGE,
  persistenceAdvice,
  READ_ONLY_ERROR_NAME,
  READ_ONLY_REFUSAL,
  spaceErrorMessage,
  tryAgainMessage,
} from '../../../src-shared/storage-space';

const GB = 1_000_000_000;
const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('knows a QuotaExceededError, as Chrome, Firefox and a full disk name it', () => {
    expect(isQuotaError(quotaDom())).toBe(true);
    expect(isQuotaError(new DOMException('', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe(true);
    expect(isQuotaError(new Error('ENOSPC: no space left on device, write'))).toBe(true);
  });

  it('sees through Dexie wrappers and causes', () => {
    // Dexie rejects an aborted transaction with an AbortError whose `inner` is the DOMException.
    expect(isQuotaError({ name: 'AbortError', message: 'Transaction aborted', inner: quotaDom() })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', message: '1 of 3 failed', failures: [new Error('x'), quotaDom()] })).toBe(true);
    expect(isQuotaError(new Error('Could not save', { cause: quotaDom() }))).toBe(true);
    expect(isQuotaError({ name: 'OpenFailedError', message: 'QuotaExceededError Opening the database failed' })).toBe(true);
  });

  it('is not fooled by other failures, or by its own messages', () => {
    expect(isQuotaError(new Error('The project no longer exists.'))).toBe(false);
    expect(isQuotaError(new DOMException('Version change blocked', 'VersionError'))).toBe(false);
    expect(isQuotaError({ name: 'AbortError', message: 'Transaction aborted', inner: null })).toBe(false);
    expect(isQuotaError(new Error(READ_ONLY_REFUSAL))).toBe(false);
    expect(isQuotaError(new Error(NO_SPACE_MESSAGE))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    const loop: { name: string; message: string; inner?: unknown } = { name: 'AbortError', message: '' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });

  it('errorMessage names a full disk in words, never QuotaExceededError', () => {
    const message = errorMessage({ name: 'AbortError', message: 'QuotaExceededError', inner: quotaDom() });
    expect(message).toBe(NO_SPACE_MESSAGE);
    expect(message).not.toMatch(/QuotaExceeded/);
    expect(errorMessage(new Error('A document belongs to another project.'))).toBe('A document belongs to another project.');
  });
});

describe('judgeSpace and the low-space warning', () => {
  it('says nothing while there is room', () => {
    const report = judgeSpace({ usage: 20_000_000, quota: 10 * GB });
    expect(report?.level).toBe('ample');
    expect(lowSpaceWarning(report)).toBeNull();
  });

  it('warns under 10 % of the quota left, even when that is many megabytes', () => {
    const report = judgeSpace({ usage: 9.5 * GB, quota: 10 * GB });
    expect(report).toMatchObject({ level: 'low', left: 0.5 * GB });
    expect(lowSpaceWarning(report)).toMatch(
      /^Space is running low: 500 MB left for Spanwright's data \(5 % of what it may use\)\. Export a project bundle/,
    );
  });

  it('warns under a fixed number of bytes left, however small the share', () => {
    expect(judgeSpace({ usage: 0, quota: LOW_SPACE_BYTES - 1 })?.level).toBe('low');
    expect(judgeSpace({ usage: 1 * GB, quota: 1 * GB + LOW_SPACE_BYTES + 200 * 1_000_000 })?.level).toBe('ample');
  });

  it('is full when nothing is left, and never reports a negative space', () => {
    expect(judgeSpace({ usage: 5_000, quota: 1_000 })).toEqual({ level: 'full', usage: 5_000, quota: 1_000, left: 0 });
  });

  it('knows nothing when the browser does not say', () => {
    expect(judgeSpace(undefined)).toBeNull();
    expect(judgeSpace({})).toBeNull();
    expect(judgeSpace({ usage: 10, quota: 0 })).toBeNull();
    expect(judgeSpace({ usage: Number.NaN, quota: 10 })).toBeNull();
    expect(lowSpaceWarning(null)).toBeNull();
  });

  it('writes sizes as a disk counts them', () => {
    expect(bytesInWords(999)).toBe('999 bytes');
    expect(bytesInWords(1_500)).toBe('1.5 KB');
    expect(bytesInWords(42_000_000)).toBe('42 MB');
    expect(bytesInWords(123_456_789)).toBe('123 MB');
    expect(bytesInWords(2.25 * GB)).toBe('2.3 GB');
  });
});

describe('persistenceAdvice', () => {
  it('the desktop app always keeps its data', () => {
    expect(persistenceAdvice('electron', 'refused')).toEqual({ state: expect.stringMatching(/^Kept permanently/), advice: null });
  });

  it('a refused web page is told how to get it: install, bookmark, site settings', () => {
    const { state, advice } = persistenceAdvice('web', 'refused');
    expect(state).toMatch(/may clear Spanwright’s data/);
    expect(advice).toMatch(/install Spanwright as an app/);
    expect(advice).toMatch(/bookmark this page/);
    expect(advice).toMatch(/site settings/);
  });

  it('granted, unsupported and not yet known each have their words', () => {
    expect(persistenceAdvice('web', 'granted').advice).toBeNull();
    expect(persistenceAdvice('web', 'unsupported').advice).toMatch(/desktop app/);
    expect(persistenceAdvice('web', 'unknown').state).toMatch(/^Checking/);
  });
});

describe('tryAgainMessage', () => {
  it('says what Try again found', () => {
    expect(tryAgainMessage('writable')).toMatch(/space again/);
    expect(tryAgainMessage('still-full')).toMatch(/Still no space/);
    expect(tryAgainMessage('unknown')).toMatch(/Could not check/);
  });
});

describe('isReadOnlyRefusal', () => {
  it('knows the refusal of a write while read-only, wrapped or not, and not Dexie’s ReadOnlyError', () => {
    const refusal = Object.assign(new Error(READ_ONLY_REFUSAL), { name: READ_ONLY_ERROR_NAME });
    expect(isReadOnlyRefusal(refusal)).toBe(true);
    expect(isReadOnlyRefusal({ name: 'ModifyError', message: '1 of 1 failed', failures: [refusal] })).toBe(true);
    expect(spaceErrorMessage({ name: 'AbortError', message: '', inner: refusal })).toBe(READ_ONLY_REFUSAL);
    // Dexie's own ReadOnlyError: a write inside a read-only transaction, a bug, not a full disk.
    expect(isReadOnlyRefusal({ name: 'ReadOnlyError', message: 'Transaction is readonly' })).toBe(false);
    expect(spaceErrorMessage(new Error('something else'))).toBeNull();
  });
});
