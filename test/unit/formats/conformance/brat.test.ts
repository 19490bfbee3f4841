// brat standoff conformance: fixtures written by hand from brat's documentation, not copied.
// - https://brat.nlplab.org/standoff.html (T, R, E, A/M, N, *, # lines; "start end;start end"
//   discontinuous offsets; offsets are character offsets into the .txt)
// - brat issue #853 (nlplab/brat): brat opens texts with universal newlines, so a CRLF counts
//   as one character; a leading byte order mark is kept and counts as one.
import { describe, expect, it } from 'vitest';
import { FRAGMENT, parseBratFiles } from '../../../../src-shared/formats/brat';
import { draftToExportDocument } from '../../../../src-shared/formats/draft-document';
import { runExport } from '../helpers';
import { spansOf } from './read';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const withBom = (text: string): Uint8Array => new Uint8Array([...BOM, ...utf8(text)]);

function readPair(txt: Uint8Array, ann: string) {
  return parseBratFiles(
    [
      { name: 'doc.txt', bytes: txt },
      { name: 'doc.ann', bytes: utf8(ann) },
    ],
    [],
  );
}

const issues = (result: ReturnType<typeof parseBratFiles>) =>
  result.issues.map((i) => `${i.file}:${i.line ?? '-'}: ${i.severity === 'note' ? 'note: ' : ''}${i.reason}`);

// Two lines, Windows line ends: as brat counts, "Oslo" starts at 15 (the CRLF is one).
const CRLF_TEXT = 'Ana met Bob\r\nin Oslo.';

describe('brat offsets as brat counts them', () => {
  it('reads brat’s own annotations of a CRLF file (a CRLF is one character)', () => {
    const result = readPair(utf8(CRLF_TEXT), 'T1\tPER 0 3\tAna\nT2\tGPE 15 19\tOslo\n');
    expect(issues(result)).toEqual([]);
    expect(spansOf(result.documents[0]!.draft)).toEqual(['PER "Ana"', 'GPE "Oslo"']);
  });

  it('reads a file with a leading BOM: brat counts the BOM as one character', () => {
    const result = readPair(withBom('Ana met Bob.'), 'T1\tPER 1 4\tAna\nT2\tPER 9 12\tBob\n');
    expect(issues(result)).toEqual([]);
    // The stored text has no BOM; the spans land on the same words.
    expect(result.documents[0]?.draft.text).toBe('Ana met Bob.');
    expect(spansOf(result.documents[0]!.draft)).toEqual(['PER "Ana"', 'PER "Bob"']);
  });

  it('reads files whose offsets count a CRLF as two (Spanwright before), with a note', () => {
    const result = readPair(utf8(CRLF_TEXT), 'T1\tGPE 16 20\tOslo\n');
    expect(spansOf(result.documents[0]!.draft)).toEqual(['GPE "Oslo"']);
    expect(issues(result)).toEqual([
      'doc.ann:-: note: offsets count a CRLF as two characters, not as brat does; read that way, as every span’s text matches'.replace(
        '’',
        "'",
      ),
    ]);
  });

  it('writes offsets brat shows right for a CRLF text, and reads them back', () => {
    const read = readPair(utf8(CRLF_TEXT), 'T1\tPER 0 3\tAna\nT2\tGPE 15 19\tOslo\nT3\tPER 8 11;12 14\tBob in\n');
    expect(issues(read)).toEqual([]);
    const doc = draftToExportDocument(read.documents[0]!.draft, {
      id: 'doc',
      spanId: (i) => `s${i}`,
      relationId: (i) => `r${i}`,
      annotator: 'ana',
      origin: 'imported',
    });
    const { files } = runExport('brat', [doc]);
    const ann = files.find((f) => f.path === 'doc.ann')?.content;
    // The span over the line break is written as two fragments, as brat's own writer does.
    expect(ann).toBe('T1\tPER 0 3\tAna\nT2\tPER 8 11;12 14\tBob in\nT3\tGPE 15 19\tOslo\n');
    const back = readPair(utf8(files.find((f) => f.path === 'doc.txt')?.content ?? ''), ann ?? '');
    expect(issues(back)).toEqual([]);
    expect(spansOf(back.documents[0]!.draft)).toEqual(['PER "Ana"', 'PER "Bob\\r\\nin"', 'GPE "Oslo"']);
  });
});

describe('brat discontinuous spans, relations, events and normalizations', () => {
  const TEXT = 'North and South Korea met.';

  it('a span with text between its fragments is imported as linked parts, reported', () => {
    // "North ... Korea": brat's documentation's example of a discontinuous entity.
    const result = readPair(utf8(TEXT), 'T1\tGPE 0 5;16 21\tNorth Korea\nT2\tGPE 10 21\tSouth Korea\nR1\tNear Arg1:T1 Arg2:T2\n');
    const draft = result.documents[0]!.draft;
    expect(spansOf(draft)).toEqual(['GPE "North"', 'GPE "Korea"', 'GPE "South Korea"']);
    expect(draft.relations).toEqual([
      { type: FRAGMENT, from: 0, to: 1, origin: 'imported' },
      { type: 'Near', from: 0, to: 2, origin: 'imported' },
    ]);
    expect(issues(result)).toEqual([
      `doc.ann:1: note: T1 is discontinuous, with text between its fragments: imported as 2 spans of its label, the later ones linked to the first by ${FRAGMENT} relations (Spanwright spans are continuous; the brat export joins them again)`,
    ]);
  });

  it('writes a span imported as linked parts back as one discontinuous T line (brat -> Spanwright -> brat)', () => {
    // Fixture by hand from brat's standoff docs: "T1<tab>LABEL start end;start end<tab>text1 text2".
    const ann = 'T1\tGPE 0 5;16 21\tNorth Korea\nT2\tGPE 10 21\tSouth Korea\nR1\tNear Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tthe north\n';
    const read = readPair(utf8(TEXT), ann);
    const doc = draftToExportDocument(read.documents[0]!.draft, {
      id: 'doc',
      spanId: (i) => `s${i}`,
      relationId: (i) => `r${i}`,
      annotator: 'ana',
      origin: 'imported',
    });
    const { files, leftOut } = runExport('brat', [doc]);
    expect(leftOut).toEqual([]);
    const written = files.find((f) => f.path === 'doc.ann')?.content;
    expect(written).toBe(
      'T1\tGPE 0 5;16 21\tNorth Korea\nT2\tGPE 10 21\tSouth Korea\nR1\tNear Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tthe north\n',
    );
    // And read again, the same spans and relations.
    const back = readPair(utf8(TEXT), written ?? '');
    expect(spansOf(back.documents[0]!.draft)).toEqual(spansOf(read.documents[0]!.draft));
    expect(back.documents[0]?.draft.relations).toEqual(read.documents[0]?.draft.relations);
  });

  it('a part that was edited apart (its own label or attribute) stays a span with a FRAGMENT relation', () => {
    const read = readPair(utf8(TEXT), 'T1\tGPE 0 5;16 21\tNorth Korea\n');
    const doc = draftToExportDocument(read.documents[0]!.draft, {
      id: 'doc',
      spanId: (i) => `s${i}`,
      relationId: (i) => `r${i}`,
      annotator: 'ana',
      origin: 'imported',
    });
    const relabelled = { ...doc, spans: doc.spans.map((s) => (s.id === 's1' ? { ...s, label: 'LOC' } : s)) };
    expect(runExport('brat', [relabelled]).files.find((f) => f.path === 'doc.ann')?.content).toBe(
      'T1\tGPE 0 5\tNorth\nT2\tLOC 16 21\tKorea\nR1\tFRAGMENT Arg1:T1 Arg2:T2\n',
    );
    const withAttribute = { ...doc, spans: doc.spans.map((s) => (s.id === 's1' ? { ...s, attributes: { Negated: true } } : s)) };
    expect(runExport('brat', [withAttribute]).files.find((f) => f.path === 'doc.ann')?.content).toBe(
      'T1\tGPE 0 5\tNorth\nT2\tGPE 16 21\tKorea\nA1\tNegated T2\nR1\tFRAGMENT Arg1:T1 Arg2:T2\n',
    );
  });

  it('events, normalizations and notes on them are notes: the document and its spans are imported', () => {
    const ann = [
      'T1\tGPE 16 21\tKorea',
      'T2\tMeet 22 25\tmet',
      'E1\tMeet:T2 Participant:T1',
      'N1\tReference T1 Wikidata:Q884\tKorea',
      '#1\tAnnotatorNotes E1\tsummit',
      '*\tEquiv T1 T1',
      'A1\tNegated E1',
      '',
    ].join('\n');
    const result = readPair(utf8(TEXT), ann);
    expect(result.documents).toHaveLength(1);
    expect(spansOf(result.documents[0]!.draft)).toEqual(['GPE "Korea"', 'Meet "met"']);
    expect(issues(result)).toEqual([
      'doc.ann:-: note: 1 event line not imported: Spanwright has no events',
      'doc.ann:-: note: 1 normalization line not imported: Spanwright has no normalizations (put a knowledge-base id in an attribute such as kb_id)',
      'doc.ann:-: note: 1 relation, attribute or equivalence on an event line not imported: Spanwright has no events',
      'doc.ann:-: note: 1 note on an event or normalization line not imported: Spanwright keeps notes on spans and relations only',
    ]);
  });
});
