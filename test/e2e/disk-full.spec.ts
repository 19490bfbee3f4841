// A full disk never locks the user out: with the storage quota set tiny through Chromium's
// DevTools protocol, the app opens read-only with a banner that says why, a project bundle still
// downloads, an edit is refused in the banner's words (and nothing is shown as saved), and once
// the quota is raised, Try again returns to normal.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { dragSelect, openApp, openDocument, readDownload, renderedSpans } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';
const MB = 1_000_000;

/**
 * Fills the disk: the quota drops to one byte, and a large write in the page makes Chromium ask
 * for the quota again (it grants small writes from a cached allowance for up to 30 seconds, as
 * a real disk that has just filled up would be found only by the next write that needs room).
 */
async function fillDisk(page: Page, cdp: CDPSession, origin: string): Promise<void> {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  const filler = await page.evaluate(
    (bytes) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('disk-filler', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('blocks');
        open.onerror = () => resolve(open.error?.name ?? 'open failed');
        open.onsuccess = () => {
          const transaction = open.result.transaction('blocks', 'readwrite');
          transaction.objectStore('blocks').put('x'.repeat(bytes), 1);
          transaction.oncomplete = () => resolve('written');
          transaction.onabort = () => resolve(transaction.error?.name ?? 'aborted');
        };
      }),
    20 * MB,
  );
  expect(filler).toBe('QuotaExceededError');
}

test('a full disk: read-only with a banner, the bundle exports, edits are refused, Try again returns', async ({ page, context }) => {
  test.setTimeout(120_000);
  const origin = new URL(test.info().project.use.baseURL ?? '').origin;
  const cdp = await context.newCDPSession(page);
  // A quota of its own from the first start: room for the demo project, and a cached allowance small enough to run out.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 10 * MB });
  await openApp(page);
  await openDocument(page, HARBOUR);
  const before = await renderedSpans(page);
  expect(before).toHaveLength(9);

  await fillDisk(page, cdp, origin);
  await page.reload();

  // It opens, read-only, and says why in words (no QuotaExceededError, no "close other windows").
  const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Read-only: there is no space left to save' }) });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Everything saved before is safe');
  await expect(page.getByText(/QuotaExceeded|Close other Spanwright windows/)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
  await expect(page.getByText('Read-only: not saving')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Storage full' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('disk-full-banner.png') });
  await expectNoAccessibilityViolations(page, 'the read-only banner', { include: '.storage-banner' });

  // The project bundle downloads without writing to the database.
  const downloading = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export project bundle' }).click();
  const bundle = await readDownload(await downloading);
  const lines = bundle.trim().split('\n');
  expect(lines).toHaveLength(5);
  expect(
    lines
      .slice(1)
      .map((line) => (JSON.parse(line) as { text: string }).text)
      .join('\n'),
  ).toContain('Dana Whitcombe');
  expect(bundle).toContain('"Dana Whitcombe"');

  // An edit is refused in the banner's words; nothing is drawn, nothing claims to be saved.
  await dragSelect(page, 'Quay Street station');
  await page.keyboard.press('l');
  await expect(
    page.getByText('Not saved: Spanwright is read-only because there is no space left to save.', { exact: false }),
  ).toBeVisible();
  await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street station' })).toHaveCount(0);
  expect(await renderedSpans(page)).toEqual(before);
  await expect(page.getByText('All changes saved')).toHaveCount(0);

  // Space freed: Try again returns to normal, and an edit is saved again.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1_000 * MB });
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('There is space again: changes are saved as before.')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await dragSelect(page, 'Quay Street station');
  await page.keyboard.press('l');
  await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street station' })).toHaveCount(1);
  await expect(page.getByText('All changes saved')).toBeVisible();

  // Nothing was lost: after a reload, every span from before and the new one are there.
  await page.reload();
  await openDocument(page, HARBOUR);
  await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street station' })).toHaveCount(1);
  const after = await renderedSpans(page);
  expect(after).toHaveLength(10);
  for (const span of before) expect(after).toContainEqual(span);

  // Whether the browser keeps the data for good, and what to do if not.
  await page.getByRole('button', { name: /^Storage/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Storage' });
  await expect(dialog).toContainText(/Kept permanently|install Spanwright as an app/);
  await expect(dialog).toContainText(/used; .* left for Spanwright’s data/);
});
