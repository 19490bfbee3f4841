import { expect, test, type Locator, type Page } from '@playwright/test';
import { dragSelect, openApp, openDocument, readDownload, renderedSpans } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

function palette(page: Page): Locator {
  return page.getByRole('region', { name: 'Labels' });
}

/** A palette button by its exact label name (its accessible name is "NAME hotkey k, n in this document"). */
function labelButton(page: Page, name: string): Locator {
  return palette(page).getByRole('button', { name: new RegExp(`^${name} (hotkey \\S )?\\d+ in this document$`) });
}

async function openLabels(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The table row of the dialog that edits the label now named `name`. */
function labelRow(dialog: Locator, name: string): Locator {
  return dialog.getByRole('row').filter({ has: dialog.page().getByLabel(`Name of ${name}`, { exact: true }) });
}

async function closeLabels(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function exportSpanwright(page: Page): Promise<Array<{ id: string; meta?: { title?: string }; title?: string; spans: Array<{ label: string; text: string }> }>> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  await expect(dialog).toBeHidden();
  return (await readDownload(download)).trim().split('\n').map((l) => JSON.parse(l));
}

test.describe('the Labels dialog', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await openDocument(page, HARBOUR);
  });

  test('rename PERSON to PER: palette and every span follow, and the rename survives a reload', async ({ page }) => {
    const before = (await renderedSpans(page)).filter((s) => s.label === 'PERSON');
    expect(before.map((s) => s.text).sort()).toEqual(['Amir Haddad', 'Dana Whitcombe', 'Whitcombe']);

    const dialog = await openLabels(page);
    await dialog.getByLabel('Name of PERSON', { exact: true }).fill('PER');
    await labelRow(dialog, 'PERSON').getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByLabel('Name of PER', { exact: true })).toHaveValue('PER');
    await closeLabels(page);

    await expect(labelButton(page, 'PER')).toBeVisible();
    await expect(labelButton(page, 'PER')).toHaveAccessibleName('PER hotkey p 3 in this document');
    await expect(labelButton(page, 'PERSON')).toHaveCount(0);
    await expect(page.locator('[data-label="PERSON"]')).toHaveCount(0);
    const after = (await renderedSpans(page)).filter((s) => s.label === 'PER');
    expect(after.map(({ id, text }) => ({ id, text })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      before.map(({ id, text }) => ({ id, text })).sort((a, b) => a.id.localeCompare(b.id)),
    );

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
    await expect(labelButton(page, 'PER')).toBeVisible();
    await expect(labelButton(page, 'PERSON')).toHaveCount(0);
    await expect(page.locator('[data-label="PER"]').first()).toBeVisible();
    const reloaded = (await renderedSpans(page)).filter((s) => s.label === 'PER' || s.label === 'PERSON');
    expect(reloaded.map(({ id, label, text }) => ({ id, label, text })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      before.map(({ id, text }) => ({ id, label: 'PER', text })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    // Other documents' spans were renamed too.
    await openDocument(page, 'Panen raya padi di Lembah Sirna');
    expect((await renderedSpans(page)).filter((s) => s.text === 'Ratna Kusumawati')).toEqual([expect.objectContaining({ label: 'PER' })]);
  });

  test('recolour a label: its spans are drawn in the new colour', async ({ page }) => {
    const person = page.locator('[data-label="PERSON"]').first();
    const background = () => person.evaluate((el) => getComputedStyle(el).backgroundColor);
    const before = await background();
    // #f4a3a3 at 70%.
    expect(before).toBe('color(srgb 0.956863 0.639216 0.639216 / 0.7)');

    const dialog = await openLabels(page);
    await dialog.getByLabel('Colour of PERSON', { exact: true }).fill('#0000ff');
    await labelRow(dialog, 'PERSON').getByRole('button', { name: 'Save' }).click();
    await closeLabels(page);

    await expect.poll(background).toBe('color(srgb 0 0 1 / 0.7)');
    // Every PERSON span, not just the first.
    const all = await page.locator('[data-label="PERSON"]').evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).backgroundColor))]);
    expect(all).toEqual(['color(srgb 0 0 1 / 0.7)']);
    // Other labels keep their colour.
    expect(await page.locator('[data-label="ORG"]').first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('color(srgb 0 0 1 / 0.7)');
  });

  test('change a hotkey: the new key applies the label, the old key no longer does', async ({ page }) => {
    const dialog = await openLabels(page);
    await dialog.getByLabel('Hotkey of LOC', { exact: true }).fill('g');
    await labelRow(dialog, 'LOC').getByRole('button', { name: 'Save' }).click();
    await closeLabels(page);
    await expect(labelButton(page, 'LOC')).toHaveAccessibleName('LOC hotkey g 1 in this document');

    await dragSelect(page, 'Quay Street station');
    await page.keyboard.press('g');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street station' })).toHaveText('Quay Street station');

    const count = (await renderedSpans(page)).length;
    expect(count).toBe(10);
    await dragSelect(page, 'Eastside');
    await page.keyboard.press('l');
    // Nothing to wait for when nothing happens: give a wrong handler time to act, then check.
    await page.waitForTimeout(500);
    expect(await renderedSpans(page)).toHaveLength(count);
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Eastside' })).toHaveCount(0);
    // The selection is still pending, and g labels it.
    await page.keyboard.press('g');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Eastside' })).toHaveText('Eastside');
    expect(await renderedSpans(page)).toHaveLength(count + 1);
  });

  test('a duplicate name or a hotkey in use is refused with the reason, and nothing changes', async ({ page }) => {
    const dialog = await openLabels(page);

    // Names are compared without case.
    await dialog.getByLabel('Name of ORG', { exact: true }).fill('person');
    await labelRow(dialog, 'ORG').getByRole('button', { name: 'Save' }).click();
    await expect(labelRow(dialog, 'ORG').getByRole('alert')).toHaveText('There is already a label named person.');

    await dialog.getByLabel('Hotkey of LOC', { exact: true }).fill('p');
    await labelRow(dialog, 'LOC').getByRole('button', { name: 'Save' }).click();
    await expect(labelRow(dialog, 'LOC').getByRole('alert')).toHaveText('Hotkey p is already used by PERSON.');

    await dialog.getByLabel('New label name').fill('DATE');
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await expect(dialog.getByRole('row').filter({ has: page.getByLabel('New label name') }).getByRole('alert')).toHaveText(
      'There is already a label named DATE.',
    );
    await dialog.getByLabel('New label name').fill('MONEY');
    await dialog.getByLabel('New label hotkey').fill('c');
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await expect(dialog.getByRole('row').filter({ has: page.getByLabel('New label name') }).getByRole('alert')).toHaveText(
      'Hotkey c is already used by CLAIM.',
    );
    await closeLabels(page);

    // The palette is unchanged: the same seven labels with their keys.
    await expect(palette(page).getByRole('button')).toHaveCount(7);
    const unchanged = [['PERSON', 'p', 3], ['ORG', 'o', 1], ['LOC', 'l', 1], ['DATE', 'd', 1], ['QUANTITY', 'q', 1], ['EVENT', 'e', 0], ['CLAIM', 'c', 2]] as const;
    for (const [i, [name, key, count]] of unchanged.entries()) {
      await expect(palette(page).getByRole('button').nth(i)).toHaveAccessibleName(`${name} hotkey ${key} ${count} in this document`);
    }
    await expect(labelButton(page, 'MONEY')).toHaveCount(0);
    expect((await renderedSpans(page)).filter((s) => s.label === 'ORG').map((s) => s.text)).toEqual(['Coastlink']);

    // Reopened, the dialog shows the stored names and keys.
    const again = await openLabels(page);
    await expect(again.getByLabel('Name of ORG', { exact: true })).toHaveValue('ORG');
    await expect(again.getByLabel('Hotkey of LOC', { exact: true })).toHaveValue('l');
    await expect(again.getByRole('alert')).toHaveCount(0);
    await closeLabels(page);

    // p still means PERSON, l still means LOC.
    await dragSelect(page, 'Quay Street station');
    await page.keyboard.press('l');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street station' })).toHaveCount(1);
  });

  test('add an entity label and a claim label: both appear in the palette and can be applied', async ({ page }) => {
    const dialog = await openLabels(page);
    await dialog.getByLabel('New label name').fill('VEHICLE');
    await dialog.getByLabel('New label layer').selectOption('entity');
    await dialog.getByLabel('New label colour').fill('#00ff00');
    await dialog.getByLabel('New label hotkey').fill('v');
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await expect(dialog.getByLabel('Name of VEHICLE', { exact: true })).toHaveValue('VEHICLE');
    await expect(dialog.getByLabel('New label name')).toHaveValue('');

    await dialog.getByLabel('New label name').fill('OPINION');
    await dialog.getByLabel('New label layer').selectOption('claim');
    await dialog.getByLabel('New label colour').fill('#123456');
    await dialog.getByLabel('New label hotkey').fill('i');
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await expect(dialog.getByLabel('Name of OPINION', { exact: true })).toHaveValue('OPINION');
    await expect(labelRow(dialog, 'OPINION').getByRole('cell', { name: 'claim', exact: true })).toBeVisible();
    await expect(labelRow(dialog, 'VEHICLE').getByRole('cell', { name: 'entity', exact: true })).toBeVisible();
    await closeLabels(page);

    await expect(labelButton(page, 'VEHICLE')).toHaveAccessibleName('VEHICLE hotkey v 0 in this document');
    await expect(labelButton(page, 'OPINION')).toHaveAccessibleName('OPINION hotkey i 0 in this document');

    // Applied with its hotkey...
    await dragSelect(page, 'tram line', 2);
    await page.keyboard.press('v');
    const vehicle = page.locator('[data-span-id][data-label="VEHICLE"]');
    await expect(vehicle).toHaveText('tram line');
    expect(await vehicle.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('color(srgb 0 1 0 / 0.7)');
    await expect(labelButton(page, 'VEHICLE')).toHaveAccessibleName('VEHICLE hotkey v 1 in this document');

    // ...and with its button; the claim is a claim in the span details.
    await dragSelect(page, 'Critics were less sure');
    await labelButton(page, 'OPINION').click();
    await expect(page.locator('[data-label="OPINION"]')).toHaveText('Critics were less sure');
    const details = page.getByRole('region', { name: 'Selected span' });
    await expect(details.getByRole('combobox', { name: 'Span label' })).toHaveValue('OPINION');
    await expect(details.getByRole('combobox', { name: 'Span label' }).locator('option:checked')).toHaveText('OPINION (claim)');

    await page.reload();
    await expect(labelButton(page, 'OPINION')).toHaveAccessibleName('OPINION hotkey i 1 in this document');
    // The other "tram line" may show as a same-string suggestion: the span is the one with an id.
    await expect(page.locator('[data-span-id][data-label="VEHICLE"]')).toHaveText('tram line');
  });

  test('delete a label in use: the confirmation counts its spans; Keep it keeps, Delete label deletes them', async ({ page }) => {
    const list = page.getByRole('list', { name: 'Documents' });
    // Count QUANTITY spans per document from the export of the demo project.
    const exported = await exportSpanwright(page);
    expect(exported).toHaveLength(4);
    const titleOf = (doc: (typeof exported)[number]) => doc.meta?.title ?? doc.title ?? '';
    const perDoc = exported.map((doc) => ({
      title: titleOf(doc),
      total: doc.spans.length,
      quantity: doc.spans.filter((s) => s.label === 'QUANTITY').length,
    }));
    const uses = perDoc.reduce((n, d) => n + d.quantity, 0);
    expect(uses).toBe(3);
    for (const d of perDoc) {
      expect(d.title).not.toBe('');
      await expect(list.getByRole('listitem', { name: `${d.title}, In progress, ${d.total} spans` })).toBeVisible();
    }

    let dialog = await openLabels(page);
    await labelRow(dialog, 'QUANTITY').getByRole('button', { name: 'Delete QUANTITY' }).click();
    let confirm = dialog.getByRole('alertdialog', { name: 'Delete QUANTITY?' });
    await expect(confirm).toHaveText(new RegExp(`Delete the label QUANTITY\\? ${uses} spans use it and will be deleted too\\.`));
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(confirm).toBeHidden();
    await expect(dialog.getByLabel('Name of QUANTITY', { exact: true })).toHaveValue('QUANTITY');
    await closeLabels(page);
    await expect(labelButton(page, 'QUANTITY')).toBeVisible();
    await expect(page.locator('[data-label="QUANTITY"]')).toHaveText('40,000 passengers');
    for (const d of perDoc) await expect(list.getByRole('listitem', { name: `${d.title}, In progress, ${d.total} spans` })).toBeVisible();

    dialog = await openLabels(page);
    await labelRow(dialog, 'QUANTITY').getByRole('button', { name: 'Delete QUANTITY' }).click();
    confirm = dialog.getByRole('alertdialog', { name: 'Delete QUANTITY?' });
    await expect(confirm).toContainText(`${uses} spans use it`);
    await confirm.getByRole('button', { name: 'Delete label' }).click();
    await expect(confirm).toBeHidden();
    await expect(dialog.getByLabel('Name of QUANTITY', { exact: true })).toHaveCount(0);
    await closeLabels(page);
    await expect(page.getByRole('status').filter({ hasText: `Deleted QUANTITY and its ${uses} spans.` })).toBeVisible();

    await expect(labelButton(page, 'QUANTITY')).toHaveCount(0);
    await expect(page.locator('[data-label="QUANTITY"]')).toHaveCount(0);
    // The claim that held the quantity is still there.
    await expect(page.locator('[data-label="CLAIM"]', { hasText: '40,000' })).toHaveText('it would carry 40,000 passengers a day by the end of the year');
    for (const d of perDoc) {
      await expect(list.getByRole('listitem', { name: `${d.title}, In progress, ${d.total - d.quantity} spans` })).toBeVisible();
    }
    const after = await exportSpanwright(page);
    expect(after.flatMap((doc) => doc.spans).filter((s) => s.label === 'QUANTITY')).toEqual([]);
    expect(after.flatMap((doc) => doc.spans)).toHaveLength(perDoc.reduce((n, d) => n + d.total - d.quantity, 0));
  });

  test('a delete confirmed and then closed goes on once its restore point is written', async ({ page }) => {
    // Hold the web build's backup store: a transaction kept busy on its tables until released,
    // so the restore point is still being written when the dialog closes.
    // The store exists once the daily snapshot, taken a few seconds after opening, is written.
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'spanwright-backups')), { timeout: 20_000 })
      .toBe(true);
    await page.evaluate(
      () =>
        new Promise<void>((held) => {
          const opening = indexedDB.open('spanwright-backups');
          opening.onsuccess = () => {
            const tx = opening.result.transaction(['backups', 'contents'], 'readwrite');
            const store = tx.objectStore('backups');
            const keepBusy = () => {
              if ((window as { releaseBackups?: boolean }).releaseBackups) return;
              store.count().onsuccess = keepBusy;
            };
            keepBusy();
            tx.oncomplete = () => opening.result.close();
            held();
          };
        }),
    );
    const dialog = await openLabels(page);
    await labelRow(dialog, 'QUANTITY').getByRole('button', { name: 'Delete QUANTITY' }).click();
    await dialog.getByRole('button', { name: 'Delete label' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Writing a backup of the project first…');
    await closeLabels(page);
    await expect(labelButton(page, 'QUANTITY')).toBeVisible();

    await page.evaluate(() => ((window as { releaseBackups?: boolean }).releaseBackups = true));
    await expect(page.getByRole('status').filter({ hasText: 'Deleted QUANTITY and its 3 spans.' })).toBeVisible();
    await expect(labelButton(page, 'QUANTITY')).toHaveCount(0);
    await page.getByRole('button', { name: 'Projects…' }).click();
    await page.getByRole('dialog', { name: 'Projects' }).getByRole('button', { name: 'Restore from backup…' }).click();
    await expect(page.getByRole('dialog', { name: 'Restore from backup' })).toContainText('Before a delete in Labels');
  });

  // The undo history restarts after label renames and deletes: it must never bring back a label that no longer exists.
  test('undo and redo after a label rename never bring back the old label name', async ({ page }) => {
    await dragSelect(page, 'Quay Street station');
    await page.keyboard.press('l');
    await expect(page.locator('[data-label="LOC"]', { hasText: 'Quay Street station' })).toHaveCount(1);
    const dialog = await openLabels(page);
    await dialog.getByLabel('Name of LOC', { exact: true }).fill('PLACE');
    await labelRow(dialog, 'LOC').getByRole('button', { name: 'Save' }).click();
    await closeLabels(page);
    await expect(page.locator('[data-label="PLACE"]', { hasText: 'Quay Street station' })).toHaveCount(1);

    // Undo the new span, then redo it (both are no-ops if the history was cleared).
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByText('All changes saved')).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('[data-label="LOC"]')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
    await expect(page.locator('[data-label="PLACE"]').first()).toBeVisible();
    await expect(page.locator('[data-label="LOC"]')).toHaveCount(0);
  });

  test('undo after deleting a label does not bring back a span with the deleted label', async ({ page }) => {
    const list = page.getByRole('list', { name: 'Documents' });
    await page.locator('[data-label="QUANTITY"]').click();
    await page.keyboard.press('Backspace');
    await expect(page.locator('[data-label="QUANTITY"]')).toHaveCount(0);
    await expect(list.getByRole('listitem', { name: `${HARBOUR}, In progress, 8 spans` })).toBeVisible();

    const dialog = await openLabels(page);
    await labelRow(dialog, 'QUANTITY').getByRole('button', { name: 'Delete QUANTITY' }).click();
    await expect(dialog.getByRole('alertdialog', { name: 'Delete QUANTITY?' })).toContainText('2 spans use it');
    await dialog.getByRole('button', { name: 'Delete label' }).click();
    await closeLabels(page);
    await expect(labelButton(page, 'QUANTITY')).toHaveCount(0);

    // Undo the Backspace: the span's label is gone, so it must not come back as QUANTITY.
    await page.keyboard.press('Control+z');
    await expect(page.getByText('All changes saved')).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('[data-label="QUANTITY"]')).toHaveCount(0);
    await expect(list.getByRole('listitem', { name: `${HARBOUR}, In progress, 8 spans` })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
    await expect(page.locator('[data-label="CLAIM"]').first()).toBeVisible();
    await expect(page.locator('[data-label="QUANTITY"]')).toHaveCount(0);
  });
});
