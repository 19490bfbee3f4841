// Input limits in the web build: a zip bomb (made here) is refused with its entry and the limit,
// and nothing of it is imported; a document at the span limit imports whole; a limit lowered
// in Settings refuses a file before it is read.
import { expect, test } from '@playwright/test';
import { zipFiles } from '../../src-shared/formats/zip-archive';
import { openApp } from './helpers';

const file = (name: string, content: Uint8Array | string) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(content),
});

test.describe('input limits', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('a brat zip bomb is refused with its entry and the limit, and nothing is imported', async ({ page }) => {
    // 100 MB of one letter, about 100 KB packed, its size declared nowhere but in the data
    // descriptor after it (as streamed zips are): the old reader inflated it all and the tab died.
    const bomb = zipFiles([
      { path: 'news/a.txt', content: 'Ana Ruiz visited Valdeluz.' },
      { path: 'news/a.ann', content: 'T1\tPER 0 8\tAna Ruiz\n' },
      { path: 'news/b.txt', content: new Uint8Array(100_000_000).fill(0x61) },
    ]);
    expect(bomb.length).toBeLessThan(1_000_000);
    const documents = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(documents).toHaveCount(4);
    await page.getByLabel('Import documents').setInputFiles([file('corpus.zip', bomb)]);

    const report = page.getByRole('dialog', { name: 'Import report' });
    const problems = report.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText('corpus.zip/news/b.txt');
    await expect(problems).toContainText('more than 100 times its packed size (a zip bomb?)');
    await expect(problems).toContainText('raise “Largest zip compression ratio” in Settings › Import limits');
    await expect(report.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(documents).toHaveCount(4);
    // The window is still alive and working.
    await expect(page.getByRole('article', { name: 'Document text' })).toBeVisible();
  });

  test('a document at the span limit (100,000 spans) imports whole', async ({ page }) => {
    test.setTimeout(300_000);
    // Gathering its spans once passed them all as arguments, which overflowed the import
    // worker's stack ("Maximum call stack size exceeded") and nothing was imported.
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i}`);
    const label: Array<[number, number, string]> = [];
    let at = 0;
    for (const word of words) {
      label.push([at, at + word.length, 'LOC']);
      at += word.length + 1;
    }
    const line = JSON.stringify({ text: words.join(' '), label });
    await page.getByLabel('Import documents').setInputFiles([file('dense.jsonl', line)]);
    // Nothing to ask about, so it imports at once (before the fix: an error, nothing imported).
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document, 100000 spans.' })).toBeVisible({ timeout: 120_000 });
    // The import opens it. Its one line is drawn in pieces, those near the view with their
    // marks (before, the line was drawn whole: 100,000 marks, tens of seconds of a frozen window).
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem', { name: /^dense #1, .*100000 spans$/ })).toBeVisible({ timeout: 150_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'dense #1' })).toBeVisible({ timeout: 150_000 });
    const article = page.getByRole('article', { name: 'Document text' });
    await expect(article.locator('[data-label="LOC"]').first()).toBeVisible({ timeout: 60_000 });
    expect(await article.locator('[data-span-id]').count()).toBeLessThan(10_000);
    // The end of the line is drawn with its marks once scrolled to, each word one mark.
    // Scrolled again while the pieces drawn replace their estimated heights with real ones.
    await expect(async () => {
      await page.locator('.document-scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
      await expect(article.locator('[data-label="LOC"]', { hasText: /^w99999$/ })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(article.locator('[data-label="LOC"]', { hasText: /^w99998$/ })).toHaveCount(1);
    expect(await article.locator('[data-span-id]').count()).toBeLessThan(10_000);
  });

  test('a file-size limit lowered in Settings refuses a larger file by name, and raising it lets it in', async ({ page }) => {
    const settings = async () => {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      return page.getByRole('dialog', { name: 'Settings' });
    };
    let dialog = await settings();
    await dialog.getByLabel('Largest file', { exact: true }).fill('0.002');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const text = 'The harbour reopened on Monday after the storm. '.repeat(100); // about 4.8 KB
    await page.getByLabel('Import documents').setInputFiles([file('storm.txt', text)]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report.getByRole('region', { name: 'Problems' })).toContainText(
      'storm.txt: the file is 4.8 KB, larger than the limit of 2 KB per file; to read it anyway, raise “Largest file” in Settings › Import limits',
    );
    await report.getByRole('button', { name: 'Close' }).click();

    dialog = await settings();
    await expect(dialog.getByLabel('Largest file', { exact: true })).toHaveValue('0.002');
    await dialog.getByRole('button', { name: 'Restore default limits' }).click();
    await expect(dialog.getByLabel('Largest file', { exact: true })).toHaveValue('250');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Import documents').setInputFiles([file('storm.txt', text)]);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document' })).toBeVisible();
  });
});
