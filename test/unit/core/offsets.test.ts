import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, OffsetConverter, splitsSurrogatePair, toCodePointOffset, toUtf16Offset } from '../../../src-shared/offsets';

const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const mixedText = fc.string({
  unit: fc.oneof(fc.constantFrom('a', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '🇫🇷', '中', 'ש', 'ع', '\t', '\r\n', '\u200b', '\u200d'), fc.string({ unit: 'binary', maxLength: 1 })),
  maxLength: 40,
});

function nonSplittingOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i <= text.length; i++) if (!splitsSurrogatePair(text, i)) offsets.push(i);
  return offsets;
}

describe('offsets: examples', () => {
  const text = 'a😀b👩‍👩‍👧c';

  it('counts code points as Python len() does', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength(text)).toBe(9); // a, 😀, b, 👩, ZWJ, 👩, ZWJ, 👧, c
  });

  it('converts both ways around astral characters', () => {
    // UTF-16: a=0, 😀=1-2, b=3, 👩=4-5, ZWJ=6, 👩=7-8, ZWJ=9, 👧=10-11, c=12
    expect(toCodePointOffset(text, 0)).toBe(0);
    expect(toCodePointOffset(text, 1)).toBe(1);
    expect(toCodePointOffset(text, 3)).toBe(2);
    expect(toCodePointOffset(text, 4)).toBe(3);
    expect(toCodePointOffset(text, 12)).toBe(8);
    expect(toCodePointOffset(text, 13)).toBe(9);
    expect(toUtf16Offset(text, 2)).toBe(3);
    expect(toUtf16Offset(text, 8)).toBe(12);
    expect(toUtf16Offset(text, 9)).toBe(13);
  });

  it('rounds an offset inside a surrogate pair down to the pair', () => {
    expect(splitsSurrogatePair(text, 2)).toBe(true);
    expect(splitsSurrogatePair(text, 1)).toBe(false);
    expect(splitsSurrogatePair(text, 3)).toBe(false);
    expect(toCodePointOffset(text, 2)).toBe(1);
    expect(new OffsetConverter(text).toCodePoint(2)).toBe(1);
  });

  it('counts a lone surrogate as one code point, like [...text]', () => {
    expect(codePointLength('a\ud800b')).toBe(3);
    expect(codePointLength('\udc00\ud800')).toBe(2);
    expect(toUtf16Offset('a\ud800b', 2)).toBe(2);
  });

  it('throws RangeError outside the text', () => {
    expect(() => toUtf16Offset('a😀', 3)).toThrow(RangeError);
    expect(() => toUtf16Offset('a😀', -1)).toThrow(RangeError);
    expect(() => toUtf16Offset('a😀', 1.5)).toThrow(RangeError);
    expect(() => toCodePointOffset('a😀', 4)).toThrow(RangeError);
    expect(() => new OffsetConverter('ab').toCodePoint(3)).toThrow(RangeError);
    expect(new OffsetConverter('a😀').toUtf16(3)).toBeUndefined();
    expect(new OffsetConverter('ab').toUtf16(3)).toBeUndefined();
    expect(new OffsetConverter('ab').toUtf16(-1)).toBeUndefined();
  });

  it('is the identity without astral characters', () => {
    const converter = new OffsetConverter('héllo e\u0301 中文 שלום');
    expect(converter.codePointLength).toBe(16);
    expect(converter.toCodePoint(7)).toBe(7);
    expect(converter.toUtf16(16)).toBe(16);
    expect(converter.toUtf16(17)).toBeUndefined();
  });
});

describe('offsets: properties', () => {
  it('codePointLength equals the length of [...text]', () => {
    fc.assert(fc.property(anyText, (text) => codePointLength(text) === [...text].length));
  });

  it('round-trips at every offset that does not split a surrogate pair', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixedText), (text) => {
        for (const offset of nonSplittingOffsets(text)) {
          const codePoint = toCodePointOffset(text, offset);
          expect(toUtf16Offset(text, codePoint)).toBe(offset);
        }
        for (let cp = 0; cp <= codePointLength(text); cp++) {
          expect(toCodePointOffset(text, toUtf16Offset(text, cp))).toBe(cp);
        }
      }),
    );
  });

  it('code-point slices equal UTF-16 slices (what Python text[start:end] sees)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixedText), fc.nat(), fc.nat(), (text, a, b) => {
        const offsets = nonSplittingOffsets(text);
        const start = offsets[a % offsets.length] ?? 0;
        const end = offsets[b % offsets.length] ?? 0;
        const [from, to] = start <= end ? [start, end] : [end, start];
        const cpFrom = toCodePointOffset(text, from);
        const cpTo = toCodePointOffset(text, to);
        expect([...text].slice(cpFrom, cpTo).join('')).toBe(text.slice(from, to));
      }),
    );
  });

  it('OffsetConverter agrees with the plain functions', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixedText), (text) => {
        const converter = new OffsetConverter(text);
        expect(converter.codePointLength).toBe(codePointLength(text));
        for (let i = 0; i <= text.length; i++) expect(converter.toCodePoint(i)).toBe(toCodePointOffset(text, i));
        for (let cp = 0; cp <= converter.codePointLength; cp++) expect(converter.toUtf16(cp)).toBe(toUtf16Offset(text, cp));
        expect(converter.toUtf16(converter.codePointLength + 1)).toBeUndefined();
      }),
    );
  });
});
