// Grapheme and word boundaries for any script (Intl.Segmenter), used to snap a selection to
// whole characters and words and to cut a text into tokens. Offsets are UTF-16 code units.
//
// Segmenting is done in small pieces: a selection only segments a window around each edge, and
// tokenize() cuts the text into chunks at white space. Besides being less work, this matters
// because Intl.Segmenter's iterator costs time in proportion to the string's length at every
// step in some engines (Node 20: ~8 s for the words of 100 KB in one piece, ~30 ms in chunks).
// Windows start and end where a grapheme boundary is certain without context (isCertainBreak).

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
 * Greek and Cyrillic letters without combining marks, Hebrew and Arabic letters, kana, CJK
 * ideographs and Hangul syllables. A break between two of them needs no further context.
 */
function isSimpleBase(unit: number): boolean {
  return (
    unit < 0x0300 ||
    (unit >= 0x0370 && unit <= 0x0482) ||
    (unit >= 0x048a && unit <= 0x052f) ||
    (unit >= 0x05d0 && unit <= 0x05ea) ||
    (unit >= 0x0621 && unit <= 0x064a) ||
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
  const segment = graphemes().segment(text.slice(windowStart, windowEnd)).containing(offset - windowStart);
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
  return BLANK.test(text.charAt(offset));
}

function isBlankSegment(segment: string): boolean {
  for (const char of segment) if (!BLANK.test(char)) return false;
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
function splitRunTogether(text: string, segment: WordSegment): WordSegment[] {
  if (!segment.isWordLike) return [segment];
  const parts: WordSegment[] = [];
  let partStart = segment.start;
  for (let i = segment.start + 1; i < segment.end - 1; i++) {
    if (
      text.charCodeAt(i) === 0x2e &&
      LOWERCASE.test(text.charAt(i - 1)) &&
      UPPERCASE.test(String.fromCodePoint(text.codePointAt(i + 1) ?? 0))
    ) {
      parts.push({ start: partStart, end: i, isWordLike: true });
      parts.push({ start: i, end: i + 1, isWordLike: false });
      partStart = i + 1;
    }
  }
  if (parts.length === 0) return [segment];
  parts.push({ start: partStart, end: segment.end, isWordLike: true });
  return parts;
}

function* wordSegments(text: string, from: number, to: number, locale: string | undefined): Generator<WordSegment> {
  for (let chunkStart = from; chunkStart < to; ) {
    const chunkEnd = chunkCut(text, chunkStart, to);
    for (const segment of words(locale).segment(text.slice(chunkStart, chunkEnd))) {
      const start = chunkStart + segment.index;
      yield* splitRunTogether(text, { start, end: start + segment.segment.length, isWordLike: segment.isWordLike === true });
    }
    chunkStart = chunkEnd;
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

/** The word segment holding the code unit at `offset`, found by segmenting a window around it. */
function wordAt(text: string, offset: number, locale: string | undefined): WordSegment {
  // White space always separates words, so a window bounded by white space sees the whole word.
  let from = offset;
  const fromLimit = Math.max(0, offset - WORD_WINDOW);
  while (from > fromLimit && !isBlankUnit(text, from - 1)) from--;
  from = safeStartBefore(text, from);
  let to = offset + 1;
  const toLimit = Math.min(text.length, offset + WORD_WINDOW);
  while (to < toLimit && !isBlankUnit(text, to)) to++;
  to = safeEndAfter(text, to);
  for (const segment of wordSegments(text, from, to, locale)) {
    if (segment.start <= offset && offset < segment.end) return segment;
  }
  return { start: offset, end: offset + 1, isWordLike: false };
}

/**
 * Snaps a mouse selection to whole words: a word the selection touches is included whole,
 * white space (and zero-width separators) at either edge is trimmed, punctuation is kept only
 * where selected, and the result never splits a grapheme cluster. Null when nothing but white
 * space is selected. The selection may cross line breaks; only its edges are segmented.
 */
export function snapToWords(text: string, start: number, end: number, locale?: string): TextRange | null {
  let from = clamp(Math.min(start, end), text.length);
  let to = clamp(Math.max(start, end), text.length);
  while (from < to && isBlankUnit(text, from)) from++;
  while (to > from && isBlankUnit(text, to - 1)) to--;
  if (from >= to) return null;

  const first = wordAt(text, from, locale);
  if (first.isWordLike) from = Math.min(from, first.start);
  const last = wordAt(text, to - 1, locale);
  if (last.isWordLike) to = Math.max(to, last.end);

  return snapToGraphemes(text, from, to);
}

/**
 * Cuts a text into word and punctuation tokens (no white-space tokens), e.g. for BIO formats.
 * Emoji and symbols are tokens of their own.
 */
export function tokenize(text: string, locale?: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of wordSegments(text, 0, text.length, locale)) {
    const tokenText = text.slice(segment.start, segment.end);
    if (!isBlankSegment(tokenText)) tokens.push({ start: segment.start, end: segment.end, text: tokenText });
  }
  return tokens;
}
