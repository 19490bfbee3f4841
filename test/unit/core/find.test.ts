import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAll, firstMatchInContext, unlabelledMatches } from '../../../src-shared/find';

const any = { caseSensitive: false, wholeWord: false };

describe('findAll', () => {
  it('finds every occurrence, ignoring case unless asked', () => {
    const text = 'Haiti’s capital; HAITI and haitian.';
    expect(findAll(text, 'haiti', any).map((m) => text.slice(m.start, m.end))).toEqual(['Haiti', 'HAITI', 'haiti']);
    expect(findAll(text, 'Haiti', { ...any, caseSensitive: true }).map((m) => m.start)).toEqual([0]);
  });

  it('whole words only: not inside a longer word, at any script', () => {
    const text = 'haitian Haiti’s Haiti. Januaritempat Januari';
    expect(findAll(text, 'haiti', { ...any, wholeWord: true }).map((m) => text.slice(m.start, m.end))).toEqual(['Haiti', 'Haiti']);
    expect(findAll(text, 'Januari', { ...any, wholeWord: true }).map((m) => m.start)).toEqual([text.lastIndexOf('Januari')]);
  });

  it('keeps offsets right where lower-casing would change lengths, and around emoji', () => {
    const text = '😀 İstanbul and istanbul 🚋';
    const found = findAll(text, 'İstanbul', any);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['İstanbul']);
    expect(findAll(text, 'tram 🚋', any)).toEqual([]);
    expect(findAll(text, '🚋', any).map((m) => text.slice(m.start, m.end))).toEqual(['🚋']);
  });

  it('never matches inside a character (a decomposed é, a flag)', () => {
    const text = 'cafe\u0301 cafe 🇫🇷';
    expect(findAll(text, 'cafe', { ...any, caseSensitive: true }).map((m) => m.start)).toEqual([6]);
    expect(findAll(text, '🇫', any)).toEqual([]);
  });

  it('treats the query as text, not as a pattern', () => {
    expect(findAll('a+b (c) a.b', 'a.b', any)).toEqual([{ start: 8, end: 11 }]);
    expect(findAll('a+b (c)', '(c)', any)).toEqual([{ start: 4, end: 7 }]);
    expect(findAll('text', '', any)).toEqual([]);
  });

  it('every match is the query, in order, without overlap', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), (text, query) => {
        const matches = findAll(text, query, { caseSensitive: true, wholeWord: false });
        let last = 0;
        for (const m of matches) {
          expect(text.slice(m.start, m.end)).toBe(query);
          expect(m.start).toBeGreaterThanOrEqual(last);
          last = m.end;
        }
      }),
    );
  });

  it('label all skips matches a span already covers exactly', () => {
    expect(unlabelledMatches([{ start: 0, end: 5 }, { start: 10, end: 15 }], [{ start: 10, end: 15 }])).toEqual([{ start: 0, end: 5 }]);
  });
});

describe('firstMatchInContext', () => {
  it('finds the first match whatever its case, with context cut to a few characters', () => {
    const text = 'The minister said.\nLater, the MINISTER of transport resigned over the tram budget.';
    expect(firstMatchInContext(text, 'minister', 8, 8)).toEqual({ before: 'The ', match: 'minister', after: ' said. L…' });
    expect(firstMatchInContext(text, 'tram', 8, 8)).toEqual({ before: '…ver the ', match: 'tram', after: ' budget.' });
    expect(firstMatchInContext(text, 'bus')).toBeNull();
    expect(firstMatchInContext(text, '')).toBeNull();
  });

  it('never cuts a character in half and keeps offsets when case folding changes lengths', () => {
    // Lower-casing "İ" gives two code units; the match must not shift by one.
    expect(firstMatchInContext('İİ Tram İİ', 'TRAM', 3, 3)).toEqual({ before: 'İİ ', match: 'Tram', after: ' İİ' });
    const emoji = firstMatchInContext('😀😀 tram 😀😀', 'tram', 2, 2);
    expect(emoji).toEqual({ before: '…😀 ', match: 'tram', after: ' 😀…' });
    for (const part of Object.values(emoji ?? {})) expect(part).toBe(Array.from(part).join(''));
    expect(JSON.stringify(emoji)).not.toMatch(/\\ud[89ab]/i);
  });
});
