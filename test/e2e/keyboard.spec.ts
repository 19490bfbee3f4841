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

test('a visible caret; after a label it sits at the end of the new span, and Ctrl+Shift+→ takes the next word', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  const text = page.getByRole('article', { name: 'Document text' });
  await text.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.text-caret')).toBeVisible();
  // ] selects the first span (PORT ELLIS) and puts the caret at its start.
  await page.keyboard.press(']');
  await expect(page.getByRole('region', { name: 'Selected span' }).getByText('PORT ELLIS')).toBeVisible();
  // Select "Eastside tram" with the keyboard alone, label it, then take the next word.
  for (let i = 0; i < 2; i++) await page.keyboard.press(']');
  await expect(page.getByRole('region', { name: 'Selected span' }).getByLabel('Span label')).toHaveValue('PERSON');
  // The caret is at the start of Dana Whitcombe: move past it and "opened the".
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('l');
  await expect(page.locator('[data-label="LOC"]', { hasText: 'Eastside tram' })).toHaveText('Eastside tram');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('e');
  // The span itself: its same-string suggestions ("line" elsewhere) carry the label too.
  await expect(page.locator('[data-span-id][data-label="EVENT"]')).toHaveText('line');
});

/** A seed-like article (synthetic): the entities and claims a news annotator marks. */
const SEED = [
  'Flood waters reach Port Ellis as river breaks its banks',
  '',
  'PORT ELLIS, 3 April 2026 - The Marrow river burst its banks on Tuesday, flooding 1,200 homes in Port Ellis, the regional emergency agency Coastguard North said. Mayor Dana Whitcombe said the city had spent 4 million dollars on new barriers since 2024.',
  '',
  'Ines Okafor, a hydrologist at Ellis University, said rainfall in March was twice the average. The Red Cross opened three shelters near Quay Street.',
].join('\n');

const TARGETS: Array<[string, string]> = [
  ['PORT ELLIS', 'l'],
  ['3 April 2026', 'd'],
  ['Marrow', 'l'],
  ['Tuesday', 'd'],
  ['1,200 homes', 'q'],
  ['Port Ellis', 'l'],
  ['Coastguard North', 'o'],
  ['Dana Whitcombe', 'p'],
  ['4 million dollars', 'q'],
  ['2024', 'd'],
  ['Ines Okafor', 'p'],
  ['Ellis University', 'o'],
  ['March', 'd'],
  ['Red Cross', 'o'],
  ['Quay Street', 'l'],
];
const CLAIMS = [
  'the city had spent 4 million dollars on new barriers since 2024',
  'rainfall in March was twice the average',
];

test('keyboard only: the entities and claims of a seed article take at most 10 keys per span (median)', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Import documents').setInputFiles([{ name: 'Flood waters.txt', mimeType: 'text/plain', buffer: Buffer.from(SEED) }]);
  await openDocument(page, 'Flood waters');
  const text = page.getByRole('article', { name: 'Document text' });
  await text.focus();
  await page.keyboard.press('Control+Home');

  // Where the caret (the selection's moving end) is, as a stored offset: what the annotator sees.
  const caret = () =>
    page.evaluate(() => {
      const selection = window.getSelection();
      const node = selection?.focusNode;
      const holder = node?.nodeType === Node.TEXT_NODE ? node.parentElement?.closest<HTMLElement>('[data-offset]') : null;
      return holder ? Number(holder.dataset.offset) + (selection?.focusOffset ?? 0) : 0;
    });
  const keysPerSpan: number[] = [];
  let keys = 0;
  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  /** Marks one span from where the caret is; `first` runs before (and is counted with it). */
  const mark = async (wanted: string, hotkey: string, first?: () => Promise<void>) => {
    keys = 0;
    await first?.();
    const from = await caret();
    const start = SEED.indexOf(wanted, from);
    const end = start + wanted.length;
    // Move word by word until the next word is the span's first (a selection then starts in the space before it).
    while ((await caret()) < start && !/^\s*$/.test(SEED.slice(await caret(), start))) await press('Control+ArrowRight');
    while ((await caret()) < end) await press('Control+Shift+ArrowRight');
    await press(hotkey);
    keysPerSpan.push(keys);
    await expect(page.locator('[data-span-id]', { hasText: wanted }).first()).toBeVisible();
  };
  for (const [wanted, hotkey] of TARGETS) await mark(wanted, hotkey);
  // The claims: back to the top once (counted with the first claim), then the same way.
  await mark(CLAIMS[0] as string, 'c', () => press('Control+Home'));
  await mark(CLAIMS[1] as string, 'c');

  const spans = await page.locator('[role="article"] [data-span-id]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.spanId))].length);
  expect(spans).toBe(TARGETS.length + CLAIMS.length);
  const sorted = [...keysPerSpan].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  console.log(`keys per span: ${keysPerSpan.join(' ')} (median ${median})`);
  expect(median).toBeLessThanOrEqual(10);
});

test('Ctrl+F finds in the document, steps with Enter, and labels all matches in one undoable step', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  await page.getByRole('article', { name: 'Document text' }).focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in document' });
  await expect(find.getByLabel('Find', { exact: true })).toBeFocused();
  await page.keyboard.type('TRAM');
  await expect(find).toContainText('1 of 2');
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('find-match')?.size)).toBe(2);
  await page.keyboard.press('Enter');
  await expect(find).toContainText('2 of 2');
  await page.keyboard.press('Shift+Enter');
  await expect(find).toContainText('1 of 2');
  await find.getByLabel('Match case').check();
  await expect(find).toContainText('No matches');
  await find.getByLabel('Match case').uncheck();
  await find.getByLabel('Whole words').check();
  await expect(find).toContainText('1 of 2');

  await find.getByLabel('Label for all matches').selectOption('EVENT');
  await find.getByRole('button', { name: 'Label all matches (2)' }).click();
  await expect(page.locator('[data-label="EVENT"]')).toHaveCount(2);
  await expect(find.getByRole('button', { name: /^Label all matches/ })).toBeDisabled();
  await expect(find).toContainText('2 already labelled');
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-label="EVENT"]')).toHaveCount(0);
});

test('the document’s span list jumps to a span; the project progress counts documents done and spans per label', async ({ page }) => {
  await openApp(page);
  await openDocument(page, 'Harbour city opens new tram line');
  await page.getByText('Spans in this document (9)').click();
  const list = page.getByRole('list', { name: 'Spans in this document' });
  await expect(list.getByRole('listitem')).toHaveCount(9);
  await page.getByLabel('Show spans of label').selectOption({ label: 'PERSON (3)' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await list.getByRole('button', { name: /Amir Haddad/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Selected span' })).toContainText('Amir Haddad');

  await page.getByLabel('Document status').selectOption('done');
  await page.getByText('Project progress').click();
  await expect(page.getByRole('list', { name: 'Documents done per annotator' })).toContainText('1 of 4 done');
  await expect(page.getByRole('list', { name: 'Spans per label in the project' })).toContainText('PERSON: 6');
});
