// spaCy/Prodigy patterns files (`patterns.jsonl`, one `{"label": ..., "pattern": ...}` per
// line) and term lists, read with a file/line/reason for every refused entry, and matched over
// the core tokenizer's tokens as spaCy's EntityRuler does:
// - a phrase pattern (a string) is tokenized and matches the same token texts in a row;
// - a token pattern is a list of token descriptions: ORTH/TEXT (exact text), LOWER, LENGTH,
//   IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_UPPER, IS_TITLE, IS_PUNCT, SHAPE, with plain
//   values or {IN, NOT_IN, REGEX, ==, !=, >=, <=, >, <}, and OP: `!` (exactly one token that
//   does not match), `?` (0 or 1), `+` (1 or more), `*` (0 or more), `{n}`, `{n,m}`, `{n,}`,
//   `{,m}`; an empty description `{}` matches any token;
// - of overlapping matches the longest is kept, the earlier on a tie (candidates.ts).
// Attributes that need a trained pipeline (POS, LEMMA, DEP, ENT_TYPE...) are refused with a
// reason: Spanwright has none. No match crosses a line break.
import type { ImportIssue } from '../formats/import-result';
import { tokenize, type Token } from '../segmentation';
import { longestFirst, tokenLines, type Candidate, type TokenizedDocument } from './candidates';
import type { SuggestionSource } from '../domain';

type TokenTest = (token: Token) => boolean;

interface PatternElement {
  test: TokenTest;
  min: number;
  max: number;
}

export interface MatchPattern {
  label: string;
  /** The pattern's `id` in the file, if any (spaCy's entity id). */
  id?: string;
  elements: PatternElement[];
  /** Phrase patterns: the token texts, for a fast first-token lookup. */
  phrase?: string[];
}

export interface ParsedPatterns {
  patterns: MatchPattern[];
  issues: ImportIssue[];
  /** The labels the patterns use, in order of first use. */
  labels: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** spaCy's word shape: letters to x/X, digits to d, other characters kept, runs cut after four. */
export function wordShape(text: string): string {
  if (text.length >= 100) return 'LONG';
  let shape = '';
  let last = '';
  let run = 0;
  for (const char of text) {
    const kind = /\p{L}/u.test(char) ? (char !== char.toLowerCase() ? 'X' : 'x') : /\p{Nd}/u.test(char) ? 'd' : char;
    run = kind === last ? run + 1 : 0;
    last = kind;
    if (run < 4) shape += kind;
  }
  return shape;
}

/** Python's str.istitle(): cased characters, upper case only after an uncased one. */
function isTitle(text: string): boolean {
  let cased = false;
  let previousCased = false;
  for (const char of text) {
    const upper = char !== char.toLowerCase();
    const lower = char !== char.toUpperCase();
    if (upper) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (lower) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

const hasCased = (text: string) => text.toLowerCase() !== text.toUpperCase();

const STRING_ATTRIBUTES: Record<string, (token: Token) => string> = {
  ORTH: (t) => t.text,
  TEXT: (t) => t.text,
  LOWER: (t) => t.text.toLowerCase(),
  SHAPE: (t) => wordShape(t.text),
};

const FLAG_ATTRIBUTES: Record<string, (token: Token) => boolean> = {
  IS_ALPHA: (t) => /^\p{L}+$/u.test(t.text),
  IS_ASCII: (t) => [...t.text].every((char) => char.charCodeAt(0) < 0x80),
  IS_DIGIT: (t) => /^\p{Nd}+$/u.test(t.text),
  IS_LOWER: (t) => hasCased(t.text) && t.text === t.text.toLowerCase(),
  IS_UPPER: (t) => hasCased(t.text) && t.text === t.text.toUpperCase(),
  IS_TITLE: (t) => isTitle(t.text),
  IS_PUNCT: (t) => /^\p{P}+$/u.test(t.text),
};

/** Attributes that need a trained pipeline or sentence boundaries: refused by name. */
const PIPELINE_ATTRIBUTES = new Set([
  'POS',
  'TAG',
  'MORPH',
  'DEP',
  'LEMMA',
  'ENT_TYPE',
  'ENT_IOB',
  'ENT_ID',
  'ENT_KB_ID',
  'IS_SENT_START',
  'SENT_START',
  'NORM',
  'IS_STOP',
  'LIKE_NUM',
  'LIKE_URL',
  'LIKE_EMAIL',
  'IS_SPACE',
  'SPACY',
  'IS_BRACKET',
  'IS_QUOTE',
  'IS_LEFT_PUNCT',
  'IS_RIGHT_PUNCT',
  'IS_CURRENCY',
  'IS_OOV',
  '_',
]);

type Built<T> = { ok: true; value: T } | { ok: false; reason: string };

function valueTest(name: string, read: (token: Token) => string | number, spec: unknown): Built<TokenTest> {
  if (typeof spec === 'string' || typeof spec === 'number') return { ok: true, value: (t) => read(t) === spec };
  if (!isRecord(spec))
    return { ok: false, reason: `${name} must be a string, a number or an object of operators, not ${JSON.stringify(spec)}` };
  const tests: TokenTest[] = [];
  for (const [operator, operand] of Object.entries(spec)) {
    switch (operator) {
      case 'IN':
      case 'NOT_IN': {
        if (!Array.isArray(operand)) return { ok: false, reason: `${name} ${operator} must be a list` };
        const set = new Set<unknown>(operand);
        tests.push(operator === 'IN' ? (t) => set.has(read(t)) : (t) => !set.has(read(t)));
        break;
      }
      case 'REGEX': {
        if (typeof operand !== 'string') return { ok: false, reason: `${name} REGEX must be a string` };
        let regex: RegExp;
        try {
          regex = new RegExp(operand, 'u');
        } catch {
          return { ok: false, reason: `${name} REGEX ${operand} is not a regular expression this app can read` };
        }
        tests.push((t) => regex.test(String(read(t))));
        break;
      }
      case '==':
      case '!=':
      case '>=':
      case '<=':
      case '>':
      case '<': {
        if (typeof operand !== 'number') return { ok: false, reason: `${name} ${operator} must compare with a number` };
        const compare = {
          '==': (a: number) => a === operand,
          '!=': (a: number) => a !== operand,
          '>=': (a: number) => a >= operand,
          '<=': (a: number) => a <= operand,
          '>': (a: number) => a > operand,
          '<': (a: number) => a < operand,
        }[operator];
        tests.push((t) => {
          const value = read(t);
          return typeof value === 'number' && compare(value);
        });
        break;
      }
      default:
        return { ok: false, reason: `${name} has an unknown operator ${operator}` };
    }
  }
  return { ok: true, value: (t) => tests.every((test) => test(t)) };
}

function attributeTest(name: string, spec: unknown): Built<TokenTest> {
  const key = name.toUpperCase();
  const read = STRING_ATTRIBUTES[key];
  if (read) return valueTest(key, read, spec);
  if (key === 'LENGTH') return valueTest(key, (t) => [...t.text].length, spec);
  const flag = FLAG_ATTRIBUTES[key];
  if (flag) {
    if (typeof spec !== 'boolean') return { ok: false, reason: `${key} must be true or false` };
    return { ok: true, value: (t) => flag(t) === spec };
  }
  if (PIPELINE_ATTRIBUTES.has(key))
    return { ok: false, reason: `${key} needs a trained spaCy pipeline; Spanwright matches on the text of tokens only` };
  return { ok: false, reason: `unknown token attribute ${name}` };
}

const QUANTIFIERS: Record<string, [number, number]> = { '?': [0, 1], '*': [0, Infinity], '+': [1, Infinity], '1': [1, 1] };

function quantifier(op: unknown): Built<[number, number] | 'not'> {
  if (op === undefined) return { ok: true, value: [1, 1] };
  if (op === '!') return { ok: true, value: 'not' };
  if (typeof op === 'string') {
    const fixed = QUANTIFIERS[op];
    if (fixed) return { ok: true, value: fixed };
    const range = /^\{(\d*)(,?)(\d*)\}$/.exec(op);
    if (range && (range[1] !== '' || range[3] !== '')) {
      const min = range[1] === '' ? 0 : Number(range[1]);
      const max = range[2] === '' ? min : range[3] === '' ? Infinity : Number(range[3]);
      if (max >= min) return { ok: true, value: [min, max] };
    }
  }
  return { ok: false, reason: `OP ${JSON.stringify(op)} is not one of !, ?, +, *, {n}, {n,m}, {n,}, {,m}` };
}

function tokenElement(description: unknown, at: number): Built<PatternElement> {
  if (!isRecord(description)) return { ok: false, reason: `token ${at + 1} of the pattern is not an object` };
  const tests: TokenTest[] = [];
  for (const [name, spec] of Object.entries(description)) {
    if (name === 'OP') continue;
    const built = attributeTest(name, spec);
    if (!built.ok) return { ok: false, reason: `token ${at + 1}: ${built.reason}` };
    tests.push(built.value);
  }
  const q = quantifier(description['OP']);
  if (!q.ok) return { ok: false, reason: `token ${at + 1}: ${q.reason}` };
  const matches: TokenTest = (t) => tests.every((test) => test(t));
  return q.value === 'not'
    ? { ok: true, value: { test: (t) => !matches(t), min: 1, max: 1 } }
    : { ok: true, value: { test: matches, min: q.value[0], max: q.value[1] } };
}

/** A phrase as a pattern: its tokens' exact texts in a row (spaCy's PhraseMatcher on ORTH). */
export function phrasePattern(label: string, phrase: string, locale?: string): MatchPattern | null {
  const texts = tokenize(phrase, locale).map((t) => t.text);
  if (texts.length === 0) return null;
  return { label, phrase: texts, elements: texts.map((text) => ({ test: (t: Token) => t.text === text, min: 1, max: 1 })) };
}

/** Reads a patterns.jsonl file; every refused line is an issue with its line and reason. */
export function parsePatterns(file: string, content: string, locale?: string): ParsedPatterns {
  const result: ParsedPatterns = { patterns: [], issues: [], labels: [] };
  const refuse = (line: number, reason: string) => result.issues.push({ file, line, reason });
  const lines = content.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      refuse(line, 'not a JSON object (a patterns file has one {"label": ..., "pattern": ...} per line)');
      return;
    }
    if (!isRecord(value)) return refuse(line, 'not a JSON object');
    const label = value['label'];
    if (typeof label !== 'string' || label.trim() === '') return refuse(line, 'no "label" (a non-empty string)');
    const id = typeof value['id'] === 'string' ? value['id'] : undefined;
    const pattern = value['pattern'];
    let built: MatchPattern | null = null;
    if (typeof pattern === 'string') {
      built = phrasePattern(label, pattern, locale);
      if (!built) return refuse(line, 'the phrase pattern has no words');
    } else if (Array.isArray(pattern)) {
      if (pattern.length === 0) return refuse(line, 'the token pattern is empty');
      const elements: PatternElement[] = [];
      for (const [at, description] of pattern.entries()) {
        const element = tokenElement(description, at);
        if (!element.ok) return refuse(line, element.reason);
        elements.push(element.value);
      }
      if (elements.every((e) => e.min === 0)) return refuse(line, 'every token of the pattern is optional, so it could match nothing');
      built = { label, elements };
    } else return refuse(line, '"pattern" must be a phrase (a string) or a list of token descriptions');
    if (id !== undefined) built.id = id;
    result.patterns.push(built);
    if (!result.labels.includes(label)) result.labels.push(label);
  });
  return result;
}

/** Reads a term list for one label: one term a line; blank lines and lines starting with # are skipped. */
export function parseTermList(label: string, content: string, locale?: string): MatchPattern[] {
  const patterns: MatchPattern[] = [];
  for (const raw of content.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const term = raw.trim();
    if (term === '' || term.startsWith('#')) continue;
    const pattern = phrasePattern(label, term, locale);
    if (pattern) patterns.push(pattern);
  }
  return patterns;
}

/** The token indexes (exclusive ends) where `elements[from..]` can end when started at token `at`. */
function endsFrom(
  elements: readonly PatternElement[],
  tokens: readonly Token[],
  memo: Map<number, number[]>,
  from: number,
  at: number,
): number[] {
  if (from === elements.length) return [at];
  const key = from * (tokens.length + 1) + at;
  const known = memo.get(key);
  if (known) return known;
  const element = elements[from] as PatternElement;
  const ends = new Set<number>();
  let count = 0;
  for (;;) {
    if (count >= element.min) for (const end of endsFrom(elements, tokens, memo, from + 1, at + count)) ends.add(end);
    if (count >= element.max || at + count >= tokens.length || !element.test(tokens[at + count] as Token)) break;
    count++;
  }
  const list = [...ends];
  memo.set(key, list);
  return list;
}

/** Every match of a token pattern in one line of tokens, as [first token, end token) pairs. */
function matchLine(pattern: MatchPattern, tokens: readonly Token[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const memo = new Map<number, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    for (const end of endsFrom(pattern.elements, tokens, memo, 0, i)) if (end > i) found.push([i, end]);
  }
  return found;
}

/**
 * Candidates for every match of the patterns in a document; of overlapping matches the longest
 * is kept (EntityRuler). Phrase patterns are looked up by their first token, so a term list of
 * thousands costs little more than one term.
 */
export function patternCandidates(document: TokenizedDocument, patterns: readonly MatchPattern[], source: SuggestionSource): Candidate[] {
  const byFirstWord = new Map<string, MatchPattern[]>();
  const tokenPatterns: MatchPattern[] = [];
  for (const pattern of patterns) {
    const first = pattern.phrase?.[0];
    if (first === undefined) tokenPatterns.push(pattern);
    else byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), pattern]);
  }
  const candidates: Candidate[] = [];
  const add = (pattern: MatchPattern, line: readonly Token[], first: number, end: number) => {
    const start = (line[first] as Token).start;
    const stop = (line[end - 1] as Token).end;
    candidates.push({ documentId: document.id, label: pattern.label, start, end: stop, source });
  };
  for (const line of tokenLines(document)) {
    line.forEach((token, i) => {
      for (const pattern of byFirstWord.get(token.text) ?? []) {
        const words = pattern.phrase as string[];
        if (i + words.length <= line.length && words.every((w, k) => (line[i + k] as Token).text === w))
          add(pattern, line, i, i + words.length);
      }
    });
    for (const pattern of tokenPatterns) for (const [first, end] of matchLine(pattern, line)) add(pattern, line, first, end);
  }
  return longestFirst(candidates);
}
