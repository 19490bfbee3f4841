import { expect, test } from '@playwright/test';
import { exportLines, openApp, openDocument, pythonSlice, readDownload, teammateFile, type ExportedLine } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

test('two teammates disagree; the reviewer merges their work, adjudicates and exports the gold annotations', async ({ page }) => {
  await openApp(page);
  await page.getByRole('region', { name: 'Welcome' }).getByLabel('Your name').fill('Rita');
  await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Annotating as Rita' })).toBeVisible();

  const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  const ana = teammateFile(harbour, { id: 'ana', name: 'Ana' }, [
    ['Dana Whitcombe', 'PERSON'], // agreement
    ['Coastlink', 'ORG'], // label disagreement
    ['Quay Street station', 'LOC'], // boundary disagreement
    ['it would carry 40,000 passengers a day', 'CLAIM'], // only Ana
  ]);
  const ben = teammateFile(harbour, { id: 'ben', name: 'Ben' }, [
    ['Dana Whitcombe', 'PERSON'],
    ['Coastlink', 'LOC'],
    ['Quay Street', 'LOC'],
    ['Amir Haddad', 'PERSON'], // only Ben
  ]);

  await page.getByLabel('Import teammate work').setInputFiles([ana, ben]);
  const merge = page.getByRole('dialog', { name: 'Teammate work' });
  await expect(merge.getByRole('region', { name: 'Annotators' })).toContainText('Ana: 4 spans in 1 document');
  await expect(merge.getByRole('region', { name: 'Annotators' })).toContainText('Ben: 4 spans in 1 document');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 8 spans of Ana, Ben into 1 document' })).toBeVisible();

  // Your own annotations are untouched: the annotate view still shows your 9 demo spans only.
  await openDocument(page, HARBOUR);
  await expect(page.locator('[data-span-id]:not(.span--reference)').first()).toBeVisible();
  await expect(page.locator('[data-annotator="ana"]')).toHaveCount(0);

  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  // Compare only the two teammates.
  await review.getByRole('checkbox', { name: 'Rita (you)' }).uncheck();
  await expect(page.locator('[data-annotator="ana"]')).toHaveCount(4 + 0);
  await expect(review).toContainText('4 disagreements left · 1 agreement to accept');

  await review.getByRole('button', { name: 'Accept all agreements' }).click();
  await expect(review).toContainText('4 disagreements left');
  await expect(review).not.toContainText('agreement to accept');
  await expect(page.locator('[data-annotator="gold"][data-label="PERSON"]')).toHaveText('Dana Whitcombe');

  // Walk the disagreements with the keyboard: n, then 1-9 to accept a version, x to reject.
  const item = review.getByRole('group', { name: 'Review item' });
  await page.keyboard.press('n');
  await expect(item).toContainText('Not everyone marked this'); // Ana's claim
  await page.keyboard.press('1');
  await expect(review).toContainText('3 disagreements left');
  await page.keyboard.press('n');
  await expect(item).toContainText('Different boundaries'); // Quay Street
  await item.getByRole('button', { name: 'Accept Ana’s' }).click();
  await page.keyboard.press('n');
  await expect(item).toContainText('Same span, other label'); // Coastlink
  await page.keyboard.press('2');
  await page.keyboard.press('n');
  await expect(item).toContainText('Not everyone marked this'); // Amir Haddad, Ben only
  await page.keyboard.press('x');
  await expect(review).toContainText('No disagreements left');

  // Undo works in review too, on the gold annotations.
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-annotator="gold"][data-label="LOC"]', { hasText: 'Coastlink' })).toHaveCount(0);
  await expect(review).toContainText('1 disagreement left');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('[data-annotator="gold"][data-label="LOC"]', { hasText: 'Coastlink' })).toHaveCount(1);
  await expect(review).toContainText('No disagreements left');

  await page.screenshot({ path: 'test-results/review-view.png' });

  const gold = (await exportLines(page, 'Gold (adjudicated)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  expect(gold.spans.map((s) => [s.label, s.text, s.annotator])).toEqual([
    ['PERSON', 'Dana Whitcombe', 'gold'],
    ['CLAIM', 'it would carry 40,000 passengers a day', 'gold'],
    ['LOC', 'Quay Street station', 'gold'],
    ['LOC', 'Coastlink', 'gold'],
  ]);
  for (const s of gold.spans) expect(pythonSlice(gold.text, s.start, s.end)).toBe(s.text);

  // Teammates' layers export too, each as it was imported.
  const anaExport = (await exportLines(page, 'Ana')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  expect(anaExport.spans.map((s) => s.label)).toEqual(['PERSON', 'CLAIM', 'LOC', 'ORG']);

  // The whole review (teammates' layers, gold, rejections) survives a project bundle.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [bundle] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Project bundle' }).click(),
  ]);
  const bundleText = await readDownload(bundle);
  await page.getByLabel('Import documents').setInputFiles([{ name: 'review.spanwright', mimeType: 'application/octet-stream', buffer: Buffer.from(bundleText) }]);
  await expect(page.getByRole('status').filter({ hasText: 'Restored the project' })).toBeVisible();
  await openDocument(page, HARBOUR);
  await review.getByRole('checkbox', { name: 'Rita (you)' }).uncheck();
  await expect(review).toContainText('No disagreements left');
  await expect(page.locator('[data-annotator="gold"]')).toHaveCount(4);
});
