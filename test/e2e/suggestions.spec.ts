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
