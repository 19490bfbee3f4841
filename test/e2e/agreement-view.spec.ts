import { expect, test } from '@playwright/test';
import { agreementReport, reportToJson, type AgreementSpan } from '../../src-shared/agreement';
import { expectNoAccessibilityViolations } from './axe';
import { exportLines, openApp, readDownload, teammateFile, type ExportedLine } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';
const ANA: Array<[string, string]> = [
  ['Dana Whitcombe', 'PERSON'],
  ['Coastlink', 'ORG'],
  ['Quay Street station', 'LOC'],
  ['it would carry 40,000 passengers a day', 'CLAIM'],
];
const BEN: Array<[string, string]> = [
  ['Dana Whitcombe', 'PERSON'],
  ['Coastlink', 'LOC'],
  ['Quay Street', 'LOC'],
  ['Amir Haddad', 'PERSON'],
];

/** The same spans as the app holds them (UTF-16 offsets into the stored text). */
function spansOf(text: string, spans: Array<[string, string]>): AgreementSpan[] {
  return spans.map(([piece, label]) => {
    const start = text.indexOf(piece);
    return { documentId: 'harbour', layer: label === 'CLAIM' ? 'claim' : 'entity', label, start, end: start + piece.length };
  });
}

test('the agreement view shows the core’s figures for two teammates, and saves them', async ({ page }) => {
  await openApp(page);
  await page.getByRole('region', { name: 'Welcome' }).getByLabel('Your name').fill('Rita');
  await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Save' }).click();
  const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  await page
    .getByLabel('Import teammate work')
    .setInputFiles([teammateFile(harbour, { id: 'ana', name: 'Ana' }, ANA), teammateFile(harbour, { id: 'ben', name: 'Ben' }, BEN)]);
  await page.getByRole('dialog', { name: 'Teammate work' }).getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 8 spans' })).toBeVisible();

  await page.getByRole('button', { name: 'Agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  await dialog.getByRole('checkbox', { name: 'Rita (you)' }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'Ana' })).toBeChecked();
  // The scope starts at documents every chosen annotator marked Done: Ana and Ben marked only this one.
  await expect(dialog.getByLabel('Documents')).toHaveValue('done');
  await expect(dialog.getByText(/^Documents Done by every annotator: 1 compared, \d+ out of scope$/)).toBeVisible();

  const expected = agreementReport(
    [{ id: 'harbour', text: harbour.text }],
    [
      { annotator: 'Ana', spans: spansOf(harbour.text, ANA) },
      { annotator: 'Ben', spans: spansOf(harbour.text, BEN) },
    ],
  );
  const pair = expected.pairs[0]!;
  const table = dialog.getByRole('table', { name: /Span agreement \(exact\): Ana \(reference\) vs Ben/ });
  const overall = table.getByRole('row', { name: /^Overall/ });
  const cells = (o: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }) =>
    [o.tp, o.fp, o.fn].map(String).concat([o.precision, o.recall, o.f1].map((v) => v.toFixed(3)));
  await expect(overall.getByRole('cell')).toHaveText(cells(pair.exact.overall));
  // Hand check of the core itself: 1 of Ana's 4 spans matches Ben's exactly.
  expect([pair.exact.overall.tp, pair.exact.overall.fp, pair.exact.overall.fn]).toEqual([1, 3, 3]);
  for (const label of pair.exact.labels) {
    await expect(table.getByRole('row', { name: new RegExp(`^${label.label}\\b`) }).getByRole('cell')).toHaveText(cells(label));
  }
  await dialog.getByLabel('Match').selectOption('overlap');
  await expect(
    dialog
      .getByRole('table', { name: /Span agreement \(overlap\)/ })
      .getByRole('row', { name: /^Overall/ })
      .getByRole('cell'),
  ).toHaveText(cells(pair.overlap.overall));
  const kappa = dialog.getByRole('table', { name: 'Kappa' });
  await expect(kappa.getByRole('row', { name: /Cohen’s κ, Ana \/ Ben/ }).getByRole('cell')).toHaveText(
    pair.cohenKappa.map((k) => (k.kappa === null ? 'n/a' : k.kappa.toFixed(3))),
  );
  await expect(dialog.getByRole('table', { name: /Confusion matrix/ }).first()).toBeVisible();
  await expect(dialog.getByRole('img', { name: /F1 per label/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/agreement-view.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save JSON' }).click()]);
  const saved = JSON.parse(await readDownload(download)) as {
    perDocument: Array<{ documentId: string }>;
    scope: { scope: string; compared: string[]; withoutSpans: string[]; outOfScope: string[] };
  };
  const documentId = saved.perDocument[0]?.documentId ?? '';
  // The figures are the core's over the one document; the scope lists the others as out of scope.
  expect(saved.scope).toMatchObject({ scope: 'done', compared: [documentId], withoutSpans: [] });
  expect(saved.scope.outOfScope.length).toBeGreaterThan(0);
  const { scope: _scope, ...figures } = saved;
  const { scope: _expectedScope, ...expectedFigures } = JSON.parse(
    reportToJson(expected).replaceAll('"harbour"', JSON.stringify(documentId)),
  ) as typeof saved;
  expect(figures).toEqual(expectedFigures);
});

test('the scope of documents: Done by everyone, annotated by everyone, or all; the per-document table sorts', async ({ page }) => {
  await openApp(page);
  await page.getByRole('region', { name: 'Welcome' }).getByLabel('Your name').fill('Rita');
  await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Save' }).click();
  const harbour = (await exportLines(page, 'Mine (Rita)')).find((d) => d.meta.title === HARBOUR) as ExportedLine;
  await page
    .getByLabel('Import teammate work')
    .setInputFiles([teammateFile(harbour, { id: 'ana', name: 'Ana' }, ANA), teammateFile(harbour, { id: 'ben', name: 'Ben' }, BEN)]);
  await page.getByRole('dialog', { name: 'Teammate work' }).getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 8 spans' })).toBeVisible();

  await page.getByRole('button', { name: 'Agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  await expect(dialog.getByRole('checkbox', { name: 'Rita (you)' })).toBeChecked();
  // Rita's demo spans are in progress, not Done: nothing to compare, and the documents say why.
  await expect(dialog.getByText(/^Documents Done by every annotator: 0 compared, \d+ out of scope$/)).toBeVisible();
  await expect(dialog.getByText('No document in scope has a span from these annotators.')).toBeVisible();
  const documents = dialog.getByRole('table', { name: 'Documents' });
  await expect(documents.getByRole('row', { name: new RegExp(`^${HARBOUR}`) }).getByRole('cell')).toHaveText(['Out of scope: not Done by Rita']);

  // Annotated by every annotator: Rita, Ana and Ben all have spans on the harbour article only.
  await dialog.getByLabel('Documents').selectOption('annotated');
  await expect(dialog.getByText(/^Documents annotated by every annotator: 1 compared, \d+ out of scope$/)).toBeVisible();
  await expect(dialog.getByRole('table', { name: /Span agreement \(exact\): Rita \(reference\) vs Ana/ })).toBeVisible();
  await expect(documents.getByRole('row', { name: new RegExp(`^${HARBOUR}`) }).getByRole('cell')).toHaveText(['Compared']);

  // All documents: every document someone put a span on; Ana's and Ben's missing work counts against them.
  await dialog.getByLabel('Documents').selectOption('all');
  await expect(dialog.getByText(/^All documents: \d+ compared/)).toBeVisible();
  const sentence = (await dialog.getByText(/^All documents: \d+ compared/).textContent()) ?? '';
  const compared = Number(/(\d+) compared/.exec(sentence)?.[1]);
  expect(compared).toBeGreaterThan(1);
  const perDocument = dialog.getByRole('table', { name: 'Per document' });
  await expect(perDocument.getByRole('row')).toHaveCount(compared + 1);

  // Sorting: by Exact F1 ascending, then descending (a click, then Enter on the focused header button).
  const exactHeader = perDocument.getByRole('columnheader', { name: 'Exact F1' });
  const exactColumn = async () =>
    (await perDocument.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.children[1]?.textContent ?? ''))).map(Number);
  await exactHeader.getByRole('button').click();
  await expect(exactHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await exactColumn();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await exactHeader.getByRole('button').press('Enter');
  await expect(exactHeader).toHaveAttribute('aria-sort', 'descending');
  const descending = await exactColumn();
  expect(descending).toEqual([...ascending].sort((a, b) => b - a));
  await expect(perDocument.getByRole('columnheader', { name: 'Document' })).not.toHaveAttribute('aria-sort', /.+/);
  await perDocument.getByRole('columnheader', { name: 'Document' }).getByRole('button').click();
  await expect(perDocument.getByRole('columnheader', { name: 'Document' })).toHaveAttribute('aria-sort', 'ascending');
  // Still open since nothing was compared at first.
  await expect(documents).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the agreement view with documents listed and a sorted table', { include: 'dialog' });

  // Saved figures name annotators as files do: "Rita", not "Rita (you)".
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save JSON' }).click()]);
  const saved = JSON.parse(await readDownload(download)) as { annotators: string[]; scope: { scope: string; compared: string[] } };
  expect(saved.annotators).toEqual(['Rita', 'Ana', 'Ben']);
  expect(saved.scope.scope).toBe('all');
  expect(saved.scope.compared).toHaveLength(compared);
});
