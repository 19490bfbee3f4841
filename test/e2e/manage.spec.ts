import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { openApp, openDocument, renderedSpans } from './helpers';

const DEMO = 'Demo: multilingual news';
const HARBOUR = 'Harbour city opens new tram line';

test('a document’s title and details are edited, undoably', async ({ page }) => {
  await openApp(page);
  await openDocument(page, HARBOUR);
  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.getByLabel('Title').fill('Tram line opens in Port Ellis');
  await dialog.getByLabel('Language (BCP 47, e.g. en, id, es)').fill('en');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Tram line opens in Port Ellis' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Documents' });
  await expect(list.getByRole('listitem', { name: /^Tram line opens in Port Ellis, / })).toBeVisible();

  // An empty title is refused with the reason.
  await page.getByRole('button', { name: 'Details…' }).click();
  await dialog.getByLabel('Title').fill(' ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A document needs a title.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('article', { name: 'Document text' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
});

test('a document goes to the trash with every annotation, comes back whole, and can be deleted for good', async ({ page }) => {
  await openApp(page);
  await openDocument(page, HARBOUR);
  const before = await renderedSpans(page);
  expect(before).toHaveLength(9);
  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.getByRole('button', { name: 'Move to trash…' }).click();
  const confirm = dialog.getByRole('group', { name: 'Move to trash?' });
  await expect(confirm).toContainText(`“${HARBOUR}” goes to the trash with its 9 spans`);
  await expectNoAccessibilityViolations(page, 'document details, move to trash');
  await confirm.getByRole('button', { name: 'Move to trash' }).click();
  await expect(dialog).toBeHidden();

  const list = page.getByRole('list', { name: 'Documents' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(HARBOUR);
  await page.getByRole('button', { name: 'Trash (1)' }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await expect(trash.getByRole('list', { name: 'Removed documents' })).toContainText(HARBOUR);
  await expect(trash.getByRole('list', { name: 'Removed documents' })).toContainText('9 spans');
  await expectNoAccessibilityViolations(page, 'trash');
  await trash.getByRole('button', { name: `Restore ${HARBOUR}` }).click();
  await expect(trash).toContainText('The trash is empty');
  await trash.getByRole('button', { name: 'Close' }).click();

  // Back whole: the same spans, ids and all, and it opens.
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
  expect(await renderedSpans(page)).toEqual(before);

  // Deleted for good: gone after a reload, the trash empty.
  await page.getByRole('button', { name: 'Details…' }).click();
  await dialog.getByRole('button', { name: 'Move to trash…' }).click();
  await confirm.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('button', { name: 'Trash (1)' }).click();
  await trash.getByRole('button', { name: `Delete ${HARBOUR} for good` }).click();
  await trash.getByRole('group', { name: 'Delete for good?' }).getByRole('button', { name: 'Delete for good' }).click();
  await expect(trash).toContainText('The trash is empty');
  await trash.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Trash', exact: true })).toBeVisible();
});

test('projects are renamed, and deleted after their bundle is offered and their name typed', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog', { name: 'New project' }).getByLabel('Project name').fill('Scratch');
  await page.getByRole('dialog', { name: 'New project' }).getByRole('button', { name: 'Create project' }).click();
  const picker = page.getByRole('combobox', { name: 'Project' });
  await expect(picker.locator('option:checked')).toHaveText('Scratch');

  await page.getByRole('button', { name: 'Projects…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Projects' });
  await dialog.getByRole('button', { name: `Rename ${DEMO}` }).click();
  await dialog.getByLabel('Project name', { exact: true }).fill('Newsroom pilot');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(picker.getByRole('option')).toHaveText(['Newsroom pilot', 'Scratch']);

  await dialog.getByRole('button', { name: 'Delete Scratch' }).click();
  const confirm = dialog.getByRole('group', { name: 'Delete project?' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    confirm.getByRole('button', { name: 'Save a project bundle…' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/Scratch.*\.spanwright/);
  const remove = confirm.getByRole('button', { name: 'Delete project' });
  await expect(remove).toBeDisabled();
  await expectNoAccessibilityViolations(page, 'projects, delete confirmation');
  await confirm.getByLabel('Project name to delete').fill('Scratch');
  await remove.click();
  await expect(picker.getByRole('option')).toHaveText(['Newsroom pilot']);
  await expect(picker.locator('option:checked')).toHaveText('Newsroom pilot');
  await expect(dialog.getByRole('button', { name: 'Delete Newsroom pilot' })).toBeDisabled();
  await page.reload();
  await expect(picker.getByRole('option')).toHaveText(['Newsroom pilot']);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);
});
