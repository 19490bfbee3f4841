// Same-string suggestions: the exact text of a span, at every other occurrence on token
// boundaries, never over a same-label span, never proposed again once rejected.
import { describe, expect, it } from 'vitest';
import { addSuggestions } from '../../../src-shared/annotations/suggestion-edits';
import { spanRecord, suggestionRecord } from '../../../src-shared/annotations/kinds';
import { createState } from '../../../src-shared/annotations/state';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { Span } from '../../../src-shared/domain';
import { coveredIn, longestFirst, toSuggestions, tokenizedDocument } from '../../../src-shared/suggestions/candidates';
import { sameStringCandidates } from '../../../src-shared/suggestions/same-string';

const D1 = 'Garry Conille, the prime minister. Garry Conille, his cabinet; GARRY CONILLE did not.';
const D2 = 'Prime minister Garry Conille resigned. Garry Conilleville is a town.';

function span(id: string, documentId: string, text: string, start: number, end: number, label = 'PERSON'): Span {
  return {
    id,
    projectId: 'p',
    documentId,
    annotator: 'ana',
    layer: 'entity',
    label,
    start,
    end,
    text: text.slice(start, end),
    attributes: {},
    origin: 'manual',
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('same-string suggestions', () => {
  const documents = [tokenizedDocument('d1', D1), tokenizedDocument('d2', D2)];
  const made = span('s1', 'd1', D1, 0, 13);

  it('finds every other case-sensitive occurrence on token boundaries in every document', () => {
    const candidates = sameStringCandidates(documents, made);
    expect(candidates.map((c) => [c.documentId, c.start, c.source])).toEqual([
      ['d1', 35, 'same-string'],
      ['d2', 15, 'same-string'],
    ]);
  });

  it('become pending suggestions of the span’s label; a same-label span or an earlier rejection keeps one out', () => {
    const texts = new Map([
      ['d1', D1],
      ['d2', D2],
    ]);
    let n = 0;
    const owner = { projectId: 'p', annotator: 'ana', layerOf: () => 'entity' as const, newId: () => `g${n++}`, now: 3 };
    const suggestions = toSuggestions(sameStringCandidates(documents, made), coveredIn(texts), owner);
    expect(suggestions.map((s) => [s.text, s.status, s.layer])).toEqual([
      ['Garry Conille', 'pending', 'entity'],
      ['Garry Conille', 'pending', 'entity'],
    ]);
    const rejected = { ...(suggestions[1] as (typeof suggestions)[number]), id: 'old', status: 'rejected' as const };
    const state = createState(defaultSchema(), [spanRecord(made), spanRecord(span('s2', 'd1', D1, 35, 40)), suggestionRecord(rejected)]);
    expect(addSuggestions(state, suggestions)).toBeNull();
    const otherLabel = createState(defaultSchema(), [spanRecord(span('s2', 'd1', D1, 35, 48, 'ORG'))]);
    expect(addSuggestions(otherLabel, suggestions)).toMatchObject({
      type: 'edit',
      added: [{ kind: 'suggestion' }, { kind: 'suggestion' }],
    });
  });

  it('proposes nothing for a text found more often than the limit', () => {
    const many = tokenizedDocument('m', 'the cat and the dog and the bird');
    const the = { documentId: 'm', label: 'X', start: 0, end: 3, text: 'the' };
    expect(sameStringCandidates([many], the)).toHaveLength(2);
    expect(sameStringCandidates([many], the, { limit: 1 })).toEqual([]);
  });

  it('of overlapping candidates keeps the longest, the earlier on a tie', () => {
    const c = (start: number, end: number) => ({ documentId: 'd', label: 'X', start, end, source: 'pattern' as const });
    expect(longestFirst([c(0, 5), c(3, 12), c(12, 14), c(13, 15)]).map((x) => [x.start, x.end])).toEqual([
      [3, 12],
      [12, 14],
    ]);
  });
});
