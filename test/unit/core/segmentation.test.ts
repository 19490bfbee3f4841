import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  graphemeNextTo,
  isTokenExtent,
  isGraphemeBoundary,
  snapToCharacters,
  snapToGraphemes,
  snapToWords,
  tokenize,
} from '../../../src-shared/segmentation';

/** Offsets of `part` (the n-th occurrence) in `text`. */
function find(text: string, part: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`"${part}" not in "${text}"`);
  return { start, end: start + part.length };
}

/** What snapToWords makes of selecting `part` in `text`. */
function wordsOf(text: string, part: string, locale?: string): string | null {
  const { start, end } = find(text, part);
  const result = snapToWords(text, start, end, locale);
  return result ? text.slice(result.start, result.end) : null;
}

function truthBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([text.length]);
  for (const segment of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) boundaries.add(segment.index);
  return boundaries;
}

describe('isGraphemeBoundary', () => {
  it('knows clusters of combining marks, emoji sequences, flags and CRLF', () => {
    const text = 'e\u0301👩‍👩‍👧🇫🇷🇩🇪\r\nx';
    const expected = [0, 2, 10, 14, 18, 20, 21];
    for (let i = 0; i <= text.length; i++) expect(isGraphemeBoundary(text, i), `offset ${i}`).toBe(expected.includes(i));
  });

  it('is false outside the text', () => {
    expect(isGraphemeBoundary('ab', -1)).toBe(false);
    expect(isGraphemeBoundary('ab', 3)).toBe(false);
    expect(isGraphemeBoundary('ab', 0.5)).toBe(false);
  });

  it('pairs a long run of flags from its start, far from any plain character', () => {
    const text = 'a' + '🇫🇷'.repeat(200) + 'b';
    expect(isGraphemeBoundary(text, 1 + 4 * 150)).toBe(true);
    expect(isGraphemeBoundary(text, 1 + 4 * 150 + 2)).toBe(false);
  });
});

describe('snapToGraphemes', () => {
  it('expands outward to whole clusters', () => {
    const text = 'ae\u0301b👩‍👩‍👧c';
    expect(snapToGraphemes(text, 2, 3)).toEqual({ start: 1, end: 3 });
    expect(snapToGraphemes(text, 5, 6)).toEqual({ start: 4, end: 12 });
    expect(snapToGraphemes(text, 0, 1)).toEqual({ start: 0, end: 1 });
    expect(snapToGraphemes(text, 6, 2)).toEqual({ start: 1, end: 12 });
    expect(snapToGraphemes(text, -5, 100)).toEqual({ start: 0, end: 13 });
  });
});

describe('snapToWords: examples', () => {
  it('English: touched words whole, edges trimmed, punctuation only where selected', () => {
    const text = 'The quick brown fox jumps.';
    expect(wordsOf(text, 'uick bro')).toBe('quick brown');
    expect(wordsOf(text, ' fox ')).toBe('fox');
    expect(wordsOf(text, 'jum')).toBe('jumps');
    expect(wordsOf(text, 'jumps.')).toBe('jumps.');
    expect(wordsOf(text, 's.')).toBe('jumps.');
    expect(wordsOf(text, 'q')).toBe('quick');
  });

  it('accepts a reversed selection', () => {
    const text = 'The quick brown fox';
    expect(snapToWords(text, 8, 5)).toEqual({ start: 4, end: 9 });
  });

  it('Indonesian, with reduplicated words', () => {
    const text = 'Presiden mengatakan bahwa anak-anak sekolah libur.';
    expect(wordsOf(text, 'ngataka')).toBe('mengatakan');
    expect(wordsOf(text, 'nak-an')).toBe('anak-anak');
    // A hyphenated compound is one token: touching its first part takes it whole.
    expect(wordsOf(text, 'hwa anak')).toBe('bahwa anak-anak');
  });

  it('Spanish and French accents, precomposed and combining', () => {
    expect(wordsOf('La canción está aquí', 'nci')).toBe('canción');
    const combining = 'La cancio\u0301n esta\u0301 aqui\u0301';
    expect(wordsOf(combining, 'anci')).toBe('cancio\u0301n');
    // Ends between the base letter and its combining accent: the accent comes along.
    expect(wordsOf(combining, 'aqui')).toBe('aqui\u0301');
    expect(wordsOf('Il a déjà vu ça.', 'éj')).toBe('déjà');
    expect(wordsOf('Il a de\u0301ja\u0300 vu c\u0327a.', 'c')).toBe('c\u0327a');
  });

  it('emoji ZWJ sequences and flags are never cut', () => {
    const text = 'Family 👩‍👩‍👧 photo 🇫🇷🇩🇪 end';
    const family = find(text, '👩‍👩‍👧');
    expect(snapToWords(text, family.start + 3, family.start + 5)).toEqual(family);
    const flags = find(text, '🇫🇷🇩🇪');
    expect(snapToWords(text, flags.start + 2, flags.start + 6)).toEqual(flags);
    expect(wordsOf(text, 'ly 👩')).toBe('Family 👩‍👩‍👧');
  });

  it('CJK without spaces', () => {
    const text = '今日は良い天気です。';
    expect(wordsOf(text, '天')).toBe('天気');
    expect(wordsOf(text, '気で')).toBe('天気です');
    expect(wordsOf(text, 'す。')).toBe('です。');
  });

  it('Arabic and Hebrew (right to left)', () => {
    expect(wordsOf('قال الرئيس إن الاقتصاد ينمو', 'رئي')).toBe('الرئيس');
    expect(wordsOf('قال الرئيس إن الاقتصاد ينمو', 'يس إن ال')).toBe('الرئيس إن الاقتصاد');
    expect(wordsOf('אמר ראש הממשלה היום', 'משל')).toBe('הממשלה');
    expect(wordsOf('שָׁלוֹם עוֹלָם', 'ל')).toBe('שָׁלוֹם');
  });

  it('tabs, CRLF and paragraphs: trimmed at the edges, kept inside', () => {
    expect(wordsOf('name\tvalue', 'e\tv')).toBe('name\tvalue');
    expect(wordsOf('name\tvalue', '\t')).toBeNull();
    const text = 'First claim here.\r\n\r\nSecond claim there.';
    expect(wordsOf(text, 'irst claim here.\r\n\r\nSeco')).toBe('First claim here.\r\n\r\nSecond');
    expect(wordsOf(text, 'here.\r')).toBe('here.');
    expect(wordsOf(text, '\r\n\r\n')).toBeNull();
    const crlf = find(text, '\r\n');
    // A selection that starts between CR and LF is trimmed past the LF.
    expect(snapToWords(text, crlf.start + 1, crlf.end + 6)).toEqual({ start: crlf.end + 2, end: crlf.end + 8 });
  });

  it('zero-width space and joiner', () => {
    expect(wordsOf('foo\u200bbar baz', 'oo\u200bb')).toBe('foo\u200bbar');
    expect(wordsOf('foo\u200bbar baz', '\u200b')).toBeNull();
    expect(wordsOf('foo \u200b baz', ' \u200b ')).toBeNull();
    expect(wordsOf('\u200bword\u200b', '\u200bwo')).toBe('word');
  });

  it('sentences run together without a space are separate words', () => {
    const text = 'wordsRunTogether.Next one';
    expect(wordsOf(text, 'Nex')).toBe('Next');
    expect(wordsOf(text, 'Toge')).toBe('wordsRunTogether');
    expect(wordsOf(text, 'r.N')).toBe('wordsRunTogether.Next');
    // Abbreviations and domain names stay whole.
    expect(wordsOf('Visit Amazon.com now', 'zon')).toBe('Amazon.com');
    expect(wordsOf('the U.S economy', 'U')).toBe('U.S');
  });

  it('returns null for empty or blank selections', () => {
    expect(snapToWords('abc def', 2, 2)).toBeNull();
    expect(snapToWords('abc   def', 3, 6)).toBeNull();
    expect(snapToWords('', 0, 0)).toBeNull();
  });

  it('works on a 100 KB text, across many lines', () => {
    const paragraph = 'Ministers said on Tuesday that prices rose 3.5% in 2024. 😀 Café e\u0301te\u0301 中文 שלום\r\n';
    const text = paragraph.repeat(Math.ceil(100_000 / paragraph.length));
    const start = text.indexOf('inisters', 50_000);
    const end = text.indexOf('Tues', 90_000) + 2;
    const result = snapToWords(text, start, end);
    expect(result).toEqual({ start: start - 1, end: end + 5 });
  });
});

describe('tokenize', () => {
  it('yields words and punctuation, no white space', () => {
    const tokens = tokenize("Hello, world! It's 3.14 now.\tTabs\r\nnext");
    expect(tokens.map((t) => t.text)).toEqual(['Hello', ',', 'world', '!', 'It', "'s", '3.14', 'now', '.', 'Tabs', 'next']);
    for (const token of tokens) expect(token.text.length).toBe(token.end - token.start);
    expect(tokens[2]).toEqual({ start: 7, end: 12, text: 'world' });
  });

  it('splits run-together sentences and keeps emoji as tokens', () => {
    expect(tokenize('wordsRunTogether.Next 👩‍👩‍👧!').map((t) => t.text)).toEqual(['wordsRunTogether', '.', 'Next', '👩‍👩‍👧', '!']);
  });

  it('gives the same tokens for a long text (segmented in chunks) as for its pieces', () => {
    for (const piece of ['Prices rose 3.5% in 2024, e\u0301te\u0301 😀 中文 שלום.\r\n', '今日は良い天気です。', '今日は良い天気で ']) {
      const count = Math.ceil(20_000 / piece.length);
      const one = tokenize(piece);
      const expected = Array.from({ length: count }, (_, i) =>
        one.map((t) => ({ ...t, start: t.start + i * piece.length, end: t.end + i * piece.length })),
      ).flat();
      expect(tokenize(piece.repeat(count))).toEqual(expected);
    }
  });

  it('cuts CJK by dictionary words', () => {
    expect(tokenize('今日は良い天気です。').map((t) => t.text)).toEqual(['今日', 'は', '良い', '天気', 'です', '。']);
  });
});

const texts = (text: string, locale?: string) => tokenize(text, locale).map((t) => t.text);

describe('tokenize: clitics and compounds, as spaCy splits them', () => {
  it('English possessives and clitics are tokens of their own, with either apostrophe', () => {
    expect(texts('Haiti’s capital')).toEqual(['Haiti', '’s', 'capital']);
    expect(texts("Haiti's capital")).toEqual(['Haiti', "'s", 'capital']);
    expect(texts("don't, isn’t, we’re, they'll, I’ve, she’d, I'm")).toEqual([
      'do',
      "n't",
      ',',
      'is',
      'n’t',
      ',',
      'we',
      '’re',
      ',',
      'they',
      "'ll",
      ',',
      'I',
      '’ve',
      ',',
      'she',
      '’d',
      ',',
      'I',
      "'m",
    ]);
    expect(texts('HAITI’S DON’T')).toEqual(['HAITI', '’S', 'DO', 'N’T']);
    // spaCy's rule, not ours to second-guess: all’s is all | ’s, never the Italian all’ | s.
    expect(texts('all’s well')).toEqual(['all', '’s', 'well']);
  });

  it('a hyphenated compound is one token, and its possessive is cut off', () => {
    expect(texts('Port-au-Prince’s port')).toEqual(['Port-au-Prince', '’s', 'port']);
    expect(texts('COVID-19 in 2019-2020, anak-anak')).toEqual(['COVID-19', 'in', '2019-2020', ',', 'anak-anak']);
    // Not a compound: a dash between words, or a hyphen at a word's edge.
    expect(texts('peace—war -minus plus-')).toEqual(['peace', '—', 'war', '-', 'minus', 'plus', '-']);
  });

  it('French elision, with either apostrophe', () => {
    expect(texts('l’Assemblée d’Haïti')).toEqual(['l’', 'Assemblée', 'd’', 'Haïti']);
    expect(texts("qu’il s'est dit qu'elle n’a j'ai c’est")).toEqual([
      'qu’',
      'il',
      "s'",
      'est',
      'dit',
      "qu'",
      'elle',
      'n’',
      'a',
      "j'",
      'ai',
      'c’',
      'est',
    ]);
    expect(texts('jusqu’à lorsqu’on')).toEqual(['jusqu’', 'à', 'lorsqu’', 'on']);
    // Words spaCy keeps whole.
    expect(texts('aujourd’hui quelqu’un')).toEqual(['aujourd’hui', 'quelqu’un']);
  });

  it('Indonesian: glued words stay whole, enclitics after a hyphen are cut, apostrophe words kept', () => {
    expect(texts('Januaritempat')).toEqual(['Januaritempat']);
    expect(texts('Haitimired')).toEqual(['Haitimired']);
    expect(texts('Jakarta-nya buku-ku')).toEqual(['Jakarta', '-nya', 'buku', '-ku']);
    expect(texts("Jum'at ma'af")).toEqual(["Jum'at", "ma'af"]);
  });

  it('Spanish: accents and ñ inside words, nothing cut', () => {
    expect(texts('La biblioteca de Valdeluz cumplió años; ¿Peña-Nieto?')).toEqual([
      'La',
      'biblioteca',
      'de',
      'Valdeluz',
      'cumplió',
      'años',
      ';',
      '¿',
      'Peña-Nieto',
      '?',
    ]);
  });

  it('never cuts inside a grapheme cluster', () => {
    // A combining mark on the apostrophe joins it to its cluster: the clitic stays attached.
    const text = 'Haiti’́s';
    for (const token of tokenize(text)) {
      expect(isGraphemeBoundary(text, token.start)).toBe(true);
      expect(isGraphemeBoundary(text, token.end)).toBe(true);
    }
  });

  it('gives the same tokens near a range as in the whole text', () => {
    const text = 'The mayor of Port-au-Prince’s office said l’Assemblée d’Haïti met.';
    const whole = tokenize(text);
    const at = text.indexOf('Assemblée');
    const near = tokenize(text, undefined, { start: at, end: at + 2 });
    expect(near.length).toBeGreaterThan(0);
    for (const token of near) expect(whole).toContainEqual(token);
    expect(near.some((t) => t.text === 'Assemblée')).toBe(true);
  });
});

describe('snapToWords: clitics and compounds', () => {
  it('selecting a name before its possessive gives the name', () => {
    expect(wordsOf('in Haiti’s capital', 'Haiti')).toBe('Haiti');
    expect(wordsOf('in Haiti’s capital', 'ait')).toBe('Haiti');
    expect(wordsOf('to Port-au-Prince’s port', 'Port-au-Prince')).toBe('Port-au-Prince');
    expect(wordsOf('la séance de l’Assemblée', 'Assemblée')).toBe('Assemblée');
    expect(wordsOf('le président d’Haïti', 'Haït')).toBe('Haïti');
  });

  it('takes the clitic when part of it is selected', () => {
    expect(wordsOf('in Haiti’s capital', 'Haiti’')).toBe('Haiti’s');
    expect(wordsOf('le président d’Haïti', 'd’')).toBe('d’');
  });

  it('a compound touched anywhere is taken whole; glued words too', () => {
    expect(wordsOf('to Port-au-Prince’s port', 'Port')).toBe('Port-au-Prince');
    expect(wordsOf('pada Januaritempat', 'Januari')).toBe('Januaritempat');
  });
});

describe('snapToCharacters', () => {
  it('keeps exactly the selected characters', () => {
    const text = 'pada Januaritempat itu';
    const januari = find(text, 'Januari');
    expect(snapToCharacters(text, januari.start, januari.end)).toEqual(januari);
    const port = find('Port-au-Prince', 'Port');
    expect(snapToCharacters('Port-au-Prince', port.end, port.start)).toEqual(port);
  });

  it('trims white space at the edges and refuses a blank selection', () => {
    const text = 'pada Januaritempat itu';
    expect(snapToCharacters(text, 4, 12)).toEqual({ start: 5, end: 12 });
    expect(snapToCharacters(text, 4, 5)).toBeNull();
    expect(snapToCharacters(text, 7, 7)).toBeNull();
  });

  it('widens an edge inside a grapheme cluster to take it whole', () => {
    const text = 'Café 👩‍👩‍👧 🇫🇷';
    expect(snapToCharacters(text, 0, 4)).toEqual({ start: 0, end: 5 });
    const family = find(text, '👩‍👩‍👧');
    expect(snapToCharacters(text, family.start + 2, family.start + 3)).toEqual(family);
  });
});

describe('graphemeNextTo', () => {
  it('gives the whole cluster on either side, null at the edges', () => {
    const text = 'aé👩‍👩‍👧';
    expect(graphemeNextTo(text, 1, 1)).toEqual({ start: 1, end: 3 });
    expect(graphemeNextTo(text, 3, -1)).toEqual({ start: 1, end: 3 });
    expect(graphemeNextTo(text, 3, 1)).toEqual({ start: 3, end: 11 });
    expect(graphemeNextTo(text, 11, 1)).toBeNull();
    expect(graphemeNextTo(text, 0, -1)).toBeNull();
  });
});

const pieces = [
  'a',
  'Z',
  'é',
  'e\u0301',
  '\u0301',
  'ç',
  '😀',
  '👍🏽',
  '👩‍👩‍👧',
  '\u200d',
  '🇫🇷',
  '🇩',
  '中',
  '文',
  'ש',
  'ָ',
  'ع',
  'ل',
  '\u064b',
  '\t',
  ' ',
  '\r',
  '\n',
  '\r\n',
  '\u200b',
  '.',
  ',',
  '-',
  '\u1100',
  '\u1161',
  '\u11a8',
  '가',
  'क',
  '्',
  'ष',
  '\ud800',
];
const pieceText = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
/** Texts rich in what the clitic and compound rules look at. */
const wordPieces = [
  'Haiti',
  'l',
  'qu',
  'n',
  't',
  's',
  'nya',
  'ré',
  "'",
  '’',
  '-',
  '\u2011',
  ' ',
  '.',
  'e\u0301',
  '\u0301',
  '😀',
  '\u200d',
  '\r\n',
  '19',
];
const wordText = fc.array(fc.constantFrom(...wordPieces), { maxLength: 25 }).map((parts) => parts.join(''));
const anyText = fc.oneof(pieceText, wordText);
const BLANK = /^(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)$/u;

describe('segmentation: properties', () => {
  it('isGraphemeBoundary agrees with segmenting the whole text', () => {
    fc.assert(
      fc.property(fc.oneof(pieceText, fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        const truth = truthBoundaries(text);
        for (let i = 0; i <= text.length; i++) expect(isGraphemeBoundary(text, i), `offset ${i}`).toBe(truth.has(i));
      }),
      { numRuns: 300 },
    );
  });

  it('isGraphemeBoundary agrees with the whole text far from any plain character', () => {
    const complex = ['क', '्', 'ष', 'ि', '\u0301', '😀', '\u200d', '🇫🇷', '🇩', '\u1100', '\u1161', '\u11a8', 'ก', 'ำ', '\u0600', 'ٰ'];
    const longText = fc.array(fc.constantFrom(...complex), { minLength: 200, maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(longText, (text) => {
        const truth = truthBoundaries(text);
        for (let i = 0; i <= text.length; i++) expect(isGraphemeBoundary(text, i), `offset ${i}`).toBe(truth.has(i));
      }),
      { numRuns: 30 },
    );
  });

  it('snapToGraphemes contains the selection and lands on boundaries', () => {
    fc.assert(
      fc.property(pieceText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const end = b % (text.length + 1);
        const result = snapToGraphemes(text, start, end);
        const truth = truthBoundaries(text);
        expect(truth.has(result.start)).toBe(true);
        expect(truth.has(result.end)).toBe(true);
        expect(result.start).toBeLessThanOrEqual(Math.min(start, end));
        expect(result.end).toBeGreaterThanOrEqual(Math.max(start, end));
      }),
      { numRuns: 300 },
    );
  });

  it('snapToWords lands on boundaries and keeps every selected non-blank character', () => {
    fc.assert(
      fc.property(pieceText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a % (text.length + 1), b % (text.length + 1));
        const end = Math.max(a % (text.length + 1), b % (text.length + 1));
        const result = snapToWords(text, start, end);
        const nonBlank: number[] = [];
        for (let i = start; i < end; i++) if (!BLANK.test(text.charAt(i))) nonBlank.push(i);
        if (nonBlank.length === 0) {
          expect(result).toBeNull();
          return;
        }
        expect(result).not.toBeNull();
        if (!result) return;
        const truth = truthBoundaries(text);
        expect(truth.has(result.start)).toBe(true);
        expect(truth.has(result.end)).toBe(true);
        expect(result.start).toBeLessThanOrEqual(nonBlank[0] ?? -1);
        expect(result.end).toBeGreaterThan(nonBlank[nonBlank.length - 1] ?? Infinity);
        expect(result.start).toBeLessThan(result.end);
      }),
      { numRuns: 300 },
    );
  });

  it('tokens cover every non-blank character, in order, without overlap, on grapheme boundaries', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = tokenize(text);
        const truth = truthBoundaries(text);
        let covered = 0;
        for (const token of tokens) {
          expect(token.start).toBeGreaterThanOrEqual(covered);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.text).toBe(text.slice(token.start, token.end));
          expect(truth.has(token.start), `start ${token.start}`).toBe(true);
          expect(truth.has(token.end), `end ${token.end}`).toBe(true);
          // What lies between tokens is white space only.
          for (let i = covered; i < token.start; i++) expect(BLANK.test(text.charAt(i))).toBe(true);
          covered = token.end;
        }
        for (let i = covered; i < text.length; i++) expect(BLANK.test(text.charAt(i))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a window inside a run of spaces that a combining mark joins sees the whole text’s tokens', () => {
    // Found by the property below: '  \u0301' is one segment; a window must not end inside it.
    const text = '  \u0301';
    for (let at = 0; at <= text.length; at++) expect(tokenize(text, undefined, { start: at, end: Math.min(text.length, at + 1) })).toEqual(tokenize(text));
  });

  it('tokens are stable: a line never changes the tokens of another, and a window sees the same tokens', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.nat(), (a, b, n) => {
        const shifted = tokenize(b).map((t) => ({ ...t, start: t.start + a.length + 1, end: t.end + a.length + 1 }));
        expect(tokenize(`${a}\n${b}`)).toEqual([...tokenize(a), ...shifted]);
        const text = `${a} ${b}`;
        const whole = tokenize(text);
        const at = n % (text.length + 1);
        const near = tokenize(text, undefined, { start: at, end: Math.min(text.length, at + 1) });
        for (const token of near) expect(whole).toContainEqual(token);
        for (const token of whole) if (token.start <= at && at < token.end) expect(near).toContainEqual(token);
      }),
      { numRuns: 300 },
    );
  });

  it('snapToCharacters keeps the selected clusters, less blank ones at the edges', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, x, y) => {
        const start = Math.min(x % (text.length + 1), y % (text.length + 1));
        const end = Math.max(x % (text.length + 1), y % (text.length + 1));
        const result = snapToCharacters(text, start, end);
        const whole = snapToGraphemes(text, start, end);
        const truth = [...truthBoundaries(text)].sort((p, q) => p - q);
        const clusters = truth
          .slice(0, -1)
          .map((p, i) => ({ start: p, end: truth[i + 1] ?? p }))
          .filter((c) => c.start >= whole.start && c.end <= whole.end);
        const isBlank = (c: { start: number; end: number }) => [...text.slice(c.start, c.end)].every((ch) => BLANK.test(ch));
        const kept = clusters.filter((c) => !isBlank(c));
        if (kept.length === 0) {
          expect(result).toBeNull();
          return;
        }
        expect(result).toEqual({ start: kept[0]?.start, end: kept[kept.length - 1]?.end });
      }),
      { numRuns: 300 },
    );
  });
});

describe('isTokenExtent (same-string occurrences)', () => {
  it('between white space without segmenting, and the same as the whole text everywhere', () => {
    expect(isTokenExtent('the council said', 4, 11)).toBe(true);
    expect(isTokenExtent('Haiti’s council', 0, 5)).toBe(true);
    expect(isTokenExtent('Haitian council', 0, 5)).toBe(false);
    expect(isTokenExtent('a council ', 1, 9)).toBe(false);
    // A combining mark after the space joins it: that edge is tokenized.
    expect(isTokenExtent('a \u0301council', 3, 10)).toBe(true);
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a % (text.length + 1), b % (text.length + 1));
        const end = Math.max(a % (text.length + 1), b % (text.length + 1));
        const tokens = tokenize(text);
        const whole = start < end && tokens.some((t) => t.start === start) && tokens.some((t) => t.end === end);
        expect(isTokenExtent(text, start, end), `[${start}, ${end})`).toBe(whole);
      }),
      { numRuns: 1000 },
    );
  });
});
