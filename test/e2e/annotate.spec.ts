import { expect, test } from '@playwright/test';
import { dragSelect, openApp, openDocument, renderedSpans } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

test.describe('annotating', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await openDocument(page, HARBOUR);
  });

  test('the demo project opens on first start with its example spans', async ({ page }) => {
    const list = page.getByRole('list', { name: 'Documents' });
    await expect(list.getByRole('listitem')).toHaveCount(4);
    await expect(list.getByRole('listitem', { name: /^Panen raya padi di Lembah Sirna/ })).toBeVisible();
    const spans = await renderedSpans(page);
    expect(spans).toHaveLength(9);
    expect(spans).toContainEqual(expect.objectContaining({ label: 'PERSON', text: 'Dana Whitcombe' }));
    expect(spans).toContainEqual(expect.objectContaining({ label: 'CLAIM', text: 'it would carry 40,000 passengers a day by the end of the year' }));
    // The entity inside the claim is drawn inside it.
    await expect(page.locator('[data-label="CLAIM"] [data-label="QUANTITY"]').first()).toHaveText('40,000 passengers');
  });

  test('select with the mouse and press a hotkey: the span appears, snapped to whole words', async ({ page }) => {
    await dragSelect(page, 'astside tra');
    await page.keyboard.press('l');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Eastside tram' })).toHaveText('Eastside tram');
    const spans = await renderedSpans(page);
    expect(spans.filter((s) => s.text === 'Eastside tram')).toEqual([expect.objectContaining({ label: 'LOC' })]);
  });

  test('select and click a label button', async ({ page }) => {
    await dragSelect(page, 'Quay Street station');
    await page.getByRole('button', { name: /^LOC/ }).click();
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street station' })).toHaveCount(1);
  });

  test('a claim over an existing entity keeps both, the entity drawn inside the claim', async ({ page }) => {
    await dragSelect(page, 'Councillor Amir Haddad said the budget');
    await page.keyboard.press('c');
    const claim = page.locator('[data-label="CLAIM"]', { hasText: 'Councillor' });
    await expect(claim).toHaveText('Councillor Amir Haddad said the budget');
    await expect(claim.locator('[data-label="PERSON"]')).toHaveText('Amir Haddad');
  });

  test('a claim may run across a paragraph break', async ({ page }) => {
    await dragSelect(page, 'schedule and 3% under budget.\n\nCritics were less sure');
    await page.keyboard.press('c');
    const id = await page.locator('[data-label="CLAIM"]', { hasText: 'Critics were less sure' }).getAttribute('data-span-id');
    expect(id).toBeTruthy();
    // One claim, drawn in two paragraphs (and cut where it crosses the existing claim's end).
    const paragraphs = await page
      .locator(`[data-span-id="${id}"]`)
      .evaluateAll((els) => new Set(els.map((el) => el.closest('p'))).size);
    expect(paragraphs).toBe(2);
    const spans = await renderedSpans(page);
    expect(spans.find((s) => s.id === id)?.text).toBe('schedule and 3% under budget.Critics were less sure');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator(`[data-span-id="${id}"]`)).toHaveCount(0);
  });

  test('undo and redo with the keyboard, delete with Backspace, relabel from the details', async ({ page }) => {
    // The palette counts each label's spans in the document, and follows every change (they are
    // counted by change: ui/span-counts.ts).
    const count = (label: string) =>
      page.getByRole('button', { name: new RegExp(`^${label} (hotkey \\S )?\\d+ in this document$`) }).locator('.label-button__count');
    const org = Number(await count('ORG').textContent());
    const loc = Number(await count('LOC').textContent());
    await dragSelect(page, 'Eastside');
    await page.keyboard.press('o');
    const span = page.locator('[data-label="ORG"]', { hasText: 'Eastside' });
    await expect(span).toHaveCount(1);
    await expect(count('ORG')).toHaveText(String(org + 1));
    await page.keyboard.press('Control+z');
    await expect(span).toHaveCount(0);
    await expect(count('ORG')).toHaveText(String(org));
    await page.keyboard.press('Control+Shift+z');
    await expect(span).toHaveCount(1);
    await expect(count('ORG')).toHaveText(String(org + 1));

    await span.click();
    await expect(page.getByRole('region', { name: 'Selected span' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Span label' }).selectOption('LOC');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Eastside' })).toHaveCount(1);
    await expect(count('ORG')).toHaveText(String(org));
    await expect(count('LOC')).toHaveText(String(loc + 1));
    await page.locator('[data-label="LOC"]', { hasText: 'Eastside' }).click();
    await page.keyboard.press('Backspace');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Eastside' })).toHaveCount(0);
    await expect(count('LOC')).toHaveText(String(loc));
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Eastside' })).toHaveCount(1);
    await expect(count('LOC')).toHaveText(String(loc + 1));
  });

  test('everything is still there after a reload, in the same document', async ({ page }) => {
    await dragSelect(page, 'Quay Street');
    await page.keyboard.press('l');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street' })).toHaveCount(1);
    await openDocument(page, 'La biblioteca de Valdeluz cumple cien años');
    await dragSelect(page, 'jornada de puertas abiertas');
    await page.keyboard.press('e');
    await expect(page.getByText('All changes saved')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'La biblioteca de Valdeluz cumple cien años' })).toBeVisible();
    await expect(page.locator('[data-label="EVENT"]')).toHaveText('jornada de puertas abiertas');
    await openDocument(page, HARBOUR);
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street' })).toHaveCount(1);
    await expect(page.getByRole('listitem', { name: /^Harbour city opens new tram line, In progress, 10 spans/ })).toBeVisible();
  });

  test('keyboard only: move a caret and extend the selection with Shift+arrows', async ({ page }) => {
    const article = page.getByRole('article', { name: 'Document text' });
    await article.focus();
    // The caret starts at the beginning of the text: select the first word, "Harbour".
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('q');
    await expect.poll(() => renderedSpans(page)).toContainEqual(expect.objectContaining({ label: 'QUANTITY', text: 'Harbour' }));
  });
});

test('[ and ] step through the spans and show each one', async ({ page }) => {
  await openApp(page);
  await openDocument(page, HARBOUR);
  const details = page.getByRole('region', { name: 'Selected span' });
  await page.keyboard.press(']');
  await expect(details.getByRole('combobox', { name: 'Span label' })).toHaveValue('LOC');
  await expect(details).toContainText('PORT ELLIS');
  await page.keyboard.press(']');
  await expect(details).toContainText('14 March 2026');
  await page.keyboard.press('[');
  await expect(details).toContainText('PORT ELLIS');
  await expect(page.locator('.span--selected')).toHaveText('PORT ELLIS');
});

test('boundaries move by whole words, from the keyboard or the span details, and undo', async ({ page }) => {
  await openApp(page);
  await openDocument(page, HARBOUR);
  const details = page.getByRole('region', { name: 'Selected span' });
  await page.locator('[data-label="PERSON"]', { hasText: 'Dana Whitcombe' }).click();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(details.locator('blockquote')).toHaveText('Dana');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(details.locator('blockquote')).toHaveText('Mayor Dana');
  await details.getByRole('button', { name: 'End one word later' }).click();
  await expect(details.locator('blockquote')).toHaveText('Mayor Dana Whitcombe');
  await expect.poll(() => renderedSpans(page)).toContainEqual(expect.objectContaining({ label: 'PERSON', text: 'Mayor Dana Whitcombe' }));
  await page.keyboard.press('Control+z');
  await expect(details.locator('blockquote')).toHaveText('Mayor Dana');
});

test('a reload reopens the same document at the same scroll position', async ({ page }) => {
  await openApp(page);
  const long = Array.from({ length: 200 }, (_, i) => `Paragraph ${i + 1}: the council met again about the tram line.`).join('\n\n');
  await page.getByLabel('Import documents').setInputFiles([{ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(long) }]);
  await openDocument(page, 'long-report');
  const scroller = page.locator('.document-scroll');
  await scroller.evaluate((el) => el.scrollTo(0, 2400));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(2400);
  // The position is saved a moment after scrolling stops.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'long-report' })).toBeVisible();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(2400);
});
