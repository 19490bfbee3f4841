// The keyboard-first workbench: every key on one sheet (?), documents stepped from the keyboard.
import { expect, test } from '@playwright/test';
import { openApp, openDocument } from './helpers';

test('? shows every key, from the one keymap and the project’s hotkeys', async ({ page }) => {
  await openApp(page);
  await page.getByRole('article', { name: 'Document text' }).focus();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('region', { name: 'Relations' })).toContainText('Start a relation from the selected span');
  await expect(sheet.getByRole('region', { name: 'Documents' })).toContainText('Alt+PageDown');
  await expect(sheet.getByRole('region', { name: 'This project\'s hotkeys' })).toContainText('Label the selection PERSON');
  await expect(sheet.getByRole('region', { name: 'This project\'s hotkeys' })).toContainText('Start a SOURCE relation');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  // Focus goes back where it was.
  await expect(page.getByRole('article', { name: 'Document text' })).toBeFocused();
});

test('Alt+PageDown and Alt+PageUp step through the documents; Alt+Shift+PageDown finds the next to do', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByRole('heading', { level: 1, name: 'Panen raya padi di Lembah Sirna' })).toBeVisible();
  await page.keyboard.press('Alt+PageUp');
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour city opens new tram line' })).toBeVisible();
  // Mark the next two done; the next document to do is then the last one.
  for (const title of ['Panen raya padi di Lembah Sirna', 'La biblioteca de Valdeluz cumple cien años']) {
    await openDocument(page, title);
    await page.getByLabel('Document status').selectOption('done');
  }
  await openDocument(page, 'Harbour city opens new tram line');
  await page.getByRole('article', { name: 'Document text' }).focus();
  await page.keyboard.press('Alt+Shift+PageDown');
  await expect(page.getByRole('heading', { level: 1, name: 'Le festival de Saint-Aubrac attire un public record' })).toBeVisible();
});
