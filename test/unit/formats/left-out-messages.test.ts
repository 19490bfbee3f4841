import { describe, expect, it } from 'vitest';
import type { LeftOut } from '../../../src-shared/formats/left-out';
import { countLeftOut, describeLeftOutCount, leftOutItemTexts } from '../../../src-shared/formats/left-out-messages';

const claim = { id: 'c', layer: 'claim' as const, label: 'CLAIM', start: 0, end: 9, text: 'taxes fell' };
const person = { id: 'p', layer: 'entity' as const, label: 'PERSON', start: 12, end: 15, text: 'Ana' };

describe('left-out messages', () => {
  it('names spans, relations (with both ends) and document annotations', () => {
    const entries: LeftOut[] = [
      { documentId: 'd', reason: 'overlap', dropped: true, spans: [person] },
      { documentId: 'd', reason: 'relations-not-held', dropped: true, spans: [], relations: [{ id: 'r', type: 'SOURCE', annotator: 'a', from: claim, to: person }] },
      { documentId: 'd', reason: 'relation-end-left-out', dropped: true, spans: [], relations: [{ id: 'r2', type: 'ABOUT', annotator: 'a', from: claim, to: null }] },
      { documentId: 'd', reason: 'document-labels-not-held', dropped: true, spans: [], documentAnnotations: [{ annotator: 'a', labels: { topic: ['health', 'crime'] }, note: 'ask Ben' }] },
    ];
    expect(entries.map(leftOutItemTexts)).toEqual([
      ['PERSON “Ana”'],
      ['SOURCE: CLAIM “taxes fell” → PERSON “Ana”'],
      ['ABOUT: CLAIM “taxes fell” → a span left out'],
      ['topic: health, crime; note “ask Ben”'],
    ]);
    expect(describeLeftOutCount(countLeftOut(entries))).toBe('1 span, 2 relations, 1 document annotation');
    expect(describeLeftOutCount(countLeftOut([]))).toBe('nothing');
  });
});
