import { expect, test } from '@playwright/test';
import { openApp } from './helpers';
test('explore', async ({ page }) => {
  await openApp(page);
  console.log(await page.getByRole('region', { name: 'Labels' }).ariaSnapshot());
  console.log(await page.getByRole('navigation', { name: 'Document navigation' }).ariaSnapshot());
  console.log(await page.locator('[data-label="PERSON"]').first().evaluate((e) => getComputedStyle(e).backgroundColor));
  console.log(await page.locator('main').count(), await page.getByRole('main').count());
});
