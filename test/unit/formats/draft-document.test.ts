// A document read from a file, rebuilt for the exporters (the CLI's convert and merge): span
// and relation ids are unique within the document, and every relation keeps its two ends.
import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../src-shared/domain';
import { draftToExportDocument } from '../../../src-shared/formats/draft-document';
import { runExport } from './helpers';

const TEXT = 'Ana Ruiz said the tram is late.';

const defaults = {
  id: 'doc-1',
  spanId: (index: number) => `doc-1-s${index + 1}`,
  relationId: (index: number) => `doc-1-r${index + 1}`,
  annotator: '',
  origin: 'imported' as const,
};

describe('draftToExportDocument', () => {
  it("keeps the file's ids while they are free, and gives a repeated or missing id one no item names", () => {
    const draft: DocumentDraft = {
      text: TEXT,
      meta: { title: 'late' },
      spans: [
        { label: 'PERSON', start: 0, end: 8, sourceId: 's1' },
        { layer: 'claim', label: 'CLAIM', start: 14, end: 30, sourceId: 's1' },
        // No id: its default would be doc-1-s3, which the next span names.
        { label: 'VEHICLE', start: 18, end: 22 },
        { label: 'X', start: 9, end: 13, sourceId: 'doc-1-s3' },
      ],
      relations: [
        { type: 'SOURCE', from: 1, to: 0, sourceId: 'r' },
        { type: 'ABOUT', from: 1, to: 2, sourceId: 'r' },
      ],
    };
    const doc = draftToExportDocument(draft, defaults);
    expect(doc.spans.map((s) => [s.id, s.label])).toEqual([
      ['s1', 'PERSON'],
      ['doc-1-s2', 'CLAIM'],
      ['doc-1-s3-2', 'VEHICLE'],
      ['doc-1-s3', 'X'],
    ]);
    expect(doc.relations?.map((r) => [r.id, r.from, r.type, r.to])).toEqual([
      ['r', 'doc-1-s2', 'SOURCE', 's1'],
      ['doc-1-r2', 'doc-1-s2', 'ABOUT', 'doc-1-s3-2'],
    ]);
  });

  it('gives exporters relations whose ends are all written', () => {
    const draft: DocumentDraft = {
      text: TEXT,
      meta: { title: 'late' },
      spans: [
        { label: 'PERSON', start: 0, end: 8, sourceId: '1' },
        { label: 'VEHICLE', start: 18, end: 22, sourceId: '1' },
      ],
      relations: [{ type: 'DRIVEN_BY', from: 1, to: 0 }],
    };
    const run = runExport('doccano', [draftToExportDocument(draft, defaults)]);
    expect(run.leftOut).toEqual([]);
    const line = JSON.parse(run.text) as {
      entities: Array<{ id: number; label: string }>;
      relations: Array<{ from_id: number; to_id: number }>;
    };
    const label = (id: number) => line.entities.find((e) => e.id === id)?.label;
    expect(line.relations.map((r) => [label(r.from_id), label(r.to_id)])).toEqual([['VEHICLE', 'PERSON']]);
  });
});
