// doccano relations and document classes, with files written by hand from doccano's
// documentation of its dataset formats (https://doccano.github.io/doccano/tutorial/ — "Import
// Dataset": relation extraction `entities` {id, start_offset, end_offset, label} and
// `relations` {id, from_id, to_id, type}; text classification `label` as a list of classes;
// intent detection `entities` as [start, end, label] with `cats`). Offsets are code points.
import { describe, expect, it } from 'vitest';
import type { DocumentCategory, DocumentDraft } from '../../../src-shared/domain';
import { parseImportFile } from '../../../src-shared/formats/import';
import { fromDraft, runExport } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const cp = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

// "🚋 " is two code points (three UTF-16 units): offsets after it differ between the units.
const TEXT = '🚋 The mayor, Ana Ruiz, said ridership doubled in Lyon.';
const RE_LINE =
  '{"id": 12, "text": "🚋 The mayor, Ana Ruiz, said ridership doubled in Lyon.", ' +
  '"entities": [{"id": 101, "start_offset": 13, "end_offset": 21, "label": "PERSON"}, ' +
  '{"id": 102, "start_offset": 23, "end_offset": 45, "label": "CLAIM"}, ' +
  '{"id": 103, "start_offset": 49, "end_offset": 53, "label": "LOC"}], ' +
  '"relations": [{"id": 7, "from_id": 102, "to_id": 101, "type": "SOURCE"}, {"id": 8, "from_id": 101, "to_id": 103, "type": "BASED_IN"}], ' +
  '"cats": ["transport"], "Comments": []}';
const CLASSIFICATION_LINES =
  '{"text": "Fares rise again.", "label": ["economy", "transport"]}\n{"text": "Rain all week.", "label": "weather"}\n';
const INTENT_LINE = '{"text": "Find a tram from Lyon to Paris", "entities": [[17, 21, "LOC"], [25, 30, "LOC"]], "cats": ["route"]}\n';

const CATEGORIES: DocumentCategory[] = [
  {
    name: 'topic',
    multiple: true,
    values: [
      { name: 'transport', hotkey: '' },
      { name: 'economy', hotkey: '' },
    ],
  },
  { name: 'intent', multiple: false, values: [{ name: 'route', hotkey: '' }] },
];

/** The relations of a draft as (source text, type, target text), as the issue's round trips compare them. */
function triples(draft: DocumentDraft): string[] {
  return (draft.relations ?? []).map((r) => {
    const text = (i: number) => {
      const span = draft.spans[i];
      return span ? draft.text.slice(span.start, span.end) : '?';
    };
    return `${text(r.from)} -${r.type}-> ${text(r.to)}`;
  });
}

function only(result: ReturnType<typeof parseImportFile>): DocumentDraft {
  expect(result.issues).toEqual([]);
  const draft = result.documents[0]?.draft;
  if (!draft) throw new Error('nothing imported');
  return draft;
}

describe('doccano relation extraction', () => {
  it('the fixture offsets are code points', () => {
    expect(cp(TEXT, 13, 21)).toBe('Ana Ruiz');
    expect(cp(TEXT, 23, 45)).toBe('said ridership doubled');
    expect(cp(TEXT, 49, 53)).toBe('Lyon');
  });

  it('reads entities, relations between them by id, and cats as document labels', () => {
    const result = parseImportFile('re.jsonl', utf8(RE_LINE), [], CATEGORIES);
    const draft = only(result);
    expect(result.documents[0]?.format).toBe('doccano');
    expect(draft.spans.map((s) => [s.label, draft.text.slice(s.start, s.end)])).toEqual([
      ['PERSON', 'Ana Ruiz'],
      ['CLAIM', 'said ridership doubled'],
      ['LOC', 'Lyon'],
    ]);
    expect(draft.spans[1]?.layer).toBe('claim');
    expect(triples(draft)).toEqual(['said ridership doubled -SOURCE-> Ana Ruiz', 'Ana Ruiz -BASED_IN-> Lyon']);
    expect(draft.relations?.map((r) => r.sourceId)).toEqual(['7', '8']);
    expect(draft.documentAnnotations).toEqual([{ labels: { topic: ['transport'] }, note: '' }]);
    // Keys doccano adds that Spanwright does not know stay metadata.
    expect(draft.meta.extra).toEqual({ Comments: [] });
  });

  it('reports a relation that names no entity of its line, and imports the rest', () => {
    const line = RE_LINE.replace('"to_id": 103', '"to_id": 999');
    const result = parseImportFile('re.jsonl', utf8(line), []);
    expect(result.issues).toEqual([
      {
        file: 're.jsonl',
        line: 1,
        lineKind: 'line',
        reason: 'relation 2 not imported: to_id "999" is not the id of an entity of this line',
        severity: 'note',
      },
    ]);
    expect(triples(result.documents[0]?.draft as DocumentDraft)).toEqual(['said ridership doubled -SOURCE-> Ana Ruiz']);
  });

  it('writes entities numbered from 0 and relations by those numbers, and cats', () => {
    const draft = only(parseImportFile('re.jsonl', utf8(RE_LINE), [], CATEGORIES));
    const line = JSON.parse(runExport('doccano', [fromDraft(draft, 'x')]).text) as Record<string, unknown>;
    expect(line).toEqual({
      id: '12',
      text: TEXT,
      entities: [
        { id: 0, label: 'PERSON', start_offset: 13, end_offset: 21 },
        { id: 1, label: 'CLAIM', start_offset: 23, end_offset: 45 },
        { id: 2, label: 'LOC', start_offset: 49, end_offset: 53 },
      ],
      relations: [
        { id: 0, from_id: 0, to_id: 2, type: 'BASED_IN' },
        { id: 1, from_id: 1, to_id: 0, type: 'SOURCE' },
      ],
      cats: ['transport'],
      // The title a document without one gets on import is metadata like any other.
      title: 're #1',
      Comments: [],
    });
  });

  it('round trip: the (source, type, target) triples and document labels are unchanged', () => {
    const draft = only(parseImportFile('re.jsonl', utf8(RE_LINE), [], CATEGORIES));
    const exported = runExport('doccano', [fromDraft(draft, 'x')]);
    expect(exported.leftOut).toEqual([]);
    const again = only(parseImportFile('again.jsonl', utf8(exported.text), [], CATEGORIES));
    expect(new Set(triples(again))).toEqual(new Set(triples(draft)));
    expect(again.documentAnnotations).toEqual(draft.documentAnnotations);
    expect(runExport('doccano', [fromDraft(again, 'x')]).text).toBe(exported.text);
  });

  it('renumbers relation ends when a span is left out, and reports the relation left out with it', () => {
    const draft = only(parseImportFile('re.jsonl', utf8(RE_LINE), []));
    const run = runExport('doccano', [fromDraft(draft, 'x')], { labelMap: { PERSON: null } });
    const line = JSON.parse(run.text) as { entities?: unknown[]; relations?: unknown[]; label?: unknown[] };
    // Both relations touch the person: none is left, so the line is plain sequence labelling.
    expect(line.relations).toBeUndefined();
    expect(line.label).toEqual([
      [23, 45, 'CLAIM'],
      [49, 53, 'LOC'],
    ]);
    expect(
      run.leftOut.map((l) => [
        l.reason,
        l.spans.map((s) => s.text),
        (l.relations ?? []).map((r) => `${r.from?.text} -${r.type}-> ${r.to?.text}`),
      ]),
    ).toEqual([
      ['label-dropped', ['Ana Ruiz'], []],
      ['relation-end-left-out', [], ['Ana Ruiz -BASED_IN-> Lyon', 'said ridership doubled -SOURCE-> Ana Ruiz']],
    ]);

    const kept = runExport('doccano', [fromDraft(draft, 'x')], { labelMap: { LOC: null } });
    const keptLine = JSON.parse(kept.text) as {
      entities: Array<{ id: number; label: string }>;
      relations: Array<{ from_id: number; to_id: number }>;
    };
    const ids = new Set(keptLine.entities.map((e) => e.id));
    for (const r of keptLine.relations) expect(ids.has(r.from_id) && ids.has(r.to_id)).toBe(true);
    expect(keptLine.relations).toEqual([{ id: 0, from_id: 1, to_id: 0, type: 'SOURCE' }]);
  });
});

describe('doccano document classes', () => {
  it('text classification: a list of classes (or one class) is the document’s labels', () => {
    const result = parseImportFile('tc.jsonl', utf8(CLASSIFICATION_LINES), [], CATEGORIES);
    expect(result.issues).toEqual([]);
    expect(result.documents.map((d) => d.draft.documentAnnotations)).toEqual([
      [{ labels: { topic: ['economy', 'transport'] }, note: '' }],
      // No category of the project offers "weather": it is put under "class" for the app to report.
      [{ labels: { class: ['weather'] }, note: '' }],
    ]);
  });

  it('intent detection: entities as triples, and cats', () => {
    const draft = only(parseImportFile('intent.jsonl', utf8(INTENT_LINE), [], CATEGORIES));
    expect(draft.spans.map((s) => draft.text.slice(s.start, s.end))).toEqual(['Lyon', 'Paris']);
    expect(draft.documentAnnotations).toEqual([{ labels: { intent: ['route'] }, note: '' }]);
    const exported = runExport('doccano', [fromDraft(draft, 'x')]).text;
    expect(JSON.parse(exported)).toMatchObject({
      label: [
        [17, 21, 'LOC'],
        [25, 30, 'LOC'],
      ],
      cats: ['route'],
    });
  });

  it('reports what doccano cannot hold: attributes, notes, and document notes', () => {
    const doc = fromDraft(only(parseImportFile('re.jsonl', utf8(RE_LINE), [])), 'x');
    const noted = {
      ...doc,
      spans: doc.spans.map((s) => (s.label === 'CLAIM' ? { ...s, attributes: { checkworthy: 'yes' }, note: 'source?' } : s)),
      documentAnnotations: (doc.documentAnnotations ?? []).map((a) => ({ ...a, note: 'ask the desk' })),
    };
    const run = runExport('doccano', [noted]);
    expect(run.leftOut.map((l) => [l.reason, l.dropped, l.spans.map((s) => s.text), l.documentAnnotations?.map((a) => a.note)])).toEqual([
      ['attributes-not-held', false, ['said ridership doubled'], undefined],
      ['span-notes-not-held', false, ['said ridership doubled'], undefined],
      ['document-notes-not-held', true, [], ['ask the desk']],
    ]);
  });
});
