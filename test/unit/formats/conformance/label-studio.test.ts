// Label Studio conformance: fixtures written by hand from its documentation, not copied.
// - https://labelstud.io/guide/task_format (tasks: `data` with the object tag's `value="$key"`
//   key, `annotations` with `completed_by` and `result`; `to_name` names the object tag)
// - https://labelstud.io/guide/export#JSON-MIN (one row per annotation: data keys at the top,
//   each control's regions under its name, `annotator`, `annotation_id`, `lead_time`)
import { describe, expect, it } from 'vitest';
import { issuesOf, readFixture, spansOf } from './read';

const TEXT = 'Ana Ruiz opened the Lyon line.';
const labels = (id: string, start: number, end: number, text: string, label: string, toName = 'ner') => ({
  id,
  from_name: 'label',
  to_name: toName,
  type: 'labels',
  value: { start, end, text, labels: [label] },
});

describe('Label Studio tasks', () => {
  it('reads the text under the key the labelling config names (<Text name="ner" value="$ner"/>)', () => {
    const task = {
      id: 5,
      data: { ner: TEXT, source: 'wire' },
      annotations: [{ id: 1, completed_by: 1, result: [labels('a', 0, 8, 'Ana Ruiz', 'PER')] }],
    };
    const result = readFixture('tasks.json', JSON.stringify([task]));
    expect(issuesOf(result)).toEqual([]);
    const draft = result.documents[0]!.draft;
    expect(draft.text).toBe(TEXT);
    expect(draft.meta.source).toBe('wire');
    expect(spansOf(draft)).toEqual(['PER "Ana Ruiz"']);
  });

  it('reads the text under any one key when the spans tell which', () => {
    const task = {
      data: { headline: 'Short one.', body: TEXT },
      annotations: [{ result: [labels('a', 20, 24, 'Lyon', 'LOC', 'text')] }],
    };
    const result = readFixture('tasks.json', JSON.stringify([task]));
    expect(issuesOf(result)).toEqual([]);
    expect(result.documents[0]?.draft.meta.extra).toEqual({ headline: 'Short one.' });
  });

  it('says where the text may be when nothing tells', () => {
    const task = { data: { a: 'One.', b: 'Two.' }, annotations: [] };
    expect(issuesOf(readFixture('tasks.json', JSON.stringify([task])))).toEqual([
      '1: missing "data.text" field: the text is one of "data.a", "data.b", and the spans do not tell which',
    ]);
  });

  it('keeps each completed_by’s annotation apart: spans, relations and choices are that annotator’s', () => {
    const task = {
      id: 9,
      data: { text: TEXT },
      annotations: [
        {
          completed_by: 3,
          result: [
            labels('a', 0, 8, 'Ana Ruiz', 'PER', 'text'),
            labels('b', 20, 24, 'Lyon', 'LOC', 'text'),
            { from_id: 'a', to_id: 'b', type: 'relation', direction: 'right', labels: ['IN'] },
            { id: 't', from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['transport'] } },
          ],
        },
        { completed_by: { id: 4, email: 'ben@example.org' }, result: [labels('a', 0, 8, 'Ana Ruiz', 'ORG', 'text')] },
      ],
    };
    const result = readFixture('tasks.json', JSON.stringify([task]));
    expect(issuesOf(result)).toEqual([]);
    const draft = result.documents[0]!.draft;
    expect(spansOf(draft)).toEqual([
      'PER "Ana Ruiz" @label-studio-user-3',
      'LOC "Lyon" @label-studio-user-3',
      'ORG "Ana Ruiz" @label-studio-user-4',
    ]);
    expect(draft.relations).toEqual([{ type: 'IN', from: 0, to: 1, origin: 'imported', annotator: 'label-studio-user-3' }]);
    expect(draft.documentAnnotations).toEqual([{ annotator: 'label-studio-user-3', labels: { topic: ['transport'] }, note: '' }]);
    expect(draft.annotators).toEqual([
      { id: 'label-studio-user-3', name: 'Label Studio user 3' },
      { id: 'label-studio-user-4', name: 'ben@example.org' },
    ]);
  });
});

describe('Label Studio JSON-MIN', () => {
  const row = {
    id: 12,
    text: TEXT,
    label: [
      { start: 0, end: 8, text: 'Ana Ruiz', labels: ['PER'] },
      { start: 20, end: 24, text: 'Lyon', labels: ['LOC'] },
    ],
    annotator: 2,
    annotation_id: 30,
    created_at: '2024-05-02T10:00:00.000000Z',
    updated_at: '2024-05-02T10:01:00.000000Z',
    lead_time: 12.5,
  };

  it('reads each row’s regions (under the control’s name) as the annotator’s spans', () => {
    const result = readFixture('min.json', JSON.stringify([row]));
    expect(issuesOf(result)).toEqual([]);
    const doc = result.documents[0]!;
    expect(doc.format).toBe('label-studio');
    expect(doc.draft.id).toBe('12');
    expect(spansOf(doc.draft)).toEqual(['PER "Ana Ruiz" @label-studio-user-2', 'LOC "Lyon" @label-studio-user-2']);
    expect(doc.draft.meta.extra).toMatchObject({ annotation_id: 30, lead_time: 12.5 });
  });

  it('reads a control of any name and a text under any key', () => {
    const { label, text, ...rest } = row;
    const result = readFixture('min.json', JSON.stringify([{ ...rest, body: text, entities_ctl: label }]));
    expect(issuesOf(result)).toEqual([]);
    expect(spansOf(result.documents[0]!.draft)).toHaveLength(2);
  });

  it('a region whose text does not match refuses the row (never 0 spans and OK)', () => {
    const result = readFixture('min.json', JSON.stringify([{ ...row, label: [{ start: 0, end: 3, text: 'Bob', labels: ['PER'] }] }]));
    expect(result.documents).toEqual([]);
    expect(issuesOf(result)[0]).toMatch(/^1: span 1 \[0, 3\) text "Bob" does not match/);
  });
});
