// Spanwright's own formats: fixtures written by hand from docs/formats.md ("Spanwright JSONL",
// "Project bundle", "Import": plain text and plain JSONL), not produced by the exporter.
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../../src-shared/formats/exporter';
import { bundleHeaderLine, parseProjectBundle } from '../../../../src-shared/formats/project-bundle';
import { runExport } from '../helpers';
import { asExport, issuesOf, jsonl, readFixture, spansOf } from './read';

// The documented example, one line: a claim with attributes and a note, its source (an entity
// with a kb_id), a SOURCE relation, and the annotator's document labels and note; an emoji
// before the claim, so code points and UTF-16 differ.
const LINE = {
  format: 'spanwright',
  format_version: 2,
  offset_unit: 'codepoint',
  id: 'doc-7',
  text: 'Mayor Ana Ruiz 🚋 said ridership doubled.',
  meta: { title: 'Tram' },
  status: 'done',
  spans: [
    {
      id: 's2',
      layer: 'entity',
      label: 'PERSON',
      start: 6,
      end: 14,
      text: 'Ana Ruiz',
      annotator: 'b1d2',
      attributes: { kb_id: 'Q42' },
      origin: 'manual',
    },
    {
      id: 's1',
      layer: 'claim',
      label: 'CLAIM',
      start: 17,
      end: 39,
      text: 'said ridership doubled',
      annotator: 'b1d2',
      attributes: { checkworthy: 'yes', claim_type: ['statistic'] },
      origin: 'manual',
      note: 'Doubled since when?',
    },
  ],
  relations: [{ id: 'r1', type: 'SOURCE', from: 's1', to: 's2', annotator: 'b1d2', origin: 'manual' }],
  document_annotations: [{ annotator: 'b1d2', labels: { topic: ['transport'] }, note: 'Ask the desk.' }],
};

describe('Spanwright JSONL', () => {
  it('import: every span with its layer, annotator, attributes and note; relations; document labels', () => {
    const result = readFixture('desk.jsonl', jsonl(LINE));
    expect(issuesOf(result)).toEqual([]);
    const doc = result.documents[0]!;
    expect([doc.format, doc.draft.id, doc.draft.meta.title, doc.draft.status]).toEqual(['spanwright', 'doc-7', 'Tram', 'done']);
    expect(spansOf(doc.draft)).toEqual(['PERSON "Ana Ruiz" @b1d2', 'CLAIM "said ridership doubled" @b1d2']);
    expect(doc.draft.spans.map((s) => [s.sourceId, s.layer, s.attributes, s.note])).toEqual([
      ['s2', 'entity', { kb_id: 'Q42' }, undefined],
      ['s1', 'claim', { checkworthy: 'yes', claim_type: ['statistic'] }, 'Doubled since when?'],
    ]);
    expect(doc.draft.relations).toMatchObject([{ type: 'SOURCE', from: 1, to: 0, annotator: 'b1d2' }]);
    expect(doc.draft.documentAnnotations).toEqual([{ annotator: 'b1d2', labels: { topic: ['transport'] }, note: 'Ask the desk.' }]);
    expect(result.unknownLabels.map((l) => [l.name, l.layer])).toEqual([
      ['PERSON', 'entity'],
      ['CLAIM', 'claim'],
    ]);
  });

  it('export, and round trip: the line comes back byte for byte', () => {
    const [doc] = readFixture('desk.jsonl', jsonl(LINE)).documents;
    const run = runExport('spanwright', [asExport(doc!.draft)]);
    expect(run.leftOut).toEqual([]);
    expect(run.text).toBe(jsonl(LINE));
  });

  it('reports: a relation naming no span of its line, or offsets that do not match the text, refuse the line', () => {
    const dangling = { ...LINE, id: 'a', relations: [{ ...LINE.relations[0], to: 's9' }] };
    const shifted = { ...LINE, id: 'b', spans: [{ ...LINE.spans[0], start: 5, end: 13 }] };
    const result = readFixture('desk.jsonl', jsonl(dangling, shifted, LINE));
    expect(result.documents.map((d) => d.line)).toEqual([3]);
    expect(issuesOf(result)).toEqual([
      expect.stringMatching(/^1: relation 1 .*"s9"/),
      '2: span 1 [5, 13) text "Ana Ruiz" does not match the text at its offsets " Ana Rui"',
    ]);
  });
});

describe('project bundle', () => {
  // A header (format, version, project with its schema, annotators) and one document line.
  const HEADER = {
    format: 'spanwright-project',
    format_version: 2,
    project: {
      name: 'Tram desk',
      schema: {
        labels: [
          { name: 'PERSON', layer: 'entity', color: '#f4a3a3', hotkey: 'p' },
          { name: 'CLAIM', layer: 'claim', color: '#c7a3f4', hotkey: 'c' },
        ],
      },
      guidelines: 'Mark every claim.',
    },
    annotators: [{ id: 'b1d2', name: 'Ana' }],
  };
  const DOC = { ...LINE, statuses: { b1d2: 'done' }, annotators: [{ id: 'b1d2', name: 'Ana' }] };

  it('import: the header makes the project; the lines are its documents, with the bundle’s line numbers', () => {
    const { header, result } = parseProjectBundle('desk.spanwright', new TextEncoder().encode(jsonl(HEADER, DOC)));
    expect(result.issues).toEqual([]);
    expect(header?.name).toBe('Tram desk');
    expect(header?.guidelines).toBe('Mark every claim.');
    expect(header?.schema.labels.map((l) => [l.name, l.layer])).toEqual([
      ['PERSON', 'entity'],
      ['CLAIM', 'claim'],
    ]);
    expect(header?.annotators).toEqual([{ id: 'b1d2', name: 'Ana' }]);
    const doc = result.documents[0]!;
    expect(doc.line).toBe(2);
    expect(doc.draft.statuses).toEqual({ b1d2: 'done' });
    expect(spansOf(doc.draft)).toEqual(['PERSON "Ana Ruiz" @b1d2', 'CLAIM "said ridership doubled" @b1d2']);
    expect(result.unknownLabels).toEqual([]);
  });

  it('export and round trip: header and documents written again give the same bundle', () => {
    const text = jsonl(HEADER, DOC);
    const { header, result } = parseProjectBundle('desk.spanwright', new TextEncoder().encode(text));
    const written = [bundleHeaderLine(header!), ...result.documents.map((d) => serializeDocument('spanwright', asExport(d.draft)))];
    // The writer fills the schema's defaults (attributes, relation types...): compare what the file said.
    const [headerBack, ...docsBack] = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(headerBack).toMatchObject({ format: 'spanwright-project', format_version: 2, annotators: HEADER.annotators });
    expect(parseProjectBundle('again.spanwright', new TextEncoder().encode(written.join('\n') + '\n')).header).toEqual(header);
    expect(docsBack).toEqual([DOC]);
  });

  it('reports: a label missing from the header’s schema, or a bad header, refuses the bundle with the line', () => {
    const unknown = { ...DOC, spans: [{ ...LINE.spans[0], label: 'ORG' }], relations: [], document_annotations: [] };
    const bad = parseProjectBundle('desk.spanwright', new TextEncoder().encode(jsonl(HEADER, unknown)));
    expect(bad.result.unknownLabels.map((l) => l.name)).toEqual(['ORG']);
    const broken = parseProjectBundle('desk.spanwright', new TextEncoder().encode(jsonl({ ...HEADER, format_version: 9 }, DOC)));
    expect(broken.header).toBeNull();
    expect(broken.result.issues).toEqual([
      { file: 'desk.spanwright', line: 1, reason: expect.stringMatching(/^unsupported bundle format_version 9/) as unknown },
    ]);
  });
});

describe('plain text and plain JSONL (read only)', () => {
  it('a .txt is one document, its title the file name, its text exactly as written (CRLF, tabs), a BOM dropped', () => {
    const result = readFixture('Tram news.txt', '\uFEFFFares rose.\r\n\tThe mayor said so.\r\n');
    expect(issuesOf(result)).toEqual([]);
    const doc = result.documents[0]!;
    expect([doc.format, doc.draft.meta.title, doc.draft.text, doc.draft.spans]).toEqual([
      'text',
      'Tram news',
      'Fares rose.\r\n\tThe mayor said so.\r\n',
      [],
    ]);
    // Written as Spanwright JSONL and read again: the same text.
    const back = readFixture('back.jsonl', runExport('spanwright', [asExport(doc.draft, 'n1')]).text);
    expect(back.documents[0]?.draft.text).toBe(doc.draft.text);
  });

  it('reports: an empty or binary .txt is refused with its reason', () => {
    expect(issuesOf(readFixture('empty.txt', ''))).toEqual(['-: file is empty']);
    expect(issuesOf(readFixture('x.txt', 'ab\u0000c'))).toEqual(['1: looks like a binary file (it contains a NUL byte at byte 3)']);
  });

  it('plain JSONL: a text and metadata, no spans; unknown keys kept and written again', () => {
    const line = { id: 'n2', text: 'Nothing claimed here.', title: 'Quiet', source: 'Wire', desk: 'city' };
    const result = readFixture('corpus.jsonl', jsonl(line));
    expect(issuesOf(result)).toEqual([]);
    const doc = result.documents[0]!;
    expect([doc.format, doc.draft.id, doc.draft.meta.title, doc.draft.meta.source, doc.draft.meta.extra]).toEqual([
      'jsonl',
      'n2',
      'Quiet',
      'Wire',
      { desk: 'city' },
    ]);
    expect(JSON.parse(runExport('doccano', [asExport(doc.draft)]).text)).toEqual({ ...line, label: [] });
  });
});
