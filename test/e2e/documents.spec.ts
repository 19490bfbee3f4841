import { expect, test, type Page } from '@playwright/test';
import { openApp, openDocument, readDownload, renderedSpans } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';
const PANEN = 'Panen raya padi di Lembah Sirna';
const VALDELUZ = 'La biblioteca de Valdeluz cumple cien años';
const FESTIVAL = 'Le festival de Saint-Aubrac attire un public record';

function list(page: Page) {
  return page.getByRole('list', { name: 'Documents' });
}

function countText(page: Page, text: string) {
  return page.getByRole('navigation', { name: 'Document navigation' }).getByText(text, { exact: true });
}

async function exportFiltered(page: Page): Promise<Array<{ id: string; text: string; meta: { title: string }; spans: unknown[] }>> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
  await dialog.getByRole('radio', { name: /^Documents in the filter/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  await expect(dialog).toBeHidden();
  return (await readDownload(download)).trim().split('\n').map((l) => JSON.parse(l));
}

test.describe('document status and filters', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('mark documents Done, filter by status and by title, export only the filtered ones', async ({ page }) => {
    await openDocument(page, VALDELUZ);
    const status = page.getByRole('combobox', { name: 'Document status' });
    await expect(status.locator('option:checked')).toHaveText('In progress');
    await status.selectOption({ label: 'Done' });
    await expect(list(page).getByRole('listitem', { name: `${VALDELUZ}, Done, 4 spans` })).toBeVisible();
    await expect(status.locator('option:checked')).toHaveText('Done');

    // Only it is Done.
    const statusFilter = page.getByRole('combobox', { name: 'Status filter' });
    await statusFilter.selectOption({ label: 'Done' });
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    await expect(list(page).getByRole('listitem')).toHaveAccessibleName(`${VALDELUZ}, Done, 4 spans`);
    await expect(countText(page, '1 of 4 documents')).toBeVisible();

    // A second one, via the Done filter's export.
    await statusFilter.selectOption({ label: 'All statuses' });
    await expect(list(page).getByRole('listitem')).toHaveCount(4);
    await expect(countText(page, '4 documents')).toBeVisible();
    await openDocument(page, FESTIVAL);
    await page.getByRole('combobox', { name: 'Document status' }).selectOption({ label: 'Done' });
    await expect(list(page).getByRole('listitem', { name: `${FESTIVAL}, Done, 5 spans` })).toBeVisible();
    await statusFilter.selectOption({ label: 'Done' });
    await expect(list(page).getByRole('listitem')).toHaveCount(2);
    await expect(list(page).getByRole('listitem').nth(0)).toHaveAccessibleName(`${VALDELUZ}, Done, 4 spans`);
    await expect(list(page).getByRole('listitem').nth(1)).toHaveAccessibleName(`${FESTIVAL}, Done, 5 spans`);
    const done = await exportFiltered(page);
    expect(done.map((d) => d.meta.title)).toEqual([VALDELUZ, FESTIVAL]);
    expect(done.map((d) => d.spans.length)).toEqual([4, 5]);

    // The title filter ignores case, and combines with the status filter.
    await statusFilter.selectOption({ label: 'To do' });
    await expect(list(page).getByRole('listitem')).toHaveCount(0);
    await expect(countText(page, '0 of 4 documents')).toBeVisible();
    await statusFilter.selectOption({ label: 'All statuses' });
    const search = page.getByRole('searchbox', { name: 'Filter documents' });
    await search.fill('valdeluz');
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    await expect(list(page).getByRole('listitem')).toHaveAccessibleName(`${VALDELUZ}, Done, 4 spans`);
    await expect(countText(page, '1 of 4 documents')).toBeVisible();
    await search.fill('  LE  ');
    // Trimmed and case-blind, titles and texts: every demo article has "le" somewhere.
    await expect(list(page).getByRole('listitem')).toHaveCount(4);
    // Words only a text holds find it, and the row shows them in context.
    await search.fill('quay STREET');
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    await expect(list(page).getByRole('listitem')).toHaveAccessibleName(new RegExp(`^${HARBOUR}, `));
    await expect(list(page).getByRole('listitem').locator('mark')).toHaveText('Quay Street');
    await expect(list(page).getByRole('listitem')).toContainText('…eporters at Quay Street station. The regional');
    await expect(countText(page, '1 of 4 documents')).toBeVisible();
    await search.fill('no article says this');
    await expect(countText(page, '0 of 4 documents')).toBeVisible();
    await search.fill('valdeluz');
    const filtered = await exportFiltered(page);
    expect(filtered).toHaveLength(1);
    expect(filtered[0]?.meta.title).toBe(VALDELUZ);
    expect(filtered[0]?.text.startsWith(VALDELUZ)).toBe(true);

    // Clearing the filter brings all back; the statuses stay after a reload.
    await search.fill('');
    await expect(list(page).getByRole('listitem')).toHaveCount(4);
    await page.reload();
    await expect(list(page).getByRole('listitem', { name: `${VALDELUZ}, Done, 4 spans` })).toBeVisible();
    await expect(list(page).getByRole('listitem', { name: `${FESTIVAL}, Done, 5 spans` })).toBeVisible();
    await expect(list(page).getByRole('listitem', { name: new RegExp(`^${HARBOUR}, In progress, 9 spans$`) })).toBeVisible();
  });

  test('the previous and next buttons step through the filtered list', async ({ page }) => {
    await page.getByRole('searchbox', { name: 'Filter documents' }).fill('valdeluz');
    await openDocument(page, VALDELUZ);
    await expect(page.getByRole('button', { name: 'Previous document' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Next document' })).toBeDisabled();
    await page.getByRole('searchbox', { name: 'Filter documents' }).fill('');
    await page.getByRole('button', { name: 'Next document' }).click();
    await expect(page.getByRole('heading', { level: 1, name: FESTIVAL })).toBeVisible();
    await page.getByRole('button', { name: 'Previous document' }).click();
    await page.getByRole('button', { name: 'Previous document' }).click();
    await expect(page.getByRole('heading', { level: 1, name: PANEN })).toBeVisible();
  });
});

test.describe('drag and drop', () => {
  test('files dropped on the workbench are imported', async ({ page }) => {
    await openApp(page);
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Dropped note about the Quay Street market.\n'], 'dropped-note.txt', { type: 'text/plain' }));
      transfer.items.add(
        new File([JSON.stringify({ text: 'Mayor Ana Ruiz visited Port Ellis.', label: [[6, 14, 'PERSON'], [23, 33, 'LOC']] }) + '\n'], 'dropped.jsonl', {
          type: 'application/jsonl',
        }),
      );
      return transfer;
    });
    const main = page.getByRole('main');
    await main.dispatchEvent('dragenter', { dataTransfer });
    await main.dispatchEvent('dragover', { dataTransfer });
    await main.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByRole('status').filter({ hasText: 'Imported 2 documents' })).toBeVisible();
    await expect(list(page).getByRole('listitem')).toHaveCount(6);
    await expect(countText(page, '6 documents')).toBeVisible();

    await openDocument(page, 'dropped-note');
    await expect(page.getByRole('article', { name: 'Document text' })).toHaveText('Dropped note about the Quay Street market.');
    await openDocument(page, 'dropped #1');
    expect((await renderedSpans(page)).map(({ label, text }) => ({ label, text }))).toEqual([
      { label: 'PERSON', text: 'Ana Ruiz' },
      { label: 'LOC', text: 'Port Ellis' },
    ]);
  });
});

test.describe('a large project', () => {
  test('2,000 imported documents: a virtualised list that scrolls to the last one, which opens', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const N = 2000;
    const lines = Array.from({ length: N }, (_, i) => JSON.stringify({ text: `Short item number ${i + 1} about the harbour.` }));
    await page.getByLabel('Import documents').setInputFiles([
      { name: 'bulk.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n') + '\n', 'utf8') },
    ]);
    await expect(page.getByRole('status').filter({ hasText: `Imported ${N} documents` })).toBeVisible({ timeout: 60_000 });
    await expect(countText(page, `${N + 4} documents`)).toBeVisible();

    const items = list(page).getByRole('listitem');
    await expect(items.first()).toBeVisible();
    const rendered = await items.count();
    expect(rendered).toBeGreaterThan(4);
    expect(rendered).toBeLessThan(100);

    // Scroll the list's scroll container to the bottom.
    await list(page).evaluate((ul) => {
      const scroller = ul.parentElement as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight;
    });
    const last = list(page).getByRole('listitem', { name: /^bulk #2000, / });
    await expect(last).toBeVisible();
    await expect(list(page).getByRole('listitem', { name: new RegExp(`^${HARBOUR}`) })).toHaveCount(0);
    expect(await items.count()).toBeLessThan(100);
    await last.click();
    await expect(page.getByRole('heading', { level: 1, name: 'bulk #2000' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Document text' })).toHaveText(`Short item number ${N} about the harbour.`);
    await expect(last).toHaveAttribute('aria-current', 'true');

    // The filter still finds one document among 2,004.
    await page.getByRole('searchbox', { name: 'Filter documents' }).fill('bulk #1234');
    await expect(items).toHaveCount(1);
    await expect(countText(page, `1 of ${N + 4} documents`)).toBeVisible();
  });
});
