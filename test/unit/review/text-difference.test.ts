import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NEAR_IDENTICAL,
  compareTexts,
  condenseParts,
  rangeMapper,
  similarityBound,
  wordCounts,
} from '../../../src-shared/review/text-difference';

const OURS = 'Mayor Ana Ruiz opened the tram line in Valdeluz on Monday, and the crowd cheered loudly for her speech.';
const THEIRS = OURS.replace('tram', 'train');

const rebuild = (parts: ReturnType<typeof compareTexts> & object, side: 'ours' | 'theirs') =>
  parts.parts
    .filter((p) => p.kind === 'same' || p.kind === side)
    .map((p) => p.text)
    .join('');

describe('compareTexts', () => {
  it('finds the one word that differs and rates the texts by the words they share', () => {
    const comparison = compareTexts(OURS, THEIRS);
    expect(comparison?.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'ours', text: 'tram' },
      { kind: 'theirs', text: 'train' },
    ]);
    // 20 words and 2 punctuation marks each, 21 shared: 2 × 21 / 44.
    expect(comparison?.similarity).toBeCloseTo(42 / 44);
    expect(comparison && comparison.similarity >= NEAR_IDENTICAL).toBe(true);
  });

  it('gives up on texts less alike than asked, and counts equal and empty texts as alike', () => {
    expect(compareTexts(OURS, 'Something else entirely, about the weather in Lisbon.', NEAR_IDENTICAL)).toBeNull();
    expect(compareTexts(OURS, OURS.replace('Monday', 'Tuesday').replace('crowd', 'audience'), 0.97)).toBeNull();
    expect(compareTexts(OURS, OURS)?.similarity).toBe(1);
    expect(compareTexts('', '')?.similarity).toBe(1);
  });

  it('rebuilds both texts exactly from its parts (whitespace, line breaks, emoji)', () => {
    const word = fc.constantFrom('tram', 'train', 'Ana', '🚋', 'é', ',', '.', ' ', '  ', '\n', '\r\n', 'Valdeluz');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { maxLength: 30 }), (a, b) => {
        const comparison = compareTexts(a.join(''), b.join('')) as NonNullable<ReturnType<typeof compareTexts>>;
        expect(rebuild(comparison, 'ours')).toBe(a.join(''));
        expect(rebuild(comparison, 'theirs')).toBe(b.join(''));
        expect(similarityBound(wordCounts(a.join('')), wordCounts(b.join('')))).toBeGreaterThanOrEqual(comparison.similarity - 1e-9);
        // Stopping early never rules out texts alike enough.
        for (const atLeast of [0.5, 0.8, 0.95]) {
          if (comparison.similarity >= atLeast)
            expect(similarityBound(wordCounts(a.join('')), wordCounts(b.join('')), atLeast)).toBeGreaterThanOrEqual(atLeast - 1e-9);
        }
      }),
    );
  });
});

describe('rangeMapper', () => {
  it('carries a range in unchanged text onto our offsets, and refuses one in or across changed text', () => {
    const theirs = `Breaking: ${OURS.replace('tram', 'new train')}`;
    const map = rangeMapper((compareTexts(OURS, theirs) as NonNullable<ReturnType<typeof compareTexts>>).parts);
    const at = (text: string, word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;
    const [s, e] = at(theirs, 'Ana Ruiz');
    expect(map(s, e)).toEqual({ start: at(OURS, 'Ana Ruiz')[0], end: at(OURS, 'Ana Ruiz')[1] });
    const [vs, ve] = at(theirs, 'Valdeluz');
    const mapped = map(vs, ve);
    expect(mapped && OURS.slice(mapped.start, mapped.end)).toBe('Valdeluz');
    expect(map(...at(theirs, 'new train'))).toBeNull();
    expect(map(...at(theirs, 'train line'))).toBeNull();
    expect(map(...at(theirs, 'opened the new train line'))).toBeNull();
    expect(map(...at(theirs, 'Breaking'))).toBeNull();
  });

  it('maps a range to the same characters whenever it maps one', () => {
    const word = fc.constantFrom('tram', 'train', 'Ana', '🚋', ',', ' ', '\n', 'Valdeluz');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.array(word, { maxLength: 20 }), fc.nat(), fc.nat(), (a, b, x, y) => {
        const ours = a.join('');
        const theirs = b.join('');
        const map = rangeMapper((compareTexts(ours, theirs) as NonNullable<ReturnType<typeof compareTexts>>).parts);
        const start = theirs.length === 0 ? 0 : x % (theirs.length + 1);
        const end = start + (theirs.length === 0 ? 0 : y % (theirs.length - start + 1));
        const mapped = map(start, end);
        if (mapped) expect(ours.slice(mapped.start, mapped.end)).toBe(theirs.slice(start, end));
      }),
    );
  });
});

describe('condenseParts', () => {
  it('keeps the changes and a little text either side of each', () => {
    const long = `${'word '.repeat(40)}tram ${'more '.repeat(40)}`;
    const condensed = condenseParts(
      (compareTexts(long, long.replace('tram', 'train')) as NonNullable<ReturnType<typeof compareTexts>>).parts,
      20,
    );
    expect(condensed.map((p) => p.kind)).toEqual(['same', 'ours', 'theirs', 'same']);
    expect(condensed[0]?.text.startsWith('…')).toBe(true);
    expect(condensed[0]?.text.length).toBeLessThan(25);
    expect(condensed[3]?.text.endsWith('…')).toBe(true);
  });
});

describe('condenseParts with emoji', () => {
  it('never cuts a character in two', () => {
    const long = `${'🚋'.repeat(60)} tram ${'🚋'.repeat(60)}`;
    for (const context of [5, 6, 7, 20]) {
      const condensed = condenseParts(compareTexts(long, long.replace('tram', 'train'))!.parts, context);
      for (const part of condensed)
        expect(part.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
    }
  });
});
