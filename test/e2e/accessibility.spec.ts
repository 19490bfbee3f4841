// Accessibility: axe-core finds no WCAG 2.0/2.1 A or AA violation on the main screen, in
// every dialog, in review and in the agreement view; closing a dialog gives the focus back.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { clickText, dragSelect, exportLines, openApp, openDocument, teammateFile, type ExportedLine } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';
const CLAIM = 'it would carry 40,000 passengers a day by the end of the year';

const selectedSpan = (page: Page) => page.getByRole('region', { name: 'Selected span' });

async function clickSpan(page: Page, label: string, text: string): Promise<void> {
  await expect(page.locator(`[data-label="${label}"]`, { hasText: text }).first()).toBeVisible();
  await clickText(page, text);
  await expect(selectedSpan(page).getByLabel('Span label')).toHaveValue(label);
}

async function openDialog(page: Page, button: string, title = button): Promise<{ opener: Locator; dialog: Locator }> {
  const opener = page.getByRole('button', { name: button, exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return { opener, dialog };
}

async function chooseTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  const { dialog } = await openDialog(page, 'Settings');
  await dialog.getByRole('radio', { name: theme }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

async function saveName(page: Page, name: string): Promise<void> {
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await welcome.getByLabel('Your name').fill(name);
  await welcome.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: `Annotating as ${name}` })).toBeVisible();
}

/** A teammate's file with a relation, a document label and a note added to their spans. */
function withDocumentWork(file: ReturnType<typeof teammateFile>, who: string, topic: string, note: string, relation?: [string, string]) {
  const line = JSON.parse(file.buffer.toString('utf8')) as Record<string, unknown>;
  line['format_version'] = 2; // relations and document annotations came with version 2
  line['relations'] = relation
    ? [{ id: `${who}-r`, type: 'SOURCE', from: relation[0], to: relation[1], annotator: who, origin: 'manual' }]
    : [];
  line['document_annotations'] = [{ annotator: who, labels: { topic: [topic] }, note }];
  return { ...file, buffer: Buffer.from(JSON.stringify(line) + '\n') };
}

/** Ana's and Ben's work on the Harbour article, as the review tests use it, with a relation, document labels and a note. */
async function importTeammates(page: Page): Promise<Locator> {
  const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  const ana = teammateFile(harbour, { id: 'ana', name: 'Ana' }, [
    ['Dana Whitcombe', 'PERSON'],
    ['Coastlink', 'ORG'],
    ['Quay Street station', 'LOC'],
    ['it would carry 40,000 passengers a day', 'CLAIM'],
  ]);
  const ben = teammateFile(harbour, { id: 'ben', name: 'Ben' }, [
    ['Dana Whitcombe', 'PERSON'],
    ['Coastlink', 'LOC'],
    ['Quay Street', 'LOC'],
    ['Amir Haddad', 'PERSON'],
  ]);
  await page
    .getByLabel('Import teammate work')
    .setInputFiles([
      withDocumentWork(ana, 'ana', 'economy', 'Figure from the mayor only', ['ana-3', 'ana-0']),
      withDocumentWork(ben, 'ben', 'politics', ''),
    ]);
  const dialog = page.getByRole('dialog', { name: 'Teammate work' });
  await expect(dialog.getByRole('region', { name: 'Annotators' })).toContainText('Ben: 4 spans in 1 document');
  return dialog;
}

test.describe('accessibility (axe: WCAG 2.0 and 2.1, A and AA)', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('the main screen with the demo project open, a span selected, and the find bar', async ({ page }) => {
    await expect(page.getByRole('region', { name: 'Welcome' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the main screen on first start (welcome)');

    await saveName(page, 'Rita');
    await openDocument(page, HARBOUR);
    await page.getByText('Project progress').click();
    await page.getByText(/^Spans in this document/).click();
    await expect(page.getByLabel('Show spans of label')).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the main screen with a document, project progress and the span list open');

    await clickSpan(page, 'CLAIM', CLAIM);
    await selectedSpan(page).getByRole('button', { name: 'SOURCE →…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Linking CLAIM' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the main screen while linking a relation');
    await clickText(page, 'Dana Whitcombe'); // the relation's target
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(selectedSpan(page).getByRole('list', { name: 'Relations of the selected span' }).getByRole('listitem')).toHaveCount(1);
    await expectNoAccessibilityViolations(page, 'the main screen with a span (attributes, a relation) selected');
    // The relation's name over its arc: SOURCE's purple reads on the light page as it is, and
    // is lightened on the dark one (axe cannot measure text over the arcs).
    const arcLabel = page.locator('.relation-arcs__label', { hasText: 'SOURCE' });
    await expect(arcLabel).toHaveAttribute('fill', '#7a4fd6');
    await chooseTheme(page, 'Dark');
    await expect(arcLabel).not.toHaveAttribute('fill', '#7a4fd6');
    await chooseTheme(page, 'Light');
    await expect(arcLabel).toHaveAttribute('fill', '#7a4fd6');

    await page.getByRole('article', { name: 'Document text' }).focus();
    await page.keyboard.press('Control+f');
    const find = page.getByRole('search', { name: 'Find in document' });
    await page.keyboard.type('tram');
    await expect(find).toContainText('1 of 2');
    await expectNoAccessibilityViolations(page, 'the main screen with the find bar open');
    await page.keyboard.press('Escape');

    // A new span proposes its word's other occurrence: the suggestion and the Suggestions panel.
    await page.keyboard.press('Escape');
    await dragSelect(page, 'budget', 1);
    await page.keyboard.press('e');
    await expect(page.getByRole('region', { name: 'Suggestions' })).toContainText('1 in this document');
    await page.keyboard.press('Shift+}');
    await expectNoAccessibilityViolations(page, 'the main screen with a suggestion selected');
  });

  test('an empty project', async ({ page }) => {
    await page.getByRole('button', { name: 'New project', exact: true }).click();
    await page.getByRole('dialog', { name: 'New project' }).getByLabel('Project name').fill('Empty');
    await page.getByRole('dialog', { name: 'New project' }).getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'No documents yet' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the main screen of a project with no documents');
  });

  test('New project, Export, Keyboard shortcuts, identity and Settings; focus returns to the opener', async ({ page }) => {
    await saveName(page, 'Rita');
    await openDocument(page, HARBOUR);

    let { opener, dialog } = await openDialog(page, 'New project');
    await expectNoAccessibilityViolations(page, 'the New project dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    ({ opener, dialog } = await openDialog(page, 'Export'));
    await expectNoAccessibilityViolations(page, 'the Export dialog');
    await dialog.getByLabel('Format').selectOption({ label: 'CoNLL-2003 IOB2' });
    await expectNoAccessibilityViolations(page, 'the Export dialog, CoNLL-2003 (with what it leaves out)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    ({ opener, dialog } = await openDialog(page, 'Keyboard shortcuts'));
    await expectNoAccessibilityViolations(page, 'the Keyboard shortcuts sheet');
    await page.keyboard.press('Escape');
    await expect(opener).toBeFocused();

    ({ opener, dialog } = await openDialog(page, 'Annotating as Rita', 'Who is annotating?'));
    await expectNoAccessibilityViolations(page, 'the identity dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    ({ opener, dialog } = await openDialog(page, 'Settings'));
    await expectNoAccessibilityViolations(page, 'the Settings dialog');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('the top bar’s More menu, open, in a narrower window', async ({ page }) => {
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.getByRole('button', { name: 'More actions' }).click();
    await expect(page.getByRole('menu', { name: 'More actions' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the More actions menu');
  });

  test('the Labels dialog: every tab, a label’s attributes, a delete confirmation; focus returns', async ({ page }) => {
    await openDocument(page, HARBOUR);
    const { opener, dialog } = await openDialog(page, 'Labels');
    await expectNoAccessibilityViolations(page, 'the Labels dialog, Labels tab');
    await dialog.getByRole('button', { name: 'Attributes of CLAIM' }).click();
    await expectNoAccessibilityViolations(page, 'the Labels dialog with CLAIM’s attributes open');
    await dialog.getByRole('button', { name: 'Delete ORG' }).click();
    await expectNoAccessibilityViolations(page, 'the Labels dialog asking to delete a label');
    await dialog.getByRole('alertdialog', { name: 'Delete ORG?' }).getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog.getByRole('button', { name: 'Delete ORG' })).toBeFocused();
    for (const tab of ['Relation types', 'Document categories']) {
      await dialog.getByRole('tab', { name: tab }).click();
      await expect(dialog.getByRole('tabpanel', { name: tab })).toBeVisible();
      await expectNoAccessibilityViolations(page, `the Labels dialog, ${tab} tab`);
    }
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('text on a label highlight stays readable whatever colours users choose', async ({ page }) => {
    await openDocument(page, HARBOUR);
    const { dialog } = await openDialog(page, 'Labels');
    // Very dark, saturated mid-tone, very light, black: the text colour on each is computed.
    for (const [label, color] of [
      ['PERSON', '#1a237e'],
      ['ORG', '#d32f2f'],
      ['LOC', '#ffff00'],
      ['DATE', '#000000'],
    ] as const) {
      await dialog.getByLabel(`Colour of ${label}`).fill(color);
      await dialog
        .getByRole('row')
        .filter({ has: page.getByLabel(`Colour of ${label}`) })
        .getByRole('button', { name: 'Save' })
        .click();
    }
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.locator('[data-label="PERSON"]').first()).toHaveCSS('color', 'rgb(255, 255, 255)');
    await expectNoAccessibilityViolations(page, 'the document with dark, mid and light label colours');

    await chooseTheme(page, 'Dark');
    await expectNoAccessibilityViolations(page, 'the document with those colours in the dark theme');
  });

  test('the import report, its long list of problems, and a long span selected', async ({ page }) => {
    // Long enough to scroll: the problem list and the span's text box must take the keyboard.
    const long = 'The council said the new line would carry many passengers. '.repeat(14);
    const lines = [JSON.stringify({ title: 'Long claim', text: `${long} End.`, label: [[0, long.length - 1, 'CLAIM']] })];
    for (let i = 0; i < 40; i++) lines.push('{"text": "broken');
    await page
      .getByLabel('Import documents')
      .setInputFiles([{ name: 'mixed.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) }]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report.getByRole('region', { name: 'Problems' }).getByRole('listitem')).toHaveCount(40);
    await expectNoAccessibilityViolations(page, 'the Import report with 40 problems');
    await report.getByRole('button', { name: 'Import 1 document' }).click();
    await expect(report).toBeHidden();
    await openDocument(page, 'Long claim');
    await clickSpan(page, 'CLAIM', 'council');
    await expectNoAccessibilityViolations(page, 'a span of 800 characters selected');
  });

  test('the missing attributes dialog on Done', async ({ page }) => {
    await openDocument(page, HARBOUR);
    await clickSpan(page, 'CLAIM', CLAIM);
    await selectedSpan(page).getByLabel('checkworthy').selectOption('');
    await page.getByLabel('Document status').selectOption('done');
    await expect(page.getByRole('dialog', { name: 'Required attributes are missing' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the missing attributes dialog');
  });

  test('teammate import, review mode and the agreement view', async ({ page }) => {
    await saveName(page, 'Rita');
    const merge = await importTeammates(page);
    await expectNoAccessibilityViolations(page, 'the Teammate work dialog');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merged 8 spans' })).toBeVisible();

    await openDocument(page, HARBOUR);
    await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
    const review = page.getByRole('region', { name: 'Review', exact: true });
    await review.getByRole('checkbox', { name: 'Rita (you)' }).uncheck();
    await expect(review).toContainText('6 disagreements left'); // 4 spans, the relation, the topic
    await expect(review.getByRole('region', { name: 'Relations to review' }).getByRole('listitem')).toHaveCount(1);
    await expect(review.getByRole('group', { name: 'Document label topic' })).toContainText('disagreement');
    await expect(review.getByRole('region', { name: 'Document notes' })).toContainText('Figure from the mayor only');
    await expectNoAccessibilityViolations(page, 'review mode (spans, a relation, document labels and notes to review)');
    await page.getByRole('article', { name: 'Document text' }).focus();
    await page.keyboard.press('n');
    await expect(review.getByRole('group', { name: 'Review item' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'review mode with a disagreement selected');
    await review.getByRole('button', { name: 'Accept all agreements' }).click();
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await expectNoAccessibilityViolations(page, 'review mode with a gold span selected');

    const { opener, dialog } = await openDialog(page, 'Agreement');
    await dialog.getByRole('checkbox', { name: 'Rita (you)' }).uncheck();
    await expect(dialog.getByRole('table', { name: /Confusion matrix/ }).first()).toBeVisible();
    await expectNoAccessibilityViolations(page, 'the agreement view');
    await dialog.getByLabel('Match').selectOption('overlap');
    await expectNoAccessibilityViolations(page, 'the agreement view, overlap match');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});
