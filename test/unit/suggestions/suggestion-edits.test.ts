// Accepting and rejecting suggestions through the change model: one change each, undoable,
// and never leaving a pending suggestion under a same-label span.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../src-shared/annotations/apply';
import { invertChange, type Change } from '../../../src-shared/annotations/change';
import { deleteSchemaItem, editLabel } from '../../../src-shared/annotations/edits';
import { spanRecord, suggestionRecord } from '../../../src-shared/annotations/kinds';
import { acceptSuggestions, addSuggestions, rejectSuggestions, visibleSuggestions } from '../../../src-shared/annotations/suggestion-edits';
import { createState, recordsOf, statusIn, type AnnotationState } from '../../../src-shared/annotations/state';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { Span, Suggestion } from '../../../src-shared/domain';
import { testSpan } from '../fixtures/records';

const TEXT = 'Garry Conille met Garry Conille and Ana Lima in Port-au-Prince on Monday.';

function suggestion(id: string, label: string, start: number, end: number, status: Suggestion['status'] = 'pending'): Suggestion {
  return {
    id,
    projectId: 'p',
    documentId: 'd1',
    annotator: 'ana',
    layer: 'entity',
    label,
    start,
    end,
    text: TEXT.slice(start, end),
    source: 'same-string',
    status,
    createdAt: 1,
    updatedAt: 1,
  };
}

function span(id: string, label: string, start: number, end: number): Span {
  return testSpan({ id, start, end, label, annotator: 'ana', createdAt: 1, updatedAt: 1 }, TEXT);
}

function must(state: AnnotationState, change: Change | null): AnnotationState {
  if (change === null) throw new Error('no change');
  const result = applyChange(state, change);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const snapshot = (state: AnnotationState) => ({
  records: [...recordsOf(state)].map((r) => JSON.stringify(r)).sort(),
  statuses: [...state.statuses].sort(),
});

let ids = 0;
const newId = () => `new-${ids++}`;

describe('accepting a suggestion', () => {
  it('is one change: the suggestion goes, a span with origin suggestion comes, the document is in progress; undo restores', () => {
    const s = suggestion('g1', 'PERSON', 18, 31);
    const before = createState(defaultSchema(), [suggestionRecord(s)]);
    const change = acceptSuggestions(before, [s], newId, 5);
    const after = must(before, change);
    expect([...after.annotations.suggestion.values()]).toEqual([]);
    const [made] = [...after.annotations.span.values()];
    expect(made).toMatchObject({ label: 'PERSON', start: 18, end: 31, text: 'Garry Conille', origin: 'suggestion', annotator: 'ana' });
    expect(statusIn(after, 'd1', 'ana')).toBe('in_progress');
    expect(snapshot(must(after, invertChange(change as Change)))).toEqual(snapshot(before));
  });

  it('answers the overlapping pending suggestions of the same label, and keeps those of other labels', () => {
    const long = suggestion('g1', 'GPE', 48, 62);
    const short = suggestion('g2', 'GPE', 48, 52);
    const other = suggestion('g3', 'ORG', 48, 62);
    const before = createState(defaultSchema(), [long, short, other].map(suggestionRecord));
    const after = must(before, acceptSuggestions(before, [long], newId, 5));
    expect([...after.annotations.suggestion.keys()]).toEqual(['g3']);
  });

  it('makes no second span where a same-label span already is', () => {
    const s = suggestion('g1', 'PERSON', 0, 13);
    const before = createState(defaultSchema(), [suggestionRecord(s), spanRecord(span('s1', 'PERSON', 0, 5))]);
    const after = must(before, acceptSuggestions(before, [s], newId, 5));
    expect(after.annotations.span.size).toBe(1);
    expect(after.annotations.suggestion.size).toBe(0);
  });
});

describe('rejecting a suggestion', () => {
  it('keeps it, rejected, hidden, and not proposed again; undo makes it pending', () => {
    const s = suggestion('g1', 'PERSON', 18, 31);
    const before = createState(defaultSchema(), [suggestionRecord(s)]);
    const change = rejectSuggestions([s], 7);
    const after = must(before, change);
    expect(after.annotations.suggestion.get('g1')).toMatchObject({ status: 'rejected', updatedAt: 7 });
    expect(visibleSuggestions(after.annotations.suggestion.values(), [])).toEqual([]);
    expect(addSuggestions(after, [{ ...s, id: 'again' }])).toBeNull();
    expect(snapshot(must(after, invertChange(change as Change)))).toEqual(snapshot(before));
  });
});

describe('labels and suggestions', () => {
  it('a label rename renames its suggestions; a label delete removes them; both undo', () => {
    const s = suggestion('g1', 'PERSON', 18, 31);
    const before = createState(defaultSchema(), [suggestionRecord(s)]);
    const person = defaultSchema().labels.find((l) => l.name === 'PERSON');
    if (!person) throw new Error('no PERSON');
    const rename = editLabel(before.schema, 'PERSON', { ...person, name: 'PER' });
    const renamed = must(before, rename);
    expect(renamed.annotations.suggestion.get('g1')?.label).toBe('PER');
    const deletion = deleteSchemaItem(renamed, 'label', 'PER', 3);
    const deleted = must(renamed, deletion);
    expect(deleted.annotations.suggestion.size).toBe(0);
    expect(snapshot(must(deleted, invertChange(deletion as Change)))).toEqual(snapshot(renamed));
  });
});

describe('properties', () => {
  const labels = ['PERSON', 'ORG', 'GPE'];
  const extent = fc
    .tuple(fc.integer({ min: 0, max: TEXT.length - 1 }), fc.integer({ min: 1, max: 12 }))
    .map(([start, length]) => ({ start, end: Math.min(TEXT.length, start + length) }));
  const items = fc.array(fc.tuple(fc.constantFrom(...labels), extent), { maxLength: 12 });

  it('accepting any pending suggestions, then undoing, restores the state; no pending suggestion is left under a same-label span', () => {
    fc.assert(
      fc.property(items, items, fc.array(fc.nat(), { maxLength: 6 }), (spanItems, suggestionItems, picks) => {
        const spans = spanItems.map(([label, e], i) => span(`s${i}`, label, e.start, e.end));
        const start = createState(defaultSchema(), spans.map(spanRecord));
        const proposed = suggestionItems.map(([label, e], i) => suggestion(`g${i}`, label, e.start, e.end));
        const added = addSuggestions(start, proposed);
        const before = added ? must(start, added) : start;
        const stored = [...before.annotations.suggestion.values()];
        for (const s of stored) expect(visibleSuggestions([s], spans)).toHaveLength(1);
        const chosen = picks.flatMap((p) => (stored.length === 0 ? [] : [stored[p % stored.length] as Suggestion]));
        const change = acceptSuggestions(before, chosen, newId, 9);
        if (change === null) return;
        const after = must(before, change);
        const pending = [...after.annotations.suggestion.values()].filter((s) => s.status === 'pending');
        expect(visibleSuggestions(pending, [...after.annotations.span.values()])).toHaveLength(pending.length);
        expect(snapshot(must(after, invertChange(change)))).toEqual(snapshot(before));
      }),
      { numRuns: 200 },
    );
  });
});

describe('visible suggestions', () => {
  it('shows pending suggestions not under a same-label span, in text order', () => {
    const spans = [span('s1', 'PERSON', 0, 13)];
    const list = [
      suggestion('c', 'PERSON', 18, 31),
      suggestion('a', 'PERSON', 0, 5),
      suggestion('b', 'LOC', 0, 5),
      suggestion('d', 'PERSON', 36, 44, 'rejected'),
    ];
    expect(visibleSuggestions(list, spans).map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('reads no span when no suggestion is pending, and no span of a label without one (it runs after every change)', () => {
    const unreadable = {
      [Symbol.iterator]: () => {
        throw new Error('the spans were read');
      },
    };
    expect(visibleSuggestions([suggestion('d', 'PERSON', 36, 44, 'rejected')], unreadable)).toEqual([]);
    const otherLabel = Object.defineProperty({ ...span('o', 'ORG', 0, 5) }, 'documentId', {
      get: () => {
        throw new Error('an ORG span was indexed');
      },
    });
    expect(visibleSuggestions([suggestion('p', 'PERSON', 0, 5)], [otherLabel, span('s', 'PERSON', 18, 31)]).map((s) => s.id)).toEqual([
      'p',
    ]);
  });
});
