// hashText is SHA-256 in lowercase hex of the text's UTF-8, as Node's crypto gives it.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText } from '../../../src-shared/text-hash';

describe('hashText', () => {
  it('is the SHA-256 hex digest of the UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(hashText(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
      }),
      { numRuns: 300 },
    );
    expect(hashText('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });
});
