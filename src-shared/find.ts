// Finding text in a document: every match of a query, optionally case-sensitive and whole
// words only, as UTF-16 ranges of the stored text (what spans use). Case folding uses the
// regular expression engine's Unicode rules, so offsets never shift (lower-casing a string
// can change its length, e.g. "İ").
import { isGraphemeBoundary } from './segmentation';

export interface FindOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface TextMatch {
  start: number;
  end: number;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_]/u;
const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/** Every match of `query` in `text`, in order, not overlapping. An empty query finds nothing. */
export function findAll(text: string, query: string, options: FindOptions, limit = 100_000): TextMatch[] {
  if (query === '') return [];
  const pattern = new RegExp(query.replace(ESCAPE, '\\$&'), options.caseSensitive ? 'gu' : 'giu');
  const matches: TextMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (options.wholeWord && !isWholeWord(text, start, end)) continue;
    // A match inside a character (the e of a decomposed é) is no match a span could take.
    if (!isGraphemeBoundary(text, start) || !isGraphemeBoundary(text, end)) continue;
    matches.push({ start, end });
    if (matches.length >= limit) break;
  }
  return matches;
}

function isWholeWord(text: string, start: number, end: number): boolean {
  return !WORD_CHARACTER.test(characterBefore(text, start)) && !WORD_CHARACTER.test(characterAt(text, end));
}

/** The whole character (code point) at a UTF-16 offset, or '' at the end. */
function characterAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The whole character (code point) that ends at a UTF-16 offset, or '' at the start. */
function characterBefore(text: string, at: number): string {
  if (at === 0) return '';
  const low = text.charCodeAt(at - 1);
  const pair = at >= 2 && low >= 0xdc00 && low <= 0xdfff;
  return text.slice(pair ? at - 2 : at - 1, at);
}

/** The matches that no span covers exactly (those "Label all matches" would add). */
export function unlabelledMatches(matches: readonly TextMatch[], spans: ReadonlyArray<{ start: number; end: number }>): TextMatch[] {
  const taken = new Set(spans.map((s) => `${s.start}:${s.end}`));
  return matches.filter((m) => !taken.has(`${m.start}:${m.end}`));
}

export interface MatchInContext {
  before: string;
  match: string;
  after: string;
}

/**
 * The first case-insensitive match of `query` in `text` with a little text either side (cut
 * at whole characters, white space collapsed), to show why a document matched; null if none.
 * Little comes before the match, so a narrow row still shows it.
 */
export function firstMatchInContext(text: string, query: string, before = 12, after = 48): MatchInContext | null {
  const [match] = findAll(text, query, { caseSensitive: false, wholeWord: false }, 1);
  if (!match) return null;
  const from = codePointStart(text, Math.max(0, match.start - before));
  const to = codePointEnd(text, Math.min(text.length, match.end + after));
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, match.start)).trimStart(),
    match: flat(text.slice(match.start, match.end)),
    after: flat(text.slice(match.end, to)).trimEnd() + (to < text.length ? '…' : ''),
  };
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `at`, moved back off the second half of a surrogate pair. */
function codePointStart(text: string, at: number): number {
  return at > 0 && isLowSurrogate(text, at) ? at - 1 : at;
}

/** `at`, moved forward past the second half of a surrogate pair. */
function codePointEnd(text: string, at: number): number {
  return at < text.length && isLowSurrogate(text, at) ? at + 1 : at;
}
