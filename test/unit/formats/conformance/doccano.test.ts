// doccano conformance: fixtures written by hand from doccano's documentation, not copied.
// - https://doccano.github.io/doccano/tutorial/#import-dataset (sequence labelling `label`
//   triples, relation extraction `entities`/`relations`, text classification `label` classes)
// - doccano 1.0 exports and doccano-transformer's reader (doccano/doccano-transformer,
//   doccano_transformer/examples.py: `annotations` of {label, start_offset, end_offset, user},
//   label ids named by the project's label export [{"id", "text"}])
// - spaCy 2 training data: https://v2.spacy.io/usage/training#training-simple-style
//   (["text", {"entities": [[start, end, "LABEL"]]}])
import { describe, expect, it } from 'vitest';
import { readLabelList } from '../../../../src-shared/formats/label-list';
import { fromDraft, runExport } from '../helpers';
import { issuesOf, jsonl, readFixture, spansOf } from './read';

// doccano's label export for a project with three labels (ids as doccano numbers them).
const LABELS = readLabelList([
  { id: 4, text: 'ORG', prefix_key: null, suffix_key: 'o', background_color: '#209cee', text_color: '#ffffff' },
  { id: 5, text: 'MISC', prefix_key: null, suffix_key: 'm', background_color: '#ff3860', text_color: '#ffffff' },
  { id: 6, text: 'POSITIVE', prefix_key: null, suffix_key: 'p', background_color: '#00d1b2', text_color: '#ffffff' },
]);
if (!LABELS.ok) throw new Error(LABELS.error);

const V1_NER = {
  id: 31,
  text: 'The UN backs Danish wind power.',
  annotations: [
    { label: 4, start_offset: 4, end_offset: 6, user: 1 },
    { label: 5, start_offset: 13, end_offset: 19, user: 1 },
    { label: 5, start_offset: 13, end_offset: 19, user: 2 },
  ],
  meta: {},
  annotation_approver: null,
};

describe('doccano 1.0 annotations with label ids', () => {
  it('resolves label ids through the label list; each user is an annotator of their own', () => {
    const result = readFixture('v1.jsonl', jsonl(V1_NER), { labelList: LABELS.value });
    expect(issuesOf(result)).toEqual([]);
    const [doc] = result.documents;
    expect(doc?.format).toBe('doccano');
    expect(spansOf(doc!.draft)).toEqual(['ORG "UN" @doccano-user-1', 'MISC "Danish" @doccano-user-1', 'MISC "Danish" @doccano-user-2']);
    expect(doc?.draft.annotators).toEqual([
      { id: 'doccano-user-1', name: 'doccano user 1' },
      { id: 'doccano-user-2', name: 'doccano user 2' },
    ]);
    expect(doc?.draft.meta.extra).toEqual({ annotation_approver: null });
    expect(result.asks).toBeUndefined();
  });

  it('without a label list, the line is refused with the reason: never read as a document without spans', () => {
    const result = readFixture('v1.jsonl', jsonl(V1_NER));
    expect(result.documents).toEqual([]);
    expect(issuesOf(result)).toEqual([
      "1: span 1 label 4 is a label id: give the label list (spanwright --labels labels.json, or the import's label list) (and 2 more problems)",
    ]);
    // The app's import report offers a label list for the file.
    expect(result.asks).toEqual(['labelList']);
  });

  it('an id the label list does not name refuses the line', () => {
    const result = readFixture('v1.jsonl', jsonl({ ...V1_NER, annotations: [{ label: 9, start_offset: 0, end_offset: 3, user: 1 }] }), {
      labelList: LABELS.value,
    });
    expect(issuesOf(result)).toEqual(['1: span 1 label id 9 is not in the label list']);
    expect(result.asks).toEqual(['labelList']);
  });

  it('text classification annotations (no offsets) are document labels per user', () => {
    const result = readFixture(
      'cls.jsonl',
      jsonl({
        id: 2,
        text: 'A fine, windy day.',
        annotations: [
          { label: 6, user: 1 },
          { label: 6, user: 3 },
        ],
        meta: {},
      }),
      { labelList: LABELS.value },
    );
    expect(issuesOf(result)).toEqual([]);
    expect(result.documents[0]?.draft.documentAnnotations).toEqual([
      { annotator: 'doccano-user-1', labels: { class: ['POSITIVE'] }, note: '' },
      { annotator: 'doccano-user-3', labels: { class: ['POSITIVE'] }, note: '' },
    ]);
  });

  it('reads label lists in the shapes tools write them', () => {
    expect(readLabelList(['O', 'B-PER', 'I-PER'])).toEqual({
      ok: true,
      value: new Map([
        ['0', 'O'],
        ['1', 'B-PER'],
        ['2', 'I-PER'],
      ]),
    });
    expect(readLabelList({ names: ['O', 'B-LOC'] })).toEqual({
      ok: true,
      value: new Map([
        ['0', 'O'],
        ['1', 'B-LOC'],
      ]),
    });
    expect(readLabelList({ '12': 'LOC' })).toEqual({ ok: true, value: new Map([['12', 'LOC']]) });
    expect(readLabelList([])).toEqual({ ok: false, error: 'the label list is empty' });
  });
});

describe('doccano entities tuples and spaCy 2 training pairs', () => {
  it('reads "entities" as [start, end, "LABEL"] triples (intent detection, spaCy 2 style)', () => {
    const result = readFixture('tuples.jsonl', jsonl({ text: 'Book a table in Oslo', entities: [[16, 20, 'LOC']], cats: ['booking'] }));
    expect(issuesOf(result)).toEqual([]);
    expect(spansOf(result.documents[0]!.draft)).toEqual(['LOC "Oslo"']);
  });

  it('reads spaCy 2 ["text", {"entities": [...]}] pairs', () => {
    const result = readFixture('train.json', JSON.stringify([['Oslo is cold', { entities: [[0, 4, 'GPE']] }]]));
    expect(issuesOf(result)).toEqual([]);
    expect(spansOf(result.documents[0]!.draft)).toEqual(['GPE "Oslo"']);
  });

  it('spans under a key no reader takes refuse the line, so validate cannot say OK', () => {
    const result = readFixture('nested.jsonl', jsonl({ text: 'Oslo is cold', label: { entities: [[0, 4, 'GPE']] } }));
    expect(result.documents).toEqual([]);
    expect(issuesOf(result)).toEqual([
      '1: "label.entities" holds what look like spans in a shape Spanwright does not read (spans go in "label", "entities", "spans" or "annotations"; see docs/formats.md)',
    ]);
  });

  it('spaCy/Prodigy tokens without spans are not mistaken for spans', () => {
    const result = readFixture('tokens.jsonl', jsonl({ text: 'Oslo', tokens: [{ text: 'Oslo', start: 0, end: 4, id: 0, ws: false }] }));
    expect(issuesOf(result)).toEqual([]);
    expect(result.documents).toHaveLength(1);
  });
});

describe('doccano round trip (import, export, import)', () => {
  it('a relation extraction line comes back with the same entities, relations and classes', () => {
    // From doccano's "Import Dataset" tutorial: relation extraction, with `cats` (text classification).
    const line = {
      id: 'news-2',
      text: 'Ana Ruiz said fares rose.',
      title: 'Fares',
      entities: [
        { id: 0, label: 'PER', start_offset: 0, end_offset: 8 },
        { id: 1, label: 'CLAIM', start_offset: 9, end_offset: 24 },
      ],
      relations: [{ id: 0, from_id: 1, to_id: 0, type: 'SOURCE' }],
      cats: ['transport'],
    };
    const read = readFixture('re.jsonl', jsonl(line));
    expect(issuesOf(read)).toEqual([]);
    const { text, leftOut } = runExport('doccano', [fromDraft(read.documents[0]!.draft, 'x')]);
    expect(leftOut).toEqual([]);
    expect(JSON.parse(text)).toEqual(line);
    const back = readFixture('back.jsonl', text);
    expect(spansOf(back.documents[0]!.draft)).toEqual(spansOf(read.documents[0]!.draft));
    expect(back.documents[0]?.draft.relations).toEqual(read.documents[0]?.draft.relations);
    expect(back.documents[0]?.draft.documentAnnotations).toEqual(read.documents[0]?.draft.documentAnnotations);
  });

  it('a sequence labelling line ("label" triples, the tutorial’s shape) comes back byte for byte', () => {
    // With a title: a line without one is given its file's ("seq #1"), written again as metadata.
    const line = {
      id: 'news-1',
      text: 'Ana met José in Paris.',
      label: [
        [0, 3, 'PER'],
        [8, 12, 'PER'],
        [16, 21, 'LOC'],
      ],
      title: 'Tram',
    };
    const read = readFixture('seq.jsonl', jsonl(line));
    expect(issuesOf(read)).toEqual([]);
    expect(spansOf(read.documents[0]!.draft)).toEqual(['PER "Ana"', 'PER "José"', 'LOC "Paris"']);
    const { text, leftOut } = runExport('doccano', [fromDraft(read.documents[0]!.draft, 'x')]);
    expect(leftOut).toEqual([]);
    expect(text).toBe(jsonl(line));
  });

  it('doccano 1.0 (label ids) -> doccano -> read again: the same spans, now by name; users are not held (each user’s span written)', () => {
    const read = readFixture('v1.jsonl', jsonl(V1_NER), { labelList: LABELS.value });
    const { text } = runExport('doccano', [fromDraft(read.documents[0]!.draft, 'x')]);
    expect(JSON.parse(text)).toMatchObject({
      id: '31',
      text: V1_NER.text,
      label: [
        [4, 6, 'ORG'],
        [13, 19, 'MISC'],
        [13, 19, 'MISC'],
      ],
    });
    const back = readFixture('back.jsonl', text);
    expect(issuesOf(back)).toEqual([]);
    expect(spansOf(back.documents[0]!.draft)).toEqual(['ORG "UN"', 'MISC "Danish"', 'MISC "Danish"']);
  });
});
