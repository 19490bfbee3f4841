// The streamed import (import-job.ts) run in-line, as its worker runs it: a file read a slice at
// a time and written a chunk at a time, all in one transaction, so a cancel leaves nothing.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchema } from '../../../src-shared/default-schema';
import { DEFAULT_LIMITS } from '../../../src-shared/limits';
import { commitImport, planImport } from '../../../src-renderer/src/app/import-documents';
import { ImportCancelledError } from '../../../src-renderer/src/app/import-job';
import { inlineImportRunner } from '../../../src-renderer/src/app/import-runner';
import { SpanwrightDatabase } from '../../../src-renderer/src/storage/database';
import { writeInputLimits } from '../../../src-renderer/src/storage/input-limits';
import { createProject } from '../../../src-renderer/src/storage/projects';

let db: SpanwrightDatabase;
beforeEach(async () => {
  db = new SpanwrightDatabase(`import-job-${Math.random()}`);
  await createProject(db, { id: 'p', name: 'Test', schema: defaultSchema() }, 'me');
});
afterEach(() => db.delete());

/** Small slices and chunks, to see several of each in a small file. */
const runner = () => inlineImportRunner(db, { sliceBytes: 4096, chunkDocuments: 100, chunkWeight: 1_000_000 });

/** `count` documents, each with a span of a label the project lacks (NEWLABEL), and a long line of padding to span several slices. */
function corpus(count: number): Uint8Array {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ text: `Document ${i} mentions Valdeluz ${'é'.repeat(i % 7)}`, label: [[0, 8, 'NEWLABEL']] }),
  );
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('a streamed import', { timeout: 120_000 }, () => {
  it('reads a file larger than a slice and writes it in chunks: every document, in order, once', async () => {
    const bytes = corpus(450);
    expect(bytes.length).toBeGreaterThan(4 * 4096);
    const files = [{ name: 'big.jsonl', body: bytes }];
    const seen: number[] = [];
    const plan = await planImport(db, 'p', defaultSchema(), files, (done) => seen.push(done), {}, undefined, runner());
    expect(plan).toMatchObject({ documents: 450, spans: 450, issues: [], unknownLabels: [{ name: 'NEWLABEL', count: 450 }] });
    expect(seen.at(-1)).toBe(bytes.length);
    const outcome = await commitImport(db, plan, defaultSchema(), 'me', true, undefined, undefined, undefined, runner());
    expect(outcome).toMatchObject({ documents: 450, spans: 450, addedLabels: ['NEWLABEL'] });
    const documents = (await db.documents.toArray()).sort((a, b) => a.order - b.order);
    expect(documents.map((d) => d.meta.title).slice(0, 3)).toEqual(['big #1', 'big #2', 'big #3']);
    expect(new Set(documents.map((d) => d.order)).size).toBe(450);
    expect(await db.spans.count()).toBe(450);
    // Progress moved within the file, slice by slice; one change per chunk of 100 in the log.
    expect(seen.length).toBeGreaterThan(4);
    const added = (await db.changeLog.toArray()).filter((e) => JSON.stringify(e.change).includes('add-documents'));
    expect(added).toHaveLength(5);
    expect((await db.projects.get('p'))?.schema.labels.map((l) => l.name)).toContain('NEWLABEL');
  });

  it('cancelled after its first chunk, leaves nothing: no document, span, label or log entry', async () => {
    const files = [{ name: 'big.jsonl', body: corpus(450) }];
    const plan = await planImport(db, 'p', defaultSchema(), files, undefined, {}, undefined, runner());
    const logBefore = await db.changeLog.count();
    const controller = new AbortController();
    let chunks = 0;
    // Progress comes as slices are read: cancel once the first chunks are written.
    const onProgress = () => {
      if (++chunks === 4) controller.abort();
    };
    const written = commitImport(db, plan, defaultSchema(), 'me', true, undefined, onProgress, controller.signal, runner());
    await expect(written).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.documents.count()).toBe(0);
    expect(await db.texts.count()).toBe(0);
    expect(await db.spans.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(logBefore);
    expect((await db.projects.get('p'))?.schema.labels.map((l) => l.name)).not.toContain('NEWLABEL');
  });

  it('holds the file-size limit to each line: a line past it is refused by number, the others are read', async () => {
    await writeInputLimits(db, { ...DEFAULT_LIMITS, fileBytes: 200 });
    const long = JSON.stringify({ text: 'x'.repeat(300) });
    const text = [JSON.stringify({ text: 'short one' }), long, JSON.stringify({ text: 'short two' })].join('\n');
    const plan = await planImport(db, 'p', defaultSchema(), [{ name: 'mixed.jsonl', body: new TextEncoder().encode(text) }]);
    expect(plan.documents).toBe(2);
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ file: 'mixed.jsonl', line: 2 });
    expect(plan.issues[0]?.reason).toMatch(/the line is .* larger than the limit/);
    // A file read whole still has the limit as its whole size.
    const whole = await planImport(db, 'p', defaultSchema(), [{ name: 'mixed.json', body: new TextEncoder().encode(text) }]);
    expect(whole.documents).toBe(0);
    expect(whole.issues[0]?.reason).toMatch(/larger than the limit/);
  });
});
