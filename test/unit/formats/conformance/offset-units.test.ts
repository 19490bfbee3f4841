// Offset units: doccano counts UTF-16 code units (its front end is JavaScript; doccano issues
// #2290 and #2484), Label Studio and spaCy code points (Python). Fixtures written by hand from
// https://doccano.github.io/doccano/tutorial/#import-dataset and
// https://labelstud.io/guide/task_format (`value.start`/`end` with `text`).
import { describe, expect, it } from 'vitest';
import { issuesOf, jsonl, readFixture, spansOf } from './read';

describe('offset units detected, or chosen', () => {
  it('doccano offsets that only fit as UTF-16 code units are read so, with a note', () => {
    // "😀😀 Paris": Paris is [3, 8) in code points, [5, 10) in UTF-16; 10 is past the end in code points.
    const result = readFixture('d.jsonl', jsonl({ text: '😀😀 Paris', label: [[5, 10, 'LOC']] }));
    expect(spansOf(result.documents[0]!.draft)).toEqual(['LOC "Paris"']);
    expect(issuesOf(result)).toEqual([
      '1: note: offsets read as UTF-16 code units (as JavaScript counts): only they fit the spans; choose the unit to override (--offsets, or "Offsets" in the import report)',
    ]);
  });

  it('when both units fit and no text tells, the one that puts edges at word edges, with a note', () => {
    // UTF-16 [3, 8) is "Paris"; read as code points it would be "aris ".
    const line = { text: '😀 Paris is in France', label: [[3, 8, 'LOC']] };
    const result = readFixture('d.jsonl', jsonl(line));
    expect(spansOf(result.documents[0]!.draft)).toEqual(['LOC "Paris"']);
    expect(issuesOf(result)).toEqual([
      '1: note: offsets read as UTF-16 code units (as JavaScript counts): code points fit too, but put span edges inside words; choose the unit to override (--offsets, or "Offsets" in the import report)',
    ]);
    expect(result.asks).toEqual(['offsetUnit']);
    const chosen = readFixture('d.jsonl', jsonl(line), { offsetUnit: 'codepoint' });
    expect(issuesOf(chosen)).toEqual([]);
    // A choice made stays open to change.
    expect(chosen.asks).toEqual(['offsetUnit']);
    expect(spansOf(chosen.documents[0]!.draft)).toEqual(['LOC "aris "']);
  });

  it('when nothing tells at all, code points, and a note says how to choose', () => {
    // [3, 4) is "b" as code points and "a" as UTF-16: each cuts the word "ab" at one edge.
    const line = { text: '😀 ab cd', label: [[3, 4, 'X']] };
    const result = readFixture('d.jsonl', jsonl(line));
    expect(spansOf(result.documents[0]!.draft)).toEqual(['X "b"']);
    expect(issuesOf(result)).toEqual([
      '1: note: offsets read as code points, but UTF-16 code units fit too and the spans carry no text to tell: if the file counts UTF-16 (JavaScript, doccano), choose that unit (--offsets utf16, or "Offsets" in the import report)',
    ]);
  });

  it('Label Studio: the regions’ text tells the unit', () => {
    const task = {
      data: { text: '😀 Paris' },
      annotations: [
        {
          result: [
            { id: 'a', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 3, end: 8, text: 'Paris', labels: ['LOC'] } },
          ],
        },
      ],
    };
    const result = readFixture('t.json', JSON.stringify([task]));
    expect(spansOf(result.documents[0]!.draft)).toEqual(['LOC "Paris"']);
    expect(issuesOf(result)[0]).toMatch(/^1: note: offsets read as UTF-16 code units/);
  });

  it('texts without characters outside the BMP need no choice', () => {
    const result = readFixture('d.jsonl', jsonl({ text: 'José in Paris', label: [[8, 13, 'LOC']] }));
    expect(issuesOf(result)).toEqual([]);
    expect(result.asks).toBeUndefined();
    // Nor do spans whose offsets are the same in both units (before the emoji).
    expect(readFixture('d.jsonl', jsonl({ text: 'Paris 😀', label: [[0, 5, 'LOC']] })).asks).toBeUndefined();
  });
});
