// Narrow windows, the panels' toggles, the top bar's menu, and the appearance settings (theme
// and document text size): what a person at 200 % zoom, or who prefers dark, relies on.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { exportLines, openApp, teammateFile, type ExportedLine } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

/** A 1280-pixel window at 200 % zoom. */
const NARROW = { width: 640, height: 800 };

const documentText = (page: Page) => page.getByRole('article', { name: 'Document text' });
const listToggle = (page: Page) => page.getByRole('button', { name: 'Document list' });
const sideToggle = (page: Page) => page.getByRole('button', { name: 'Side panel' });
const documentList = (page: Page) => page.getByRole('list', { name: 'Documents' });
const palette = (page: Page) => page.getByRole('button', { name: /^PERSON/ });

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function openSettings(page: Page) {
  // Wide windows have a Settings button; narrow ones reach it through the menu.
  const button = page.getByRole('button', { name: 'Settings', exact: true });
  if (await button.isVisible()) await button.click();
  else {
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Settings…' }).click();
  }
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('narrow windows', () => {
  test.use({ viewport: NARROW });

  test('at 640 px the page never scrolls sideways and the panels start closed over a readable text', async ({ page }) => {
    await page.goto('/');
    await expect(documentText(page)).toBeVisible();
    await expect(listToggle(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(sideToggle(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(documentList(page)).toBeHidden();
    await expect(palette(page)).toBeHidden();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The text has most of the window, in a readable size.
    const box = await documentText(page).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(560);
    expect(await documentText(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);

    // Each panel opens over the text, one at a time, and the page still fits.
    await listToggle(page).click();
    await expect(listToggle(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(documentList(page)).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await sideToggle(page).click();
    await expect(sideToggle(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(palette(page)).toBeVisible();
    await expect(documentList(page)).toBeHidden();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await sideToggle(page).click();
    await expect(palette(page)).toBeHidden();

    // Escape in a panel over the text closes it and gives the focus back to its toggle.
    await sideToggle(page).press('Enter');
    await palette(page).focus();
    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();
    await expect(sideToggle(page)).toBeFocused();

    // From the keyboard: the toggle opens the list; choosing a document closes it again.
    await listToggle(page).focus();
    await page.keyboard.press('Enter');
    await expect(documentList(page)).toBeVisible();
    await documentList(page)
      .getByRole('listitem', { name: /^Panen raya/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /^Panen raya/ })).toBeVisible();
    await expect(documentList(page)).toBeHidden();
    await expect(listToggle(page)).toHaveAttribute('aria-expanded', 'false');
  });

  test('the top bar folds its actions into a menu that works from the keyboard', async ({ page }) => {
    await page.goto('/');
    await expect(documentText(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
    const more = page.getByRole('button', { name: 'More actions' });
    await expect(more).toHaveAttribute('aria-haspopup', 'menu');
    await expect(more).toHaveAttribute('aria-expanded', 'false');

    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More actions' });
    await expect(menu).toBeVisible();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('menuitem', { name: 'New project…' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Import documents…' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(menu.getByRole('menuitem', { name: 'Settings…' })).toBeFocused();
    // A label's hotkey typed in the menu labels nothing.
    await page.keyboard.press('p');
    // Escape closes it and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect(page.getByText('Select some text in the document first', { exact: false })).toHaveCount(0);
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();
    await expect(more).toHaveAttribute('aria-expanded', 'false');

    // An item opens what it names; closing that returns to the menu's button.
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'New project…' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: 'Settings…' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: 'Keyboard shortcuts' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expect(menu).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await expect(more).toBeFocused();

    // A click outside closes it too.
    await more.click();
    await expect(menu).toBeVisible();
    await page.getByRole('heading', { level: 1 }).click();
    await expect(menu).toBeHidden();
  });

  test('at 640 px the main screen passes axe, light and dark, panels open or not', async ({ page }) => {
    await page.goto('/');
    await expect(documentText(page)).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the main screen at 640 px');
    await sideToggle(page).click();
    await expect(palette(page)).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the main screen at 640 px with the side panel open');
    await sideToggle(page).click();
    const settings = await openSettings(page);
    await settings.getByRole('radio', { name: 'Dark' }).check();
    await settings.getByRole('button', { name: 'Done' }).click();
    await listToggle(page).click();
    await expect(documentList(page)).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the main screen at 640 px, dark, with the document list open');
  });
});

test.describe('wide windows', () => {
  test('the panels start open and each toggle hides and shows its panel', async ({ page }) => {
    await openApp(page);
    await expect(listToggle(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(sideToggle(page)).toHaveAttribute('aria-expanded', 'true');
    const wide = (await documentText(page).boundingBox())?.width ?? 0;

    await listToggle(page).click();
    await expect(documentList(page)).toBeHidden();
    await expect(listToggle(page)).toHaveAttribute('aria-expanded', 'false');
    await sideToggle(page).click();
    await expect(palette(page)).toBeHidden();
    // The text keeps its readable measure; its pane takes the room.
    const pane = (await page.getByRole('main').boundingBox())?.width ?? 0;
    expect(pane).toBeGreaterThan(1300);
    expect((await documentText(page).boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(wide - 1);

    await listToggle(page).click();
    await sideToggle(page).click();
    await expect(documentList(page)).toBeVisible();
    await expect(palette(page)).toBeVisible();
  });
});

test.describe('appearance settings', () => {
  test('the dark theme changes the page and is still chosen after a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openApp(page);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();

    const settings = await openSettings(page);
    await expect(settings.getByRole('radio', { name: 'As the system' })).toBeChecked();
    await settings.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    await settings.getByRole('button', { name: 'Done' }).click();
    await expect(settings).toBeHidden();

    await page.reload({ waitUntil: 'domcontentloaded' });
    // Dark from the start (a remembered copy), before the settings are read.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect(documentText(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe(dark);
    await expectNoAccessibilityViolations(page, 'the main screen in the dark theme');

    // "As the system" follows the system's preference.
    const again = await openSettings(page);
    await again.getByRole('radio', { name: 'As the system' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('the document text size changes the text and is remembered', async ({ page }) => {
    await openApp(page);
    const fontSize = () => documentText(page).evaluate((el) => getComputedStyle(el).fontSize);
    expect(await fontSize()).toBe('17px');

    const settings = await openSettings(page);
    const size = settings.getByRole('slider', { name: 'Document text size' });
    await size.fill('22');
    await expect(settings.getByText('22 px')).toBeVisible();
    expect(await fontSize()).toBe('22px');
    await size.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await fontSize()).toBe('21px');
    await settings.getByRole('button', { name: 'Done' }).click();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
    expect(await fontSize()).toBe('21px');
  });

  test('in the dark theme, review and the agreement view (heat maps) pass axe', async ({ page }) => {
    await openApp(page);
    const settings = await openSettings(page);
    await settings.getByRole('radio', { name: 'Dark' }).check();
    await settings.getByRole('button', { name: 'Done' }).click();
    const welcome = page.getByRole('region', { name: 'Welcome' });
    await welcome.getByLabel('Your name').fill('Rita');
    await welcome.getByRole('button', { name: 'Save' }).click();
    const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
    await page.getByLabel('Import teammate work').setInputFiles([
      teammateFile(harbour, { id: 'ana', name: 'Ana' }, [
        ['Dana Whitcombe', 'PERSON'],
        ['Coastlink', 'ORG'],
      ]),
      teammateFile(harbour, { id: 'ben', name: 'Ben' }, [
        ['Dana Whitcombe', 'PERSON'],
        ['Coastlink', 'LOC'],
      ]),
    ]);
    await page.getByRole('dialog', { name: 'Teammate work' }).getByRole('button', { name: 'Merge' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toBeVisible();

    await page.getByRole('button', { name: 'Review' }).click();
    await page
      .getByRole('list', { name: 'Documents' })
      .getByRole('listitem', { name: new RegExp(`^${HARBOUR}`) })
      .click();
    await expect(page.getByRole('checkbox', { name: 'Ana' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'review in the dark theme');

    await page.getByRole('button', { name: 'Agreement', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Agreement' });
    await expect(dialog.getByRole('table').first()).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the agreement view in the dark theme', { include: 'dialog' });
  });
});
