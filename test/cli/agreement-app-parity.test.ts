// The app and `spanwright agree` give the same figures for the same data and scope: the app's
// report read from its database, and the command's report of each annotator's export of it.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAgreement, loadAgreementInput } from '../../src-renderer/src/app/agreement-input';
import { prepareExport } from '../../src-renderer/src/app/export-documents';
import { SpanwrightDatabase } from '../../src-renderer/src/storage/database';
import { runAgree } from '../../src-cli/agree';
import { DOCUMENT_SCOPES, reportToJson } from '../../src-shared/agreement';
import { defaultSchema } from '../../src-shared/default-schema';
import type { DocumentRecord, DocumentStatus, LayerId, Span } from '../../src-shared/domain';

// d1: both Done, emoji before overlapping spans. d2: Ann Done, Bob never opened it. d3: both Done, nobody
// marked anything. d4: Ann in progress, Bob Done, both with spans.
const TEXTS: Record<string, string> = {
  d1: '😀😀 Dana Whitcombe of Coastlink met 🚋 Amir Haddad at Quay Street station.',
  d2: 'Paris is big, said Ana.',
  d3: 'Nothing to mark here.',
  d4: 'Harbour city opens new tram line, the mayor said.',
};
const STATUSES: Record<string, Record<string, DocumentStatus>> = {
  d1: { ann: 'done', bob: 'done' },
  d2: { ann: 'done' },
  d3: { ann: 'done', bob: 'done' },
  d4: { ann: 'in_progress', bob: 'done' },
};
const SPANS: Array<[string, string, LayerId, string, string]> = [
  ['d1', 'ann', 'entity', 'PERSON', 'Dana Whitcombe'],
  ['d1', 'ann', 'entity', 'ORG', 'Whitcombe of Coastlink'],
  ['d1', 'ann', 'entity', 'PERSON', 'Amir Haddad'],
  ['d1', 'ann', 'entity', 'LOC', 'Quay Street station'],
  ['d1', 'bob', 'entity', 'PERSON', 'Dana Whitcombe of'],
  ['d1', 'bob', 'entity', 'ORG', 'Coastlink'],
  ['d1', 'bob', 'entity', 'PERSON', '🚋 Amir'],
  ['d1', 'bob', 'entity', 'LOC', 'Quay Street'],
  ['d1', 'bob', 'claim', 'CLAIM', 'Dana Whitcombe of Coastlink met'],
  ['d2', 'ann', 'entity', 'LOC', 'Paris'],
  ['d2', 'ann', 'claim', 'CLAIM', 'Paris is big'],
  ['d4', 'ann', 'claim', 'CLAIM', 'Harbour city opens new tram line'],
  ['d4', 'bob', 'claim', 'CLAIM', 'opens new tram line'],
  ['d4', 'bob', 'entity', 'PERSON', 'the mayor'],
];
const NAMES = new Map([
  ['ann', 'Ann'],
  ['bob', 'Bob'],
]);

let db: SpanwrightDatabase;
let dir = '';
const files: Record<string, string> = {};

function record(id: string, order: number): DocumentRecord {
  const spanCounts: Record<string, number> = {};
  for (const [documentId, who] of SPANS) if (documentId === id) spanCounts[who] = (spanCounts[who] ?? 0) + 1;
  const text = TEXTS[id] ?? '';
  return {
    id,
    projectId: 'p',
    sourceId: id,
    order,
    meta: { title: `Title ${id}` },
    textHash: id,
    textLength: text.length,
    statuses: STATUSES[id] ?? {},
    spanCounts,
    createdAt: 0,
    updatedAt: 0,
  };
}

function span([documentId, annotator, layer, label, piece]: (typeof SPANS)[number], i: number): Span {
  const text = TEXTS[documentId] ?? '';
  const start = text.indexOf(piece);
  if (start < 0) throw new Error(piece);
  return {
    id: `s${i}`,
    projectId: 'p',
    documentId,
    annotator,
    layer,
    label,
    start,
    end: start + piece.length,
    text: piece,
    attributes: {},
    origin: 'manual',
    createdAt: 0,
    updatedAt: 0,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-parity-'));
  db = new SpanwrightDatabase(`parity-${Math.random()}`);
  const schema = defaultSchema();
  await db.projects.put({ id: 'p', name: 'P', schema, guidelines: '', createdAt: 0, updatedAt: 0 });
  const documents = Object.keys(TEXTS).map(record);
  await db.documents.bulkPut(documents);
  await db.texts.bulkPut(Object.entries(TEXTS).map(([documentId, text]) => ({ documentId, text })));
  await db.spans.bulkPut(SPANS.map(span));
  // Each annotator's work as the app exports it (Spanwright JSONL), one file each, and the schema.
  for (const who of ['ann', 'bob']) {
    const prepared = await prepareExport(
      db,
      documents,
      {
        format: 'spanwright',
        layers: ['entity', 'claim'],
        labelMap: {},
        selection: { annotators: [who], primary: who, names: NAMES },
        split: null,
        schemaLabels: schema.labels.map((label) => label.name),
      },
      'P',
    );
    if (!prepared) throw new Error('export cancelled');
    files[who] = join(dir, `${who}.jsonl`);
    writeFileSync(files[who], prepared.parts.map((part) => (typeof part === 'string' ? part : new TextDecoder().decode(part))).join(''));
  }
  writeFileSync(join(dir, 'schema.json'), JSON.stringify(schema));
});

afterAll(() => {
  db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the app and spanwright agree', () => {
  it.each(DOCUMENT_SCOPES)('give the same report for the scope %s', async (scope) => {
    const input = await loadAgreementInput(db, 'p', null, ['ann', 'bob'], NAMES);
    const app = await computeAgreement(input, { scope }).report;

    let stdout = '';
    let stderr = '';
    const status = await runAgree(
      [files.ann as string, files.bob as string, '--json', '--scope', scope, '--schema', join(dir, 'schema.json')],
      {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
      },
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(reportToJson(app));
  });

  it('compares what the scope says: Done by both is d1 only, annotated adds d4, all adds d2; d3 never counts', async () => {
    const input = await loadAgreementInput(db, 'p', null, ['ann', 'bob'], NAMES);
    const scopes = await Promise.all(DOCUMENT_SCOPES.map(async (scope) => (await computeAgreement(input, { scope }).report).scope));
    expect(scopes).toEqual([
      { scope: 'done', compared: ['d1'], withoutSpans: ['d3'], outOfScope: ['d2', 'd4'], keptOutBy: { d2: ['Bob'], d4: ['Ann'] } },
      { scope: 'annotated', compared: ['d1', 'd4'], withoutSpans: ['d3'], outOfScope: ['d2'], keptOutBy: { d2: ['Bob'] } },
      { scope: 'all', compared: ['d1', 'd2', 'd4'], withoutSpans: ['d3'], outOfScope: [], keptOutBy: {} },
    ]);
  });
});
