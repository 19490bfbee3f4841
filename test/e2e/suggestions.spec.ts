// Suggestions as a user meets them: a span made is proposed at the word's other occurrence,
// drawn apart from spans; Enter accepts it (one undo brings it back), x rejects it for good.
import { expect, test } from '@playwright/test';
import { dragSelect, openApp, openDocument } from './helpers';

test('same-string suggestion: accepted with Enter and undone, rejected with x', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  await dragSelect(page, 'budget', 1);
  await page.keyboard.press('e');
  const text = page.getByRole('article', { name: 'Document text' });
  const spans = text.locator('[data-label="EVENT"]:not([data-suggestion])', { hasText: 'budget' });
  const suggestion = text.locator('[data-suggestion="true"][data-label="EVENT"]');
  await expect(spans).toHaveCount(1);
  await expect(suggestion).toHaveText('budget');
  await expect(suggestion).toHaveAttribute('title', 'Suggested (same-string) · EVENT: “budget”');
  await expect(page.getByRole('region', { name: 'Suggestions' })).toContainText('1 in this document');

  // Select it with }, accept it with Enter: a span (origin suggestion) replaces it.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+}');
  await page.keyboard.press('Enter');
  await expect(suggestion).toHaveCount(0);
  await expect(spans).toHaveCount(2);

  // One undo brings the suggestion back.
  await page.keyboard.press('Control+z');
  await expect(spans).toHaveCount(1);
  await expect(suggestion).toHaveText('budget');

  // x rejects it: gone, and making the same span again does not propose it again.
  await page.keyboard.press('Shift+}');
  await page.keyboard.press('x');
  await expect(suggestion).toHaveCount(0);
  await expect(spans).toHaveCount(1);
});

test('same-string proposals are searched for in one worker, which also finds them in a document imported after its first search', async ({
  page,
}) => {
  const started: string[] = [];
  page.on('worker', (worker) => {
    if (/same-string-worker/.test(worker.url())) started.push(worker.url());
  });
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  const text = page.getByRole('article', { name: 'Document text' });
  await dragSelect(page, 'budget', 1);
  await page.keyboard.press('e');
  await expect(text.locator('[data-suggestion="true"][data-label="EVENT"]')).toHaveText('budget');
  expect(started).toHaveLength(1);

  // The worker read the project's texts at that first span; the new document reaches it through the change log.
  const note = 'Zephyr spoke first. Then Zephyr left.';
  await page.getByLabel('Import documents').setInputFiles([{ name: 'zephyr-note.txt', mimeType: 'text/plain', buffer: Buffer.from(note) }]);
  await openDocument(page, 'zephyr-note');
  await dragSelect(page, 'Zephyr', 1);
  await page.keyboard.press('e');
  await expect(text.locator('[data-suggestion="true"][data-label="EVENT"]')).toHaveText('Zephyr');
  expect(started).toHaveLength(1);
});

test('a span undone or deleted takes back the same-string proposals it made', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  const text = page.getByRole('article', { name: 'Document text' });
  const spans = text.locator('[data-label="EVENT"]:not([data-suggestion])', { hasText: 'budget' });
  const suggestion = text.locator('[data-suggestion="true"][data-label="EVENT"]');
  await dragSelect(page, 'budget', 1);
  await page.keyboard.press('e');
  await expect(suggestion).toHaveText('budget');

  // Undone: the proposal goes too, in storage (not only on screen).
  await page.keyboard.press('Control+z');
  await expect(spans).toHaveCount(0);
  await expect(suggestion).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour city opens new tram line' })).toBeVisible();
  await expect(text.locator('[data-span-id]').first()).toBeVisible();
  await expect(suggestion).toHaveCount(0);

  // Made again, it is proposed again (a withdrawn proposal is not a rejected one); deleted, it goes.
  await dragSelect(page, 'budget', 1);
  await page.keyboard.press('e');
  await expect(suggestion).toHaveText('budget');
  await spans.click();
  await page.keyboard.press('Delete');
  await expect(spans).toHaveCount(0);
  await expect(suggestion).toHaveCount(0);
});

test('accept all from the panel; a click accepts one', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  await dragSelect(page, 'budget', 2);
  await page.keyboard.press('e');
  const text = page.getByRole('article', { name: 'Document text' });
  const suggestion = text.locator('[data-suggestion="true"]');
  await expect(suggestion).toHaveCount(1);
  await suggestion.click();
  await expect(suggestion).toHaveCount(0);
  await expect(text.locator('[data-label="EVENT"]', { hasText: 'budget' })).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(suggestion).toHaveCount(1);
  await page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: 'Accept all EVENT (1)' }).click();
  await expect(suggestion).toHaveCount(0);
});

test('marking documents Done trains the tagger in a worker; the panel shows held-out precision and recall', async ({ page }) => {
  await openApp(page);
  for (const title of [
    'Harbour city opens new tram line',
    'Panen raya padi di Lembah Sirna',
    'La biblioteca de Valdeluz cumple cien años',
  ]) {
    await openDocument(page, title);
    await page.getByLabel('Document status').selectOption('done');
  }
  const panel = page.getByRole('region', { name: 'Suggestions' });
  await panel.getByText('Rules and tagger').click();
  await expect(panel.getByRole('status')).toContainText(/Held-out fifth \(1 documents\): precision \d+ %, recall \d+ %/, {
    timeout: 30_000,
  });
});

test('a patterns file proposes its matches; its bad lines are reported with their number', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  const patterns = [
    '{"label": "ORG", "pattern": [{"LOWER": "quay"}, {"IS_TITLE": true, "OP": "+"}]}',
    '{"label": "ORG", "pattern": [{"POS": "PROPN"}]}',
  ].join('\n');
  await page
    .getByLabel('Suggestion patterns file')
    .setInputFiles([{ name: 'patterns.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(patterns) }]);
  await expect(page.getByText('patterns.jsonl, line 2: token 1: POS needs a trained spaCy pipeline')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Document text' }).locator('[data-suggestion="true"][data-label="ORG"]')).toHaveText(
    'Quay Street',
  );
});

test('a long document opens with its many suggestions: those in view at once, all of them soon, each reachable with { and Enter', async ({
  page,
}) => {
  await openApp(page);
  const paragraphs = Array.from({ length: 300 }, (_, i) => `Paragraph ${i + 1}: the council met on Monday.`);
  await page.getByLabel('Import documents').setInputFiles([
    {
      name: 'long.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(JSON.stringify({ title: 'Long minutes', text: paragraphs.join('\n\n') })),
    },
  ]);
  await openDocument(page, 'Long minutes');
  const patterns = ['{"label":"ORG","pattern":"council"}', '{"label":"DATE","pattern":"Monday"}'].join('\n');
  await page
    .getByLabel('Suggestion patterns file')
    .setInputFiles([{ name: 'minutes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(patterns) }]);
  await expect(page.getByText('600 new suggestions from minutes.jsonl.')).toBeVisible();

  // Opened again: 600 marks are more than are drawn in one go.
  await openDocument(page, 'Harbour city opens new tram line');
  await openDocument(page, 'Long minutes');
  const text = page.getByRole('article', { name: 'Document text' });
  const suggestions = text.locator('[data-suggestion="true"]');
  await expect(suggestions.first()).toBeInViewport();
  await expect(suggestions).toHaveCount(600);

  // { from none selects the last one, at the end of the document: brought into view, Enter accepts it.
  await openDocument(page, 'Harbour city opens new tram line');
  await openDocument(page, 'Long minutes');
  await text.focus();
  await page.keyboard.press('Shift+{');
  const last = text.locator('[data-suggestion="true"].span--selected');
  await expect(last).toHaveText('Monday');
  await expect(last).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(suggestions).toHaveCount(599);
  await expect(text.locator('.doc-line').last().locator('[data-span-id][data-label="DATE"]')).toHaveText('Monday');
});
