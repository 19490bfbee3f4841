// A project bundle restored through the import worker's code (bundle-job.ts), run in-line: read a
// slice at a time and written a chunk at a time, with the project itself, in one transaction, so
// a cancel or a bad line anywhere leaves no new project.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { bundleHeaderLine } from '../../../src-shared/formats/project-bundle';
import { ImportCancelledError } from '../../../src-renderer/src/app/import-job';
import { inlineImportRunner } from '../../../src-renderer/src/app/import-runner';
import { importProjectBundle } from '../../../src-renderer/src/app/project-bundle';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { createProject } from '../../../src-renderer/src/storage/projects';
import { readSetting, SETTING, isStringList } from '../../../src-renderer/src/storage/settings';

const me = { id: 'me', name: 'Me' };
let db: SpanwrightDatabase;
beforeEach(async () => {
  db = new SpanwrightDatabase(`bundle-import-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Tram desk', schema: defaultSchema() }, 'me');
});
afterEach(() => db.delete());

/** Small slices and chunks, to see several of each in a small file. */
const runner = () => inlineImportRunner(db, { sliceBytes: 4096, chunkDocuments: 100, chunkWeight: 1_000_000 });

function documentLine(i: number, label = 'PERSON'): string {
  const text = `Ana Ruiz opened tram line ${i} ${'é'.repeat(i % 7)}.`;
  return JSON.stringify({
    format: 'spanwright',
    format_version: 1,
    offset_unit: 'codepoint',
    id: `d${i}`,
    text,
    meta: { title: `Report ${i}` },
    status: 'done',
    spans: [{ layer: 'entity', label, start: 0, end: 8, text: 'Ana Ruiz', annotator: 'ana', attributes: {}, origin: 'manual' }],
  });
}

/** A bundle of `count` documents (d0, d1...), the reviewer having rejected an item of d7; `lines` replaces some document lines. */
function bundle(count: number, lines: Record<number, string> = {}): Uint8Array {
  const header = bundleHeaderLine({
    name: 'Tram desk',
    schema: defaultSchema(),
    guidelines: 'Mark every person.',
    annotators: [{ id: 'ana', name: 'Ana' }],
    reviewRejected: { d7: ['entity:ana/0-8/PERSON'] },
  });
  const body = Array.from({ length: count }, (_, i) => lines[i] ?? documentLine(i));
  return new TextEncoder().encode([header, ...body].join('\n') + '\n');
}

/** Everything outside the project that was there before (`p`): what a refused or cancelled restore must not leave. */
const outside = async () => ({
  projects: await db.projects.count(),
  documents: await db.documents.count(),
  texts: await db.texts.count(),
  spans: await db.spans.count(),
  log: await db.changeLog.count(),
  settings: await db.settings.count(),
  annotators: await db.annotators.count(),
});

describe('restoring a project bundle, streamed', { timeout: 120_000 }, () => {
  it('reads a bundle larger than a slice and writes it in chunks: a new project with every document, in order, once', async () => {
    const bytes = bundle(450);
    expect(bytes.length).toBeGreaterThan(8 * 4096);
    const seen: number[] = [];
    const restored = await importProjectBundle(db, { name: 'desk.spanwright', body: bytes }, me, {
      onProgress: (done) => seen.push(done),
      runner: runner(),
    });
    // The name is taken here: the restored project gets the next free one.
    expect(restored).toMatchObject({ name: 'Tram desk (2)', documents: 450, spans: 450 });
    const project = await db.projects.get(restored.id);
    expect(project).toMatchObject({ guidelines: 'Mark every person.' });
    const documents = (await db.documents.where('projectId').equals(restored.id).toArray()).sort((a, b) => a.order - b.order);
    expect(documents.map((d) => d.sourceId)).toEqual(Array.from({ length: 450 }, (_, i) => `d${i}`));
    expect(await db.spans.where('projectId').equals(restored.id).count()).toBe(450);
    expect((await db.annotators.get('ana'))?.name).toBe('Ana');
    // Progress moved within the file, slice by slice; one change per chunk of 100 in the log.
    expect(seen.length).toBeGreaterThan(8);
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await db.changeLog.where('projectId').equals(restored.id).count()).toBe(5);
    // The reviewer's rejection follows its document.
    const d7 = documents[7];
    expect(await readSetting(db, SETTING.reviewRejected(d7?.id ?? ''), isStringList)).toEqual(['entity:ana/0-8/PERSON']);
  });

  it('cancelled after its first chunks, leaves no new project: no document, span, log entry, setting or annotator', async () => {
    const before = await outside();
    const controller = new AbortController();
    let progress = 0;
    const restoring = importProjectBundle(db, { name: 'desk.spanwright', body: bundle(450) }, me, {
      // Eleven slices in (about 160 documents), the first chunk of 100 is written; cancel there.
      onProgress: () => ++progress === 12 && controller.abort(),
      signal: controller.signal,
      runner: runner(),
    });
    await expect(restoring).rejects.toBeInstanceOf(ImportCancelledError);
    expect(progress).toBeGreaterThan(12);
    expect(await outside()).toEqual(before);
  });

  it('refuses the whole bundle for a bad line after chunks were written, naming it by the bundle’s line number', async () => {
    const before = await outside();
    const bytes = bundle(450, { 400: '{"text": broken', 420: documentLine(420, 'MYSTERY') });
    const restoring = importProjectBundle(db, { name: 'desk.spanwright', body: bytes }, me, { runner: runner() });
    // Document 400 is on line 402 (the header is line 1).
    await expect(restoring).rejects.toThrow(
      /^desk\.spanwright, line 402: .*; desk\.spanwright: label MYSTERY is used by 1 spans but missing from the bundle's schema$/,
    );
    expect(await outside()).toEqual(before);
  });

  it('refuses a bad header before writing anything', async () => {
    const before = await outside();
    const text = new TextDecoder().decode(bundle(3)).replace('"format_version":2', '"format_version":9');
    const restoring = importProjectBundle(db, { name: 'x.spanwright', body: new TextEncoder().encode(text) }, me, { runner: runner() });
    await expect(restoring).rejects.toThrow(/^x\.spanwright, line 1: unsupported bundle format_version 9/);
    expect(await outside()).toEqual(before);
  });

  it('restores a bundle with no documents as an empty project', async () => {
    const header = new TextDecoder().decode(bundle(0));
    const restored = await importProjectBundle(db, { name: 'e.spanwright', body: new TextEncoder().encode(header) }, me, {
      runner: runner(),
    });
    expect(restored).toMatchObject({ name: 'Tram desk (2)', documents: 0, spans: 0 });
    expect(await db.projects.get(restored.id)).toBeDefined();
  });
});
