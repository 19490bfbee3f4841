// Merging teammates and sharing a workstation: a teammate's copy that differs by a word is the
// same document (shown word by word, spans carried over, those in changed text left out), their
// labels map onto yours, and annotators switch without any work changing hands.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { dragSelect, exportLines, openApp, openDocument, renderedSpans, teammateFile, type ExportedLine } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

async function nameYourself(page: Page, name: string) {
  await openApp(page);
  await page.getByRole('region', { name: 'Welcome' }).getByLabel('Your name').fill(name);
  await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Save' }).click();
}

test('a teammate’s copy differing by a word: same document, the difference shown, spans mapped, labels mapped', async ({ page }) => {
  await nameYourself(page, 'Rita');
  const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  expect(harbour.text).toContain('Critics were');
  // Ana imported the article from her own .txt: another id, and one word differs.
  const theirs = { ...harbour, text: harbour.text.replace('Critics were', 'Opponents were') };
  const ana = teammateFile(theirs, { id: 'ana', name: 'Ana' }, [
    ['Dana Whitcombe', 'PER'],
    ['Opponents', 'PER'],
    ['Coastlink', 'ORG'],
  ]);
  await page.getByLabel('Import teammate work').setInputFiles([ana]);
  const dialog = page.getByRole('dialog', { name: 'Teammate work' });
  const near = dialog.getByRole('region', { name: 'Same document, different text' });
  await expect(near).toContainText(HARBOUR);
  await expect(near.locator('del')).toHaveText(['Critics']);
  await expect(near.locator('ins')).toHaveText(['Opponents']);
  await expect(near).toContainText('Left out (1 span in changed text): PER “Opponents” (Ana)');
  await expect(dialog.getByRole('region', { name: 'New documents' })).toHaveCount(0);
  await expectNoAccessibilityViolations(page, 'the Teammate work dialog with a near-identical text and the label map');
  // Their PER is your PERSON: once mapped, it is no label the project lacks.
  await expect(dialog.getByRole('region', { name: 'Unknown labels' })).toContainText('PER (');
  await dialog.getByLabel('Their PER as').selectOption('PERSON');
  await expect(dialog.getByRole('region', { name: 'Unknown labels' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 2 spans of Ana into 1 document' })).toBeVisible();

  const merged = (await exportLines(page, 'Ana')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  expect(merged.text).toBe(harbour.text);
  expect(merged.spans.map((s) => [s.label, s.text, Array.from(harbour.text).slice(s.start, s.end).join('')]).sort()).toEqual([
    ['ORG', 'Coastlink', 'Coastlink'],
    ['PERSON', 'Dana Whitcombe', 'Dana Whitcombe'],
  ]);
});

test('switch annotator on a shared workstation: each annotates their own spans; renaming changes no one’s work', async ({ page }) => {
  await nameYourself(page, 'Rita');
  await openDocument(page, HARBOUR);
  const ritas = (await renderedSpans(page)).length;
  expect(ritas).toBeGreaterThan(0);

  const status = page.locator('footer.statusbar');
  await status.getByRole('button', { name: 'Annotating as Rita' }).click();
  let identity = page.getByRole('dialog', { name: 'Who is annotating?' });
  await expectNoAccessibilityViolations(page, 'the Who is annotating dialog');
  await identity.getByLabel('New annotator’s name').fill('Sam');
  await identity.getByRole('button', { name: 'Add and switch' }).click();
  await expect(status.getByRole('button', { name: 'Annotating as Sam' })).toBeVisible();
  await openDocument(page, HARBOUR);
  await expect.poll(async () => (await renderedSpans(page)).length).toBe(0);
  await dragSelect(page, 'Quay Street station');
  await page.getByRole('button', { name: /^LOC/ }).click();
  await expect.poll(async () => (await renderedSpans(page)).map((s) => s.text)).toEqual(['Quay Street station']);

  await status.getByRole('button', { name: 'Annotating as Sam' }).click();
  identity = page.getByRole('dialog', { name: 'Who is annotating?' });
  await identity.getByLabel('Annotator', { exact: true }).selectOption({ label: 'Rita' });
  await identity.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(status.getByRole('button', { name: 'Annotating as Rita' })).toBeVisible();
  await openDocument(page, HARBOUR);
  await expect.poll(async () => (await renderedSpans(page)).length).toBe(ritas);

  // Renaming Rita keeps her spans hers, and Sam's his.
  await status.getByRole('button', { name: 'Annotating as Rita' }).click();
  identity = page.getByRole('dialog', { name: 'Who is annotating?' });
  await identity.getByLabel('Your name').fill('Rita Moreno');
  await identity.getByRole('button', { name: 'Save name' }).click();
  await expect(status.getByRole('button', { name: 'Annotating as Rita Moreno' })).toBeVisible();
  await expect.poll(async () => (await renderedSpans(page)).length).toBe(ritas);
  const sams = (await exportLines(page, 'Sam')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  expect(sams.spans.map((s) => [s.label, s.text])).toEqual([['LOC', 'Quay Street station']]);

  // A name already here is that annotator, not a second one.
  await status.getByRole('button', { name: 'Annotating as Rita Moreno' }).click();
  identity = page.getByRole('dialog', { name: 'Who is annotating?' });
  await identity.getByLabel('New annotator’s name').fill('sam');
  await identity.getByRole('button', { name: 'Switch to Sam' }).click();
  await expect(status.getByRole('button', { name: 'Annotating as Sam' })).toBeVisible();
  await openDocument(page, HARBOUR);
  await expect.poll(async () => (await renderedSpans(page)).map((s) => s.text)).toEqual(['Quay Street station']);
});
