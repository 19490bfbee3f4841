// A 10,000-document project: the document list, its filters, opening and labelling stay
// correct at that size (the list is an index patched from the change log, not a re-read of
// every row). Correctness only: timings belong to `npm run bench`.
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, openApp } from './helpers';

const N = 10_000;

function list(page: Page) {
  return page.getByRole('list', { name: 'Documents' });
}

function countText(page: Page, text: string) {
  return page.getByRole('navigation', { name: 'Document navigation' }).getByText(text, { exact: true });
}

/**
 * Writes N documents (rows and texts) straight into the page's IndexedDB, beside the demo
 * project's, the way storage keeps them: an import of 10,000 would take most of the test.
 */
async function seedDocuments(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const open = indexedDB.open('spanwright');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const projects = await read(db.transaction('projects').objectStore('projects').getAll());
    const projectId = (projects[0] as { id: string }).id;
    const tx = db.transaction(['documents', 'texts'], 'readwrite');
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const id = `large-${i}`;
      const text = `Item ${i} of the large project: the council met in Valdeluz.${i === 7777 ? ' A zebracrossing was painted.' : ''}`;
      tx.objectStore('documents').put({
        id,
        projectId,
        sourceId: id,
        order: 1000 + i,
        meta: { title: `Large ${i}` },
        textHash: `large-hash-${i}`,
        textLength: text.length,
        statuses: {},
        spanCounts: {},
        createdAt: now,
        updatedAt: now,
      });
      tx.objectStore('texts').put({ documentId: id, text });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

test('10,000 documents: the list, its filters, opening and labelling are right', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await seedDocuments(page, N);
  await page.reload();
  await expect(countText(page, `${N + 4} documents`)).toBeVisible({ timeout: 60_000 });

  // Virtualised: a screenful of rows exists, in list order; the last one is reached by scrolling.
  const items = list(page).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeLessThan(100);
  await list(page).evaluate((ul) => {
    const scroller = ul.parentElement as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(list(page).getByRole('listitem', { name: `Large ${N - 1}, To do, 0 spans` })).toBeVisible();

  // Filter by title, then by words only the text holds.
  const search = page.getByRole('searchbox', { name: 'Filter documents' });
  await search.fill('large 1234');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Large 1234, To do, 0 spans');
  await expect(countText(page, `1 of ${N + 4} documents`)).toBeVisible();
  await search.fill('zebracrossing');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Large 7777, To do, 0 spans');
  await expect(items.first()).toContainText('A zebracrossing was painted');

  // Open one and label it: its row (and only its row) follows at once.
  // (The filter's words apply a moment after typing: wait for the row, not only for one row.)
  await search.fill('large 1234');
  await expect(items.first()).toHaveAccessibleName('Large 1234, To do, 0 spans');
  await expect(items).toHaveCount(1);
  await items.first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Large 1234' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Document text' })).toHaveText(
    'Item 1234 of the large project: the council met in Valdeluz.',
  );
  await dragSelect(page, 'Valdeluz');
  await page.keyboard.press('l');
  await expect(page.locator('[data-label="LOC"]', { hasText: 'Valdeluz' })).toHaveText('Valdeluz');
  await expect(items.first()).toHaveAccessibleName('Large 1234, In progress, 1 span');
  await expect(page.getByText('All changes saved')).toBeVisible();

  // The status filter sees the new status; its neighbours are untouched.
  const statusFilter = page.getByRole('combobox', { name: 'Status filter' });
  await statusFilter.selectOption({ label: 'To do' });
  await expect(countText(page, `0 of ${N + 4} documents`)).toBeVisible();
  await statusFilter.selectOption({ label: 'In progress' });
  await expect(items).toHaveCount(1);
  await search.fill('large 123');
  await expect(items).toHaveCount(1);
  await statusFilter.selectOption({ label: 'To do' });
  await expect(countText(page, `10 of ${N + 4} documents`)).toBeVisible();
  await expect(list(page).getByRole('listitem', { name: 'Large 1235, To do, 0 spans' })).toBeVisible();

  // Stepping on from the filtered list opens its next document.
  await statusFilter.selectOption({ label: 'All statuses' });
  await search.fill('');
  await expect(countText(page, `${N + 4} documents`)).toBeVisible();
  await page.getByRole('button', { name: /next document/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Large 1235' })).toBeVisible();

  // What was written is what a fresh start reads.
  await page.reload();
  await search.fill('large 1234');
  await expect(items.first()).toHaveAccessibleName('Large 1234, In progress, 1 span', { timeout: 60_000 });
});
