// Document labels beside Hugging Face token files (a text-classification JSONL, as the
// `datasets` library loads with `load_dataset("json", ...)`,
// https://huggingface.co/docs/datasets/loading#json), and claims with their attributes, notes
// and SOURCE relations in the claim detection JSONL (docs/formats.md).
import { describe, expect, it } from 'vitest';
import type { DocumentAnnotation, Relation, Span } from '../../../src-shared/domain';
import type { ExportDocument } from '../../../src-shared/formats/format-module';
import { runExport } from './helpers';

const TEXT = 'The new arrivals were 75 Guatemalans, an officer for the mission said.';

function span(id: string, part: string, label: string, extra: Partial<Span> = {}): Span {
  const start = TEXT.indexOf(part);
  return {
    id,
    projectId: 'p',
    documentId: 'd',
    annotator: 'ana',
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
const relation = (id: string, type: string, from: string, to: string): Relation => ({
  id,
  projectId: 'p',
  documentId: 'd',
  annotator: 'ana',
  type,
  from,
  to,
  origin: 'manual',
  createdAt: 0,
  updatedAt: 0,
});
const annotation = (annotator: string, labels: Record<string, string[]>, note = ''): DocumentAnnotation => ({
  projectId: 'p',
  documentId: 'd',
  annotator,
  labels,
  note,
  updatedAt: 0,
});

function document(): ExportDocument {
  return {
    id: 'arrivals',
    meta: { title: 'Arrivals' },
    status: 'done',
    text: TEXT,
    spans: [
      span('c1', 'The new arrivals were 75 Guatemalans', 'CLAIM', {
        layer: 'claim',
        attributes: { checkworthy: 'yes', claim_type: ['statistic'] },
        note: 'Which mission?',
      }),
      span('p1', 'an officer for the mission', 'PERSON'),
      span('g1', 'Guatemalans', 'NORP'),
    ],
    relations: [relation('r1', 'SOURCE', 'c1', 'p1'), relation('r2', 'ABOUT', 'c1', 'g1')],
    documentAnnotations: [
      annotation('ben', { topic: ['migration'] }),
      annotation('ana', { topic: ['politics', 'migration'], risk: ['low'] }, 'a note'),
    ],
  };
}

describe('Hugging Face: document labels beside the token file', () => {
  it('writes document-labels.jsonl with every annotator’s values by category, for documents that have some', () => {
    const unlabelled: ExportDocument = { ...document(), id: 'plain', documentAnnotations: [] };
    const run = runExport('hf-token', [document(), unlabelled]);
    expect(run.files).toEqual([
      {
        path: 'document-labels.jsonl',
        content: JSON.stringify({ id: 'arrivals', text: TEXT, labels: { risk: ['low'], topic: ['politics', 'migration'] } }) + '\n',
      },
    ]);
    expect(run.leftOut.filter((l) => l.documentId === 'arrivals').map((l) => l.reason)).toEqual([
      'layer',
      'relations-not-held',
      'document-notes-not-held',
    ]);
  });

  it('writes no side file when no document has labels', () => {
    expect(runExport('hf-token', [{ ...document(), documentAnnotations: [] }]).files).toEqual([]);
  });
});

describe('claim detection JSONL: attributes, notes and sources', () => {
  it('puts each claim’s attributes, note and SOURCE targets (document offsets) in its sentence line', () => {
    const run = runExport('claims', [document()]);
    const line = JSON.parse(run.text.split('\n')[0] ?? '') as { claims: unknown[] };
    expect(line.claims).toEqual([
      {
        start: 0,
        end: 36,
        text: 'The new arrivals were 75 Guatemalans',
        label: 'CLAIM',
        attributes: { checkworthy: 'yes', claim_type: ['statistic'] },
        note: 'Which mission?',
        sources: [{ text: 'an officer for the mission', label: 'PERSON', doc_start: 38, doc_end: 64 }],
      },
    ]);
    expect(run.leftOut.map((l) => [l.reason, l.spans.map((s) => s.id), (l.relations ?? []).map((r) => r.id)])).toEqual([
      ['layer', ['g1', 'p1'], []],
      ['relations-not-held', [], ['r2']],
      ['document-labels-not-held', [], []],
      ['document-notes-not-held', [], []],
    ]);
  });

  it('leaves out, and reports, a source whose label is dropped', () => {
    const run = runExport('claims', [document()], { labelMap: { PERSON: null } });
    expect(run.text).not.toContain('sources');
    expect(run.leftOut.find((l) => l.reason === 'relation-end-left-out')?.relations?.map((r) => r.id)).toEqual(['r1']);
  });
});
