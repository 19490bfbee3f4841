// Backups as a user meets them: an import and a label delete each leave a snapshot, the
// restore dialog lists them with date, reason and counts, and restoring the one taken
// before the delete brings the label's spans back (after a snapshot of the current state).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { openApp, openDocument, projectBundle } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

async function openBackups(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Projects…' }).click();
  await page.getByRole('dialog', { name: 'Projects' }).getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const backupsOfThisProject = (dialog: Locator) => dialog.getByRole('list', { name: 'Backups of this project' }).getByRole('listitem');

test('an import and a label delete leave snapshots; restoring one brings the deleted spans back', async ({ page }) => {
  await openApp(page);
  const projectName = (await page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent()) ?? '';

  // An import: the project as it was (4 documents) is saved first.
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'extra.txt', mimeType: 'text/plain', buffer: Buffer.from('A short extra article.') }]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document' })).toBeVisible();
  let dialog = await openBackups(page);
  const importBackup = backupsOfThisProject(dialog).filter({ hasText: 'Before an import' });
  await expect(importBackup).toHaveCount(1);
  await expect(importBackup).toContainText(`${projectName} · 4 documents,`);
  const allSpans = Number((await importBackup.textContent())?.match(/(\d+) spans/)?.[1]);
  expect(allSpans).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // A label with spans is deleted: a snapshot is written before the delete commits.
  await openDocument(page, HARBOUR);
  const persons = await page.locator('[data-label="PERSON"]').count();
  expect(persons).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await labels.getByRole('button', { name: 'Delete PERSON' }).click();
  await labels.getByRole('alertdialog', { name: 'Delete PERSON?' }).getByRole('button', { name: 'Delete label' }).click();
  await expect(labels.getByLabel('Name of PERSON', { exact: true })).toHaveCount(0);
  await labels.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.locator('[data-label="PERSON"]')).toHaveCount(0);

  dialog = await openBackups(page);
  const deleteBackup = backupsOfThisProject(dialog).filter({ hasText: 'Before a delete in Labels' });
  await expect(deleteBackup).toHaveCount(1);
  // The import's one document had no spans: the delete's snapshot holds what the import's held, plus it.
  await expect(deleteBackup).toContainText(`${projectName} · 5 documents, ${allSpans} spans`);
  // Newest first.
  await expect(backupsOfThisProject(dialog).first()).toContainText(/Before a delete in Labels|Daily/);
  await page.screenshot({ path: '/tmp/backups-restore-dialog.png' });

  // Restore it in place of the project: the dialog says what it holds, and what happens to the current state.
  await deleteBackup.getByRole('button', { name: /^Restore the backup of/ }).click();
  const confirm = dialog.getByRole('group', { name: 'Restore this backup?' });
  await expect(confirm).toContainText(`5 documents, ${allSpans} spans`);
  await confirm.getByRole('radio', { name: /In place of/ }).check();
  await expect(confirm).toContainText('a backup of it as it is now is taken first');
  await page.screenshot({ path: '/tmp/backups-restore-confirm.png' });
  await expectNoAccessibilityViolations(page, 'the Restore from backup dialog');
  await confirm.getByRole('button', { name: `Replace ${projectName}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Restored “${projectName}”: 5 documents, ${allSpans} spans.` })).toBeVisible();

  await openDocument(page, HARBOUR);
  await expect(page.locator('[data-label="PERSON"]')).toHaveCount(persons);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(5);

  // The state it replaced is kept too, and a snapshot can be saved as a file.
  dialog = await openBackups(page);
  const beforeRestore = backupsOfThisProject(dialog).filter({ hasText: 'Before a restore' });
  await expect(beforeRestore).toContainText(`${projectName} · 5 documents,`);
  const download = page.waitForEvent('download');
  await beforeRestore.getByRole('button', { name: /^Download the backup of/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/_backup-before-restore_\d{4}-\d{2}-\d{2}\.spanwright$/);
  const text = await (await import('node:fs/promises')).readFile((await file.path()) as string, 'utf8');
  expect(text.split('\n')[0]).toContain('"format":"spanwright-project"');
  expect(text).not.toContain('"label":"PERSON"');
});

test('restoring as a new project leaves the current one as it is; the More menu offers it on narrow windows', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await openApp(page);
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'extra.txt', mimeType: 'text/plain', buffer: Buffer.from('Another extra article.') }]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document' })).toBeVisible();
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  const importBackup = backupsOfThisProject(dialog).filter({ hasText: 'Before an import' });
  await importBackup.getByRole('button', { name: /^Restore the backup of/ }).click();
  await dialog.getByRole('group', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore as a new project' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Restored “.+ \(2\)”: 4 documents/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Project' }).locator('option')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);
});

test('a large backup restores with its progress moving, and Cancel leaves nothing of it, before and after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  let dialog = await openBackups(page); // opens the backup database, so its stores exist
  const text = projectBundle(15_000, 'Wire archive').toString('utf8');
  // A snapshot of a project since deleted, put into the web build's backup store as the app keeps one.
  await page.evaluate(async (bundle) => {
    const open = indexedDB.open('spanwright-backups');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const blob = new Blob([bundle]);
    const id = '20261201T120000000Z-daily-0123456789abcdef';
    const tx = db.transaction(['backups', 'contents'], 'readwrite');
    tx.objectStore('contents').put({ id, blob });
    tx.objectStore('backups').put({
      id,
      projectId: 'a-deleted-project',
      projectName: 'Wire archive',
      reason: 'daily',
      documents: 15_000,
      spans: 30_000,
      createdAt: Date.UTC(2026, 11, 1, 12),
      bytes: blob.size,
    });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, text);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  dialog = await openBackups(page);
  const projects = page.getByRole('combobox', { name: 'Project' }).locator('option');
  const projectsBefore = await projects.count();
  await dialog
    .getByRole('list', { name: 'Backups of other projects' })
    .getByRole('listitem')
    .filter({ hasText: 'Wire archive' })
    .getByRole('button', { name: /^Restore the backup of/ })
    .click();
  await dialog.getByRole('group', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore as a new project' }).click();
  // Well into the bundle (chunks written inside its one transaction), then Cancel.
  const progress = dialog.getByRole('progressbar', { name: 'Restoring' });
  await expect
    .poll(async () => Number(await progress.getAttribute('value', { timeout: 1_000 })), { timeout: 60_000 })
    .toBeGreaterThan(1_000_000);
  await dialog.getByRole('button', { name: 'Cancel restoring' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'The restore was cancelled; nothing was changed.' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(progress).toHaveCount(0);
  await expect(projects).toHaveCount(projectsBefore);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
  await expect(projects).toHaveCount(projectsBefore);
  expect(await page.getByRole('combobox', { name: 'Project' }).textContent()).not.toContain('Wire archive');
});
