// Exact boundaries: a selection snaps to tokens that split off possessives (Haiti in Haiti’s);
// with Snap to words off, or Alt held while selecting, a span keeps exactly the selected
// characters (Januari in Januaritempat); Ctrl+Alt+arrows move an edge by one character.
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, openApp, openDocument, renderedSpans } from './helpers';

// A made-up wire report, glued words and all, as a careless feed delivers them.
const ARTICLE = [
  'Storm update from the islands',
  '',
  'Rain fell on Haiti’s southern coast overnight, and Port-au-Prince’s airport closed until noon.',
  'Di Lembah Sirna hujan turun pada Januaritempat warga menunggu bantuan.',
  'L’Assemblée d’Haïti se réunira jeudi.',
].join('\n');

async function importArticle(page: Page): Promise<void> {
  await openApp(page);
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'storm-update.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) }]);
  await openDocument(page, 'storm-update');
}

const spanTexts = async (page: Page, label: string) => (await renderedSpans(page)).filter((s) => s.label === label).map((s) => s.text);

test('a mouse selection of Haiti in Haiti’s gives the span Haiti; Port-au-Prince’s gives Port-au-Prince', async ({ page }) => {
  await importArticle(page);
  await expect(page.getByRole('switch', { name: 'Snap to words' })).toBeChecked();
  await dragSelect(page, 'Haiti');
  await page.keyboard.press('l');
  await expect.poll(() => spanTexts(page, 'LOC')).toEqual(['Haiti']);
  await dragSelect(page, 'ort-au-Prin');
  await page.keyboard.press('l');
  await expect.poll(() => spanTexts(page, 'LOC')).toEqual(['Haiti', 'Port-au-Prince']);
  await dragSelect(page, 'ssemblée');
  await page.keyboard.press('o');
  await expect.poll(() => spanTexts(page, 'ORG')).toEqual(['Assemblée']);
});

test('with Snap to words off, Januari in Januaritempat is exactly Januari, and the switch is remembered', async ({ page }) => {
  await importArticle(page);
  // Snapping on: the glued word comes whole.
  await dragSelect(page, 'Januari');
  await page.keyboard.press('d');
  await expect.poll(() => spanTexts(page, 'DATE')).toEqual(['Januaritempat']);
  await page.keyboard.press('Delete');
  await expect.poll(() => spanTexts(page, 'DATE')).toEqual([]);

  const snap = page.getByRole('switch', { name: 'Snap to words' });
  await snap.click();
  await expect(snap).not.toBeChecked();
  await dragSelect(page, 'Januari');
  await page.keyboard.press('d');
  await expect.poll(() => spanTexts(page, 'DATE')).toEqual(['Januari']);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'storm-update' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Snap to words' })).not.toBeChecked();
  await page.getByRole('switch', { name: 'Snap to words' }).click();
  await expect(page.getByRole('switch', { name: 'Snap to words' })).toBeChecked();
});

test('Alt held while selecting keeps the exact characters once, with Snap to words on', async ({ page }) => {
  await importArticle(page);
  await page.keyboard.down('Alt');
  await dragSelect(page, 'Januari');
  await page.keyboard.up('Alt');
  await page.keyboard.press('d');
  await expect.poll(() => spanTexts(page, 'DATE')).toEqual(['Januari']);
  // The next selection, without Alt, snaps again.
  await dragSelect(page, 'Sirn');
  await page.keyboard.press('l');
  await expect.poll(() => spanTexts(page, 'LOC')).toEqual(['Sirna']);
});

test('Ctrl+Alt+arrows move an edge by one character, Alt+arrows by one token', async ({ page }) => {
  await importArticle(page);
  const details = page.getByRole('region', { name: 'Selected span' });
  await dragSelect(page, 'ort-au-Prin');
  await page.keyboard.press('l');
  await expect(details.locator('blockquote')).toHaveText('Port-au-Prince');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(details.locator('blockquote')).toHaveText('Port-au-Prince’s');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(details.locator('blockquote')).toHaveText('Port-au-Prince');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Control+Alt+ArrowLeft');
  await expect(details.locator('blockquote')).toHaveText('Port');
  await page.keyboard.press('Control+Alt+Shift+ArrowRight');
  await expect(details.locator('blockquote')).toHaveText('ort');
  await page.keyboard.press('Control+Alt+Shift+ArrowLeft');
  await expect.poll(() => spanTexts(page, 'LOC')).toEqual(['Port']);
  await page.keyboard.press('Control+z');
  await expect(details.locator('blockquote')).toHaveText('ort');
  // The keys are on the shortcut sheet, drawn from the keymap.
  await page.getByRole('article', { name: 'Document text' }).focus();
  await page.keyboard.press('Shift+?');
  const spans = page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('region', { name: 'Spans' });
  await expect(spans).toContainText('Ctrl+Alt+←');
  await expect(spans).toContainText('Move the selected span’s start one character later');
});
