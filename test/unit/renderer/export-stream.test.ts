// The streamed export (a summary pass, then a save pass reading a batch at a time) writes what
// the core exporter writes over all documents at once, across batch boundaries.
// First: Dexie looks for indexedDB when it loads, and the app modules below load it.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExporter } from '../../../src-shared/formats/exporter';
import type { DocumentRecord } from '../../../src-shared/domain';
import { prepareExport } from '../../../src-renderer/src/app/export-documents';
import type { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { bytesOf, exportFixture, request, text } from './export-fixture';

let db: SpanwrightDatabase;
let documents: DocumentRecord[];
beforeAll(async () => ({ db, documents } = await exportFixture(false)), 120_000);

describe('streamed export', () => {
  it.each(['spanwright', 'doccano', 'label-studio'] as const)('%s gives the bytes of one pass of the exporter', async (format) => {
    const req = request(format, false, ['ann']);
    const prepared = await prepareExport(db, documents, req, 'P');
    const exporter = createExporter(format, { layers: req.layers, labelMap: req.labelMap, labels: req.schemaLabels, documentCategories: req.documentCategories, attributeTypes: {} });
    const spans = await db.spans.toArray();
    const relations = await db.relations.toArray();
    const notes = await db.documentAnnotations.toArray();
    const whole = [exporter.header()];
    for (const doc of documents) {
      const i = Number(doc.id.slice(1));
      whole.push(
        exporter.document({
          id: doc.sourceId,
          meta: doc.meta,
          status: doc.statuses['ann'] ?? 'todo',
          statuses: doc.statuses,
          annotators: [...new Set([...spans.filter((s) => s.documentId === doc.id && s.annotator === 'ann').map((s) => s.annotator), ...Object.keys(doc.statuses)])].map((id) => ({ id, name: 'Ann' })),
          text: text(i, false),
          spans: spans.filter((s) => s.documentId === doc.id && s.annotator === 'ann'),
          relations: relations.filter((r) => r.documentId === doc.id),
          documentAnnotations: notes.filter((n) => n.documentId === doc.id),
        }).chunk,
      );
    }
    whole.push(exporter.footer());
    expect(new TextDecoder().decode(bytesOf(prepared?.parts ?? []))).toBe(whole.join(''));
    expect(prepared?.summary.documents).toBe(documents.length);
  }, 120_000);

  it('stops when cancelled', async () => {
    expect(await prepareExport(db, documents, request('spanwright', false), 'P', undefined, () => true)).toBeNull();
  });
});
