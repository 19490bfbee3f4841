// brat relations, attributes and notes, with an .ann file written by hand from brat's standoff
// format documentation (https://brat.nlplab.org/standoff.html — `T` text-bound annotations,
// `R` relations with Arg1/Arg2, `*` equivalences, `A` attributes (binary, or with a value; an
// attribute given several values is one `A` line per value here), `#` AnnotatorNotes).
// Offsets are code points of the .txt.
import { describe, expect, it } from 'vitest';
import type { DocumentDraft, Label } from '../../../src-shared/domain';
import { parseBratFiles } from '../../../src-shared/formats/brat';
import { fromDraft, runExport } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const cp = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

const TXT = '🚋 The mayor, Ana Ruiz, said ridership doubled in Lyon.';
const ANN = [
  'T1\tPERSON 13 21\tAna Ruiz',
  'T2\tCLAIM 23 45\tsaid ridership doubled',
  'T3\tLOC 49 53\tLyon',
  'T4\tPERSON 2 11\tThe mayor',
  'R1\tSOURCE Arg1:T2 Arg2:T1',
  'R2\tBASED_IN Arg1:T1 Arg2:T3',
  '*\tEquiv T1 T4',
  'A1\tcheckworthy T2 yes',
  'A2\tclaim_type T2 statistic',
  'A3\tclaim_type T2 quote',
  'A4\tNegated T2',
  'A5\tkb_id T1 Q42',
  '#1\tAnnotatorNotes T2\tSince when?',
  '#2\tAnnotatorNotes R1\tsaid to reporters',
  '',
].join('\n');

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
      { name: 'Negated', type: 'boolean', values: [], required: false },
    ],
  },
];

function only(files: Array<{ name: string; text: string }>): DocumentDraft {
  const result = parseBratFiles(
    files.map((f) => ({ name: f.name, bytes: utf8(f.text) })),
    LABELS,
  );
  expect(result.issues).toEqual([]);
  const draft = result.documents[0]?.draft;
  if (!draft) throw new Error('nothing imported');
  return draft;
}

const fixture = () =>
  only([
    { name: 'tram.txt', text: TXT },
    { name: 'tram.ann', text: ANN },
  ]);

function triples(draft: DocumentDraft): string[] {
  const text = (i: number) => {
    const span = draft.spans[i];
    return span ? draft.text.slice(span.start, span.end) : '?';
  };
  return (draft.relations ?? []).map((r) => `${text(r.from)} -${r.type}-> ${text(r.to)}`);
}

/** Every span's attributes and note, by its text. */
function spanDetails(draft: DocumentDraft): Record<string, unknown> {
  return Object.fromEntries(draft.spans.map((s) => [draft.text.slice(s.start, s.end), { attributes: s.attributes ?? {}, note: s.note }]));
}

describe('brat relations, attributes and notes', () => {
  it('the fixture offsets are code points', () => {
    expect([cp(TXT, 13, 21), cp(TXT, 23, 45), cp(TXT, 49, 53), cp(TXT, 2, 11)]).toEqual([
      'Ana Ruiz',
      'said ridership doubled',
      'Lyon',
      'The mayor',
    ]);
  });

  it('reads R and * as relations, A as attributes typed by the schema, # as notes', () => {
    const draft = fixture();
    expect(triples(draft)).toEqual([
      'said ridership doubled -SOURCE-> Ana Ruiz',
      'Ana Ruiz -BASED_IN-> Lyon',
      'Ana Ruiz -Equiv-> The mayor',
    ]);
    expect(draft.relations?.[0]?.note).toBe('said to reporters');
    expect(spanDetails(draft)).toEqual({
      'Ana Ruiz': { attributes: { kb_id: 'Q42' }, note: undefined },
      'said ridership doubled': {
        attributes: { checkworthy: 'yes', claim_type: ['statistic', 'quote'], Negated: true },
        note: 'Since when?',
      },
      Lyon: { attributes: {}, note: undefined },
      'The mayor': { attributes: {}, note: undefined },
    });
  });

  it('without a schema: a binary attribute is true, one value a string, several a list', () => {
    const result = parseBratFiles(
      [
        { name: 'tram.txt', bytes: utf8(TXT) },
        { name: 'tram.ann', bytes: utf8(ANN) },
      ],
      [],
    );
    const claim = result.documents[0]?.draft.spans.find((s) => s.label === 'CLAIM');
    expect(claim?.attributes).toEqual({ checkworthy: 'yes', claim_type: ['statistic', 'quote'], Negated: true });
  });

  it('writes T, A, R and # lines, and declares the relation types and attributes in annotation.conf', () => {
    const run = runExport('brat', [fromDraft(fixture(), 'tram')]);
    expect(run.leftOut).toEqual([]);
    const ann = run.files.find((f) => f.path === 'tram.ann')?.content;
    expect(ann).toBe(
      [
        'T1\tPERSON 2 11\tThe mayor',
        'T2\tPERSON 13 21\tAna Ruiz',
        'T3\tCLAIM 23 45\tsaid ridership doubled',
        'T4\tLOC 49 53\tLyon',
        'A1\tkb_id T2 Q42',
        'A2\tNegated T3',
        'A3\tcheckworthy T3 yes',
        'A4\tclaim_type T3 statistic',
        'A5\tclaim_type T3 quote',
        'R1\tEquiv Arg1:T2 Arg2:T1',
        'R2\tBASED_IN Arg1:T2 Arg2:T4',
        'R3\tSOURCE Arg1:T3 Arg2:T2',
        '#1\tAnnotatorNotes T3\tSince when?',
        '#2\tAnnotatorNotes R3\tsaid to reporters',
        '',
      ].join('\n'),
    );
    const conf = run.files.find((f) => f.path === 'annotation.conf')?.content ?? '';
    expect(conf).toContain(
      '[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\nBASED_IN\tArg1:<ENTITY>, Arg2:<ENTITY>\nEquiv\tArg1:<ENTITY>, Arg2:<ENTITY>\nSOURCE\tArg1:<ENTITY>, Arg2:<ENTITY>\n',
    );
    expect(conf).toContain(
      '[attributes]\nNegated\tArg:<ENTITY>\ncheckworthy\tArg:<ENTITY>, Value:yes\nclaim_type\tArg:<ENTITY>, Value:quote|statistic\nkb_id\tArg:<ENTITY>, Value:Q42\n',
    );
  });

  it('round trip: the (source, type, target) triples, attribute values and notes are unchanged', () => {
    const draft = fixture();
    const run = runExport('brat', [fromDraft(draft, 'tram')]);
    const again = only(run.files.filter((f) => f.path !== 'annotation.conf').map((f) => ({ name: f.path, text: f.content })));
    expect(new Set(triples(again))).toEqual(new Set(triples(draft)));
    expect(spanDetails(again)).toEqual(spanDetails(draft));
    expect(again.relations?.find((r) => r.type === 'SOURCE')?.note).toBe('said to reporters');
  });

  it('reports what brat cannot write: free-text attribute values, relation types with spaces, document labels', () => {
    const doc = fromDraft(fixture(), 'tram');
    const changed = {
      ...doc,
      spans: doc.spans.map((s) => (s.label === 'PERSON' && s.text === 'Ana Ruiz' ? { ...s, attributes: { kb_id: 'not an id' } } : s)),
      relations: (doc.relations ?? []).map((r) => (r.type === 'BASED_IN' ? { ...r, type: 'BASED IN' } : r)),
      documentAnnotations: [{ projectId: '', documentId: 'tram', annotator: 'ana', labels: { topic: ['transport'] }, note: '', updatedAt: 0 }],
    };
    const run = runExport('brat', [changed]);
    expect(run.leftOut.map((l) => [l.reason, l.dropped, l.spans.map((s) => s.text), (l.relations ?? []).map((r) => r.type)])).toEqual([
      ['attribute-unsupported', false, ['Ana Ruiz'], []],
      ['relation-type-unsupported', true, [], ['BASED IN']],
      ['document-labels-not-held', true, [], []],
    ]);
  });

  it('refuses relations and attributes that point at nothing, and counts events and normalizations', () => {
    const bad = parseBratFiles(
      [
        { name: 'n.txt', bytes: utf8(TXT) },
        { name: 'n.ann', bytes: utf8('T1\tPERSON 13 21\tAna Ruiz\nR1\tSOURCE Arg1:T1 Arg2:T9\nA1\tNegated T7\nR2 broken\n') },
      ],
      [],
    );
    expect(bad.documents).toEqual([]);
    expect(bad.issues.filter((i) => i.file === 'n.ann').map((i) => [i.line, i.reason])).toEqual([
      [2, 'R1 points at T9, which is not in this file'],
      [3, 'A1 points at T7, which is not in this file'],
      [4, 'malformed relation: expected "R1<tab>TYPE Arg1:T1 Arg2:T2"'],
    ]);
    const events = parseBratFiles(
      [
        { name: 'n.txt', bytes: utf8(TXT) },
        {
          name: 'n.ann',
          bytes: utf8('T1\tPERSON 13 21\tAna Ruiz\nE1\tSay:T1\nN1\tReference T1 Wikidata:Q42\t#Ana\n#1\tAnnotatorNotes E1\ton the event\n'),
        },
      ],
      [],
    );
    expect(events.issues.map((i) => i.reason)).toEqual([
      '1 event line not imported: Spanwright has no events',
      '1 normalization line not imported: Spanwright has no normalizations (put a knowledge-base id in an attribute such as kb_id)',
      '1 note on an event or normalization line not imported: Spanwright keeps notes on spans and relations only',
    ]);
  });
});
