// Claim detection JSONL conformance: fixtures written by hand from docs/formats.md ("Claim
// detection JSONL"), Spanwright's own format: one line per sentence (`doc_id`, `sentence_id`,
// `text`, `start`/`end` in the document, `has_claim`, `claims` with offsets in the sentence,
// `partial` for a part of a claim over several sentences, `attributes`, `note`, `sources` with
// offsets in the document).
import { describe, expect, it } from 'vitest';
import { runExport } from '../helpers';
import { goldenDocuments } from '../fixture';
import { asExport, issuesOf, readFixture, spansOf } from './read';

const FILE_NOTE =
  '-: note: claim detection JSONL: the sentences of one doc_id are one document; the text between them is not in the file and is read as white space (a line break before each sentence)';

// Document "tram-1": "Fares rose 5%, the mayor said.  Ridership 😀 doubled\nsince May." Three
// sentences; a claim runs over the second and third ("Ridership 😀 doubled\nsince May").
const TRAM = [
  {
    doc_id: 'tram-1',
    sentence_id: 0,
    text: 'Fares rose 5%, the mayor said.',
    start: 0,
    end: 30,
    has_claim: true,
    claims: [
      {
        start: 0,
        end: 13,
        text: 'Fares rose 5%',
        label: 'CLAIM',
        attributes: { checkworthy: 'yes', claim_type: ['statistic'] },
        note: 'Check the fare table.',
        sources: [{ text: 'the mayor', label: 'PERSON', doc_start: 15, doc_end: 24 }],
      },
    ],
  },
  {
    doc_id: 'tram-1',
    sentence_id: 1,
    text: 'Ridership 😀 doubled',
    start: 32,
    end: 51,
    has_claim: true,
    claims: [{ start: 0, end: 19, text: 'Ridership 😀 doubled', label: 'CLAIM', partial: true }],
  },
  {
    doc_id: 'tram-1',
    sentence_id: 2,
    text: 'since May.',
    start: 52,
    end: 62,
    has_claim: true,
    claims: [{ start: 0, end: 9, text: 'since May', label: 'CLAIM', partial: true }],
  },
  { doc_id: 'other', sentence_id: 0, text: 'Nothing to see.', start: 0, end: 15, has_claim: false, claims: [] },
];
const TRAM_FILE = TRAM.map((line) => JSON.stringify(line)).join('\n') + '\n';

describe('claim detection JSONL: import', () => {
  it('the sentences of one doc_id are one document; claims, their attributes, notes and sources come back', () => {
    const result = readFixture('claims.jsonl', TRAM_FILE);
    expect(issuesOf(result)).toEqual([FILE_NOTE]);
    expect(result.documents.map((d) => [d.draft.id, d.format, d.line])).toEqual([
      ['tram-1', 'claims', 1],
      ['other', 'claims', 4],
    ]);
    const draft = result.documents[0]!.draft;
    // Offsets are the file's: the text between sentences is white space ending in a line break.
    expect(draft.text).toBe('Fares rose 5%, the mayor said. \nRidership 😀 doubled\nsince May.');
    // The claim cut at the sentence edges is one span again.
    expect(spansOf(draft)).toEqual(['CLAIM "Fares rose 5%"', 'PERSON "the mayor"', 'CLAIM "Ridership 😀 doubled\\nsince May"']);
    expect(draft.spans.map((s) => s.layer)).toEqual(['claim', 'entity', 'claim']);
    expect(draft.spans[0]?.attributes).toEqual({ checkworthy: 'yes', claim_type: ['statistic'] });
    expect(draft.spans[0]?.note).toBe('Check the fare table.');
    expect(draft.relations).toEqual([{ type: 'SOURCE', from: 0, to: 1, origin: 'imported' }]);
  });

  it('a claim whose text does not match its offsets refuses its line, with the reason', () => {
    const bad = { ...TRAM[3], claims: [{ start: 0, end: 7, text: 'Nothing!', label: 'CLAIM' }] };
    const result = readFixture('claims.jsonl', JSON.stringify(bad) + '\n');
    expect(result.documents).toEqual([]);
    expect(issuesOf(result)).toEqual(['1: claim 1 [0, 7) text "Nothing!" does not match the text at its offsets "Nothing"']);
  });

  it('a sentence out of order, or an end that is not start + length, refuses that line only', () => {
    const lines = [TRAM[1], TRAM[0], { ...TRAM[3], doc_id: 'x', end: 99 }].map((l) => JSON.stringify(l)).join('\n');
    const result = readFixture('claims.jsonl', lines);
    expect(result.documents.map((d) => d.draft.id)).toEqual(['tram-1']);
    expect(issuesOf(result)).toEqual([
      FILE_NOTE,
      '2: same document as line 1 (its id), but its sentence starts at 0, before the end of the sentences read so far (51): sentences must come in order',
      '3: "end" 99 is not "start" plus the sentence\'s length in code points (15)',
    ]);
  });

  it('a source in an earlier sentence is a note; the claim is imported', () => {
    const line = {
      ...TRAM[1],
      claims: [{ ...TRAM[1]!.claims[0], partial: false, sources: [{ text: 'the mayor', label: 'PERSON', doc_start: 15, doc_end: 24 }] }],
    };
    const result = readFixture('claims.jsonl', JSON.stringify(line));
    expect(spansOf(result.documents[0]!.draft)).toEqual(['CLAIM "Ridership 😀 doubled"']);
    expect(issuesOf(result)).toEqual([
      FILE_NOTE,
      '1: note: claim 1 source 1 "the mayor" at [15, 24) lies before its claim\'s sentence: not imported (sources are read within the sentence)',
    ]);
  });
});

describe('claim detection JSONL: export and round trip', () => {
  it('claims -> Spanwright -> claims gives the same lines', () => {
    const read = readFixture('claims.jsonl', TRAM_FILE);
    const docs = read.documents.map((d) => asExport(d.draft, d.draft.id));
    const run = runExport('claims', docs);
    expect(run.text).toBe(TRAM_FILE);
    // The claim over two sentences is written in each, as a warning; the source, an entity, is
    // written as the claim's source only.
    expect(run.leftOut.map((l) => [l.reason, l.dropped, l.spans.map((s) => s.text)])).toEqual([
      ['layer', true, ['the mayor']],
      ['crosses-sentence', false, ['Ridership 😀 doubled\nsince May']],
    ]);
  });

  it('the golden project: export, read, export gives the same file', () => {
    const first = runExport('claims', goldenDocuments()).text;
    const read = readFixture('claims.jsonl', first);
    expect(issuesOf(read)).toEqual([FILE_NOTE]);
    const again = runExport(
      'claims',
      read.documents.map((d) => asExport(d.draft, d.draft.id)),
    ).text;
    expect(again).toBe(first);
  });
});
