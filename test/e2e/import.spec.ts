import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './axe';
import { openApp, openDocument, renderedSpans } from './helpers';

const file = (name: string, content: string | Buffer) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});

test.describe('importing', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('several files at once: plain text, doccano and spaCy JSONL with their spans', async ({ page }) => {
    const emojiText = 'Reef update 🐠🐠 from Port Ellis: divers counted 120 turtles.';
    // Code points: each fish is one code point (two UTF-16 units), so "Port Ellis" starts at 20.
    const doccano = JSON.stringify({
      id: 'reef-1',
      text: emojiText,
      label: [
        [20, 30, 'LOC'],
        [47, 58, 'QUANTITY'],
      ],
    });
    const spacy = JSON.stringify({
      text: 'Mayor Ana Ruiz visited Valdeluz.',
      spans: [{ start: 6, end: 14, label: 'PERSON' }],
      meta: { title: 'Visit' },
    });
    await page
      .getByLabel('Import documents')
      .setInputFiles([
        file('market-report.txt', 'Fish prices rose 4% at the Harbour Market on Monday.\n'),
        file('reef.jsonl', doccano + '\n'),
        file('visit.jsonl', spacy + '\n'),
      ]);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 3 documents' })).toBeVisible();
    const list = page.getByRole('list', { name: 'Documents' });
    await expect(list.getByRole('listitem')).toHaveCount(7);
    // The first imported document opens, so what came in is on screen.
    await expect(page.getByRole('heading', { level: 1, name: 'market-report' })).toBeVisible();

    await openDocument(page, 'market-report');
    await expect(page.getByRole('article', { name: 'Document text' })).toContainText(
      'Fish prices rose 4% at the Harbour Market on Monday.',
    );

    await openDocument(page, 'reef #1');
    expect((await renderedSpans(page)).map(({ label, text }) => ({ label, text }))).toEqual([
      { label: 'LOC', text: 'Port Ellis' },
      { label: 'QUANTITY', text: '120 turtles' },
    ]);
    await openDocument(page, 'Visit');
    expect((await renderedSpans(page)).map(({ label, text }) => ({ label, text }))).toEqual([{ label: 'PERSON', text: 'Ana Ruiz' }]);
  });

  test('bad lines are reported with file, line and reason; the good part imports only if asked', async ({ page }) => {
    const lines = [
      JSON.stringify({ text: 'A good article about the tram.', label: [[25, 29, 'LOC']] }),
      '{"text": "broken',
      JSON.stringify({ title: 'no text here' }),
      JSON.stringify({ text: 'short', label: [[0, 50, 'ORG']] }),
      JSON.stringify({ text: 'Another good one.' }),
    ];
    await page.getByLabel('Import documents').setInputFiles([file('mixed.jsonl', lines.join('\n'))]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toBeVisible();
    await expect(report).toContainText('2 documents can be imported');
    const problems = report.getByRole('region', { name: 'Problems' });
    await expect(problems.getByRole('listitem')).toHaveCount(3);
    await expect(problems.getByRole('listitem').nth(0)).toContainText('mixed.jsonl, line 2');
    await expect(problems.getByRole('listitem').nth(1)).toContainText('mixed.jsonl, line 3');
    await expect(problems.getByRole('listitem').nth(1)).toContainText('text');
    await expect(problems.getByRole('listitem').nth(2)).toContainText('mixed.jsonl, line 4');

    await report.getByRole('button', { name: 'Import nothing' }).click();
    await expect(report).toBeHidden();
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);

    await page.getByLabel('Import documents').setInputFiles([file('mixed.jsonl', lines.join('\n'))]);
    await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Import 2 documents' }).click();
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(6);
  });

  test('empty, binary and non-UTF-8 files each get a clear message and import nothing', async ({ page }) => {
    await page
      .getByLabel('Import documents')
      .setInputFiles([
        file('empty.txt', ''),
        file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a])),
        file('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9])),
      ]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    const problems = report.getByRole('region', { name: 'Problems' });
    await expect(problems.getByRole('listitem')).toHaveCount(3);
    await expect(problems).toContainText('empty.txt');
    await expect(problems).toContainText('empty');
    await expect(problems).toContainText('image.txt');
    await expect(problems).toContainText('binary');
    await expect(problems).toContainText('latin1.txt');
    await expect(problems).toContainText('UTF-8');
    await expect(report.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);
  });

  test('a duplicate document is reported, not imported twice', async ({ page }) => {
    const text = 'The same article, twice.';
    await page.getByLabel('Import documents').setInputFiles([file('one.txt', text)]);
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(5);
    await page.getByLabel('Import documents').setInputFiles([file('two.txt', text)]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report.getByRole('region', { name: 'Duplicates' })).toContainText('“two” has the same text as “one”');
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(5);
  });

  test('unknown labels are offered and added', async ({ page }) => {
    await page
      .getByLabel('Import documents')
      .setInputFiles([file('gpe.jsonl', JSON.stringify({ text: 'Talks in Valdeluz ended.', label: [[9, 17, 'GPE']] }))]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report.getByRole('region', { name: 'Unknown labels' })).toContainText('GPE (entity, 1 span)');
    await report.getByRole('button', { name: 'Import 1 document' }).click();
    await expect(page.getByRole('button', { name: /^GPE/ })).toBeVisible();
    await openDocument(page, 'gpe #1');
    await expect(page.locator('[data-label="GPE"]')).toHaveText('Valdeluz');
  });

  test('label ids: the report asks for the label list, reads the file again with it, and imports', async ({ page }) => {
    // doccano 1.0 export (label ids; no user, so the spans are the importer's) and doccano's
    // label export, written by hand from doccano's docs.
    const v1 = JSON.stringify({
      id: 31,
      text: 'The UN backs the Valdeluz wind farm.',
      annotations: [
        { label: 4, start_offset: 4, end_offset: 6 },
        { label: 7, start_offset: 17, end_offset: 25 },
      ],
    });
    const labels = JSON.stringify([
      { id: 4, text: 'ORG', prefix_key: null, suffix_key: 'o', background_color: '#9cc9f5', text_color: '#000000' },
      { id: 7, text: 'LOC', prefix_key: null, suffix_key: 'l', background_color: '#a8e0a0', text_color: '#000000' },
    ]);
    await page.getByLabel('Import documents').setInputFiles([file('v1.jsonl', v1 + '\n')]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText('0 documents can be imported');
    await expect(report.getByRole('region', { name: 'Problems' })).toContainText('label 4 is a label id');
    const choices = report.getByRole('region', { name: 'How to read the files' });
    await expect(choices).toContainText('choose the label list');
    await expectNoAccessibilityViolations(page, 'the import report asking for a label list');
    // Not a label list: said in the dialog, nothing read again.
    await choices.getByLabel('Label list').setInputFiles([file('notes.json', '{"a": 1}')]);
    await expect(choices.getByRole('alert')).toContainText('notes.json is not a label list');

    await choices.getByLabel('Label list').setInputFiles([file('labels.json', labels)]);
    await expect(report).toContainText('1 document can be imported');
    await expect(choices).toContainText('Label ids are named by labels.json (2 labels)');
    await expect(report.getByRole('region', { name: 'Problems' })).toHaveCount(0);
    // Nothing is written before the user imports.
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);

    await report.getByRole('button', { name: 'Import 1 document' }).click();
    await expect(report).toBeHidden();
    await openDocument(page, 'v1 #1');
    expect((await renderedSpans(page)).map(({ label, text }) => ({ label, text }))).toEqual([
      { label: 'ORG', text: 'UN' },
      { label: 'LOC', text: 'Valdeluz' },
    ]);
  });

  test('offset unit: detected UTF-16 is shown as a choice; another unit reads the file again', async ({ page }) => {
    // doccano counts UTF-16 code units: "Port Ellis" is [5, 15) after two fish (two units each);
    // the text is 13 code points long, so only UTF-16 fits.
    const line = JSON.stringify({ id: 'reef-2', text: '🐠🐠 Port Ellis', label: [[5, 15, 'LOC']] });
    await page.getByLabel('Import documents').setInputFiles([file('reef-utf16.jsonl', line + '\n')]);
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report.getByRole('region', { name: 'Not imported' })).toContainText(
      'offsets read as UTF-16 code units (as JavaScript counts): only they fit',
    );
    const offsets = report.getByRole('group', { name: 'Offsets count' });
    await expect(offsets.getByLabel('Detect from the spans')).toBeChecked();
    await expectNoAccessibilityViolations(page, 'the import report with its offset choice');

    // As code points the span runs past the end: the line is refused, and the report says so.
    await offsets.getByLabel(/^Code points/).check();
    await expect(report).toContainText('0 documents can be imported');
    await expect(report.getByRole('region', { name: 'Problems' })).toContainText('reef-utf16.jsonl, line 1');

    await offsets.getByLabel(/^UTF-16 code units/).check();
    await expect(report).toContainText('1 document can be imported');
    await expect(report.getByRole('region', { name: 'Problems' })).toHaveCount(0);
    // Chosen, not detected: no note.
    await expect(report.getByRole('region', { name: 'Not imported' })).toHaveCount(0);
    await expect(offsets.getByLabel(/^UTF-16 code units/)).toBeChecked();
    await report.getByRole('button', { name: 'Import 1 document' }).click();
    await openDocument(page, 'reef-utf16 #1');
    expect((await renderedSpans(page)).map(({ label, text }) => ({ label, text }))).toEqual([{ label: 'LOC', text: 'Port Ellis' }]);
  });

  test('teammate work with label ids: the dialog asks for the label list and reads the files again', async ({ page }) => {
    const text = 'The tram to Valdeluz opens in May.';
    await page.getByLabel('Import documents').setInputFiles([file('tram.txt', text)]);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document' })).toBeVisible();
    // A doccano 1.0 export by doccano user 2 (label ids), and doccano's label export.
    const v1 = JSON.stringify({ id: 8, text, annotations: [{ label: 3, start_offset: 12, end_offset: 20, user: 2 }] });
    await page.getByLabel('Import teammate work').setInputFiles([file('doccano.jsonl', v1 + '\n')]);
    const dialog = page.getByRole('dialog', { name: 'Teammate work' });
    await expect(dialog.getByRole('region', { name: 'Problems' })).toContainText('label 3 is a label id');
    await expect(dialog.getByRole('button', { name: 'Merge' })).toBeDisabled();
    const choices = dialog.getByRole('region', { name: 'How to read the files' });
    await choices.getByLabel('Label list').setInputFiles([file('labels.json', JSON.stringify([{ id: 3, text: 'LOC' }]))]);
    await expect(dialog.getByRole('region', { name: 'Annotators' })).toContainText('doccano user 2: 1 span in 1 document');
    await expect(dialog.getByRole('region', { name: 'Problems' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merged 1 spans of doccano user 2' })).toBeVisible();
  });

  test('imported HTML is shown as text, never rendered', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    const hostile = 'Headline <img src=x onerror=alert(1)> and <script>alert(2)</script><b>bold?</b>';
    await page.getByLabel('Import documents').setInputFiles([file('hostile.txt', hostile)]);
    await openDocument(page, 'hostile');
    const article = page.getByRole('article', { name: 'Document text' });
    await expect(article).toHaveText(hostile);
    await expect(article.locator('img, script, b')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});
