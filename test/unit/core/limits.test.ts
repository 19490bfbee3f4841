import { describe, expect, it } from 'vitest';
import {
  checkLimit,
  DEFAULT_LIMITS,
  LIMIT_INFO,
  LIMIT_NAMES,
  limitRefusal,
  parseLimit,
  restoreLimits,
} from '../../../src-shared/limits';
import { bytesInWords } from '../../../src-shared/bytes-in-words';

describe('input limits', () => {
  it('has defaults within their own ranges', () => {
    for (const name of LIMIT_NAMES) expect(checkLimit(name, DEFAULT_LIMITS[name]).ok, name).toBe(true);
  });

  it('restores stored limits: missing ones defaulted, unknown keys ignored, bad values refused', () => {
    expect(restoreLimits(undefined)).toEqual({ ok: true, value: DEFAULT_LIMITS });
    expect(restoreLimits({ jsonDepth: 20, later: 'x' })).toEqual({ ok: true, value: { ...DEFAULT_LIMITS, jsonDepth: 20 } });
    expect(restoreLimits({ jsonDepth: 0 }).ok).toBe(false);
    expect(restoreLimits({ jsonDepth: 2.5 }).ok).toBe(false);
    expect(restoreLimits({ fileBytes: '5' }).ok).toBe(false);
    expect(restoreLimits({ fileBytes: LIMIT_INFO.fileBytes.max + 1 }).ok).toBe(false);
    expect(restoreLimits([1]).ok).toBe(false);
    // A key named like an Object.prototype member is not a limit.
    expect(restoreLimits(JSON.parse('{"__proto__": {"jsonDepth": 1}, "toString": 3}'))).toEqual({ ok: true, value: DEFAULT_LIMITS });
  });

  it('reads sizes as people type them, and counts as whole numbers', () => {
    expect(parseLimit('fileBytes', '500MB')).toEqual({ ok: true, value: 500_000_000 });
    expect(parseLimit('fileBytes', '1.5 gb')).toEqual({ ok: true, value: 1_500_000_000 });
    expect(parseLimit('zipEntryBytes', '2048')).toEqual({ ok: true, value: 2048 });
    expect(parseLimit('zipEntryBytes', '10k')).toEqual({ ok: true, value: 10_000 });
    expect(parseLimit('jsonDepth', '40')).toEqual({ ok: true, value: 40 });
    const unit = parseLimit('jsonDepth', '40MB');
    expect(unit.ok ? '' : unit.error).toContain('--max-json-depth takes a whole number');
    const junk = parseLimit('fileBytes', 'lots');
    expect(junk.ok ? '' : junk.error).toBe('--max-file-size takes a size such as 500MB, 2GB or 1500000 (bytes) (got "lots")');
    const zero = parseLimit('spansPerDocument', '0');
    expect(zero.ok ? '' : zero.error).toBe('--max-spans takes 1 to 10,000,000 (got "0")');
  });

  it('writes sizes in words', () => {
    expect(bytesInWords(1)).toBe('1 byte');
    expect(bytesInWords(999)).toBe('999 bytes');
    expect(bytesInWords(1_500)).toBe('1.5 KB');
    expect(bytesInWords(250_000_000)).toBe('250 MB');
    expect(bytesInWords(2_000_000_000)).toBe('2 GB');
  });

  it('words a refusal with the limit and how to raise it where the user is', () => {
    const limits = { ...DEFAULT_LIMITS, fileBytes: 1_000_000 };
    expect(limitRefusal('fileBytes', { limits, shell: 'app' }, 3_000_000)).toBe(
      'the file is 3 MB, larger than the limit of 1 MB per file; to read it anyway, raise “Largest file” in Settings › Import limits',
    );
    expect(limitRefusal('jsonDepth', { limits, shell: 'cli' })).toBe(
      'JSON nesting deeper than 100 levels, the limit; to read it anyway, raise it with --max-json-depth',
    );
    // Not told which shell: both ways are named.
    expect(limitRefusal('spansPerDocument', undefined, 123_456)).toBe(
      'the document has 123,456 spans, more than the limit of 100,000 per document; to read it anyway, raise “Most spans in one document” in Settings › Import limits (on the command line, --max-spans of validate, convert, stats, split or push)',
    );
    for (const name of LIMIT_NAMES) expect(limitRefusal(name, { limits, shell: 'cli' })).toContain(LIMIT_INFO[name].flag);
  });
});
