// patterns.jsonl and term lists: read with a line and reason for every refused entry, and
// matched over the core tokenizer's tokens with spaCy's semantics (OP, SHAPE, longest match).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizedDocument } from '../../../src-shared/suggestions/candidates';
import { parsePatterns, parseTermList, patternCandidates, wordShape } from '../../../src-shared/suggestions/patterns';
import { exactMatches } from '../../../src-shared/suggestions/same-string';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function found(text: string, patternsJsonl: string): string[] {
  const parsed = parsePatterns('p.jsonl', patternsJsonl);
  expect(parsed.issues).toEqual([]);
  const doc = tokenizedDocument('d', text);
  return patternCandidates(doc, parsed.patterns, 'pattern').map((c) => `${c.label} ${text.slice(c.start, c.end)}`);
}

describe('reading a patterns file', () => {
  it('keeps phrase and token patterns and refuses every other line with its line and reason', () => {
    const parsed = parsePatterns('patterns.jsonl', fixture('patterns.jsonl'));
    expect(parsed.patterns.map((p) => p.label)).toEqual(['ORG', 'GPE', 'PERSON', 'DATE', 'ORG']);
    expect(parsed.patterns[1]?.id).toBe('port-au-prince');
    expect(parsed.labels).toEqual(['ORG', 'GPE', 'PERSON', 'DATE']);
    expect(parsed.issues.map((i) => [i.line, i.reason])).toEqual([
      [6, 'token 2: LIKE_NUM needs a trained spaCy pipeline; Spanwright matches on the text of tokens only'],
      [7, 'token 1: POS needs a trained spaCy pipeline; Spanwright matches on the text of tokens only'],
      [8, 'not a JSON object (a patterns file has one {"label": ..., "pattern": ...} per line)'],
      [9, 'no "label" (a non-empty string)'],
      [10, 'token 1: OP "++" is not one of !, ?, +, *, {n}, {n,m}, {n,}, {,m}'],
      [11, 'the token pattern is empty'],
      [12, 'every token of the pattern is optional, so it could match nothing'],
      [13, '"pattern" must be a phrase (a string) or a list of token descriptions'],
    ]);
    expect(parsed.issues.every((i) => i.file === 'patterns.jsonl')).toBe(true);
  });

  it('matches the hand-written file over a news sentence', () => {
    const parsed = parsePatterns('patterns.jsonl', fixture('patterns.jsonl'));
    const text = 'Garry Conille met the World Health Organization in Port-au-Prince on 12 January 2012.\nBank of Haiti Central';
    const doc = tokenizedDocument('d', text);
    expect(patternCandidates(doc, parsed.patterns, 'pattern').map((c) => `${c.label} ${text.slice(c.start, c.end)}`)).toEqual([
      'PERSON Garry Conille',
      'ORG World Health Organization',
      'GPE Port-au-Prince',
      'DATE 12 January 2012',
      'ORG Bank of Haiti Central',
    ]);
  });
});

describe('token pattern operators, as spaCy defines them', () => {
  it('? makes a token optional; the longer match wins', () => {
    expect(found('a big dog and a dog', '{"label":"X","pattern":[{"LOWER":"a"},{"LOWER":"big","OP":"?"},{"LOWER":"dog"}]}')).toEqual([
      'X a big dog',
      'X a dog',
    ]);
  });

  it('+ takes one or more, * zero or more', () => {
    expect(found('New New York', '{"label":"X","pattern":[{"IS_TITLE":true,"OP":"+"}]}')).toEqual(['X New New York']);
    expect(found('the dog', '{"label":"X","pattern":[{"LOWER":"big","OP":"*"},{"LOWER":"dog"}]}')).toEqual(['X dog']);
    expect(found('big big dog', '{"label":"X","pattern":[{"LOWER":"big","OP":"*"},{"LOWER":"dog"}]}')).toEqual(['X big big dog']);
  });

  it('! matches exactly one token that does not fit (it cannot match zero tokens)', () => {
    const pattern = '{"label":"X","pattern":[{"LOWER":"not","OP":"!"},{"LOWER":"guilty"}]}';
    expect(found('found guilty', pattern)).toEqual(['X found guilty']);
    expect(found('not guilty', pattern)).toEqual([]);
    expect(found('guilty', pattern)).toEqual([]);
  });

  it('{n,m} counts repetitions', () => {
    expect(found('ha ha ha ha', '{"label":"X","pattern":[{"LOWER":"ha","OP":"{2,3}"}]}')).toEqual(['X ha ha ha']);
    expect(found('ha', '{"label":"X","pattern":[{"LOWER":"ha","OP":"{2}"}]}')).toEqual([]);
  });

  it('SHAPE, IS_DIGIT, LENGTH and the IN, NOT_IN, REGEX and comparison operators', () => {
    expect(wordShape('Apple')).toBe('Xxxxx');
    expect(wordShape('Haitians')).toBe('Xxxxx');
    expect(wordShape('COVID-19')).toBe('XXXX-dd');
    expect(wordShape('2012')).toBe('dddd');
    expect(found('In 2012 and 12', '{"label":"Y","pattern":[{"SHAPE":"dddd"}]}')).toEqual(['Y 2012']);
    expect(found('In 2012 and 12', '{"label":"Y","pattern":[{"IS_DIGIT":true,"LENGTH":{"<":3}}]}')).toEqual(['Y 12']);
    expect(
      found('Mr Li and Ms Wu', '{"label":"P","pattern":[{"ORTH":{"IN":["Mr","Ms"]}},{"TEXT":{"REGEX":"^[A-Z]","NOT_IN":["Wu"]}}]}'),
    ).toEqual(['P Mr Li']);
  });

  it('an empty token description matches any token; no match crosses a line break', () => {
    expect(found('Dr. Who', '{"label":"X","pattern":[{"ORTH":"Dr"},{},{"ORTH":"Who"}]}')).toEqual(['X Dr. Who']);
    expect(found('Garry\nConille', '{"label":"P","pattern":"Garry Conille"}')).toEqual([]);
  });

  it('phrase patterns match whole tokens, case-sensitively: not Haiti in Haitian, not haiti', () => {
    expect(found('Haiti, the Haitian people, haiti', '{"label":"GPE","pattern":"Haiti"}')).toEqual(['GPE Haiti']);
  });
});

describe('term lists', () => {
  it('give one phrase pattern a term, skipping comments and blank lines', () => {
    const patterns = parseTermList('GPE', fixture('terms-gpe.txt'));
    expect(patterns.map((p) => p.label)).toEqual(['GPE', 'GPE', 'GPE', 'GPE']);
    const text = 'From Les Cayes to Port-au-Prince, Haiti.';
    expect(
      patternCandidates(tokenizedDocument('d', text), patterns, 'dictionary').map((c) => [c.source, text.slice(c.start, c.end)]),
    ).toEqual([
      ['dictionary', 'Les Cayes'],
      ['dictionary', 'Port-au-Prince'],
      ['dictionary', 'Haiti'],
    ]);
  });
});

describe('properties', () => {
  it('a phrase pattern finds exactly the same-string matches of its text (distinct words, no overlaps)', () => {
    const word = fc.constantFrom('Ana', 'Lima', 'met', 'port', 'Port', 'Lima’s', 'ana', '2012', 'co-op');
    const separator = fc.constantFrom(' ', ', ', '. ', ' (', ') ', ' - ');
    const text = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    const phrase = fc
      .uniqueArray(fc.constantFrom('Ana', 'Lima', 'met', 'port', '2012'), { minLength: 1, maxLength: 2 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(text, phrase, (body, term) => {
        const doc = tokenizedDocument('d', body);
        const pattern = parseTermList('X', term);
        const byPattern = patternCandidates(doc, pattern, 'dictionary').map((c) => [c.start, c.end]);
        expect(byPattern).toEqual(exactMatches(doc, term).map((m) => [m.start, m.end]));
      }),
      { numRuns: 300 },
    );
  });
});
