// A large JSONL import streams through the import worker: Cancel while it writes, or a browser
// killed while it writes, leaves nothing of it; done, every document is there.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from './helpers';
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
      new Promise<{ documents: number; spans: number; log: number }>((resolve, reject) => {
        const open = indexedDB.open('spanwright');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['documents', 'spans', 'changeLog'], 'readonly');
          const counts = { documents: 0, spans: 0, log: 0 };
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
