// A project for export tests: documents (list order not id order), spans in two layers by two
// annotators, overlaps, attributes, notes, relations and document notes, in a real (fake) IndexedDB.
import 'fake-indexeddb/auto';
import { defaultSchema } from '../../../src-shared/default-schema';
import type { DocumentRecord, Relation, Span } from '../../../src-shared/domain';
import { defaultLayers, type FormatId } from '../../../src-shared/formats/registry';
import { unzipFiles } from '../../../src-shared/formats/zip-archive';
import type { ExportRequest } from '../../../src-renderer/src/app/export-documents';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';

export const COUNT = 230; // more than two batches of 100

export function text(i: number, long: boolean): string {
  const base = `Report ${i}: Mayor Ana Ruiz said the tram line in Valdeluz carried ${i} passengers. 🚋`;
  return long ? Array.from({ length: 200 }, () => base).join('\n') : base;
}

export async function exportFixture(long: boolean): Promise<{ db: SpanwrightDatabase; documents: DocumentRecord[] }> {
  const db = new SpanwrightDatabase(`export-stream-${Math.random()}`);
  const schema = defaultSchema();
  await db.projects.put({ id: 'p', name: 'P', schema, guidelines: '', createdAt: 0, updatedAt: 0 });
  // Another project's document: never exported.
  const records: DocumentRecord[] = [];
  const spans: Span[] = [];
  const relations: Relation[] = [];
  for (let i = 0; i < COUNT; i++) {
    const id = `d${String(i).padStart(4, '0')}`;
    const body = text(i, long);
    records.push({
      id,
      projectId: 'p',
      sourceId: i === 7 ? '__proto__' : `src-${(i * 37) % COUNT}`,
      order: i,
      meta: { title: `Doc ${i}` },
      textHash: id,
      textLength: body.length,
      statuses: i % 3 === 0 ? { ann: 'done' } : {},
      spanCounts: {},
      createdAt: 0,
      updatedAt: 0,
    });
    if (i % 5 === 4) continue; // some documents without spans
    const at = (piece: string) => ({ start: body.indexOf(piece), end: body.indexOf(piece) + piece.length, text: piece });
    const span = (n: number, piece: string, label: string, layer: Span['layer'], annotator: string): Span => ({
      id: `s${n}`,
      projectId: 'p',
      documentId: id,
      annotator,
      layer,
      label,
      ...at(piece),
      attributes: i % 4 === 0 ? { kb_id: 'Q1' } : {},
      origin: 'manual',
      ...(i % 6 === 0 ? { note: 'check' } : {}),
      createdAt: 0,
      updatedAt: 0,
    });
    spans.push(span(i * 10 + 1, 'Ana Ruiz', i % 2 ? 'PERSON' : 'ORG', 'entity', 'ann'));
    spans.push(span(i * 10 + 2, 'Valdeluz', 'LOC', 'entity', i % 7 ? 'ann' : 'bob'));
    spans.push(span(i * 10 + 3, 'the tram line in Valdeluz carried', 'CLAIM', 'claim', 'ann'));
    spans.push(span(i * 10 + 4, 'Ana Ruiz said', 'LOC', 'entity', 'ann')); // overlaps: some formats drop it
    relations.push({ id: `r${i}`, projectId: 'p', documentId: id, annotator: 'ann', type: 'said', from: `s${i * 10 + 1}`, to: `s${i * 10 + 3}`, origin: 'manual', createdAt: 0, updatedAt: 0 });
  }
  await db.documents.bulkPut(records);
  await db.texts.bulkPut(records.map((r, i) => ({ documentId: r.id, text: text(i, long) })));
  await db.spans.bulkPut(spans);
  await db.relations.bulkPut(relations);
  await db.documentAnnotations.bulkPut(
    records.filter((_, i) => i % 9 === 0).map((r) => ({ projectId: 'p', documentId: r.id, annotator: 'ann', labels: {}, note: 'a note', updatedAt: 0 })),
  );
  // The list order is not the id order.
  const documents = [...records].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1));
  return { db, documents };
}

export function request(format: FormatId, split: boolean, annotators: ExportRequest['selection']['annotators'] = 'all'): ExportRequest {
  const schema = defaultSchema();
  const layers = defaultLayers(format);
  return {
    format,
    layers,
    labelMap: { ORG: 'COMPANY' },
    selection: { annotators, primary: 'ann', names: new Map([['ann', 'Ann']]) },
    split: split ? { ratios: { train: 80, dev: 10, test: 10 }, seed: 7, stratify: true } : null,
    schemaLabels: schema.labels.filter((l) => layers.includes(l.layer)).map((l) => l.name),
    documentCategories: schema.documentCategories,
  };
}

export function bytesOf(parts: ReadonlyArray<string | Uint8Array>): Uint8Array {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}

export function filesOf(bytes: Uint8Array): Record<string, string> {
  const result = unzipFiles(bytes);
  if (!('files' in result)) throw new Error(result.reason);
  return Object.fromEntries(result.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]));
}

