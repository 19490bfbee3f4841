// Spanwright JSONL version 2 and project bundles carry relations, span notes, multi-valued
// attributes, and every annotator's document labels and notes, losslessly: export, then
// import into a new project, then export again gives the same bytes (docs/formats.md).
import { describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentAnnotation, Relation, Span } from '../../../src-shared/domain';
import type { ExportDocument } from '../../../src-shared/formats/format-module';
import { parseImportFile } from '../../../src-shared/formats/import';
import { bundleHeaderLine, parseProjectBundle } from '../../../src-shared/formats/project-bundle';
import { fromDraft, runExport } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const TEXT = 'The new arrivals 🚋 were 75 Guatemalans, a communications officer for the mission said.';

function span(id: string, part: string, label: string, annotator: string, extra: Partial<Span> = {}): Span {
  const start = TEXT.indexOf(part);
  return {
    id,
    projectId: 'p',
    documentId: 'd',
    annotator,
    layer: 'entity',
    label,
    start,
    end: start + part.length,
    text: part,
    attributes: {},
    origin: 'manual',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

function relation(id: string, type: string, from: string, to: string, annotator: string, extra: Partial<Relation> = {}): Relation {
  return { id, projectId: 'p', documentId: 'd', annotator, type, from, to, origin: 'manual', createdAt: 0, updatedAt: 0, ...extra };
}

function annotation(annotator: string, labels: Record<string, string[]>, note: string): DocumentAnnotation {
  return { projectId: 'p', documentId: 'd', annotator, labels, note, updatedAt: 0 };
}

function document(): ExportDocument {
  return {
    id: 'arrivals',
    meta: { title: 'Arrivals' },
    status: 'in_progress',
    statuses: { ana: 'done', ben: 'in_progress' },
    annotators: [
      { id: 'ana', name: 'Ana' },
      { id: 'ben', name: 'Ben' },
    ],
    text: TEXT,
    spans: [
      span('c1', 'The new arrivals 🚋 were 75 Guatemalans', 'CLAIM', 'ana', {
        layer: 'claim',
        attributes: { checkworthy: 'yes', claim_type: ['statistic', 'quote'], confidence: 0.8, verified: false },
        note: 'Which mission?',
      }),
      span('p1', 'a communications officer for the mission', 'PERSON', 'ana', { attributes: { kb_id: 'Q1' } }),
      span('g1', 'Guatemalans', 'NORP', 'ana'),
      span('c2', 'The new arrivals 🚋 were 75 Guatemalans', 'CLAIM', 'ben', { layer: 'claim' }),
      span('p2', 'a communications officer', 'PERSON', 'ben'),
    ],
    relations: [
      relation('r2', 'ABOUT', 'c1', 'g1', 'ana'),
      relation('r1', 'SOURCE', 'c1', 'p1', 'ana', { note: 'said, not wrote' }),
      relation('r3', 'SOURCE', 'c2', 'p2', 'ben', { origin: 'imported' }),
    ],
    documentAnnotations: [
      annotation('ben', { topic: ['migration'] }, ''),
      annotation('ana', { topic: ['migration', 'politics'], risk: ['low'] }, 'Check the figure with the mission.'),
    ],
  };
}

describe('Spanwright JSONL version 2', () => {
  it('writes notes, multi-valued attributes, relations by span id and each annotator’s document annotations', () => {
    const line = JSON.parse(runExport('spanwright', [document()]).text) as Record<string, unknown>;
    expect(line['format_version']).toBe(2);
    const spans = line['spans'] as Array<Record<string, unknown>>;
    expect(spans.find((s) => s['id'] === 'c1')).toMatchObject({
      note: 'Which mission?',
      attributes: { claim_type: ['statistic', 'quote'] },
    });
    expect(spans.find((s) => s['id'] === 'p1')).not.toHaveProperty('note');
    // In span order of their ends: Guatemalans comes before the officer.
    expect(line['relations']).toEqual([
      { id: 'r2', type: 'ABOUT', from: 'c1', to: 'g1', annotator: 'ana', origin: 'manual' },
      { id: 'r1', type: 'SOURCE', from: 'c1', to: 'p1', annotator: 'ana', origin: 'manual', note: 'said, not wrote' },
      { id: 'r3', type: 'SOURCE', from: 'c2', to: 'p2', annotator: 'ben', origin: 'imported' },
    ]);
    expect(line['document_annotations']).toEqual([
      { annotator: 'ana', labels: { risk: ['low'], topic: ['migration', 'politics'] }, note: 'Check the figure with the mission.' },
      { annotator: 'ben', labels: { topic: ['migration'] }, note: '' },
    ]);
  });

  it('export -> import into a new project -> export is byte-identical', () => {
    const first = runExport('spanwright', [document()]);
    expect(first.leftOut).toEqual([]);
    const imported = parseImportFile('export.jsonl', utf8(first.text), []);
    expect(imported.issues).toEqual([]);
    const draft = imported.documents[0]?.draft;
    if (!draft) throw new Error('not imported');
    expect(draft.relations).toEqual([
      // Ends are indexes into the draft's spans: c1, c2, g1, p2, p1.
      { type: 'ABOUT', from: 0, to: 2, sourceId: 'r2', annotator: 'ana', origin: 'manual' },
      { type: 'SOURCE', from: 0, to: 4, sourceId: 'r1', annotator: 'ana', origin: 'manual', note: 'said, not wrote' },
      { type: 'SOURCE', from: 1, to: 3, sourceId: 'r3', annotator: 'ben', origin: 'imported' },
    ]);
    expect(draft.documentAnnotations).toEqual([
      { annotator: 'ana', labels: { risk: ['low'], topic: ['migration', 'politics'] }, note: 'Check the figure with the mission.' },
      { annotator: 'ben', labels: { topic: ['migration'] }, note: '' },
    ]);
    expect(runExport('spanwright', [fromDraft(draft, 'x')]).text).toBe(first.text);
  });

  it('leaves out, and reports, a relation whose end is not exported', () => {
    const run = runExport('spanwright', [document()], { labelMap: { NORP: null } });
    expect(run.text).not.toContain('"r2"');
    expect(
      run.leftOut.map((l) => [l.reason, l.dropped, l.spans.map((s) => s.id), l.relations?.map((r) => [r.id, r.from?.id, r.to?.id])]),
    ).toEqual([
      ['label-dropped', true, ['g1'], undefined],
      ['relation-end-left-out', true, [], [['r2', 'c1', 'g1']]],
    ]);
  });

  it('still reads version 1 lines, where "relations" is metadata', () => {
    const v1 = {
      format: 'spanwright',
      format_version: 1,
      text: 'Ana spoke.',
      spans: [{ id: 'a', start: 0, end: 3, label: 'PER', note: 'x' }],
      relations: 'kept',
    };
    const draft = parseImportFile('v1.jsonl', utf8(JSON.stringify(v1)), []).documents[0]?.draft;
    expect(draft?.relations).toBeUndefined();
    expect(draft?.spans[0]?.note).toBeUndefined();
    expect(draft?.meta.extra).toEqual({ relations: 'kept' });
  });

  it('refuses a line whose relation points at no span of it, or at another annotator’s span', () => {
    const line = (relations: unknown[]) =>
      JSON.stringify({
        format: 'spanwright',
        format_version: 2,
        text: 'Ana met Ben.',
        spans: [
          { id: 'a', start: 0, end: 3, label: 'PER', annotator: 'ana' },
          { id: 'b', start: 8, end: 11, label: 'PER', annotator: 'ben' },
        ],
        relations,
      });
    const reason = (relations: unknown[]) => parseImportFile('r.jsonl', utf8(line(relations)), []).issues[0]?.reason;
    expect(reason([{ type: 'MET', from: 'a', to: 'zz' }])).toBe('relation 1 "to" "zz" is not the id of a span of this document');
    expect(reason([{ type: 'MET', from: 'a', to: 'b', annotator: 'ana' }])).toBe(
      'relation 1 links spans of another annotator than its own ("ana")',
    );
    expect(reason([{ from: 'a', to: 'b' }])).toBe('relation 1 has no type (expected a non-empty string, found nothing)');
    expect(
      parseImportFile(
        'r.jsonl',
        utf8(JSON.stringify({ format: 'spanwright', text: 'x', document_annotations: [{ labels: { topic: 'a' } }] })),
        [],
      ).issues[0]?.reason,
    ).toBe('document_annotations[0] "labels" of category "topic" must be a list of strings');
  });
});

describe('project bundle with relations and document annotations', () => {
  it('restores them, and the documents export again byte for byte', () => {
    const line = runExport('spanwright', [document()]).text;
    const header = bundleHeaderLine({ name: 'Desk', schema: defaultSchema(), guidelines: '', annotators: [{ id: 'ana', name: 'Ana' }] });
    const { header: read, result } = parseProjectBundle('desk.spanwright', utf8(`${header}\n${line}`));
    expect(read?.schema.relationTypes.map((t) => t.name)).toEqual(defaultSchema().relationTypes.map((t) => t.name));
    expect(result.issues).toEqual([]);
    const draft = result.documents[0]?.draft;
    if (!draft) throw new Error('not imported');
    expect(draft.relations).toHaveLength(3);
    expect(draft.documentAnnotations).toHaveLength(2);
    expect(runExport('spanwright', [fromDraft(draft, 'x')]).text).toBe(line);
  });
});
