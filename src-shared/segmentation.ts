// Grapheme and word boundaries for any script (Intl.Segmenter), used to snap a selection to
// whole characters and words and to cut a text into tokens. Offsets are UTF-16 code units.
// tokenize() is the one tokenizer: snapping, boundary moves, agreement and the token exports
// all use it, so a token means the same everywhere.
//
// Segmenting is done in small pieces: a selection only segments a window around each edge, and
// tokenize() cuts the text into chunks at white space. Besides being less work, this matters
// because Intl.Segmenter's iterator costs time in proportion to the string's length at every
// step in some engines (Node 20: ~8 s for the words of 100 KB in one piece, ~30 ms in chunks).
// Windows start and end where a grapheme boundary is certain without context (isCertainBreak).
// Text of the common scripts is segmented by a scanner that gives Intl.Segmenter's segments
// (word-scanner.ts), a few times faster; the rest by Intl.Segmenter itself.

import { isScannableSpace, isScannableUnit, scanWordSegments } from './word-scanner';

export interface TextRange {
  start: number;
  end: number;
}

export interface Token {
  start: number;
  end: number;
  text: string;
}

/** How far to look for a safe window edge before giving up and cutting anyway. */
const GRAPHEME_WINDOW = 256;
const WORD_WINDOW = 256;
/** Target size of the pieces tokenize() segments. */
const WORD_CHUNK = 512;

let graphemeSegmenter: Intl.Segmenter | undefined;
const wordSegmenters = new Map<string, Intl.Segmenter>();

function graphemes(): Intl.Segmenter {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return graphemeSegmenter;
}

function words(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = wordSegmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      // A malformed locale tag must not break selection: fall back to the default rules.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    wordSegmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Code units that never join a grapheme cluster with a neighbour of the same kind: Latin,
 * Greek and Cyrillic letters without combining marks, Hebrew and Arabic letters, general
 * punctuation (dashes, quotes), kana, CJK ideographs and Hangul syllables. A break between two of them needs no further context.
 */
function isSimpleBase(unit: number): boolean {
  return (
    unit < 0x0300 ||
    (unit >= 0x0370 && unit <= 0x0482) ||
    (unit >= 0x048a && unit <= 0x052f) ||
    (unit >= 0x05d0 && unit <= 0x05ea) ||
    (unit >= 0x0621 && unit <= 0x064a) ||
    (unit >= 0x2010 && unit <= 0x2027) || // dashes, quotes, bullets, ellipsis
    (unit >= 0x3041 && unit <= 0x3096) ||
    (unit >= 0x30a1 && unit <= 0x30fa) ||
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0xac00 && unit <= 0xd7a3)
  );
}

/** True when a grapheme boundary at `offset` is certain from its two neighbours alone. */
function isCertainBreak(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before === 0x0d) return after !== 0x0a; // CR LF is one cluster; anything else breaks after CR.
  if (before === 0x0a) return true; // Always a break after LF.
  if (after === 0x0d || after === 0x0a) return true; // Always a break before CR or LF.
  return isSimpleBase(before) && isSimpleBase(after);
}

function isRegionalIndicatorAt(text: string, offset: number): boolean {
  const cp = text.codePointAt(offset);
  return cp !== undefined && cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** A window start at or before `offset` that is a grapheme boundary. */
function safeStartBefore(text: string, offset: number): number {
  const limit = Math.max(0, offset - GRAPHEME_WINDOW);
  let start = offset;
  while (start > limit && !isCertainBreak(text, start)) start--;
  if (start > 0 && !isCertainBreak(text, start)) {
    // No certain break close by (a very long cluster, or a script not in isSimpleBase).
    // Clusters rarely span this far; a run of flags would pair wrongly, so start before it.
    while (start >= 2 && isRegionalIndicatorAt(text, start - 2)) start -= 2;
  }
  return start;
}

/** A window end at or after `offset` that is a grapheme boundary. */
function safeEndAfter(text: string, offset: number): number {
  const limit = Math.min(text.length, offset + GRAPHEME_WINDOW);
  let end = offset;
  while (end < limit && !isCertainBreak(text, end)) end++;
  return end;
}

/** The grapheme cluster containing the code unit at `offset` (0 <= offset < text.length). */
function graphemeAt(text: string, offset: number): TextRange {
  const windowStart = safeStartBefore(text, offset);
  const windowEnd = safeEndAfter(text, offset + 1);
  const segment = graphemes()
    .segment(text.slice(windowStart, windowEnd))
    .containing(offset - windowStart);
  if (!segment) return { start: offset, end: offset + 1 };
  const start = windowStart + segment.index;
  return { start, end: start + segment.segment.length };
}

function clamp(offset: number, length: number): number {
  if (Number.isNaN(offset)) return 0;
  return Math.min(Math.max(Math.trunc(offset), 0), length);
}

/** True when `offset` is at a grapheme-cluster boundary (0 and text.length always are). */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
  if (isCertainBreak(text, offset)) return true;
  return graphemeAt(text, offset).start === offset;
}

/** Expands [start, end) outward to the nearest grapheme boundaries. */
export function snapToGraphemes(text: string, start: number, end: number): TextRange {
  let from = clamp(Math.min(start, end), text.length);
  let to = clamp(Math.max(start, end), text.length);
  if (from < text.length && !isCertainBreak(text, from)) from = graphemeAt(text, from).start;
  if (to > 0 && !isCertainBreak(text, to)) {
    const cluster = graphemeAt(text, to - 1);
    to = Math.max(to, cluster.end);
    // The cluster before `to` may itself have started before `from` (empty selection inside it).
    from = Math.min(from, cluster.start);
  }
  return { start: from, end: to };
}

/** Invisible separators trimmed from selection edges, besides Unicode white space. */
const BLANK = /^(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)$/u;

function isBlankUnit(text: string, offset: number): boolean {
  const unit = text.charCodeAt(offset);
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d); // ASCII: \s without a regular expression
  return BLANK.test(text.charAt(offset));
}

function isBlankSegment(segment: string): boolean {
  for (const char of segment) if (!BLANK.test(char)) return false;
  return true;
}

/** isBlankSegment of text[start, end), without copying it; ASCII is decided without a regular expression. */
function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) return isBlankSegment(text.slice(i, end));
    if (!(unit === 0x20 || (unit >= 0x09 && unit <= 0x0d))) return false;
  }
  return true;
}

interface WordSegment {
  start: number;
  end: number;
  isWordLike: boolean;
}

const LOWERCASE = /^\p{Ll}$/u;
const UPPERCASE = /^\p{Lu}$/u;

/**
 * Splits a word-like segment where a full stop runs two sentences together without a space
 * ("together.Next"): the segmenter keeps "a.B" as one word, as it does for "U.S" or
 * "example.com", which stay whole because they do not go from lower to upper case.
 */
function splitRunTogether(text: string, segment: WordSegment, out: WordSegment[]): void {
  let partStart = segment.start;
  if (segment.isWordLike) {
    for (let i = segment.start + 1; i < segment.end - 1; i++) {
      if (
        text.charCodeAt(i) === 0x2e &&
        LOWERCASE.test(text.charAt(i - 1)) &&
        UPPERCASE.test(String.fromCodePoint(text.codePointAt(i + 1) ?? 0))
      ) {
        out.push({ start: partStart, end: i, isWordLike: true });
        out.push({ start: i, end: i + 1, isWordLike: false });
        partStart = i + 1;
      }
    }
  }
  out.push(partStart === segment.start ? segment : { start: partStart, end: segment.end, isWordLike: true });
}

/** Joins segments the word segmenter cut inside a grapheme cluster (it does, in old Hangul). */
function wholeClusters(text: string, segments: readonly WordSegment[]): WordSegment[] {
  const joined: WordSegment[] = [];
  for (const segment of segments) {
    const previous = joined[joined.length - 1];
    if (previous && previous.end === segment.start && !isGraphemeBoundary(text, segment.start)) {
      joined[joined.length - 1] = { start: previous.start, end: segment.end, isWordLike: previous.isWordLike || segment.isWordLike };
    } else joined.push(segment);
  }
  return joined;
}

/** Hyphens that join the parts of a compound (Port-au-Prince, anak-anak, COVID-19). */
const COMPOUND_HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

/**
 * Joins word-like segments linked by a single hyphen into one: the segmenter cuts
 * "Port-au-Prince" into five pieces, annotators (and CoNLL, and spaCy's Indonesian
 * exceptions) treat it as one word. Its parts stay reachable one character at a time.
 */
function joinCompounds(text: string, segments: readonly WordSegment[]): WordSegment[] {
  const joined: WordSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as WordSegment;
    if (!segment.isWordLike) {
      joined.push(segment);
      continue;
    }
    let end = segment.end;
    for (;;) {
      const hyphen = segments[i + 1];
      const next = segments[i + 2];
      if (!hyphen || !next || !next.isWordLike) break;
      if (hyphen.end - hyphen.start !== 1 || !COMPOUND_HYPHENS.has(text.charCodeAt(hyphen.start))) break;
      end = next.end;
      i += 2;
    }
    joined.push(end === segment.end ? segment : { start: segment.start, end, isWordLike: true });
  }
  return joined;
}

// Clitics split off a word as spaCy's tokenizers do (spacy/lang/*/punctuation.py and
// tokenizer_exceptions.py), for the languages of our users. They apply whatever the locale, so
// that a text without a language tokenizes the same in the app and in every export; none of
// them matches a word of the other languages (Indonesian jum'at, ma'af stay whole).
/** French and Italian elision: l’Assemblée, d’Haïti, qu’il, jusqu’à, dell’anno (not quelqu’un). */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|dell|dall|nell|sull|all|un|quest|quell)['\u2019](?=\p{L})/iu;
/** English possessive and clitics: Haiti’s, don't, we’re, they’ll, I’ve, she’d, I’m. */
const ENGLISH_CLITIC = /(?<=\p{L}|\p{N})(?:n['\u2019]t|['\u2019](?:s|re|ll|ve|d|m))$/iu;
/** Indonesian enclitics after a hyphen: Jakarta-nya, buku-ku, rumah-mu. */
const INDONESIAN_CLITIC = /(?<=\p{L}|\p{N})[-\u2010\u2011](?:nya|ku|mu)$/iu;

/** Whether text[start, end) holds an apostrophe or a hyphen, which every clitic rule needs. */
function hasCliticMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x27 || unit === 0x2d || unit === 0x2019 || unit === 0x2010 || unit === 0x2011) return true; // ' - ’ ‐ ‑
  }
  return false;
}

/** Cuts the clitics off a word-like segment; a cut that would split a grapheme cluster is skipped. */
function splitClitics(text: string, segment: WordSegment, out: WordSegment[]): void {
  if (!segment.isWordLike || !hasCliticMark(text, segment.start, segment.end)) {
    out.push(segment);
    return;
  }
  const word = text.slice(segment.start, segment.end);
  // The suffix first, so that all’s is all | ’s and not the Italian all’ | s.
  const suffix = ENGLISH_CLITIC.exec(word) ?? INDONESIAN_CLITIC.exec(word);
  const stem = suffix ? word.slice(0, suffix.index) : word;
  const elision = ELISION.exec(stem);
  const cuts: number[] = [];
  if (elision) cuts.push(segment.start + elision[0].length);
  if (suffix) cuts.push(segment.start + suffix.index);
  let partStart = segment.start;
  for (const cut of cuts) {
    if (cut <= partStart || cut >= segment.end || !isGraphemeBoundary(text, cut)) continue;
    out.push({ start: partStart, end: cut, isWordLike: true });
    partStart = cut;
  }
  out.push({ start: partStart, end: segment.end, isWordLike: true });
}

/** The word and other segments of text[from, to): Intl.Segmenter's, with the rules above. */
function wordSegments(text: string, from: number, to: number, locale: string | undefined, scan = true): WordSegment[] {
  const out: WordSegment[] = [];
  for (let chunkStart = from; chunkStart < to;) {
    const chunkEnd = chunkCut(text, chunkStart, to);
    const segments: WordSegment[] = [];
    for (const segment of rawSegments(text, chunkStart, chunkEnd, locale, scan)) splitRunTogether(text, segment, segments);
    for (const segment of joinCompounds(text, wholeClusters(text, segments))) splitClitics(text, segment, out);
    chunkStart = chunkEnd;
  }
  return out;
}

/**
 * Intl.Segmenter's segments of text[from, to). Runs the scanner knows (word-scanner.ts) are
 * scanned, at a fraction of the cost; the rest goes to Intl.Segmenter. A run ends only where a
 * segment surely starts, at white space followed by a character the scanner knows (nothing
 * joins across it), so each part is segmented as it is within the whole.
 */
function rawSegments(text: string, from: number, to: number, locale: string | undefined, scan: boolean): WordSegment[] {
  const segments: WordSegment[] = [];
  let runStart = from;
  let runScannable = scan;
  let pieceStart = from;
  let pieceScannable = scan;
  for (let p = from; p <= to; p++) {
    const unit = p < to ? text.charCodeAt(p) : 0;
    const known = isScannableUnit(unit);
    // A segment surely starts at p: text[pieceStart, p) is a piece, of one kind.
    if (p === to || (p > from && known && !isScannableSpace(unit) && isScannableSpace(text.charCodeAt(p - 1)))) {
      if (pieceScannable !== runScannable) {
        pushSegments(text, runStart, pieceStart, runScannable, locale, segments);
        runStart = pieceStart;
        runScannable = pieceScannable;
      }
      pieceStart = p;
      pieceScannable = scan;
    }
    if (!known) pieceScannable = false;
  }
  pushSegments(text, runStart, to, runScannable, locale, segments);
  return segments;
}

/** The segments of text[from, to), scanned or by Intl.Segmenter, pushed onto `out`. */
function pushSegments(text: string, from: number, to: number, scannable: boolean, locale: string | undefined, out: WordSegment[]): void {
  if (to <= from) return;
  if (scannable) return scanWordSegments(text, from, to, out);
  for (const segment of words(locale).segment(text.slice(from, to))) {
    const start = from + segment.index;
    out.push({ start, end: start + segment.segment.length, isWordLike: segment.isWordLike === true });
  }
}

/** CJK and full-width sentence punctuation: a word ends after them. */
const CJK_STOPS = new Set([0x3001, 0x3002, 0xff01, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff1f]);

/**
 * Where the chunk starting at `start` should end: just after white space (always a word
 * boundary) near WORD_CHUNK units on, else after CJK punctuation, else at a grapheme boundary.
 */
function chunkCut(text: string, start: number, to: number): number {
  if (to - start <= 2 * WORD_CHUNK) return to;
  const target = start + WORD_CHUNK;
  const limit = target + WORD_CHUNK;
  for (let p = target; p < limit; p++) {
    if (isBlankUnit(text, p - 1) && !isBlankUnit(text, p) && isCertainBreak(text, p)) return p;
  }
  for (let p = target; p < limit; p++) {
    if (CJK_STOPS.has(text.charCodeAt(p - 1)) && isSimpleBase(text.charCodeAt(p))) return p;
  }
  let p = limit;
  while (p < to && !isCertainBreak(text, p)) p++;
  return p;
}

const WHITE_SPACE = /^\s$/u;
/** What the word segmenter joins to the character before (white space, format, marks, skin tones). */
const NOT_A_SEGMENT_START = /^[\s\p{Cf}\p{M}\p{Emoji_Modifier}]$/u;

/** True when a word segment surely starts at `offset`: after white space, before a new cluster. */
function isWindowStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const next = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  return WHITE_SPACE.test(text.charAt(offset - 1)) && !NOT_A_SEGMENT_START.test(next) && isGraphemeBoundary(text, offset);
}

/**
 * True when a word segment surely ends at `offset`: before white space that starts a cluster,
 * after something that is not white space (a run of white space is one segment, and a
 * combining mark after it joins it, so the inside of a run is no end).
 */
function isWindowEnd(text: string, offset: number): boolean {
  if (offset === text.length) return true;
  const afterWhiteSpace = offset > 0 && WHITE_SPACE.test(text.charAt(offset - 1));
  return WHITE_SPACE.test(text.charAt(offset)) && !afterWhiteSpace && isGraphemeBoundary(text, offset);
}

/**
 * Where to segment for the tokens around [start, end): widened to white space, which separates
 * segments, so the tokens there are those of the whole text. A text with no white space near
 * (CJK, a very long word) is cut at a grapheme boundary instead.
 */
function tokenWindow(text: string, start: number, end: number): TextRange {
  let from = clamp(Math.min(start, end), text.length);
  const fromLimit = Math.max(0, from - WORD_WINDOW);
  while (from > fromLimit && !isWindowStart(text, from)) from--;
  if (!isWindowStart(text, from)) from = safeStartBefore(text, from);
  let to = Math.max(from, clamp(Math.max(start, end), text.length));
  const toLimit = Math.min(text.length, to + WORD_WINDOW);
  while (to < toLimit && !isWindowEnd(text, to)) to++;
  if (!isWindowEnd(text, to)) to = safeEndAfter(text, to);
  return { start: from, end: to };
}

/** The token holding the code unit at `offset`, if it is not white space. */
function tokenAt(text: string, offset: number, locale: string | undefined): Token | undefined {
  return tokenize(text, locale, { start: offset, end: offset + 1 }).find((token) => token.start <= offset && offset < token.end);
}

/**
 * Whether a token starts at `start` and one ends at `end` (as in tokenizing the whole text).
 * Between white space (` council `) that is sure without segmenting: a segment starts after white
 * space and ends before it, as `tokenWindow` relies on; only other edges are tokenized.
 */
export function isTokenExtent(text: string, start: number, end: number, locale?: string): boolean {
  if (start < 0 || end > text.length || start >= end) return false;
  if (!isBlankUnit(text, start) && !isBlankUnit(text, end - 1) && isWindowStart(text, start) && isWindowEnd(text, end)) return true;
  const tokens = tokenize(text, locale, { start, end });
  return tokens.some((t) => t.start === start) && tokens.some((t) => t.end === end);
}

/**
 * Snaps a mouse selection to whole tokens: a token the selection touches is included whole
 * (Haiti in Haiti’s is the token Haiti, without ’s), white space (and zero-width separators)
 * at either edge is trimmed, and the result never splits a grapheme cluster. Null when nothing
 * but white space is selected. The selection may cross line breaks; only its edges are segmented.
 */
export function snapToWords(text: string, start: number, end: number, locale?: string): TextRange | null {
  const trimmed = trimBlanks(text, start, end);
  if (!trimmed) return null;
  let { start: from, end: to } = trimmed;
  const first = tokenAt(text, from, locale);
  if (first) from = Math.min(from, first.start);
  const last = tokenAt(text, to - 1, locale);
  if (last) to = Math.max(to, last.end);
  return snapToGraphemes(text, from, to);
}

/**
 * A selection kept as it is (Snap to words off): white space at either edge is trimmed and an
 * edge inside a grapheme cluster widens to take it whole, but nothing else is added, so
 * Januari can be taken out of Januaritempat. Null when nothing but white space is selected.
 */
export function snapToCharacters(text: string, start: number, end: number): TextRange | null {
  // Whole clusters first, then blank ones trimmed: a zero-width joiner inside an emoji is kept.
  let { start: from, end: to } = snapToGraphemes(text, start, end);
  while (from < to) {
    const cluster = graphemeAt(text, from);
    if (!isBlankSegment(text.slice(cluster.start, cluster.end))) break;
    from = cluster.end;
  }
  while (to > from) {
    const cluster = graphemeAt(text, to - 1);
    if (!isBlankSegment(text.slice(cluster.start, cluster.end))) break;
    to = cluster.start;
  }
  return from < to ? { start: from, end: to } : null;
}

function trimBlanks(text: string, start: number, end: number): TextRange | null {
  let from = clamp(Math.min(start, end), text.length);
  let to = clamp(Math.max(start, end), text.length);
  while (from < to && isBlankUnit(text, from)) from++;
  while (to > from && isBlankUnit(text, to - 1)) to--;
  return from < to ? { start: from, end: to } : null;
}

/** The grapheme cluster just before (-1) or after (+1) `offset`; null at the text's edge. */
export function graphemeNextTo(text: string, offset: number, direction: -1 | 1): TextRange | null {
  if (direction === 1) return offset < text.length ? graphemeAt(text, offset) : null;
  return offset > 0 ? graphemeAt(text, offset - 1) : null;
}

/**
 * Cuts a text into word and punctuation tokens (no white-space tokens), as spaCy's tokenizer
 * does for annotators: clitics are tokens of their own (Haiti | ’s, do | n't, l’ | Assemblée,
 * qu’ | il), hyphenated compounds are one token (Port-au-Prince, anak-anak), emoji and symbols
 * are tokens of their own, and no token splits a grapheme cluster. With `around`, only the
 * tokens near that range are made (at least every token it overlaps), the same as the whole
 * text's there.
 */
export function tokenize(text: string, locale?: string, around?: TextRange): Token[] {
  const { start: from, end: to } = around ? tokenWindow(text, around.start, around.end) : { start: 0, end: text.length };
  const tokens: Token[] = [];
  for (const segment of wordSegments(text, from, to, locale)) {
    if (!isBlankRange(text, segment.start, segment.end))
      tokens.push({ start: segment.start, end: segment.end, text: text.slice(segment.start, segment.end) });
  }
  return tokens;
}

/**
 * tokenize() of the whole text with Intl.Segmenter alone, without the scanner: the reference
 * the scanner is checked against (test/unit/core/word-scanner.test.ts, the CLI bench).
 */
export function tokenizeWithSegmenter(text: string, locale?: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of wordSegments(text, 0, text.length, locale, false)) {
    const tokenText = text.slice(segment.start, segment.end);
    if (!isBlankSegment(tokenText)) tokens.push({ start: segment.start, end: segment.end, text: tokenText });
  }
  return tokens;
}
