// spaCy/Prodigy relations and document labels, with lines written by hand from the
// documentation: Prodigy's relation interface (https://prodi.gy/docs/dependencies-relations —
// `relations` with `head`/`child` token indexes, `head_span`/`child_span` and `label`; `head`
// and `child` are each span's last token, as spaCy's relation-extraction tutorial reads them),
// Prodigy's choice interface (https://prodi.gy/docs/text-classification — `options` and the
// chosen ids in `accept`), and spaCy's `Doc.cats` (https://spacy.io/api/doc#attributes —
// a score per label). Offsets are code points.
import { describe, expect, it } from 'vitest';
import type { DocumentCategory, DocumentDraft } from '../../../src-shared/domain';
import { parseImportFile } from '../../../src-shared/formats/import';
import { fromDraft, runExport } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const cp = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

const TEXT = '🚋 Ana Ruiz said fares rose in Lyon.';
const REL_LINE = JSON.stringify({
  text: TEXT,
  spans: [
    { start: 2, end: 10, token_start: 1, token_end: 2, label: 'PERSON' },
    { start: 16, end: 26, token_start: 4, token_end: 5, label: 'CLAIM' },
    { start: 30, end: 34, token_start: 7, token_end: 7, label: 'LOC' },
  ],
  relations: [
    {
      head: 5,
      child: 2,
      head_span: { start: 16, end: 26, token_start: 4, token_end: 5, label: 'CLAIM' },
      child_span: { start: 2, end: 10, token_start: 1, token_end: 2, label: 'PERSON' },
      color: '#ffd882',
      label: 'SOURCE',
    },
    // Without the span objects: the ends are found by their last token.
    { head: 2, child: 7, label: 'BASED_IN' },
  ],
  answer: 'accept',
  _view_id: 'relations',
});
const CHOICE_LINE = JSON.stringify({
  text: 'Fares rise again.',
  options: [
    { id: 'economy', text: 'Economy' },
    { id: 'weather', text: 'Weather' },
  ],
  accept: ['economy'],
  answer: 'accept',
});
const CATS_LINE = JSON.stringify({ text: 'Rain all week.', cats: { weather: 0.9, economy: 0.1 } });

const CATEGORIES: DocumentCategory[] = [
  {
    name: 'topic',
    multiple: true,
    values: [
      { name: 'economy', hotkey: '' },
      { name: 'weather', hotkey: '' },
    ],
  },
];

function triples(draft: DocumentDraft): string[] {
  const text = (i: number) => {
    const span = draft.spans[i];
    return span ? draft.text.slice(span.start, span.end) : '?';
  };
  return (draft.relations ?? []).map((r) => `${text(r.from)} -${r.type}-> ${text(r.to)}`);
}

function only(text: string, categories: DocumentCategory[] = []): DocumentDraft {
  const result = parseImportFile('p.jsonl', utf8(text), [], categories);
  expect(result.issues).toEqual([]);
  const draft = result.documents[0]?.draft;
  if (!draft) throw new Error('nothing imported');
  return draft;
}

describe('spaCy/Prodigy relations', () => {
  it('the fixture offsets are code points', () => {
    expect([cp(TEXT, 2, 10), cp(TEXT, 16, 26), cp(TEXT, 30, 34)]).toEqual(['Ana Ruiz', 'fares rose', 'Lyon']);
  });

  it('reads relations by head_span/child_span, or by the last token of each end', () => {
    const draft = only(REL_LINE);
    expect(triples(draft)).toEqual(['fares rose -SOURCE-> Ana Ruiz', 'Ana Ruiz -BASED_IN-> Lyon']);
    expect(draft.meta.extra).toEqual({ answer: 'accept', _view_id: 'relations' });
  });

  it('writes head/child as the last token of each end, with head_span/child_span', () => {
    const line = JSON.parse(runExport('spacy', [fromDraft(only(REL_LINE), 'x')]).text) as { relations: unknown[] };
    expect(line.relations).toEqual([
      {
        head: 2,
        child: 7,
        head_span: { start: 2, end: 10, token_start: 1, token_end: 2, label: 'PERSON' },
        child_span: { start: 30, end: 34, token_start: 7, token_end: 7, label: 'LOC' },
        label: 'BASED_IN',
      },
      {
        head: 5,
        child: 2,
        head_span: { start: 16, end: 26, token_start: 4, token_end: 5, label: 'CLAIM' },
        child_span: { start: 2, end: 10, token_start: 1, token_end: 2, label: 'PERSON' },
        label: 'SOURCE',
      },
    ]);
  });

  it('round trip: the (source, type, target) triples are unchanged', () => {
    const draft = only(REL_LINE);
    const exported = runExport('spacy', [fromDraft(draft, 'x')]);
    expect(exported.leftOut).toEqual([]);
    expect(new Set(triples(only(exported.text)))).toEqual(new Set(triples(draft)));
  });

  it('reports a relation whose end lines up with no token (written without head/child), and one that names no span', () => {
    // "Ana" ends inside the token "Anaïs".
    const text = 'Anaïs-Marie said so.';
    const doc = fromDraft(
      only(
        JSON.stringify({
          text,
          spans: [
            { start: 0, end: 3, label: 'PER' },
            { start: 12, end: 16, label: 'CLAIM' },
          ],
          relations: [{ head: 9, child: 9, head_span: { start: 12, end: 16 }, child_span: { start: 0, end: 3 }, label: 'SOURCE' }],
        }),
      ),
      'x',
    );
    const run = runExport('spacy', [doc]);
    expect(run.leftOut.map((l) => [l.reason, l.dropped, l.spans.length, l.relations?.length])).toEqual([
      ['not-token-aligned', false, 1, undefined],
      ['relation-not-token-aligned', false, 0, 1],
    ]);
    expect(JSON.parse(run.text).relations[0]).not.toHaveProperty('head');
    const missing = parseImportFile(
      'p.jsonl',
      utf8(JSON.stringify({ text, spans: [{ start: 0, end: 5, label: 'PER' }], relations: [{ head: 0, child: 4, label: 'X' }] })),
      [],
    );
    expect(missing.issues.map((i) => i.reason)).toEqual(['relation 1 not imported: its head is no span of this line']);
  });
});

describe('spaCy cats and Prodigy accept', () => {
  it('read as document labels: accept ids, and cats scored 0.5 or more', () => {
    expect(only(CHOICE_LINE, CATEGORIES).documentAnnotations).toEqual([{ labels: { topic: ['economy'] }, note: '' }]);
    expect(only(CATS_LINE, CATEGORIES).documentAnnotations).toEqual([{ labels: { topic: ['weather'] }, note: '' }]);
    // The choice options stay metadata.
    expect(only(CHOICE_LINE).meta.extra).toMatchObject({ options: [{ id: 'economy' }, { id: 'weather' }], answer: 'accept' });
  });

  it('written back as cats (every value of the project’s categories scored) and accept, and read again the same', () => {
    const draft = only(CATS_LINE, CATEGORIES);
    const exported = runExport('spacy', [fromDraft(draft, 'x')], { documentCategories: CATEGORIES }).text;
    expect(JSON.parse(exported)).toMatchObject({ cats: { economy: 0, weather: 1 }, accept: ['weather'] });
    expect(only(exported, CATEGORIES).documentAnnotations).toEqual(draft.documentAnnotations);
  });
});
