// A lead hands out 9 documents to three annotators (a third done by two), each annotator opens
// their bundle in their own browser, annotates and sends their work back; the lead sees the
// progress, settles every review item with the keyboard alone, and exports gold.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { createProject, dragSelect, openApp, openDocument, readDownload } from './helpers';

const TEXT = (n: number) => `Council notes ${n}\n\nReporter met Mayor Dana Reyes in Port Ellis on Monday ${n}.`;
const TITLES = Array.from({ length: 9 }, (_, i) => `Council notes ${i + 1}`);

const file = (name: string, content: string | Uint8Array) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });

async function setName(page: Page, name: string) {
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await welcome.getByLabel('Your name').fill(name);
  await welcome.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: `Annotating as ${name}` })).toBeVisible();
}

/** What each annotator marks: Ana and Ben agree on the person, Ben adds the place, Cy takes the title too. */
const HABITS: Record<string, Array<[string, string]>> = {
  Ana: [['Dana Reyes', 'p']],
  Ben: [
    ['Dana Reyes', 'p'],
    ['Port Ellis', 'l'],
  ],
  Cy: [['Mayor Dana Reyes', 'p']],
};

async function bytesOf(download: { createReadStream(): Promise<NodeJS.ReadableStream> }): Promise<Uint8Array> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function annotatorWorks(browser: Browser, name: string, bundle: Uint8Array): Promise<Buffer> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await openApp(page);
  await setName(page, name);
  await page.getByLabel('Import documents').setInputFiles([file(`${name}.spanwright`, bundle)]);
  await expect(page.getByRole('combobox', { name: 'Project' }).locator('option:checked')).toHaveText(`Team pilot — ${name}`);
  const list = page.getByRole('list', { name: 'Documents' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  const titles = await list
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => (li.getAttribute('aria-label') ?? '').split(',')[0] as string));
  for (const title of titles) {
    await openDocument(page, title);
    for (const [text, key] of HABITS[name] ?? []) {
      await dragSelect(page, text);
      await page.keyboard.press(key);
    }
    await page.getByRole('combobox', { name: 'Document status' }).selectOption({ label: 'Done' });
    await expect(list.getByRole('listitem', { name: new RegExp(`^${title}, Done, `) })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
  await dialog.getByLabel('Annotations').selectOption({ label: `Mine (${name})` });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  const work = Buffer.from(await readDownload(download), 'utf8');
  await context.close();
  return work;
}

test('assign 9 documents to three annotators with overlap, get the work back, review it by keyboard, export gold', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await setName(page, 'Lena');
  await createProject(page, 'Team pilot');
  const lines = TITLES.map((title, i) => JSON.stringify({ id: `note-${i + 1}`, title, text: TEXT(i + 1) })).join('\n');
  await page.getByLabel('Import documents').setInputFiles([file('notes.jsonl', lines + '\n')]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 9 documents' })).toBeVisible();

  // Assign: three annotators, a third of the documents done by two.
  await page.getByRole('button', { name: 'Assign documents…' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign documents' });
  await assign.getByLabel('Annotators, one per line').fill('Ana\nBen\nCy');
  await assign.getByLabel('Done by two, for agreement (%)').fill('34');
  await assign.getByLabel('Seed (the same seed gives the same plan)').fill('7');
  await expect(assign).toContainText('9 documents to 3 annotators: about 4 each; 3 done by two.');
  // The packages are built and zipped by the export worker, not the window.
  const exportWorkers: string[] = [];
  page.on('worker', (worker) => {
    if (/export-worker/.test(worker.url())) exportWorkers.push(worker.url());
  });
  const [zipDownload] = await Promise.all([
    page.waitForEvent('download'),
    assign.getByRole('button', { name: 'Assign and save bundles' }).click(),
  ]);
  expect(exportWorkers).toHaveLength(1);
  expect(zipDownload.suggestedFilename()).toMatch(/^Team-pilot_assignments_\d{4}-\d{2}-\d{2}\.zip$/);
  const zipped = unzipSync(await bytesOf(zipDownload));
  expect(Object.keys(zipped).sort()).toEqual([
    'Team-pilot_Ana.spanwright',
    'Team-pilot_Ben.spanwright',
    'Team-pilot_Cy.spanwright',
    'assignment.json',
  ]);
  const plan = JSON.parse(new TextDecoder().decode(zipped['assignment.json'])) as { annotators: Record<string, string[]> };
  expect(Object.values(plan.annotators).map((docs) => docs.length)).toEqual([4, 4, 4]);
  // Each bundle holds only its annotator's documents, with no one's annotations.
  const anaBundle = new TextDecoder().decode(zipped['Team-pilot_Ana.spanwright']).trim().split('\n');
  expect(anaBundle).toHaveLength(5);
  expect(
    anaBundle
      .slice(1)
      .map((l) => (JSON.parse(l) as { meta: { title: string } }).meta.title)
      .sort(),
  ).toEqual([...(plan.annotators['Ana'] ?? [])].sort());
  expect(anaBundle.slice(1).every((l) => (JSON.parse(l) as { spans: unknown[] }).spans.length === 0)).toBe(true);

  // The plan stays with the project: nothing has come back yet.
  const progress = assign.getByRole('region', { name: 'Assignment progress' });
  await expect(progress.getByRole('row', { name: /^Ana 4 0 0/ })).toBeVisible();
  await assign.getByRole('button', { name: 'Close' }).click();

  // Each annotator works in their own browser and sends their work back.
  const returned = [];
  for (const name of ['Ana', 'Ben', 'Cy'])
    returned.push(file(`${name}.jsonl`, await annotatorWorks(browser, name, zipped[`Team-pilot_${name}.spanwright`] as Uint8Array)));
  await page.getByLabel('Import teammate work').setInputFiles(returned);
  const merge = page.getByRole('dialog', { name: 'Teammate work' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge).toBeHidden();

  await page.getByRole('button', { name: 'Assign documents…' }).click();
  for (const name of ['Ana', 'Ben', 'Cy'])
    await expect(progress.getByRole('row', { name: new RegExp(`^${name} 4 4 4 nothing$`) })).toBeVisible();
  await assign.getByRole('button', { name: 'Close' }).click();

  // Review every document with the keyboard alone: Shift+Enter takes the agreements, n finds
  // each disagreement and 1 settles it; Alt+PageDown goes on to the next document.
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  await openDocument(page, TITLES[0] as string);
  await page.getByRole('article', { name: 'Document text' }).focus();
  for (const title of TITLES) {
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // The teammates' work on it is read a moment after it opens: compared, then taken.
    await expect(review.getByRole('group', { name: 'Compare' })).toBeVisible();
    await page.keyboard.press('Shift+Enter');
    await expect(review).not.toContainText('to accept');
    for (let guard = 0; guard < 5 && !(await review.textContent())?.includes('No disagreements left'); guard++) {
      await page.keyboard.press('n');
      await page.keyboard.press('1');
    }
    await expect(review).toContainText('No disagreements left');
    await page.keyboard.press('Alt+PageDown');
  }
  await page.getByRole('combobox', { name: 'Status filter' }).selectOption({ label: 'Needs review' });
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(0);

  // Gold: every document has its person.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
  await dialog.getByLabel('Annotations').selectOption({ label: 'Gold (adjudicated)' });
  const [goldDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  const gold = (await readDownload(goldDownload))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { meta: { title: string }; spans: Array<{ label: string; text: string }> });
  expect(gold).toHaveLength(9);
  for (const doc of gold) expect(doc.spans.some((s) => s.label === 'PERSON' && s.text.endsWith('Dana Reyes'))).toBe(true);
});
