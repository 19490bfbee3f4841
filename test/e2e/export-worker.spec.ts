// An export runs in its worker (export-worker.ts), not in the window, and Cancel stops it: during
// the summary, and during the save, where the save stream is aborted and no file is left.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { openApp, readDownload } from './helpers';

/** Synthetic documents written straight into IndexedDB (an import of thousands takes long). */
const SEEDED = 3000;
/** About 2 KB each: some 6 MB of Spanwright JSONL, more chunks than the worker sends unanswered (4 x 1 MiB). */
const SENTENCE = 'The council said the new tram line in Valdeluz carried more passengers than the harbour ferry. ';

async function seedDocuments(page: Page): Promise<void> {
  await page.evaluate(
    async ({ count, sentence }) => {
      const open = indexedDB.open('spanwright');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const projects = await new Promise<Array<{ id: string }>>((resolve, reject) => {
        const request = db.transaction('projects').objectStore('projects').getAll();
        request.onsuccess = () => resolve(request.result as Array<{ id: string }>);
        request.onerror = () => reject(request.error);
      });
      const projectId = projects[0]?.id;
      const tx = db.transaction(['documents', 'texts'], 'readwrite');
      const now = Date.now();
      for (let i = 0; i < count; i++) {
        const id = `seeded-${i}`;
        const text = `Report ${i}. ${sentence.repeat(20)}`;
        tx.objectStore('documents').put({
          id,
          projectId,
          sourceId: id,
          order: 100 + i,
          meta: { title: `Report ${i}` },
          textHash: `seeded-hash-${i}`,
          textLength: text.length,
          statuses: {},
          spanCounts: {},
          createdAt: now,
          updatedAt: now,
        });
        tx.objectStore('texts').put({ documentId: id, text });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { count: SEEDED, sentence: SENTENCE },
  );
  await page.reload();
  await expect(page.getByText(`${SEEDED + 4} documents`, { exact: true })).toBeVisible({ timeout: 30_000 });
}

/** The export workers the page starts, each with a promise of its end (watched from its start, so none is missed). */
function exportWorkers(page: Page): Array<{ worker: Worker; closed: Promise<void> }> {
  const started: Array<{ worker: Worker; closed: Promise<void> }> = [];
  page.on('worker', (worker) => {
    if (/export-worker/.test(worker.url())) started.push({ worker, closed: new Promise((resolve) => worker.on('close', () => resolve())) });
  });
  return started;
}

test.describe('exporting thousands of documents', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await seedDocuments(page);
  });

  test('the summary and the file come from the export worker, and the window keeps answering meanwhile', async ({ page }) => {
    const workers = exportWorkers(page);
    // Long main-thread tasks while exporting: recorded beside the result, not asserted (npm run bench measures).
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByRole('region', { name: 'Export summary' })).toContainText(`${SEEDED + 4} documents`, { timeout: 30_000 });
    expect(workers.length).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
    await expect(dialog).toBeHidden();
    const lines = (await readDownload(download)).trim().split('\n');
    expect(lines).toHaveLength(SEEDED + 4);
    const last = JSON.parse(lines.at(-1) ?? '{}') as { id: string; text: string };
    expect(last.id).toBe(`seeded-${SEEDED - 1}`);
    expect(last.text).toBe(`Report ${SEEDED - 1}. ${SENTENCE.repeat(20)}`);
    // Every worker the dialog started is gone once it closed: none is left holding the database.
    await Promise.all(workers.map((w) => w.closed));
    test.info().annotations.push({
      type: 'longest main-thread task (ms)',
      description: String(await page.evaluate(() => (window as unknown as { __longest: number }).__longest)),
    });
  });

  test('the project bundle is built and streamed by the export worker, which stops once it is saved', async ({ page }) => {
    const workers = exportWorkers(page);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    // The dialog's own summary comes from a worker first; the bundle's is the next one.
    await expect(dialog.getByRole('region', { name: 'Export summary' })).toContainText(`${SEEDED + 4} documents`, { timeout: 30_000 });
    const before = workers.length;
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Project bundle' }).click()]);
    expect(download.suggestedFilename()).toMatch(/_all-annotators_\d{4}-\d{2}-\d{2}\.spanwright$/);
    const lines = (await readDownload(download)).trim().split('\n');
    // The header, then every document in order.
    expect(lines).toHaveLength(SEEDED + 4 + 1);
    const last = JSON.parse(lines.at(-1) ?? '{}') as { id: string; text: string };
    expect(last.id).toBe(`seeded-${SEEDED - 1}`);
    expect(last.text).toBe(`Report ${SEEDED - 1}. ${SENTENCE.repeat(20)}`);
    expect(workers.length).toBe(before + 1);
    await workers[before]?.closed;
  });

  test('Cancel during the save aborts it: no file is downloaded and the worker stops', async ({ page }) => {
    // A slow disk: the window holds back its answers to the worker's chunks, so the worker stops
    // after the chunks it may send unanswered and the save stays under way until Cancel.
    await page.evaluate(() => {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
        if ((message as { type?: string } | null)?.type === 'ack') return;
        post.call(this, message, ...rest);
      } as typeof Worker.prototype.postMessage;
    });
    const workers = exportWorkers(page);
    const downloads: unknown[] = [];
    page.on('download', (download) => downloads.push(download));

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByRole('region', { name: 'Export summary' })).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Save' }).click();
    const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
    expect(Number(await progress.getAttribute('value'))).toBeLessThan(SEEDED + 4);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await Promise.all(workers.map((w) => w.closed));
    // Nothing comes later either: the stream was aborted, not committed.
    await page.waitForTimeout(1000);
    expect(downloads).toHaveLength(0);
    await expect(page.getByRole('status').filter({ hasText: /Exported/ })).toHaveCount(0);
  });

  test('Cancel during the summary stops the worker', async ({ page }) => {
    const workers = exportWorkers(page);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect.poll(() => workers.length).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await Promise.all(workers.map((w) => w.closed));
  });
});
