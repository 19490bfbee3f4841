// How two texts that should be the same differ: where they first differ (a one-line message),
// and a word-level comparison (jsdiff) that says how alike they are, shows what differs, and
// carries offsets from one text onto the other where the text around them is unchanged.
import { diffWordsWithSpace, wordsWithSpaceDiff } from 'diff';
import { toCodePointOffset } from '../offsets';

const CONTEXT = 20;

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(text.length, at + CONTEXT);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

/** null when equal; else e.g. `differs at character 42: here “…a tram…”, in the file “…a train…” (lengths 500 and 501)`. */
export function describeTextDifference(here: string, there: string): string | null {
  if (here === there) return null;
  let at = 0;
  while (at < here.length && at < there.length && here.charCodeAt(at) === there.charCodeAt(at)) at++;
  // Report whole characters: step back off a surrogate pair's second half.
  if (at > 0 && at < here.length && /[\uDC00-\uDFFF]/.test(here[at] ?? '')) at--;
  const position = toCodePointOffset(here, Math.min(at, here.length));
  const lengths = `lengths ${toCodePointOffset(here, here.length)} and ${toCodePointOffset(there, there.length)} characters`;
  return `the text differs at character ${position}: here “${excerpt(here, at)}”, in the file “${excerpt(there, at)}” (${lengths})`;
}

/** Texts at least this alike (word-level, see `compareTexts`) are the same document with a different text. */
export const NEAR_IDENTICAL = 0.95;

/** A run of a word-level comparison: text both have, only ours, or only theirs. */
export interface DiffPart {
  kind: 'same' | 'ours' | 'theirs';
  text: string;
}

export interface TextComparison {
  /** Ours and theirs, run by run: the `same` and `ours` parts make our text, `same` and `theirs` theirs. */
  parts: DiffPart[];
  /** 2 × words in common / (our words + their words): 1 for equal texts (whitespace is not counted). */
  similarity: number;
}

const isSpace = (token: string) => /^\s+$/u.test(token);

/** The words of a text as the comparison sees them (each word and punctuation mark; whitespace left out). */
export function wordsOf(text: string): string[] {
  return (wordsWithSpaceDiff.tokenize(text) as string[]).filter((t) => !isSpace(t));
}

/** Word counts, for `similarityBound`. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

const totals = new WeakMap<ReadonlyMap<string, number>, number>();

function total(counts: ReadonlyMap<string, number>): number {
  let n = totals.get(counts);
  if (n === undefined) {
    n = 0;
    for (const c of counts.values()) n += c;
    totals.set(counts, n);
  }
  return n;
}

/**
 * An upper bound of `compareTexts(...).similarity`, from word counts alone (words in common,
 * ignoring order): a cheap first test before comparing two texts word by word. With
 * `atLeast`, it stops (returning a number below it) as soon as too many of our words are
 * missing from theirs, so unrelated texts are ruled out after a few dozen words.
 */
export function similarityBound(ours: ReadonlyMap<string, number>, theirs: ReadonlyMap<string, number>, atLeast = 0): number {
  const oursTotal = total(ours);
  const size = oursTotal + total(theirs);
  if (size === 0) return 1;
  // Words of ours that theirs may lack while the texts are still `atLeast` alike.
  const mayMiss = oursTotal - (atLeast * size) / 2;
  let missing = 0;
  for (const [word, count] of ours) {
    missing += count - Math.min(count, theirs.get(word) ?? 0);
    if (missing > mayMiss) return (2 * (oursTotal - missing)) / size;
  }
  return (2 * (oursTotal - missing)) / size;
}

/**
 * Compares two texts word by word (words, punctuation, whitespace and line breaks are tokens,
 * so the parts rebuild both texts exactly). null when they are less alike than
 * `atLeast`: the comparison gives up early rather than diff two unrelated texts.
 */
export function compareTexts(ours: string, theirs: string, atLeast = 0): TextComparison | null {
  const tokens = (wordsWithSpaceDiff.tokenize(ours) as string[]).length + (wordsWithSpaceDiff.tokenize(theirs) as string[]).length;
  // Each differing word brings at most a whitespace token with it, so this many edits
  // (insertions plus removals) is more than a text `atLeast` alike can need.
  const maxEditLength = atLeast > 0 ? Math.ceil(2 * (1 - atLeast) * tokens) + 4 : undefined;
  const changes = maxEditLength === undefined ? diffWordsWithSpace(ours, theirs) : diffWordsWithSpace(ours, theirs, { maxEditLength });
  if (!changes) return null;
  const parts: DiffPart[] = [];
  let same = 0;
  let oursWords = 0;
  let theirsWords = 0;
  for (const change of changes) {
    if (change.value === '') continue;
    const kind = change.added ? 'theirs' : change.removed ? 'ours' : 'same';
    const words = wordsOf(change.value).length;
    if (kind !== 'theirs') oursWords += words;
    if (kind !== 'ours') theirsWords += words;
    if (kind === 'same') same += words;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  const similarity = oursWords + theirsWords === 0 ? 1 : (2 * same) / (oursWords + theirsWords);
  return similarity >= atLeast ? { parts, similarity } : null;
}

/**
 * Carries a range of their text onto ours: the same characters in our text when the whole
 * range lies in text both have, unbroken (no word of either side removed, added or changed
 * inside it); null when any of it falls into text that differs, so that a span is never
 * silently shifted onto other words.
 */
export function rangeMapper(parts: readonly DiffPart[]): (start: number, end: number) => { start: number; end: number } | null {
  const runs: Array<{ theirs: number; ours: number; length: number }> = [];
  let ours = 0;
  let theirs = 0;
  for (const part of parts) {
    if (part.kind === 'same') runs.push({ theirs, ours, length: part.text.length });
    if (part.kind !== 'theirs') ours += part.text.length;
    if (part.kind !== 'ours') theirs += part.text.length;
  }
  return (start, end) => {
    for (const run of runs) {
      if (start >= run.theirs && end <= run.theirs + run.length && start <= end) {
        // An empty range at a run's very end belongs to the next run (or to nothing).
        if (start === end && start === run.theirs + run.length && start !== 0) continue;
        return { start: start - run.theirs + run.ours, end: end - run.theirs + run.ours };
      }
    }
    return null;
  };
}

/**
 * The parts with long unchanged text cut to its ends (`context` characters either side of a
 * change, at whitespace when there is some), for showing what differs.
 */
export function condenseParts(parts: readonly DiffPart[], context = 40): DiffPart[] {
  return parts.map((part, i) => {
    if (part.kind !== 'same') return part;
    const before = i > 0;
    const after = i < parts.length - 1;
    const keep = (before ? context : 0) + (after ? context : 0);
    if (part.text.length <= keep + 1) return part;
    const head = before ? cutAfter(part.text, context) : '';
    const tail = after ? cutBefore(part.text, context) : '';
    return { kind: 'same', text: `${head}…${tail}` };
  });
}

/** `at`, or one less when it would cut a surrogate pair in two. */
function wholeCharacter(text: string, at: number): number {
  return at > 0 && /[\uDC00-\uDFFF]/u.test(text[at] ?? '') && /[\uD800-\uDBFF]/u.test(text[at - 1] ?? '') ? at - 1 : at;
}

function cutAfter(text: string, length: number): string {
  const space = text.lastIndexOf(' ', length);
  return text.slice(0, space > length / 2 ? space : wholeCharacter(text, length));
}

function cutBefore(text: string, length: number): string {
  const from = wholeCharacter(text, text.length - length);
  const space = text.indexOf(' ', from);
  return text.slice(space !== -1 && space < from + length / 2 ? space : from);
}
