// Label Studio conformance: fixtures written by hand from its documentation, not copied.
// - https://labelstud.io/guide/task_format (tasks: `data` with the object tag's `value="$key"`
//   key, `annotations` with `completed_by` and `result`; `to_name` names the object tag)
// - https://labelstud.io/guide/export#JSON-MIN (one row per annotation: data keys at the top,
//   each control's regions under its name, `annotator`, `annotation_id`, `lead_time`)
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../../src-shared/formats/import';
import { fromDraft, runExport } from '../helpers';
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

  const NOT_KEPT =
    "-: note: Label Studio JSON-MIN: each row's annotation_id, created_at, updated_at, lead_time not kept (they describe one annotation, not the document)";

  it('reads each row’s regions (under the control’s name) as the annotator’s spans', () => {
    const result = readFixture('min.json', JSON.stringify([row]));
    expect(issuesOf(result)).toEqual([NOT_KEPT]);
    const doc = result.documents[0]!;
    expect(doc.format).toBe('label-studio');
    expect(doc.draft.id).toBe('12');
    expect(spansOf(doc.draft)).toEqual(['PER "Ana Ruiz" @label-studio-user-2', 'LOC "Lyon" @label-studio-user-2']);
    expect(doc.draft.meta.extra ?? {}).toEqual({});
  });

  it('reads a control of any name and a text under any key', () => {
    const { label, text, ...rest } = row;
    const result = readFixture('min.json', JSON.stringify([{ ...rest, body: text, entities_ctl: label }]));
    expect(issuesOf(result)).toEqual([NOT_KEPT]);
    expect(spansOf(result.documents[0]!.draft)).toHaveLength(2);
  });

  it('rows of one task (one per annotation) are one document with every row’s spans', () => {
    const ben = { ...row, annotator: 3, annotation_id: 31, label: [{ start: 0, end: 8, text: 'Ana Ruiz', labels: ['ORG'] }] };
    // A second row of the same annotator repeats a span: kept once.
    const again = { ...row, annotation_id: 32, label: [{ start: 20, end: 24, text: 'Lyon', labels: ['LOC'] }] };
    const other = { ...row, id: 13, text: 'Bob.', label: [{ start: 0, end: 3, text: 'Bob', labels: ['PER'] }] };
    const result = readFixture('min.json', JSON.stringify([row, ben, other, again]));
    expect(issuesOf(result)).toEqual([NOT_KEPT]);
    expect(result.documents.map((d) => [d.draft.id, d.line])).toEqual([
      ['12', 1],
      ['13', 3],
    ]);
    const draft = result.documents[0]!.draft;
    expect(spansOf(draft)).toEqual([
      'PER "Ana Ruiz" @label-studio-user-2',
      'LOC "Lyon" @label-studio-user-2',
      'ORG "Ana Ruiz" @label-studio-user-3',
    ]);
    expect(draft.annotators).toEqual([
      { id: 'label-studio-user-2', name: 'Label Studio user 2' },
      { id: 'label-studio-user-3', name: 'Label Studio user 3' },
    ]);
  });

  it('rows without an id join by their text; a row with the id of another text is refused', () => {
    const { id: _id, ...noId } = row;
    const second = { ...noId, annotator: 3, label: [{ start: 20, end: 24, text: 'Lyon', labels: ['GPE'] }] };
    const joined = readFixture('min.json', JSON.stringify([noId, second]));
    expect(joined.documents).toHaveLength(1);
    expect(spansOf(joined.documents[0]!.draft)).toHaveLength(3);
    const clash = readFixture('min.json', JSON.stringify([row, { ...row, text: 'Another text.', label: [] }]));
    expect(clash.documents).toHaveLength(1);
    expect(issuesOf(clash)).toContain('2: same document as item 1 (its id), but another text');
  });

  it('choices: several choices, and one choice under a category of the project, are the annotator’s document labels', () => {
    const rows = [
      { ...row, title: 'Lyon line', topic: { choices: ['transport', 'city'] }, sentiment: 'positive' },
      { ...row, annotator: 3, topic: 'transport', sentiment: 'negative' },
    ];
    const categories = [{ name: 'sentiment', multiple: false, values: [{ name: 'positive', hotkey: '' }] }];
    const result = parseImportFile('min.json', new TextEncoder().encode(JSON.stringify(rows)), [], categories);
    const draft = result.documents[0]!.draft;
    expect(draft.documentAnnotations).toEqual([
      { annotator: 'label-studio-user-2', labels: { topic: ['transport', 'city'], sentiment: ['positive'] }, note: '' },
      { annotator: 'label-studio-user-3', labels: { sentiment: ['negative'] }, note: '' },
    ]);
    // A bare string is a single choice or a task field: without the category it stays metadata, said once.
    expect(draft.meta.extra).toEqual({ topic: 'transport' });
    expect(draft.meta.title).toBe('Lyon line');
    expect(issuesOf(result)).toEqual([
      NOT_KEPT,
      '-: note: Label Studio JSON-MIN: "topic" kept as metadata: a single choice looks like a task\'s own field there; to read it as a document label, the project needs a document category named "topic" (CLI: --schema)',
    ]);
  });

  it('classifications of a region are its span’s attributes and note; other whole-task results are reported', () => {
    const result = readFixture(
      'min.json',
      JSON.stringify([
        {
          ...row,
          kb_id: [{ start: 0, end: 8, text: ['Q42'] }],
          note: [{ start: 20, end: 24, text: ['the city'] }],
          quality: [{ rating: 4 }],
          misplaced: [{ start: 1, end: 2, choices: ['x'] }],
        },
      ]),
    );
    const draft = result.documents[0]!.draft;
    expect(draft.spans.map((s) => [s.attributes, s.note])).toEqual([
      [{ kb_id: 'Q42' }, undefined],
      [undefined, 'the city'],
    ]);
    expect(issuesOf(result)).toEqual([
      NOT_KEPT,
      '1: note: "quality": a rating result on the whole task not imported: Spanwright keeps document labels (choices) and a note',
      '1: note: "misplaced": a choices result on [1, 2) not imported: no region of the row has those offsets',
    ]);
  });

  it('a classification project’s rows (no regions) are read as JSON-MIN too', () => {
    const { label: _label, ...noRegions } = row;
    const result = readFixture('min.json', JSON.stringify([{ ...noRegions, topic: { choices: ['transport'] } }]));
    expect(result.documents[0]?.format).toBe('label-studio');
    expect(result.documents[0]?.draft.documentAnnotations).toEqual([
      { annotator: 'label-studio-user-2', labels: { topic: ['transport'] }, note: '' },
    ]);
  });

  it('a region whose text does not match refuses the row (never 0 spans and OK)', () => {
    const result = readFixture('min.json', JSON.stringify([{ ...row, label: [{ start: 0, end: 3, text: 'Bob', labels: ['PER'] }] }]));
    expect(result.documents).toEqual([]);
    expect(issuesOf(result)[0]).toMatch(/^1: span 1 \[0, 3\) text "Bob" does not match/);
  });
});

describe('Label Studio round trip (import, export, import)', () => {
  it('a task with spans, a relation, a region attribute, a note and a choice comes back the same', () => {
    // From Label Studio's task format and result format docs (labels, relation, choices, textarea).
    const task = {
      id: 'news-1',
      data: { text: TEXT, title: 'Tram' },
      annotations: [
        {
          result: [
            labels('s1', 0, 8, 'Ana Ruiz', 'PER', 'text'),
            labels('s2', 20, 24, 'Lyon', 'LOC', 'text'),
            { id: 's2', from_name: 'kb_id', to_name: 'text', type: 'textarea', value: { start: 20, end: 24, text: ['Q456'] } },
            { from_id: 's1', to_id: 's2', type: 'relation', direction: 'right', labels: ['BASED_IN'] },
            { id: 'document-topic', from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['transport'] } },
            { id: 'document-note', from_name: 'note', to_name: 'text', type: 'textarea', value: { text: ['Check the date.'] } },
          ],
        },
      ],
    };
    const read = readFixture('tasks.json', JSON.stringify([task]));
    expect(issuesOf(read)).toEqual([]);
    const draft = read.documents[0]!.draft;
    const { text, leftOut } = runExport('label-studio', [fromDraft(draft, 'x')], { attributeTypes: { kb_id: 'text' } });
    expect(leftOut).toEqual([]);
    const back = readFixture('back.json', text);
    expect(issuesOf(back)).toEqual([]);
    const again = back.documents[0]!.draft;
    expect(again.id).toBe('news-1');
    expect(again.meta.title).toBe('Tram');
    expect(spansOf(again)).toEqual(spansOf(draft));
    expect(again.spans.map((s) => s.attributes)).toEqual(draft.spans.map((s) => s.attributes));
    expect(again.relations).toEqual(draft.relations);
    expect(again.documentAnnotations).toEqual([{ labels: { topic: ['transport'] }, note: 'Check the date.' }]);
  });

  it('JSON-MIN -> Label Studio tasks -> read again: the same spans (one annotation: annotators are not held)', () => {
    const rows = [
      { id: 12, text: TEXT, label: [{ start: 0, end: 8, text: 'Ana Ruiz', labels: ['PER'] }], annotator: 2, annotation_id: 30 },
      { id: 12, text: TEXT, label: [{ start: 20, end: 24, text: 'Lyon', labels: ['LOC'] }], annotator: 3, annotation_id: 31 },
    ];
    const read = readFixture('min.json', JSON.stringify(rows));
    expect(result(read)).toEqual(['PER "Ana Ruiz" @label-studio-user-2', 'LOC "Lyon" @label-studio-user-3']);
    const { text } = runExport('label-studio', [fromDraft(read.documents[0]!.draft, 'x')]);
    const back = readFixture('back.json', text);
    expect(issuesOf(back)).toEqual([]);
    expect(back.documents[0]?.draft.id).toBe('12');
    expect(result(back)).toEqual(['PER "Ana Ruiz"', 'LOC "Lyon"']);
  });
});

const result = (read: ReturnType<typeof readFixture>): string[] => spansOf(read.documents[0]!.draft);
