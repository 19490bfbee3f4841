// Label Studio relations and classifications, with a task written by hand from its
// documentation (https://labelstud.io/guide/task_format — results with `id`, `from_name`,
// `to_name`, `type`, `value`; relation results with `from_id`, `to_id`, `direction`, `labels`;
// https://labelstud.io/tags/choices, /tags/textarea, /tags/number — `perRegion` controls give
// results with their region's `id` and offsets, whole-task controls results of their own).
import { describe, expect, it } from 'vitest';
import type { DocumentCategory, DocumentDraft, Label } from '../../../src-shared/domain';
import { parseImportFile } from '../../../src-shared/formats/import';
import { fromDraft, runExport } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const TEXT = '🚋 The mayor, Ana Ruiz, said ridership doubled in Lyon.';
const region = (start: number, end: number, text: string) => ({ start, end, text });

const TASK = {
  id: 41,
  data: { text: TEXT, source: 'Wire' },
  annotations: [
    {
      id: 1001,
      completed_by: 3,
      result: [
        { id: 'p1', from_name: 'label', to_name: 'text', type: 'labels', value: { ...region(13, 21, 'Ana Ruiz'), labels: ['PERSON'] } },
        {
          id: 'c1',
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          value: { ...region(23, 45, 'said ridership doubled'), labels: ['CLAIM'] },
        },
        { id: 'l1', from_name: 'label', to_name: 'text', type: 'labels', value: { ...region(49, 53, 'Lyon'), labels: ['LOC'] } },
        {
          id: 'c1',
          from_name: 'checkworthy',
          to_name: 'text',
          type: 'choices',
          value: { ...region(23, 45, 'said ridership doubled'), choices: ['yes'] },
        },
        {
          id: 'c1',
          from_name: 'claim_type',
          to_name: 'text',
          type: 'choices',
          value: { ...region(23, 45, 'said ridership doubled'), choices: ['statistic', 'quote'] },
        },
        {
          id: 'c1',
          from_name: 'confidence',
          to_name: 'text',
          type: 'number',
          value: { ...region(23, 45, 'said ridership doubled'), number: 4 },
        },
        {
          id: 'c1',
          from_name: 'note',
          to_name: 'text',
          type: 'textarea',
          value: { ...region(23, 45, 'said ridership doubled'), text: ['Since when?'] },
        },
        { id: 'p1', from_name: 'kb_id', to_name: 'text', type: 'textarea', value: { ...region(13, 21, 'Ana Ruiz'), text: ['Q42'] } },
        { from_id: 'c1', to_id: 'p1', type: 'relation', direction: 'right', labels: ['SOURCE'] },
        { from_id: 'l1', to_id: 'p1', type: 'relation', direction: 'left', labels: ['BASED_IN'] },
        { id: 'doc1', from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['transport', 'politics'] } },
        { id: 'doc2', from_name: 'note', to_name: 'text', type: 'textarea', value: { text: ['Ask the desk.'] } },
      ],
    },
  ],
};

const LABELS: Label[] = [
  {
    name: 'PERSON',
    layer: 'entity',
    color: '#000000',
    hotkey: '',
    attributes: [{ name: 'kb_id', type: 'text', values: [], required: false }],
  },
  { name: 'LOC', layer: 'entity', color: '#000000', hotkey: '' },
  {
    name: 'CLAIM',
    layer: 'claim',
    color: '#000000',
    hotkey: '',
    attributes: [
      { name: 'checkworthy', type: 'choice', values: ['yes', 'no', 'unsure'], required: false },
      { name: 'claim_type', type: 'multi-choice', values: ['statistic', 'quote'], required: false },
      { name: 'confidence', type: 'number', values: [], required: false },
    ],
  },
];
const CATEGORIES: DocumentCategory[] = [{ name: 'topic', multiple: true, values: [] }];
const TYPES = { kb_id: 'text', checkworthy: 'choice', claim_type: 'multi-choice', confidence: 'number' } as const;

function only(json: string): DocumentDraft {
  const result = parseImportFile('tasks.json', utf8(json), LABELS, CATEGORIES);
  expect(result.issues).toEqual([]);
  const draft = result.documents[0]?.draft;
  if (!draft) throw new Error('nothing imported');
  return draft;
}

function triples(draft: DocumentDraft): string[] {
  const text = (i: number) => {
    const span = draft.spans[i];
    return span ? draft.text.slice(span.start, span.end) : '?';
  };
  return (draft.relations ?? []).map((r) => `${text(r.from)} -${r.type}-> ${text(r.to)}`);
}

function details(draft: DocumentDraft): Record<string, unknown> {
  return Object.fromEntries(draft.spans.map((s) => [draft.text.slice(s.start, s.end), { attributes: s.attributes ?? {}, note: s.note }]));
}

describe('Label Studio relations and classifications', () => {
  it('reads relations (direction left swaps the ends), per-region classifications as attributes, per-task ones as document labels and note', () => {
    const draft = only(JSON.stringify([TASK]));
    expect(triples(draft)).toEqual(['said ridership doubled -SOURCE-> Ana Ruiz', 'Ana Ruiz -BASED_IN-> Lyon']);
    expect(details(draft)).toEqual({
      'Ana Ruiz': { attributes: { kb_id: 'Q42' }, note: undefined },
      'said ridership doubled': {
        attributes: { checkworthy: 'yes', claim_type: ['statistic', 'quote'], confidence: 4 },
        note: 'Since when?',
      },
      Lyon: { attributes: {}, note: undefined },
    });
    expect(draft.documentAnnotations).toEqual([{ labels: { topic: ['transport', 'politics'] }, note: 'Ask the desk.' }]);
  });

  it('round trip: triples, attribute values, notes and document labels are unchanged, and the file is stable', () => {
    const draft = only(JSON.stringify([TASK]));
    const exported = runExport('label-studio', [fromDraft(draft, 'x')], { attributeTypes: TYPES });
    expect(exported.leftOut).toEqual([]);
    const again = only(exported.text);
    expect(new Set(triples(again))).toEqual(new Set(triples(draft)));
    expect(details(again)).toEqual(details(draft));
    expect(again.documentAnnotations).toEqual(draft.documentAnnotations);
    expect(runExport('label-studio', [fromDraft(again, 'x')], { attributeTypes: TYPES }).text).toBe(exported.text);
  });

  it('writes per-region results with their span’s id, relations, and per-task choices and note', () => {
    const exported = runExport('label-studio', [fromDraft(only(JSON.stringify([TASK])), 'x')], { attributeTypes: TYPES });
    const result =
      (JSON.parse(exported.text) as Array<{ annotations: Array<{ result: Array<Record<string, unknown>> }> }>)[0]?.annotations[0]?.result ??
      [];
    expect(result.filter((r) => r['id'] === 'c1').map((r) => [r['from_name'], r['type']])).toEqual([
      ['label', 'labels'],
      ['checkworthy', 'choices'],
      ['claim_type', 'choices'],
      ['confidence', 'number'],
      ['note', 'textarea'],
    ]);
    expect(result.find((r) => r['from_name'] === 'kb_id')).toMatchObject({
      id: 'p1',
      type: 'textarea',
      value: { start: 13, end: 21, text: ['Q42'] },
    });
    expect(result.filter((r) => r['type'] === 'relation')).toEqual([
      { from_id: 'p1', to_id: 'l1', type: 'relation', direction: 'right', labels: ['BASED_IN'] },
      { from_id: 'c1', to_id: 'p1', type: 'relation', direction: 'right', labels: ['SOURCE'] },
    ]);
    expect(result.slice(-2)).toEqual([
      { id: 'document-topic', from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['transport', 'politics'] } },
      { id: 'document-note', from_name: 'note', to_name: 'text', type: 'textarea', value: { text: ['Ask the desk.'] } },
    ]);
  });

  it('a choices result no longer refuses the task; other result types are reported, spans kept', () => {
    const task = {
      ...TASK,
      annotations: [
        {
          result: [
            ...(TASK.annotations[0]?.result ?? []),
            { id: 'r9', from_name: 'rate', to_name: 'text', type: 'rating', value: { rating: 3 } },
          ],
        },
      ],
    };
    const result = parseImportFile('tasks.json', utf8(JSON.stringify([task])), LABELS, CATEGORIES);
    expect(result.documents[0]?.draft.spans).toHaveLength(3);
    expect(result.issues.map((i) => i.reason)).toEqual([
      '1 result of type "rating" not imported: Spanwright keeps spans, relations and classifications',
    ]);
  });
});
