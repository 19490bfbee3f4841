import { expect, test } from '@playwright/test';
import { agreementReport, reportToJson, type AgreementSpan } from '../../src-shared/agreement';
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
  await page.getByLabel('Import teammate work').setInputFiles([
    teammateFile(harbour, { id: 'ana', name: 'Ana' }, ANA),
    teammateFile(harbour, { id: 'ben', name: 'Ben' }, BEN),
  ]);
  await page.getByRole('dialog', { name: 'Teammate work' }).getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 8 spans' })).toBeVisible();

  await page.getByRole('button', { name: 'Agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  await dialog.getByRole('checkbox', { name: 'Rita (you)' }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'Ana' })).toBeChecked();

  const expected = agreementReport([{ id: 'harbour', text: harbour.text }], [
    { annotator: 'Ana', spans: spansOf(harbour.text, ANA) },
    { annotator: 'Ben', spans: spansOf(harbour.text, BEN) },
  ]);
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
    dialog.getByRole('table', { name: /Span agreement \(overlap\)/ }).getByRole('row', { name: /^Overall/ }).getByRole('cell'),
  ).toHaveText(cells(pair.overlap.overall));
  const kappa = dialog.getByRole('table', { name: 'Kappa' });
  await expect(kappa.getByRole('row', { name: /Cohen’s κ, Ana \/ Ben/ }).getByRole('cell')).toHaveText(
    pair.cohenKappa.map((k) => (k.kappa === null ? 'n/a' : k.kappa.toFixed(3))),
  );
  await expect(dialog.getByRole('table', { name: /Confusion matrix/ }).first()).toBeVisible();
  await expect(dialog.getByRole('img', { name: /F1 per label/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/agreement-view.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save JSON' }).click()]);
  const saved = JSON.parse(await readDownload(download)) as { perDocument: Array<{ documentId: string }> };
  const documentId = saved.perDocument[0]?.documentId ?? '';
  expect(saved).toEqual(JSON.parse(reportToJson(expected).replaceAll('"harbour"', JSON.stringify(documentId))));
});
