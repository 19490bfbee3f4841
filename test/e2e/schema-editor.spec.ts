// The Labels dialog as a schema editor: attributes of a label, relation types, document
// categories; a rename undone with Ctrl+Z; everything kept over a reload.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { exportLines, openApp, openDocument, teammateFile, type ExportedLine } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

async function openLabels(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeLabels(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function showTab(dialog: Locator, name: string): Promise<Locator> {
  await dialog.getByRole('tab', { name }).click();
  await expect(dialog.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  return dialog.getByRole('tabpanel', { name });
}

test('attributes, a relation type and a document category are added, a rename is undone, and all survive a reload', async ({ page }) => {
  await openApp(page);
  await openDocument(page, HARBOUR);
  let dialog = await openLabels(page);

  // An attribute on ORG: one of a list, required.
  const labels = dialog.getByRole('tabpanel', { name: 'Labels' });
  await expect(labels.getByRole('heading', { name: 'Labels' })).toBeVisible();
  const toggle = labels.getByRole('button', { name: 'Attributes of ORG' });
  await expect(toggle).toHaveText(/1 attribute/);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const orgAttributes = labels.getByRole('region', { name: 'Attributes of ORG' });
  await expect(orgAttributes.getByLabel('Name of attribute kb_id of ORG')).toHaveValue('kb_id');
  await orgAttributes.getByLabel('Name of new attribute of ORG').fill('sector');
  await orgAttributes.getByLabel('Type of new attribute of ORG').selectOption({ label: 'one of a list' });
  await orgAttributes.getByRole('button', { name: 'Add attribute to ORG' }).click();
  await expect(orgAttributes.getByRole('alert')).toHaveText('The attribute sector needs at least one value.');
  await orgAttributes.getByLabel('Values of new attribute of ORG').fill('public, private ,');
  await orgAttributes.getByRole('checkbox', { name: 'New attribute of ORG is required' }).check();
  await orgAttributes.getByLabel('Description of new attribute of ORG').fill('Who owns it');
  await orgAttributes.getByRole('button', { name: 'Add attribute to ORG' }).click();
  await expect(orgAttributes.getByLabel('Name of attribute sector of ORG')).toHaveValue('sector');
  await expect(orgAttributes.getByLabel('Values of attribute sector of ORG')).toHaveValue('public, private');
  await expect(orgAttributes.getByRole('checkbox', { name: 'Attribute sector of ORG is required' })).toBeChecked();
  await expect(orgAttributes.getByLabel('Name of new attribute of ORG')).toHaveValue('');
  await expect(toggle).toHaveText(/2 attributes/);
  await page.screenshot({ path: '/tmp/schema-editor-labels.png' });

  // A relation type ORG -> LOC; the keys the app keeps and keys in use are refused, with the reason.
  const relations = await showTab(dialog, 'Relation types');
  await expect(relations.getByRole('heading', { name: 'Relation types' })).toBeVisible();
  const fresh = relations.getByRole('region', { name: 'The new relation type' });
  await fresh.getByLabel('Name of the new relation type').fill('BASED_IN');
  await fresh.getByLabel('Hotkey of the new relation type').fill('r');
  await fresh.getByRole('group', { name: 'Source labels of the new relation type' }).getByRole('checkbox', { name: 'ORG' }).check();
  await fresh.getByRole('group', { name: 'Target labels of the new relation type' }).getByRole('checkbox', { name: 'LOC' }).check();
  await fresh.getByRole('button', { name: 'Add relation type' }).click();
  await expect(fresh.getByRole('alert')).toHaveText('Hotkey r is kept for starting a relation.');
  await fresh.getByLabel('Hotkey of the new relation type').fill('s');
  await fresh.getByRole('button', { name: 'Add relation type' }).click();
  await expect(fresh.getByRole('alert')).toHaveText('Hotkey s is already used by the relation type SOURCE.');
  await fresh.getByLabel('Hotkey of the new relation type').fill('i');
  await fresh.getByLabel('Description of the new relation type').fill('Where an organisation is based');
  await fresh.getByRole('button', { name: 'Add relation type' }).click();
  const basedIn = relations.getByRole('region', { name: 'Relation type BASED_IN' });
  await expect(basedIn.getByLabel('Name of relation type BASED_IN')).toHaveValue('BASED_IN');
  await expect(basedIn.getByRole('checkbox', { name: 'Relation type BASED_IN is directed' })).toBeChecked();
  await expect(
    basedIn.getByRole('group', { name: 'Source labels of relation type BASED_IN' }).getByRole('checkbox', { checked: true }),
  ).toHaveAccessibleName('ORG');
  await expect(
    basedIn.getByRole('group', { name: 'Target labels of relation type BASED_IN' }).getByRole('checkbox', { checked: true }),
  ).toHaveAccessibleName('LOC');
  await expect(fresh.getByLabel('Name of the new relation type')).toHaveValue('');
  await page.screenshot({ path: '/tmp/schema-editor.png' });

  // Renamed, then the rename is undone with Ctrl+Z once the dialog is closed.
  await basedIn.getByLabel('Name of relation type BASED_IN').fill('HEADQUARTERED_IN');
  await basedIn.getByRole('button', { name: 'Save relation type BASED_IN' }).click();
  await expect(relations.getByRole('region', { name: 'Relation type HEADQUARTERED_IN' })).toBeVisible();
  await expect(relations.getByRole('region', { name: 'Relation type BASED_IN' })).toHaveCount(0);
  await closeLabels(page);
  await expect(page.getByRole('button', { name: 'Labels', exact: true })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('All changes saved')).toBeVisible();
  dialog = await openLabels(page);
  let relationsAgain = await showTab(dialog, 'Relation types');
  await expect(relationsAgain.getByRole('region', { name: 'Relation type BASED_IN' })).toBeVisible();
  await expect(relationsAgain.getByRole('region', { name: 'Relation type HEADQUARTERED_IN' })).toHaveCount(0);

  // A document category: one value per document, values with an optional hotkey.
  const categories = await showTab(dialog, 'Document categories');
  const newCategory = categories.getByRole('region', { name: 'The new category' });
  await newCategory.getByLabel('Name of the new category').fill('genre');
  await newCategory.getByLabel('Name of value 1 of the new category').fill('news');
  await newCategory.getByLabel('Hotkey of value 1 of the new category').fill('1');
  await newCategory.getByRole('button', { name: 'Add a value to the new category' }).click();
  await newCategory.getByLabel('Name of value 2 of the new category').fill('opinion');
  await newCategory.getByRole('button', { name: 'Add category' }).click();
  await expect(newCategory.getByRole('alert')).toHaveText('news: Hotkey 1 is kept for accepting a version in review.');
  await newCategory.getByLabel('Hotkey of value 1 of the new category').fill('g');
  await newCategory.getByRole('button', { name: 'Add category' }).click();
  const genre = categories.getByRole('region', { name: 'Category genre' });
  await expect(genre.getByLabel('Name of value 2 of category genre')).toHaveValue('opinion');
  await expect(genre.getByRole('checkbox', { name: 'Category genre allows several values' })).not.toBeChecked();
  await genre.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/schema-editor-categories.png' });
  await closeLabels(page);

  // Everything is kept.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
  dialog = await openLabels(page);
  await dialog.getByRole('button', { name: 'Attributes of ORG' }).click();
  await expect(dialog.getByLabel('Values of attribute sector of ORG')).toHaveValue('public, private');
  await expect(dialog.getByLabel('Description of attribute sector of ORG')).toHaveValue('Who owns it');
  relationsAgain = await showTab(dialog, 'Relation types');
  const kept = relationsAgain.getByRole('region', { name: 'Relation type BASED_IN' });
  await expect(kept.getByLabel('Hotkey of relation type BASED_IN')).toHaveValue('i');
  await expect(kept.getByLabel('Description of relation type BASED_IN')).toHaveValue('Where an organisation is based');
  await expect(
    kept.getByRole('group', { name: 'Target labels of relation type BASED_IN' }).getByRole('checkbox', { name: 'LOC' }),
  ).toBeChecked();
  const categoriesAgain = await showTab(dialog, 'Document categories');
  const genreKept = categoriesAgain.getByRole('region', { name: 'Category genre' });
  await expect(genreKept.getByLabel('Name of value 1 of category genre')).toHaveValue('news');
  await expect(genreKept.getByLabel('Hotkey of value 1 of category genre')).toHaveValue('g');
  // Arrow keys move between tabs.
  await dialog.getByRole('tab', { name: 'Document categories' }).press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Labels' })).toBeFocused();
  await expect(dialog.getByRole('tab', { name: 'Labels' })).toHaveAttribute('aria-selected', 'true');
});

test('deleting names whose work goes with it, and undo brings it back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('region', { name: 'Welcome' }).getByLabel('Your name').fill('Rita');
  await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Save' }).click();
  const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  await page
    .getByLabel('Import teammate work')
    .setInputFiles([teammateFile(harbour, { id: 'ana', name: 'Ana' }, [['Dana Whitcombe', 'PERSON']])]);
  await page.getByRole('dialog', { name: 'Teammate work' }).getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 1 span' })).toBeVisible();
  await openDocument(page, HARBOUR);
  const mine = await page.locator('[data-label="PERSON"]').count();
  expect(mine).toBeGreaterThan(0);

  const dialog = await openLabels(page);
  await dialog.getByRole('button', { name: 'Delete PERSON' }).click();
  const confirm = dialog.getByRole('alertdialog', { name: 'Delete PERSON?' });
  await expect(confirm).toContainText(/spans use it and will be deleted too\./);
  await expect(confirm).toContainText(/By annotator: \d+ of Rita \(you\), 1 of Ana\./);
  await expect(confirm).toContainText('Undo (Ctrl+Z) brings the label and its spans back.');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.screenshot({ path: '/tmp/schema-editor-delete.png' });
  await confirm.getByRole('button', { name: 'Delete label' }).click();
  await expect(dialog.getByLabel('Name of PERSON', { exact: true })).toHaveCount(0);

  // A relation type nobody used yet: the confirmation says so.
  const relations = await showTab(dialog, 'Relation types');
  await relations.getByRole('button', { name: 'Delete relation type ABOUT' }).click();
  await expect(dialog.getByRole('alertdialog', { name: 'Delete ABOUT?' })).toContainText(
    'Delete the relation type ABOUT? No relation uses it.',
  );
  await dialog.getByRole('alertdialog', { name: 'Delete ABOUT?' }).getByRole('button', { name: 'Delete relation type' }).click();
  await expect(relations.getByRole('region', { name: 'Relation type ABOUT' })).toHaveCount(0);
  await closeLabels(page);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the relation type ABOUT.' })).toBeVisible();
  await expect(page.locator('[data-label="PERSON"]')).toHaveCount(0);

  // Two undos: the relation type, then the label with every span of both annotators.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-label="PERSON"]')).toHaveCount(mine);
  await expect(page.getByText('All changes saved')).toBeVisible();
  const again = await openLabels(page);
  await expect(again.getByLabel('Name of PERSON', { exact: true })).toHaveValue('PERSON');
  await showTab(again, 'Relation types');
  await expect(again.getByRole('region', { name: 'Relation type ABOUT' })).toBeVisible();
  await again.getByRole('tab', { name: 'Labels' }).click();
  await again.getByRole('button', { name: 'Delete PERSON' }).click();
  await expect(again.getByRole('alertdialog', { name: 'Delete PERSON?' })).toContainText(/1 of Ana\./);
});
