// Relations, span attributes, document labels and notes, as a user makes them: with the mouse,
// with the keyboard alone, undone and redone, kept over a reload, exported and imported back.
import { expect, test, type Page } from '@playwright/test';
import { clickText, createProject, openApp, openDocument, readDownload } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';
const CLAIM = 'it would carry 40,000 passengers a day by the end of the year';

const details = (page: Page) => page.getByRole('region', { name: 'Selected span' });
const relationList = (page: Page) => details(page).getByRole('list', { name: 'Relations of the selected span' });

/** Clicks a span's first word (the span is the innermost one there). */
async function clickSpan(page: Page, label: string, text: string) {
  await expect(page.locator(`[data-label="${label}"]`, { hasText: text }).first()).toBeVisible();
  await clickText(page, text);
}

test.describe('relations, attributes, document labels and notes', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await openDocument(page, HARBOUR);
  });

  test('made with the mouse, undone and redone, kept over a reload', async ({ page }) => {
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('Span label')).toHaveValue('CLAIM');
    // SOURCE: the claim -> the person who made it.
    await details(page).getByRole('button', { name: 'SOURCE →…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Linking CLAIM' })).toBeVisible();
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
    // Both ends light up, and an arc is drawn between them.
    await expect(page.locator('[data-label="PERSON"].span--related', { hasText: 'Dana Whitcombe' })).toHaveCount(1);
    await expect(page.locator('.relation-arcs [data-relation-id]')).toHaveCount(1);
    // The other end is a click away.
    await relationList(page).getByRole('button', { name: /^SOURCE → PERSON/ }).click();
    await expect(details(page).getByLabel('Span label')).toHaveValue('PERSON');
    await expect(relationList(page).getByRole('listitem')).toHaveText([/^SOURCE ← CLAIM “it would carry/]);

    // An attribute on the claim, a document label and a note.
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('yes');
    await details(page).getByLabel('checkworthy').selectOption('no');
    await page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' }).click();
    await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByLabel('Document note').fill('Is the 40,000 figure from the operator?');
    await page.getByLabel('Document note').blur();
    await expect(page.getByText('All changes saved')).toBeVisible();

    // Undo the note, the label, the attribute and the relation; redo them all.
    const undo = page.getByRole('button', { name: 'Undo' });
    const redo = page.getByRole('button', { name: 'Redo' });
    for (let i = 0; i < 4; i++) await undo.click();
    await expect(page.getByLabel('Document note')).toHaveValue('');
    await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'false');
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('yes');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(0);
    for (let i = 0; i < 4; i++) await redo.click();
    await expect(page.getByLabel('Document note')).toHaveValue('Is the 40,000 figure from the operator?');
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('no');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('All changes saved')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('no');
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
    await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Document note')).toHaveValue('Is the 40,000 figure from the operator?');
    await page.screenshot({ path: 'test-results/relations.png' });

    // The document list filters by document label.
    const list = page.getByRole('list', { name: 'Documents' });
    await page.getByLabel('Document label filter').selectOption({ label: 'topic: economy' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toHaveAccessibleName(new RegExp(`^${HARBOUR}`));
    await page.getByLabel('Document label filter').selectOption({ label: 'topic: health' });
    await expect(list.getByRole('listitem')).toHaveCount(0);
    await page.getByLabel('Document label filter').selectOption({ label: 'All document labels' });
    await expect(list.getByRole('listitem')).toHaveCount(4);
  });

  test('deleting a span takes its relations; one undo brings both back', async ({ page }) => {
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByRole('button', { name: 'SOURCE →…' }).click();
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(1);
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await page.keyboard.press('Delete');
    await expect(page.locator('[data-label="PERSON"]', { hasText: 'Dana Whitcombe' })).toHaveCount(0);
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(relationList(page).getByRole('listitem')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-label="PERSON"]', { hasText: 'Dana Whitcombe' })).toHaveCount(1);
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
  });

  test('made with the keyboard alone', async ({ page }) => {
    const text = page.getByRole('article', { name: 'Document text' });
    await text.focus();
    // ] steps through the spans in text order: LOC, DATE, PERSON, CLAIM ...
    for (let i = 0; i < 4; i++) await page.keyboard.press(']');
    await expect(details(page).getByLabel('Span label')).toHaveValue('CLAIM');
    // r: choose the type (CLAIM can start SOURCE or ABOUT), s: SOURCE.
    await page.keyboard.press('r');
    await expect(page.getByRole('status').filter({ hasText: 'Link CLAIM with' })).toBeVisible();
    await page.keyboard.press('s');
    await expect(page.getByRole('status').filter({ hasText: 'Linking CLAIM' })).toBeVisible();
    // The first possible target after the claim is Whitcombe; [ steps back to Dana Whitcombe.
    await expect(page.locator('.span--related')).toHaveText(['Whitcombe']);
    await page.keyboard.press('[');
    await expect(page.locator('.span--related')).toHaveText(['Dana Whitcombe']);
    await page.keyboard.press('Enter');
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
    // The attribute from the keyboard: Tab into the span details, choose with the arrow keys.
    await details(page).getByLabel('checkworthy').focus();
    await page.keyboard.press('ArrowDown');
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('no');
    // Back in the text, Ctrl+Z undoes the attribute, then the relation.
    await text.focus();
    await page.keyboard.press('Control+z');
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('yes');
    await page.keyboard.press('Control+z');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(relationList(page).getByRole('listitem')).toHaveCount(1);
    // A document label and a note from the keyboard: focus, Space; type, Tab away.
    await page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByLabel('Document note').focus();
    await page.keyboard.type('Check the ridership model');
    await page.keyboard.press('Tab');
    await expect(page.getByText('All changes saved')).toBeVisible();
    await text.focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByLabel('Document note')).toHaveValue('');
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByLabel('Document note')).toHaveValue('Check the ridership model');
  });

  test('marking a document done with a required attribute missing names the spans first', async ({ page }) => {
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByLabel('checkworthy').selectOption('');
    await page.getByLabel('Document status').selectOption('done');
    const dialog = page.getByRole('dialog', { name: 'Required attributes are missing' });
    await expect(dialog.getByRole('listitem')).toHaveText([/^CLAIM “it would carry.*lacks checkworthy$/]);
    await dialog.getByRole('button', { name: 'Keep working' }).click();
    await expect(page.getByLabel('Document status')).not.toHaveValue('done');
    await page.getByLabel('Document status').selectOption('done');
    await page.getByRole('dialog', { name: 'Required attributes are missing' }).getByRole('button', { name: 'Mark done anyway' }).click();
    await expect(page.getByLabel('Document status')).toHaveValue('done');
  });

  test('exported as Spanwright JSONL with relations, attributes, document labels and notes', async ({ page }) => {
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByRole('button', { name: 'SOURCE →…' }).click();
    await clickSpan(page, 'PERSON', 'Dana Whitcombe');
    await clickSpan(page, 'CLAIM', CLAIM);
    await details(page).getByLabel('checkworthy').selectOption('yes');
    await details(page).getByLabel('Span note').fill('Check the operator’s report');
    await details(page).getByLabel('Span note').blur();
    await page.getByRole('group', { name: 'misinformation risk' }).getByRole('button', { name: 'low' }).click();
    await expect(page.getByText('All changes saved')).toBeVisible();

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
    const lines = (await readDownload(download)).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const harbour = lines.find((l) => (l['meta'] as { title: string }).title === HARBOUR) as {
      spans: Array<{ id: string; label: string; text: string; attributes: Record<string, unknown>; note?: string }>;
      relations: Array<{ type: string; from: string; to: string }>;
    } & Record<string, unknown>;
    const claim = harbour.spans.find((s) => s.text === CLAIM);
    const person = harbour.spans.find((s) => s.text === 'Dana Whitcombe');
    expect(claim).toMatchObject({ attributes: { checkworthy: 'yes' }, note: 'Check the operator’s report' });
    expect(harbour.relations).toEqual([expect.objectContaining({ type: 'SOURCE', from: claim?.id, to: person?.id })]);
    expect(JSON.stringify(harbour)).toContain('"misinformation risk":["low"]');

    // Imported into a new project, everything comes back.
    await createProject(page, 'Round trip');
    await page.getByLabel('Import documents').setInputFiles([
      { name: 'export.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n') },
    ]);
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);
    await openDocument(page, HARBOUR);
    await clickSpan(page, 'CLAIM', CLAIM);
    await expect(details(page).getByLabel('checkworthy')).toHaveValue('yes');
    await expect(details(page).getByLabel('Span note')).toHaveValue('Check the operator’s report');
    await expect(relationList(page).getByRole('listitem')).toHaveText(['SOURCE → PERSON “Dana Whitcombe”×']);
    await expect(page.getByRole('group', { name: 'misinformation risk' }).getByRole('button', { name: 'low' })).toHaveAttribute('aria-pressed', 'true');
  });
});

test('review compares relations, attributes and document labels, and takes them into gold', async ({ page }) => {
  await openApp(page);
  const harbour = (await exportLinesOf(page)).find((d) => d.meta.title === HARBOUR) as { id: string; text: string; meta: { title: string } };
  const at = (text: string) => {
    const unit = harbour.text.indexOf(text);
    const start = Array.from(harbour.text.slice(0, unit)).length;
    return { start, end: start + Array.from(text).length };
  };
  const teammate = (who: string, checkworthy: string, topic: string, note: string) => ({
    name: `${who}.jsonl`,
    mimeType: 'application/jsonl',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'spanwright',
        format_version: 2,
        offset_unit: 'codepoint',
        id: harbour.id,
        text: harbour.text,
        meta: harbour.meta,
        statuses: { [who]: 'done' },
        annotators: [{ id: who, name: who.toUpperCase() }],
        spans: [
          { id: `${who}-c`, layer: 'claim', label: 'CLAIM', ...at(CLAIM), annotator: who, attributes: { checkworthy }, origin: 'manual' },
          { id: `${who}-p`, layer: 'entity', label: 'PERSON', ...at('Dana Whitcombe'), annotator: who, attributes: {}, origin: 'manual' },
        ],
        relations: [{ id: `${who}-r`, type: 'SOURCE', from: `${who}-c`, to: `${who}-p`, annotator: who, origin: 'manual' }],
        document_annotations: [{ annotator: who, labels: { topic: [topic] }, note }],
      }) + '\n',
    ),
  });
  await page.getByLabel('Import teammate work').setInputFiles([teammate('ana', 'yes', 'economy', 'Figure from the mayor only'), teammate('ben', 'no', 'politics', '')]);
  await page.getByRole('dialog', { name: 'Teammate work' }).getByRole('button', { name: 'Merge' }).click();
  await openDocument(page, HARBOUR);
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  await review.getByRole('checkbox', { name: /\(you\)/ }).uncheck();

  // The claim: same span, other attributes.
  await expect(review.getByRole('list', { name: 'Review items' }).getByRole('listitem')).toHaveCount(2);
  await review.getByRole('list', { name: 'Review items' }).getByRole('button', { name: /it would carry/ }).click();
  await expect(review.getByRole('group', { name: 'Review item' })).toContainText('Same span, other attributes');
  await expect(review.getByRole('group', { name: 'Review item' })).toContainText('checkworthy: yes');
  await expect(review.getByRole('group', { name: 'Review item' })).toContainText('checkworthy: no');
  await expect(review.getByRole('region', { name: 'Document notes' })).toContainText('ANA: Figure from the mayor only');

  // The relation both made: accepting it brings its ends into gold too.
  const relations = review.getByRole('region', { name: 'Relations to review' });
  await expect(relations.getByRole('listitem')).toHaveCount(1);
  await expect(relations.getByRole('listitem')).toContainText('SOURCE CLAIM “it would carry');
  await expect(relations.getByRole('listitem')).toContainText('Everyone · Open');
  await relations.getByRole('button', { name: 'Accept relation' }).click();
  await expect(relations.getByRole('listitem')).toContainText('Everyone · In gold');
  await expect(page.locator('[data-annotator="gold"][data-label="PERSON"]')).toHaveText('Dana Whitcombe');
  await expect(page.locator('[data-annotator="gold"][data-label="CLAIM"]')).toHaveCount(1);

  // Document labels: Ana says economy, Ben politics; take Ana's.
  const topic = review.getByRole('group', { name: 'Document label topic' });
  await expect(topic).toContainText('disagreement');
  await topic.getByRole('button', { name: 'Accept ANA’s' }).click();
  await expect(topic).toContainText('in gold');
  await expect(page.getByRole('group', { name: 'topic' }).getByRole('button', { name: 'economy' })).toHaveAttribute('aria-pressed', 'true');

  // One undo takes the gold document label back.
  await page.keyboard.press('Control+z');
  await expect(topic).toContainText('open');
  await page.screenshot({ path: 'test-results/review-relations.png' });
});

async function exportLinesOf(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  await expect(dialog).toBeHidden();
  return (await readDownload(download))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; text: string; meta: { title: string } });
}
