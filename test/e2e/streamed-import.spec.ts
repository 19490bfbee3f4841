// A large JSONL import streams through the import worker: Cancel while it writes, or a browser
// killed while it writes, leaves nothing of it; done, every document is there. A large project
// bundle streams the same way: progress within the file, and Cancel leaves no new project.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, projectBundle } from './helpers';
import { KillableChromium } from './killable-chromium';

/** A synthetic news corpus: `count` documents with a PERSON and a LOC span each. */
function corpus(count: number, tag: string): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${tag} report ${i}: Dana Whitcombe visited Port Ellis on Tuesday to open the new harbour wall, number ${i}.`;
    const start = text.indexOf('Dana');
    const loc = text.indexOf('Port Ellis');
    lines.push(
      JSON.stringify({
        text,
        label: [
          [start, start + 14, 'PERSON'],
          [loc, loc + 10, 'LOC'],
        ],
      }),
    );
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** Documents, spans and change-log entries in the app's database, read with IndexedDB itself. */
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ projects: number; documents: number; spans: number; log: number }>((resolve, reject) => {
        const open = indexedDB.open('spanwright');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['projects', 'documents', 'spans', 'changeLog'], 'readonly');
          const counts = { projects: 0, documents: 0, spans: 0, log: 0 };
          tx.objectStore('projects').count().onsuccess = (e) => (counts.projects = (e.target as IDBRequest<number>).result);
          tx.objectStore('documents').count().onsuccess = (e) => (counts.documents = (e.target as IDBRequest<number>).result);
          tx.objectStore('spans').count().onsuccess = (e) => (counts.spans = (e.target as IDBRequest<number>).result);
          tx.objectStore('changeLog').count().onsuccess = (e) => (counts.log = (e.target as IDBRequest<number>).result);
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );

const importFile = (page: Page, name: string, buffer: Buffer) =>
  page.getByLabel('Import documents').setInputFiles([{ name, mimeType: 'application/jsonl', buffer }]);

test('Cancel while a large import writes leaves nothing; the same file then imports whole', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const before = await stored(page);
  const file = corpus(15_000, 'Cancelled');
  await importFile(page, 'wire.jsonl', file);
  // Reading first (progress within the one file), then writing, each with its Cancel.
  const cancel = page.getByRole('button', { name: 'Cancel importing' });
  await expect(cancel).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: 'test-results/streamed-import-writing.png' });
  await cancel.click();
  await expect(page.getByText('The import was cancelled; nothing was imported.')).toBeVisible({ timeout: 30_000 });
  expect(await stored(page)).toEqual(before);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
  expect(await stored(page)).toEqual(before);

  await importFile(page, 'wire.jsonl', corpus(3_000, 'Kept'));
  await expect(page.getByText('Imported 3000 documents, 6000 spans.')).toBeVisible({ timeout: 120_000 });
  expect(await stored(page)).toMatchObject({ documents: before.documents + 3_000, spans: before.spans + 6_000 });
});

test('a browser killed while a large import writes: nothing of it after the restart, and the app works', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'spanwright-import-kill-'));
  let run: KillableChromium | null = null;
  try {
    run = await KillableChromium.launch(profile);
    let page = await run.page();
    await openApp(page, baseURL ?? '/');
    const before = await stored(page);
    await importFile(page, 'wire.jsonl', corpus(25_000, 'Killed'));
    await expect(page.getByRole('button', { name: 'Cancel importing' })).toBeVisible({ timeout: 180_000 });
    // Well into the write (chunks committed inside its one transaction), then the crash.
    await page.waitForTimeout(300);
    await expect(page.getByRole('button', { name: 'Cancel importing' })).toBeVisible();
    await run.kill();

    run = await KillableChromium.launch(profile);
    page = await run.page();
    await openApp(page, baseURL ?? '/');
    expect(await stored(page)).toEqual(before);
    await importFile(page, 'after.jsonl', corpus(500, 'After'));
    await expect(page.getByText('Imported 500 documents, 1000 spans.')).toBeVisible({ timeout: 60_000 });
  } finally {
    await run?.kill();
    rmSync(profile, { recursive: true, force: true });
  }
});

const openBundle = (page: Page, name: string, buffer: Buffer) =>
  page.getByLabel('Import documents').setInputFiles([{ name, mimeType: 'application/octet-stream', buffer }]);

/** The window's long tasks from now on (start and duration, ms), recorded in the page. */
async function watchLongTasks(page: Page): Promise<() => Promise<Array<{ start: number; duration: number }>>> {
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: Array<{ start: number; duration: number }> };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __tasks: Array<{ start: number; duration: number }> }).__tasks);
}

test('a large project bundle restores in the import worker, its progress moving within the file', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const before = await stored(page);
  // From a file on disk, as a user picks it (a buffer would be built into a File on the page's own thread).
  const dir = mkdtempSync(join(tmpdir(), 'spanwright-bundle-'));
  const path = join(dir, 'harbour.spanwright');
  writeFileSync(path, projectBundle(3_000, 'Harbour wire'));
  const tasks = await watchLongTasks(page);
  // The progress bar's values, sampled in the page while it shows (some between the start and
  // the end of the one file), and when it goes: the restore is done, the project opens.
  await page.evaluate(() => {
    const w = window as unknown as { __seen: number[]; __shown?: number; __done?: number };
    w.__seen = [];
    const sample = () => {
      const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Restoring"]');
      if (bar) w.__shown ??= performance.now();
      else if (w.__shown !== undefined) w.__done ??= performance.now();
      if (bar && bar.max > 1 && bar.value > 0 && bar.value < bar.max && !w.__seen.includes(bar.value)) w.__seen.push(bar.value);
      if (w.__done === undefined) requestAnimationFrame(sample);
    };
    sample();
  });
  try {
    await page.getByLabel('Import documents').setInputFiles(path);
    await expect(page.getByRole('status').filter({ hasText: 'Restored the project “Harbour wire” (3000 documents)' })).toBeVisible({
      timeout: 120_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sampled = await page.evaluate(() => {
    const w = window as unknown as { __seen: number[]; __done?: number };
    return { seen: w.__seen, done: w.__done ?? Infinity };
  });
  expect(sampled.seen.length).toBeGreaterThan(1);
  expect(await stored(page)).toMatchObject({
    projects: before.projects + 1,
    documents: before.documents + 3_000,
    spans: before.spans + 6_000,
  });
  // The window's longest task while the bundle was read and written, and once the restored project opened.
  await page.waitForTimeout(1_000);
  const all = await tasks();
  const longest = (list: typeof all) => Math.max(0, ...list.map((t) => t.duration));
  const restoring = longest(all.filter((t) => t.start < sampled.done));
  const opening = longest(all.filter((t) => t.start >= sampled.done));
  test.info().annotations.push({
    type: 'longest window task (ms)',
    description: `restoring ${restoring.toFixed(0)}, opening ${opening.toFixed(0)}`,
  });
  console.log(
    `bundle of 3,000 documents: the window's longest task ${restoring.toFixed(0)} ms while restoring, ${opening.toFixed(0)} ms opening the project`,
  );
});

test('Cancel while a large bundle restores leaves no new project, before and after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const before = await stored(page);
  await openBundle(page, 'wire.spanwright', projectBundle(15_000, 'Cancelled wire'));
  const cancel = page.getByRole('button', { name: 'Cancel restoring' });
  await expect(cancel).toBeVisible({ timeout: 60_000 });
  // Well into the file (chunks written inside its one transaction), then Cancel.
  const progress = page.getByRole('progressbar', { name: 'Restoring' });
  await expect
    .poll(async () => Number(await progress.getAttribute('value', { timeout: 1_000 })), { timeout: 60_000 })
    .toBeGreaterThan(1_000_000);
  await cancel.click();
  await expect(page.getByText('wire.spanwright: the restore was cancelled; no project was made.')).toBeVisible({ timeout: 30_000 });
  expect(await stored(page)).toEqual(before);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
  expect(await stored(page)).toEqual(before);
});

test('a teammate’s work on 3,000 documents is read, matched and merged in the import worker', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  const dir = mkdtempSync(join(tmpdir(), 'spanwright-teammate-'));
  try {
    const desk = join(dir, 'desk.spanwright');
    writeFileSync(desk, projectBundle(3_000, 'Teammate desk'));
    await page.getByLabel('Import documents').setInputFiles(desk);
    await expect(page.getByRole('status').filter({ hasText: 'Restored the project “Teammate desk” (3000 documents)' })).toBeVisible({
      timeout: 120_000,
    });
    // Bo's copy of every document (same ids and texts), a PERSON span each: Ana's are left as they are.
    const lines = projectBundle(3_000, 'Teammate desk')
      .toString()
      .split('\n')
      .slice(1, -1)
      .map((line) => {
        const doc = JSON.parse(line) as { spans: Array<{ annotator: string }>; statuses: Record<string, string> };
        return JSON.stringify({
          ...doc,
          statuses: { bo: 'done' },
          annotators: [{ id: 'bo', name: 'Bo' }],
          spans: [{ ...doc.spans[0], annotator: 'bo' }],
        });
      });
    const bo = join(dir, 'bo.jsonl');
    writeFileSync(bo, lines.join('\n') + '\n');
    const before = await stored(page);
    const tasks = await watchLongTasks(page);
    const mark = () => page.evaluate(() => performance.now());
    await page.getByLabel('Import teammate work').setInputFiles(bo);
    const dialog = page.getByRole('dialog', { name: 'Teammate work' });
    await expect(dialog).toContainText('3000 matching documents', { timeout: 120_000 });
    await expect(dialog).toContainText('Bo: 3000 spans in 3000 documents');
    const merging = await mark();
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merged 3000 spans of Bo into 3000 documents' })).toBeVisible({
      timeout: 120_000,
    });
    const merged = await mark();
    expect(await stored(page)).toMatchObject({ documents: before.documents, spans: before.spans + 3_000 });
    const all = await tasks();
    const longest = (from: number, to: number) => Math.max(0, ...all.filter((t) => t.start >= from && t.start < to).map((t) => t.duration));
    const reading = longest(0, merging);
    const writing = longest(merging, merged);
    test
      .info()
      .annotations.push({ type: 'longest window task (ms)', description: `reading ${reading.toFixed(0)}, merging ${writing.toFixed(0)}` });
    console.log(
      `teammate work on 3,000 documents: the window's longest task ${reading.toFixed(0)} ms reading, ${writing.toFixed(0)} ms merging`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
