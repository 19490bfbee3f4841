import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../src-shared/domain';
import { draftOntoText, relabelDraft } from '../../../src-shared/formats/draft-spans';
import { compareTexts } from '../../../src-shared/review/text-difference';

const OURS = 'Ana Ruiz opened the tram line to the harbour.';
const THEIRS = 'Ana Ruiz opened the new train line to the harbour.';
const at = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

const draft: DocumentDraft = {
  text: THEIRS,
  meta: { title: 'Theirs' },
  spans: [
    { label: 'PERSON', ...at(THEIRS, 'Ana Ruiz') },
    { label: 'FAC', ...at(THEIRS, 'train line') },
    { label: 'LOC', ...at(THEIRS, 'harbour') },
  ],
  relations: [
    { type: 'opened', from: 0, to: 1 },
    { type: 'near', from: 0, to: 2 },
  ],
  suggestions: [
    { label: 'LOC', status: 'pending', ...at(THEIRS, 'new') },
    { label: 'PERSON', status: 'pending', ...at(THEIRS, 'Ruiz') },
  ],
};

describe('draftOntoText', () => {
  it('moves spans onto our text, leaves out those in changed text and the relations at them', () => {
    const moved = draftOntoText(draft, OURS, compareTexts(OURS, THEIRS)!.parts);
    expect(moved.draft.text).toBe(OURS);
    expect(moved.draft.spans.map((s) => [s.label, OURS.slice(s.start, s.end)])).toEqual([
      ['PERSON', 'Ana Ruiz'],
      ['LOC', 'harbour'],
    ]);
    expect(moved.leftOut.map((s) => s.label)).toEqual(['FAC']);
    expect(moved.draft.relations).toEqual([{ type: 'near', from: 0, to: 1 }]);
    expect(moved.leftOutRelations).toBe(1);
    expect(moved.draft.suggestions?.map((s) => OURS.slice(s.start, s.end))).toEqual(['Ruiz']);
    expect(moved.leftOutSuggestions).toBe(1);
  });
});

describe('relabelDraft', () => {
  it('renames mapped labels, leaves out those mapped to nothing, keeps the rest (even a label named constructor)', () => {
    const relabeled = relabelDraft(
      { ...draft, spans: [...draft.spans, { label: 'constructor', start: 0, end: 3 }] },
      { FAC: null, LOC: 'GPE' },
    );
    expect(relabeled.draft.spans.map((s) => s.label)).toEqual(['PERSON', 'GPE', 'constructor']);
    expect(relabeled.leftOut.map((s) => s.label)).toEqual(['FAC']);
    expect(relabeled.draft.relations).toEqual([{ type: 'near', from: 0, to: 1 }]);
  });
});
