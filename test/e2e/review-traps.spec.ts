import { expect, test, type Page } from '@playwright/test';
import { exportLines, openApp, openDocument, teammateFile, type ExportedLine } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

/** Rita's project with Ana's and Ben's work on the Harbour article merged in, in review mode comparing the two. */
async function reviewAnaAndBen(page: Page) {
  await openApp(page);
  await page.getByRole('region', { name: 'Welcome' }).getByLabel('Your name').fill('Rita');
  await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Save' }).click();
  const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  const ana = teammateFile(harbour, { id: 'ana', name: 'Ana' }, [
    ['Dana Whitcombe', 'PERSON'],
    ['Coastlink', 'ORG'],
    ['Quay Street station', 'LOC'],
    ['it would carry 40,000 passengers a day', 'CLAIM'],
  ]);
  const ben = teammateFile(harbour, { id: 'ben', name: 'Ben' }, [
    ['Dana Whitcombe', 'PERSON'],
    ['Coastlink', 'LOC'],
    ['Quay Street', 'LOC'],
    ['Amir Haddad', 'PERSON'],
  ]);
  await page.getByLabel('Import teammate work').setInputFiles([ana, ben]);
  await page.getByRole('dialog', { name: 'Teammate work' }).getByRole('button', { name: 'Merge' }).click();
  await openDocument(page, HARBOUR);
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  await review.getByRole('checkbox', { name: 'Rita (you)' }).uncheck();
  await expect(review).toContainText('4 disagreements left · 1 agreement to accept');
  // Keys act on the text, not on the checkbox just used.
  await page.getByRole('article', { name: 'Document text' }).focus();
  return review;
}

/** The text under the review band (the item in hand), or null. */
function reviewBand(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const band = CSS.highlights.get('review-current');
    const [range] = band ? [...band] : [];
    return range ? range.toString() : null;
  });
}

test('accepting a version that is "nothing" settles the item, so n and 1-9 reach the end', async ({ page }) => {
  const review = await reviewAnaAndBen(page);
  // The document list counts what is left per document, and filters those that need review.
  const list = page.getByRole('list', { name: 'Documents' });
  await expect(list.getByRole('listitem', { name: new RegExp(`^${HARBOUR}, .*, 4 to review$`) })).toBeVisible();
  await page.getByRole('combobox', { name: 'Status filter' }).selectOption({ label: 'Needs review' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('article', { name: 'Document text' }).focus();
  const item = review.getByRole('group', { name: 'Review item' });
  await page.keyboard.press('n');
  await expect(item).toContainText('Not everyone marked this'); // Ana's claim; Ben has nothing
  await expect(item).toContainText('item 2 of');
  await page.keyboard.press('2'); // Ben's: nothing
  await expect(review).toContainText('3 disagreements left');
  await expect(page.locator('[data-annotator="gold"][data-layer="claim"]')).toHaveCount(0);
  await page.keyboard.press('n');
  await expect(item).toContainText('Different boundaries');
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  await expect(item).toContainText('Same span, other label');
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  await expect(item).toContainText('Not everyone marked this'); // Amir Haddad: Ana has nothing
  await page.keyboard.press('1');
  await expect(review).toContainText('No disagreements left');
  await page.keyboard.press('n');
  await expect(page.getByRole('status').filter({ hasText: 'No disagreements left in this document.' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Status filter' }).selectOption({ label: 'All statuses' });
  await expect(list.getByRole('listitem', { name: new RegExp(`^${HARBOUR}, .*, reviewed$`) })).toBeVisible();
  // Settled "nothing" items say so in the list.
  await expect(review.getByRole('list', { name: 'Review items' }).getByRole('button', { name: /Amir Haddad/ })).toContainText('✓');
});

test('the item in hand stands out; each annotator has a legend entry and an outline of their own; gold inside outlines looks plain', async ({ page }) => {
  const review = await reviewAnaAndBen(page);
  const compare = review.getByRole('group', { name: 'Compare' });
  const slotOf = async (name: string) =>
    (await compare.locator('label', { hasText: name }).locator('.review__swatch').getAttribute('class'))?.match(/span--annotator-(\d)/)?.[1];
  const anaSlot = await slotOf('Ana');
  const benSlot = await slotOf('Ben');
  expect(anaSlot).toBeDefined();
  expect(benSlot).toBeDefined();
  expect(anaSlot).not.toBe(benSlot);
  // Their spans wear their legend slot's outline: different colour and pattern.
  const anaSpan = page.locator('[data-annotator="ana"][data-label="ORG"]', { hasText: 'Coastlink' });
  const benSpan = page.locator('[data-annotator="ben"][data-label="LOC"]', { hasText: 'Coastlink' });
  await expect(anaSpan).toHaveClass(new RegExp(`span--annotator-${anaSlot}`));
  await expect(benSpan).toHaveClass(new RegExp(`span--annotator-${benSlot}`));
  const outline = (el: Element) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineColor}`;
  expect(await anaSpan.evaluate(outline)).not.toBe(await benSpan.evaluate(outline));
  // Each fragment's name says whose span it is.
  await expect(anaSpan).toHaveAccessibleName(/^Ana · ORG: “Coastlink”/);

  // The item in hand is a band over its text, and named in the panel.
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  const item = review.getByRole('group', { name: 'Review item' });
  await expect(item).toContainText('Different boundaries');
  await expect.poll(() => reviewBand(page)).toBe('Quay Street station');
  await expect(review.getByRole('list', { name: 'Review items' }).locator('[aria-current="true"]')).toContainText('Quay Street station');

  // Gold under several teammates' outlines is drawn as gold, not as nested or selected.
  await review.getByRole('button', { name: 'Accept all agreements' }).click();
  const gold = page.locator('[data-annotator="gold"][data-label="PERSON"]', { hasText: 'Dana Whitcombe' });
  await expect(gold).toHaveCount(1);
  expect(await gold.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--depth'))).toBe('0');
  await expect(gold).not.toHaveClass(/span--selected/);
});
