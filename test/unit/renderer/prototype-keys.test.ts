// Annotators and labels named like Object.prototype's keys (`__proto__`, `constructor`...) are
// stored, counted, exported and compared like any other name: import, storage, stats, export, agreement.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreementReport, reportToCsv } from '../../../src-shared/agreement';
import { deletionScope } from '../../../src-shared/annotations/change';
import { deleteSchemaItem } from '../../../src-shared/annotations/edits';
import { defaultSchema } from '../../../src-shared/default-schema';
import { spanCountOf, statusOf } from '../../../src-shared/document-rules';
import type { DocumentRecord } from '../../../src-shared/domain';
import { ok } from '../../../src-shared/result';
import { runStats } from '../../../src-cli/stats';
import { loadAgreementInput } from '../../../src-renderer/src/app/agreement-input';
import { prepareExport, type ExportRequest } from '../../../src-renderer/src/app/export-documents';
import { commitImport, planImport } from '../../../src-renderer/src/app/import-documents';
import { commitBuilt } from '../../../src-renderer/src/storage/commit';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const WORDS = ['one', 'two', 'three', 'four'];
const TEXT = WORDS.join(' ');

/** Every annotator (named after one of NAMES) labels word j with NAMES[j]: four spans per annotator and per label. */
function spanwrightLine(): string {
  let start = 0;
  const words = WORDS.map((word) => {
    const range = { start, end: start + word.length };
    start += word.length + 1;
    return range;
  });
  return JSON.stringify({
    format: 'spanwright',
    format_version: 2,
    id: 'doc',
    text: TEXT,
    // Object.fromEntries makes `__proto__` an own key, as JSON.parse does.
    statuses: Object.fromEntries(NAMES.map((name) => [name, 'done'])),
    annotators: NAMES.map((name) => ({ id: name, name })),
    spans: NAMES.flatMap((annotator, a) =>
      words.map((range, w) => ({ id: `s${a}${w}`, ...range, label: NAMES[w], layer: 'entity', annotator })),
    ),
  });
}

const perName = <T>(value: T) => Object.fromEntries(NAMES.map((name) => [name, value]));
const sortedEntries = (record: object) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));

let db: SpanwrightDatabase;

beforeEach(async () => {
  db = new SpanwrightDatabase(`prototype-keys-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me');
  const files = [{ name: 'names.jsonl', body: new TextEncoder().encode(spanwrightLine() + '\n') }];
  const plan = await planImport(db, 'p', defaultSchema(), files);
  expect(plan.issues).toEqual([]);
  expect(plan.unknownLabels.map((u) => [u.name, u.count])).toEqual(NAMES.map((name) => [name, 4]));
  const schema = defaultSchema();
  const outcome = await commitImport(db, plan, schema, 'me', true);
  expect(outcome).toMatchObject({ documents: 1, spans: 16, droppedSpans: 0 });
});
afterEach(() => db.delete());

async function onlyDocument(): Promise<DocumentRecord> {
  const [doc] = await db.documents.toArray();
  if (!doc) throw new Error('no document');
  return doc;
}

describe('names that are keys of Object.prototype', () => {
  it('import stores each annotator’s span count and status, and a later change recounts them', async () => {
    const doc = await onlyDocument();
    expect(Object.getPrototypeOf(doc.spanCounts)).toBe(Object.prototype);
    expect(sortedEntries(doc.spanCounts)).toEqual(sortedEntries(perName(4)));
    expect(sortedEntries(doc.statuses)).toEqual(sortedEntries(perName('done')));
    for (const name of NAMES) {
      expect(spanCountOf(doc, name)).toBe(4);
      expect(statusOf(doc, name)).toBe('done');
    }
    expect(spanCountOf(doc, 'nobody')).toBe(0);
    expect(statusOf(doc, 'nobody')).toBe('todo');
    expect((await db.annotators.toArray()).map((a) => a.id).sort()).toEqual([...NAMES].sort());
    expect((await db.projects.get('p'))?.schema.labels.map((l) => l.name)).toEqual(expect.arrayContaining(NAMES));

    // Deleting the label `constructor` takes one span from each annotator.
    await commitBuilt(db, 'p', deletionScope('label', 'constructor'), (state) => ok(deleteSchemaItem(state, 'label', 'constructor', 9)), {
      annotator: 'me',
    });
    const after = await onlyDocument();
    expect(sortedEntries(after.spanCounts)).toEqual(sortedEntries(perName(3)));
    expect(sortedEntries(after.statuses)).toEqual(sortedEntries(perName('done')));
  });

  it('exports every annotator and label, in Spanwright JSONL and Label Studio', async () => {
    const doc = await onlyDocument();
    const project = await db.projects.get('p');
    const request = (format: ExportRequest['format']): ExportRequest => ({
      format,
      layers: ['entity', 'claim'],
      labelMap: {},
      selection: { annotators: 'all', primary: 'me', names: new Map(NAMES.map((n) => [n, n])) },
      split: null,
      schemaLabels: project?.schema.labels.map((l) => l.name) ?? [],
    });

    const spanwright = await prepareExport(db, [doc], request('spanwright'), 'Test');
    const line = JSON.parse(String(spanwright?.parts.join('')).trim()) as {
      statuses: Record<string, string>;
      spans: Array<{ label: string; annotator: string }>;
    };
    expect(sortedEntries(line.statuses)).toEqual(sortedEntries(perName('done')));
    expect(line.spans).toHaveLength(16);
    for (const name of NAMES) {
      expect(line.spans.filter((s) => s.label === name)).toHaveLength(4);
      expect(line.spans.filter((s) => s.annotator === name)).toHaveLength(4);
    }
    expect(spanwright?.summary.spansPerLabel).toEqual(expect.arrayContaining(NAMES.map((label) => ({ label, count: 4 }))));

    const labelStudio = await prepareExport(db, [doc], request('label-studio'), 'Test');
    const text = String(labelStudio?.parts.join(''));
    for (const name of NAMES) expect(text).toContain(JSON.stringify(name));
    expect(labelStudio?.summary.spans).toBe(16);
    expect(labelStudio?.summary.spansPerLabel).toEqual(expect.arrayContaining(NAMES.map((label) => ({ label, count: 4 }))));
  });

  it('agreement compares the annotators and scores each label', async () => {
    const input = await loadAgreementInput(db, 'p', null, NAMES, new Map(NAMES.map((n) => [n, n])));
    const report = agreementReport(input.documents, input.annotationSets, { ...input.schema, scope: 'done' });
    expect(report.scope.compared).toHaveLength(1);
    expect(report.pairs).toHaveLength(6);
    for (const pair of report.pairs) {
      expect(pair.exact.overall).toMatchObject({ tp: 4, fp: 0, fn: 0, f1: 1 });
      expect(pair.exact.labels.map((l) => [l.label, l.tp]).sort()).toEqual(NAMES.map((name) => [name, 1]).sort());
    }
    const csv = reportToCsv(report);
    for (const name of NAMES) expect(csv).toContain(`,exact,entity,${name},1,0,0,1,1,1,`);
  });
});

describe('spanwright stats with names that are keys of Object.prototype', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanwright-prototype-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts spans per label and annotator, and statuses per annotator', async () => {
    const file = join(dir, 'names.jsonl');
    writeFileSync(file, spanwrightLine() + '\n');
    let stdout = '';
    let stderr = '';
    const exit = await runStats([file, '--json'], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
    expect(stderr).toBe('');
    expect(exit).toBe(0);
    const stats = JSON.parse(stdout) as {
      labels: Record<string, number>;
      annotators: Record<string, number>;
      annotatorStatuses: Record<string, Record<string, number>>;
    };
    expect(sortedEntries(stats.labels)).toEqual(sortedEntries(perName(4)));
    expect(sortedEntries(stats.annotators)).toEqual(sortedEntries(perName(4)));
    expect(sortedEntries(stats.annotatorStatuses)).toEqual(sortedEntries(perName({ done: 1 })));

    stdout = '';
    expect(await runStats([file], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) })).toBe(0);
    for (const name of NAMES) expect(stdout).toMatch(new RegExp(`^ {4}${name} +4$`, 'm'));
    expect(stdout).not.toContain('native code');
  });
});
