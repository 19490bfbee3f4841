// Entries of one document joined (Label Studio JSON-MIN rows): spans once, relations following
// their spans, one annotator's document labels and notes together.
import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../src-shared/domain';
import { mergeDraftInto } from '../../../src-shared/formats/draft-merge';

const TEXT = 'Ana met Bob in Oslo.';
const draft = (extra: Partial<DocumentDraft>): DocumentDraft => ({ text: TEXT, meta: { title: 'T' }, spans: [], ...extra });

describe('mergeDraftInto', () => {
  it('keeps an identical span once and points the part’s relations at the joined spans', () => {
    const into = draft({
      spans: [{ label: 'PER', start: 0, end: 3, annotator: 'a' }],
      documentAnnotations: [{ annotator: 'a', labels: { topic: ['x'] }, note: 'one' }],
    });
    const part = draft({
      spans: [
        { label: 'LOC', start: 15, end: 19, annotator: 'a' },
        { label: 'PER', start: 0, end: 3, annotator: 'a' },
      ],
      relations: [{ type: 'IN', from: 1, to: 0, annotator: 'a' }],
      documentAnnotations: [{ annotator: 'a', labels: { topic: ['x', 'y'] }, note: 'two' }],
      annotators: [{ id: 'a', name: 'Ana' }],
      meta: { title: 'T', extra: { source: 'wire' } },
    });
    expect(mergeDraftInto(into, part)).toBeUndefined();
    expect(into.spans.map((s) => s.label)).toEqual(['PER', 'LOC']);
    expect(into.relations).toEqual([{ type: 'IN', from: 0, to: 1, annotator: 'a' }]);
    expect(into.documentAnnotations).toEqual([{ annotator: 'a', labels: { topic: ['x', 'y'] }, note: 'one\ntwo' }]);
    expect(into.annotators).toEqual([{ id: 'a', name: 'Ana' }]);
    expect(into.meta.extra).toEqual({ source: 'wire' });
    // The same part again adds nothing.
    expect(mergeDraftInto(into, part)).toBeUndefined();
    expect(into.spans).toHaveLength(2);
    expect(into.relations).toHaveLength(1);
  });

  it('another annotator’s identical span is a span of its own; another text is refused', () => {
    const into = draft({ spans: [{ label: 'PER', start: 0, end: 3, annotator: 'a' }] });
    expect(mergeDraftInto(into, draft({ spans: [{ label: 'PER', start: 0, end: 3, annotator: 'b' }] }))).toBeUndefined();
    expect(into.spans).toHaveLength(2);
    expect(mergeDraftInto(into, { ...draft({}), text: 'Other.' })).toBe('another text');
    expect(into.spans).toHaveLength(2);
  });
});
