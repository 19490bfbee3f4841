// One window per project: a second page (a tab on the same IndexedDB) that opens a project
// open in the first says so and can take it; from then on the first writes nothing to it.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { dragSelect, openApp, openDocument, renderedSpans } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

// Two pages, an axe check per screen and a reload: more than one page's worth of time.
test.describe.configure({ timeout: 180_000 });

async function projectName(page: Page): Promise<string> {
  return ((await page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent()) ?? '').trim();
}

async function labelAs(page: Page, text: string, label: string): Promise<void> {
  await dragSelect(page, text);
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await expect(page.locator(`[data-label="${label}"]`, { hasText: text })).toHaveCount(1);
  await expect(page.getByText('All changes saved')).toBeVisible();
}

test('a project open in one tab is refused in another; taking it stops the first, and nothing is overwritten', async ({
  context,
  page,
}) => {
  await openApp(page);
  await openDocument(page, HARBOUR);
  const project = await projectName(page);
  await labelAs(page, 'Quay Street station', 'LOC');

  // A second tab on the same project: told, not shown.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('heading', { level: 1, name: `${project} is open in another window` })).toBeVisible();
  await expect(second.getByRole('list', { name: 'Documents' })).toHaveCount(0);
  await second.screenshot({ path: test.info().outputPath('busy.png') });
  await expectNoAccessibilityViolations(second, 'the screen of a project open in another window');

  // Taken here: the second tab shows it (with the first tab's edit), the first says it lost it.
  await second.getByRole('button', { name: 'Use it here instead' }).click();
  await expect(second.getByRole('list', { name: 'Documents' })).toBeVisible();
  await openDocument(second, HARBOUR);
  expect((await renderedSpans(second)).filter((s) => s.text === 'Quay Street station')).toEqual([
    expect.objectContaining({ label: 'LOC' }),
  ]);
  await expect(page.getByRole('heading', { level: 1, name: `${project} was opened in another window` })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Document text' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('lost.png') });
  await expectNoAccessibilityViolations(page, 'the screen of a project opened in another window');

  // The second tab relabels the first tab's span and deletes another: its edits stand.
  await second.locator('[data-label="LOC"]', { hasText: 'Quay Street station' }).first().click();
  await second.getByRole('button', { name: /^ORG/ }).click();
  await expect(second.locator('[data-label="ORG"]', { hasText: 'Quay Street station' })).toHaveCount(1);
  const before = await renderedSpans(second);
  const removed = before.find((s) => s.label === 'PERSON');
  expect(removed).toBeDefined();
  await second.locator(`[data-span-id="${removed?.id}"]`).first().click();
  await second.keyboard.press('Delete');
  await expect(second.locator(`[data-span-id="${removed?.id}"]`)).toHaveCount(0);
  await expect(second.getByText('All changes saved')).toBeVisible();

  // The first tab takes it back: it reads the second tab's work (nothing of its own comes back),
  // and the second tab now says it lost it.
  await page.getByRole('button', { name: 'Use it here again' }).click();
  await expect(second.getByRole('heading', { level: 1, name: `${project} was opened in another window` })).toBeVisible();
  await openDocument(page, HARBOUR);
  const after = await renderedSpans(page);
  expect(after.filter((s) => s.text === 'Quay Street station')).toEqual([expect.objectContaining({ label: 'ORG' })]);
  expect(after.find((s) => s.id === removed?.id)).toBeUndefined();
  // And after a reload, as stored.
  await page.reload();
  await openDocument(page, HARBOUR);
  const stored = await renderedSpans(page);
  expect(stored.filter((s) => s.text === 'Quay Street station')).toEqual([expect.objectContaining({ label: 'ORG' })]);
  expect(stored.find((s) => s.id === removed?.id)).toBeUndefined();
});

test("two different projects in two tabs both work, and a tab cannot switch to the other tab's project", async ({ context, page }) => {
  await openApp(page);
  const demo = await projectName(page);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('heading', { level: 1, name: `${demo} is open in another window` })).toBeVisible();

  // The second tab opens another project: a new one.
  await second.getByRole('button', { name: 'Open another project' }).click();
  await second.getByRole('button', { name: 'New project…' }).click();
  await second.getByLabel('Project name').fill('Second project');
  await second.getByRole('button', { name: 'Create project' }).click();
  await expect(second.getByRole('combobox', { name: 'Project' })).toHaveValue(/.+/);
  expect(await projectName(second)).toBe('Second project');

  // Both tabs work: the first still edits the demo project.
  await openDocument(page, HARBOUR);
  await labelAs(page, 'Quay Street station', 'LOC');

  // Switching the second tab to the demo project is refused there; it goes back to its own.
  await second.getByRole('combobox', { name: 'Project' }).selectOption({ label: demo });
  await expect(second.getByRole('heading', { level: 1, name: `${demo} is open in another window` })).toBeVisible();
  await second.getByRole('button', { name: 'Open another project' }).click();
  await second.getByRole('region', { name: 'Other projects' }).getByRole('button', { name: 'Second project' }).click();
  await expect(second.getByRole('combobox', { name: 'Project' })).toBeVisible();
  expect(await projectName(second)).toBe('Second project');

  // The first tab was never disturbed.
  await expect(page.getByRole('article', { name: 'Document text' })).toBeVisible();
  await labelAs(page, 'Eastside tram', 'LOC');

  // Nor can it delete the project open in the second tab.
  await page.getByRole('button', { name: 'Projects…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Projects' });
  await dialog.getByRole('button', { name: 'Delete Second project' }).click();
  const confirm = dialog.getByRole('group', { name: 'Delete project?' });
  await confirm.getByLabel('Project name to delete').fill('Second project');
  await confirm.getByRole('button', { name: 'Delete project' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“Second project” is open in another window: close it there first.');
  await expect(second.getByRole('combobox', { name: 'Project' }).getByRole('option')).toHaveText([demo, 'Second project']);
});
