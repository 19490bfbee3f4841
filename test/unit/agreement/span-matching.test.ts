// Overlap matching is a maximum matching (as many pairs as possible, then the most same-place
// pairs, then the largest overlap), and the report measures lengths and overlaps in code points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementReport, matchSpans, scoreSpans, type AgreementSpan } from '../../../src-shared/agreement';
import type { LayerId } from '../../../src-shared/domain';

function span(label: string, start: number, end: number, layer: LayerId = 'entity'): AgreementSpan {
  return { documentId: 'd1', layer, label, start, end };
}

describe('overlap matching pairs as many spans as possible', () => {
  it('finds two pairs where largest-overlap-first finds one (F1 1.0, not 0.5)', () => {
    // A0 [0, 10) overlaps B0 [2, 12) by 8 and B1 [9, 11) by 1; A1 [0, 4) overlaps only B0, by 2.
    // Greedy takes A0-B0 (8) first and leaves A1 and B1 alone: tp 1, fp 1, fn 1, F1 0.5.
    // The maximum matching is A0-B1 and A1-B0: tp 2, F1 1.
    const a = [span('PER', 0, 10), span('PER', 0, 4)];
    const b = [span('PER', 2, 12), span('PER', 9, 11)];
    expect(matchSpans(a, b, 'overlap').pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(scoreSpans(a, b, 'overlap').overall).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
  });

  it('breaks ties between matchings of one size by the largest total overlap', () => {
    // One B, two A: A1 overlaps it by 6, A0 by 3.
    const result = matchSpans([span('PER', 0, 5), span('PER', 2, 10)], [span('PER', 2, 8)], 'overlap');
    expect(result.pairs).toEqual([[1, 0]]);
  });

  it('keeps a same-place pair rather than a bigger overlap elsewhere', () => {
    // A0 = B0 exactly (3 characters); A0-B1 would overlap by 3 too, A1-B1 by 5.
    const a = [span('PER', 0, 3), span('PER', 0, 8)];
    const b = [span('PER', 0, 3), span('PER', 0, 8)];
    expect(matchSpans(a, b, 'overlap').pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  const spans = fc.array(
    fc.record({ label: fc.constantFrom('PER', 'ORG'), start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 8 }) }),
    { maxLength: 8 },
  );
  const toSpans = (list: Array<{ label: string; start: number; length: number }>): AgreementSpan[] =>
    list.map((s) => span(s.label, s.start, s.start + s.length));

  /** The size of a maximum matching by trying every assignment (tiny inputs only). */
  function bruteForceMaximum(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): number {
    const overlaps = (x: AgreementSpan, y: AgreementSpan): boolean =>
      x.label === y.label && Math.min(x.end, y.end) - Math.max(x.start, y.start) > 0;
    const best = (i: number, used: ReadonlySet<number>): number => {
      if (i === a.length) return 0;
      let most = best(i + 1, used);
      b.forEach((y, j) => {
        if (!used.has(j) && overlaps(a[i] as AgreementSpan, y)) most = Math.max(most, 1 + best(i + 1, new Set([...used, j])));
      });
      return most;
    };
    return best(0, new Set());
  }

  it('matches long chains of overlapping spans quickly', () => {
    // 300 sentences against 300 shifted by half a sentence: one group of 600 spans.
    const a = Array.from({ length: 300 }, (_, i) => span('CLAIM', i * 50, i * 50 + 50, 'claim'));
    const b = Array.from({ length: 300 }, (_, i) => span('CLAIM', i * 50 + 25, i * 50 + 75, 'claim'));
    const started = performance.now();
    expect(matchSpans(a, b, 'overlap').pairs).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('pairs exactly as many spans as the best matching found by trying every assignment', () => {
    fc.assert(
      fc.property(spans, spans, (x, y) => {
        const a = toSpans(x);
        const b = toSpans(y);
        const result = matchSpans(a, b, 'overlap');
        expect(result.pairs.length).toBe(bruteForceMaximum(a, b));
        // One to one, and every pair overlaps with the same label.
        expect(new Set(result.pairs.map(([r]) => r)).size).toBe(result.pairs.length);
        expect(new Set(result.pairs.map(([, c]) => c)).size).toBe(result.pairs.length);
        for (const [r, c] of result.pairs) {
          const p = a[r] as AgreementSpan;
          const q = b[c] as AgreementSpan;
          expect(p.label).toBe(q.label);
          expect(Math.min(p.end, q.end) > Math.max(p.start, q.start)).toBe(true);
        }
        // Never fewer pairs than exact matching, and the same count whichever side is the reference.
        expect(result.pairs.length).toBeGreaterThanOrEqual(matchSpans(a, b, 'exact').pairs.length);
        // The same pairs whichever side is the reference (spans that are exact copies on one side aside).
        const distinct = (list: AgreementSpan[]) => new Set(list.map((x) => `${x.start}:${x.end}:${x.label}`)).size === list.length;
        if (distinct(a) && distinct(b)) {
          const swapped = matchSpans(b, a, 'overlap').pairs.map(([c, r]): [number, number] => [r, c]);
          expect(swapped.sort((x, y) => x[0] - y[0] || x[1] - y[1])).toEqual(result.pairs);
        } else expect(matchSpans(b, a, 'overlap').pairs.length).toBe(result.pairs.length);
      }),
    );
  });
});

describe('lengths and overlaps count code points', () => {
  /** The spans of `pieces` found in `text`, in UTF-16 offsets as the app stores them. */
  function find(text: string, pieces: Array<[string, string]>): AgreementSpan[] {
    return pieces.map(([piece, label]) => {
      const start = text.indexOf(piece);
      if (start < 0) throw new Error(`"${piece}" is not in the text`);
      return span(label, start, start + piece.length);
    });
  }

  it('shortest span wins by code points: emoji before the spans do not make a span longer', () => {
    // "😀😀😀 ab" is 6 code points (9 UTF-16 units), "ab cd e" 7: on "ab" the first is the shorter.
    const text = '😀😀😀 ab cd e';
    const ana = find(text, [
      ['😀😀😀 ab', 'LONG'],
      ['ab cd e', 'WIDE'],
    ]);
    const ben = find(text, [['😀😀😀 ab', 'LONG']]);
    const report = agreementReport(
      [{ id: 'd1', text }],
      [
        { annotator: 'Ana', spans: ana },
        { annotator: 'Ben', spans: ben },
      ],
    );
    // Tokens: 😀 😀 😀 ab cd e. Ana: LONG LONG LONG LONG WIDE WIDE; Ben: LONG LONG LONG LONG O O.
    const tokens = report.pairs[0]?.confusion.find((c) => c.layer === 'entity')?.tokens;
    expect(tokens).toEqual({
      labels: ['LONG', 'WIDE', 'O'],
      counts: [
        [4, 0, 0],
        [0, 0, 2],
        [0, 0, 0],
      ],
    });
    // po = 4/6; pe = (4/6)(4/6) + 0 + (0)(2/6) = 16/36; kappa = (24/36 − 16/36) / (20/36) = 0.4.
    expect(report.pairs[0]?.cohenKappa.find((k) => k.layer === 'entity')?.kappa).toBeCloseTo(0.4, 10);
  });

  it('largest overlap by code points: three emoji overlap less than four letters', () => {
    // Ben's one span overlaps Ana's X by "😀😀😀" (3 code points, 6 UTF-16 units) and her Y by "abcd" (4).
    // Only one can pair with it: by code points that is Y.
    const text = '😀😀😀 abcd efgh';
    const report = agreementReport(
      [{ id: 'd1', text }],
      [
        {
          annotator: 'Ana',
          spans: find(text, [
            ['😀😀😀', 'X'],
            ['abcd efgh', 'Y'],
          ]),
        },
        { annotator: 'Ben', spans: find(text, [['😀😀😀 abcd', 'Z']]) },
      ],
    );
    expect(report.pairs[0]?.confusion.find((c) => c.layer === 'entity')?.spans).toEqual({
      labels: ['X', 'Y', 'Z', '(missing)'],
      counts: [
        [0, 0, 0, 1],
        [0, 0, 1, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
  });

  it('gives the same figures as the same text with one BMP letter for each astral character', () => {
    // Tokens are the same in both texts (each emoji stands alone, 𝔸 and x are letters).
    const pieces: Array<[string, string]> = [
      ['😀 Dana 😀 Whitcombe', 'PER'],
      ['Whitcombe of 𝔸cme', 'ORG'],
      ['𝔸cme', 'ORG'],
    ];
    const other: Array<[string, string]> = [
      ['Dana 😀 Whitcombe of', 'PER'],
      ['of 𝔸cme', 'ORG'],
      ['Whitcombe', 'PER'],
    ];
    const astral = '😀 😀 Dana 😀 Whitcombe of 𝔸cme, said 😀.';
    const plain = [...astral].map((character) => (character.length === 2 ? 'x' : character)).join('');
    const letters = (pairs: Array<[string, string]>): Array<[string, string]> =>
      pairs.map(([piece, label]) => [[...piece].map((character) => (character.length === 2 ? 'x' : character)).join(''), label]);
    const report = (text: string, a: Array<[string, string]>, b: Array<[string, string]>) =>
      agreementReport(
        [{ id: 'd1', text }],
        [
          { annotator: 'Ana', spans: find(text, a) },
          { annotator: 'Ben', spans: find(text, b) },
        ],
      );
    const withEmoji = report(astral, pieces, other);
    const withLetters = report(plain, letters(pieces), letters(other));
    expect(withEmoji.pairs).toEqual(withLetters.pairs);
    expect(withEmoji.overall).toEqual(withLetters.overall);
  });
});
