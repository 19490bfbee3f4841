// The scanner (word-scanner.ts) must give exactly Intl.Segmenter's segments, and tokenize()
// with it exactly the tokens of tokenize() on Intl.Segmenter alone, on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeWithSegmenter } from '../../../src-shared/segmentation';
import { isScannableUnit, scanWordSegments, type ScannedSegment } from '../../../src-shared/word-scanner';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Segments that are not white space, as [start, end, isWordLike] (runs of white space may group differently; no token holds them). */
function visible(text: string, segments: ReadonlyArray<{ start: number; end: number; isWordLike: boolean }>): string[] {
  return segments.filter((s) => text.slice(s.start, s.end).trim() !== '').map((s) => `${s.start}-${s.end}${s.isWordLike ? 'w' : ''}`);
}

function bySegmenter(text: string): ScannedSegment[] {
  return [...segmenter.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length, isWordLike: s.isWordLike === true }));
}

function scanned(text: string): ScannedSegment[] {
  const out: ScannedSegment[] = [];
  scanWordSegments(text, 0, text.length, out);
  return out;
}

/** Every code unit the scanner claims to know. */
const scannableUnits: string[] = [];
for (let unit = 0; unit < 0x10000; unit++) if (isScannableUnit(unit)) scannableUnits.push(String.fromCharCode(unit));

/** The characters the rules turn on, often, so that random text hits them together. */
const TRICKY = [...'aZé9 .\',:;_-\n\r\t·’‘"()/$%', 'ß', 'Ω', 'ж', '—', '…'];

const scannableText = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...TRICKY), weight: 3 }, { arbitrary: fc.constantFrom(...scannableUnits), weight: 1 }), {
    maxLength: 40,
  })
  .map((chars) => chars.join(''));

/** Pieces of real-looking text in many scripts, and the characters that join or split clusters. */
const PIECES = [
  'the council',
  "Haiti's",
  "don't",
  'they’re',
  'l’Assemblée',
  "qu'il",
  'jusqu’à',
  'Port-au-Prince',
  'COVID-19',
  'Jakarta-nya',
  'anak-anak',
  'U.S.',
  'example.com',
  'together.Next',
  '3,5',
  '12.5%',
  '$12',
  '😀',
  '👍🏽',
  '👩‍👩‍👧',
  '🇫🇷🇩🇪',
  '北京是中国的首都。',
  '東京タワー',
  'สวัสดีครับ',
  'ภาษาไทย',
  'مرحبا بالعالم',
  'שלום',
  'नमस्ते',
  'e\u0301',
  ' \u0301',
  'a\u200bb',
  '\u00a0',
  '\u00ad',
  '©',
  '¸',
  'x\u200dy',
  '\r\n',
  ' ',
  '  ',
  '\n',
  '.',
  "'",
  '’',
  '-',
  '_',
  '\ud800',
];

const mixedText = fc.array(fc.oneof(fc.constantFrom(...PIECES), scannableText), { maxLength: 30 }).map((parts) => parts.join(''));

describe('word scanner', () => {
  it('gives the segments Intl.Segmenter gives, on text of the characters it knows', () => {
    fc.assert(
      fc.property(scannableText, (text) => {
        expect(visible(text, scanned(text))).toEqual(visible(text, bySegmenter(text)));
      }),
      { numRuns: 5_000 },
    );
  }, 60_000);

  it('agrees with Intl.Segmenter on the cases the rules single out', () => {
    for (const text of [
      'a:b',
      'a·b',
      '3,5',
      '3;5',
      'a.b',
      "a'b",
      'a’b',
      '_',
      '__',
      'a_',
      '_1',
      '3.5.',
      'U.S.',
      'a,b',
      '1.a',
      'x:1',
      '$12',
      'a--b',
    ]) {
      expect(visible(text, scanned(text)), text).toEqual(visible(text, bySegmenter(text)));
    }
  });
});

describe('tokenize with the scanner', () => {
  it('gives the tokens of Intl.Segmenter alone, on random text of many scripts', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(tokenize(text)).toEqual(tokenizeWithSegmenter(text));
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('gives the same tokens on long text, cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 200, maxLength: 800 }), (parts) => {
        const text = parts.join(' ');
        expect(tokenize(text)).toEqual(tokenizeWithSegmenter(text));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
