// Relations, span attributes, document labels and notes, as a user makes them: with the mouse,
// with the keyboard alone, undone and redone, kept over a reload, exported and imported back.
import { expect, test, type Page } from '@playwright/test';
import { clickText, openApp, openDocument, readDownload } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';
const CLAIM = 'it would carry 40,000 passengers a day by the end of the year';

const details = (page: Page) => page.getByRole('region', { name: 'Selected span' });
const relationList = (page: Page) => details(page).getByRole('list', { name: 'Relations of the selected span' });

/** Clicks a span's first word (the span is the innermost one there). */
async function clickSpan(page: Page, label: string, text: string) {
  await expect(page.locator(`[data-label="${label}"]`, { hasText: text }).first()).toBeVisible();
  await clickText(page, text);
}

test.describe('relations, attributes, document labels and notes', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await openDocument(page, HARBOUR);
  });

  test('made with the mouse, undone and redone, kept over a reload', async ({ page }) => {
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('Span label')).toHaveValue('CLAIM');
    // SOURCE: the claim -> the person who made it.
    await details(page).getByRole('button', { name: 'SOURCE →…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Linking CLAIM' })).toBeVisible();
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
    // Both ends light up, and an arc is drawn between them.
    await expect(page.locator('[data-label="PERSON"].span--related', { hasText: 'Dana Whitcombe' })).toHaveCount(1);
    await expect(page.locator('.relation-arcs [data-relation-id]')).toHaveCount(1);
    // The other end is a click away.
    await relationList(page).getByRole('button', { name: /^SOURCE → PERSON/ }).click();
    await expect(details(page).getByLabel('Span label')).toHaveValue('PERSON');
    await expect(relationList(page).getByRole('listitem')).toHaveText([/^SOURCE ← CLAIM “it would carry/]);

    // An attribute on the claim, a document label and a note.
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByLabel('checkworthy').selectOption('yes');
    await page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' }).click();
    await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByLabel('Document note').fill('Is the 40,000 figure from the operator?');
    await page.getByLabel('Document note').blur();
    await expect(page.getByText('All changes saved')).toBeVisible();

    // Undo the note, the label, the attribute and the relation; redo them all.
    const undo = page.getByRole('button', { name: 'Undo' });
    const redo = page.getByRole('button', { name: 'Redo' });
    for (let i = 0; i < 4; i++) await undo.click();
    await expect(page.getByLabel('Document note')).toHaveValue('');
    await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'false');
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(0);
    for (let i = 0; i < 4; i++) await redo.click();
    await expect(page.getByLabel('Document note')).toHaveValue('Is the 40,000 figure from the operator?');
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('yes');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('All changes saved')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('yes');
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
    await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Document note')).toHaveValue('Is the 40,000 figure from the operator?');
    await page.screenshot({ path: 'test-results/relations.png' });
  });

  test('deleting a span takes its relations; one undo brings both back', async ({ page }) => {
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByRole('button', { name: 'SOURCE →…' }).click();
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(1);
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await page.keyboard.press('Delete');
    await expect(page.locator('[data-label="PERSON"]', { hasText: 'Dana Whitcombe' })).toHaveCount(0);
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(relationList(page).getByRole('listitem')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-label="PERSON"]', { hasText: 'Dana Whitcombe' })).toHaveCount(1);
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
  });

  test('made with the keyboard alone', async ({ page }) => {
    const text = page.getByRole('article', { name: 'Document text' });
    await text.focus();
    // ] steps through the spans in text order: LOC, DATE, PERSON, CLAIM ...
    for (let i = 0; i < 4; i++) await page.keyboard.press(']');
    await expect(details(page).getByLabel('Span label')).toHaveValue('CLAIM');
    // r: choose the type (CLAIM can start SOURCE or ABOUT), s: SOURCE.
    await page.keyboard.press('r');
    await expect(page.getByRole('status').filter({ hasText: 'Link CLAIM with' })).toBeVisible();
    await page.keyboard.press('s');
    await expect(page.getByRole('status').filter({ hasText: 'Linking CLAIM' })).toBeVisible();
    // The first possible target after the claim is Whitcombe; [ steps back to Dana Whitcombe.
    await expect(page.locator('.span--related')).toHaveText(['Whitcombe']);
    await page.keyboard.press('[');
    await expect(page.locator('.span--related')).toHaveText(['Dana Whitcombe']);
    await page.keyboard.press('Enter');
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
    // The attribute from the keyboard: Tab into the span details, choose with the arrow keys.
    await details(page).getByLabel('checkworthy').focus();
    await page.keyboard.press('ArrowDown');
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('yes');
    // Escape leaves the field; Ctrl+Z undoes the attribute, then the relation.
    await text.focus();
    await page.keyboard.press('Control+z');
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('');
    await page.keyboard.press('Control+z');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(1);
  });

  test('marking a document done with a required attribute missing names the spans first', async ({ page }) => {
    await page.getByLabel('Document status').selectOption('done');
    const dialog = page.getByRole('dialog', { name: 'Required attributes are missing' });
    await expect(dialog.getByRole('listitem')).toHaveText([/^CLAIM “it would carry.*lacks checkworthy$/, /^CLAIM “construction finished.*lacks checkworthy$/]);
    await dialog.getByRole('button', { name: 'Keep working' }).click();
    await expect(page.getByLabel('Document status')).not.toHaveValue('done');
    await page.getByLabel('Document status').selectOption('done');
    await page.getByRole('dialog', { name: 'Required attributes are missing' }).getByRole('button', { name: 'Mark done anyway' }).click();
    await expect(page.getByLabel('Document status')).toHaveValue('done');
  });

  test('exported as Spanwright JSONL with relations, attributes, document labels and notes', async ({ page }) => {
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByRole('button', { name: 'SOURCE →…' }).click();
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByLabel('checkworthy').selectOption('yes');
    await details(page).getByLabel('Span note').fill('Check the operator’s report');
    await details(page).getByLabel('Span note').blur();
    await page.getByRole('group', { name: 'misinformation risk' }).getByRole('button', { name: 'low' }).click();
    await expect(page.getByText('All changes saved')).toBeVisible();

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
    const lines = (await readDownload(download)).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const harbour = lines.find((l) => (l['meta'] as { title: string }).title === HARBOUR) as {
      spans: Array<{ id: string; label: string; text: string; attributes: Record<string, unknown>; note?: string }>;
      relations: Array<{ type: string; from: string; to: string }>;
    } & Record<string, unknown>;
    const claim = harbour.spans.find((s) => s.text === CLAIM);
    const person = harbour.spans.find((s) => s.text === 'Dana Whitcombe');
    expect(claim).toMatchObject({ attributes: { checkworthy: 'yes' }, note: 'Check the operator’s report' });
    expect(harbour.relations).toEqual([expect.objectContaining({ type: 'SOURCE', from: claim?.id, to: person?.id })]);
    expect(JSON.stringify(harbour)).toContain('"misinformation risk":["low"]');
  });
});
