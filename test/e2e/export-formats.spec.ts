import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openApp, openDocument, pythonSlice, renderedSpans } from './helpers';

const zipFiles = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));

async function openExport(page: Page, format: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: format });
  return dialog;
}

async function saveZip(page: Page, dialog: ReturnType<Page['getByRole']>, button = 'Save'): Promise<Record<string, string>> {
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: button, exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('Hugging Face: the summary says what BIO tags cannot hold; the zip has the data and the tag list', async ({ page }) => {
  const dialog = await openExport(page, 'Hugging Face token classification JSONL');
  const summary = dialog.getByRole('region', { name: 'Export summary' });
  // The entity layer only: the 5 demo claims cannot go in (reported, not silently dropped).
  await expect(summary).toContainText('4 documents, 18 spans');
  await expect(summary.locator('details').first()).toContainText('5 spans left out, in 4 documents');
  await summary.locator('details').first().click();
  await expect(summary).toContainText('layer not exported or not held by this format');
  const files = await saveZip(page, dialog);
  expect(Object.keys(files).sort()).toEqual(['data.jsonl', 'labels.json']);
  const tags = JSON.parse(files['labels.json'] as string) as string[];
  expect(tags[0]).toBe('O');
  expect(tags).toContain('B-PERSON');
  // Only the exported layer's tags: the claim layer is not in this export.
  expect(tags).not.toContain('B-CLAIM');
  expect(tags).toHaveLength(13);
  const lines = (files['data.jsonl'] as string)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { tokens: string[]; ner_tags: string[] });
  expect(lines).toHaveLength(4);
  for (const line of lines) {
    expect(line.ner_tags).toHaveLength(line.tokens.length);
    line.ner_tags.forEach((tag, i) => {
      expect(tags).toContain(tag);
      if (tag.startsWith('I-')) expect([`B-${tag.slice(2)}`, tag]).toContain(line.ner_tags[i - 1]);
    });
  }
  const harbour = lines.find((l) => l.tokens.includes('Whitcombe'));
  const at = harbour?.tokens.indexOf('Dana') ?? -1;
  expect(harbour?.ner_tags.slice(at, at + 2)).toEqual(['B-PERSON', 'I-PERSON']);
});

test('a reproducible train/dev/test split, by document, recorded in the zip', async ({ page }) => {
  const lines = Array.from({ length: 20 }, (_, i) =>
    JSON.stringify({ id: `n${i}`, text: `Note ${i} about the tram.`, label: i % 2 ? [[14, 18, 'LOC']] : [] }),
  );
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'notes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) }]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 20 documents' })).toBeVisible();
  const take = async () => {
    const dialog = await openExport(page, 'Spanwright JSONL');
    await dialog.getByRole('checkbox', { name: /Split into train/ }).check();
    await dialog.getByLabel('train share').fill('60');
    await dialog.getByLabel('dev share').fill('20');
    await dialog.getByLabel('test share').fill('20');
    await dialog.getByLabel('Split seed').fill('7');
    await expect(dialog.getByRole('region', { name: 'Export summary' })).toContainText('(train 14, dev 5, test 5 documents)');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    return saveZip(page, dialog);
  };
  const first = await take();
  expect(Object.keys(first).sort()).toEqual(['dev.jsonl', 'split.json', 'test.jsonl', 'train.jsonl']);
  const ids = (name: string) =>
    (first[name] as string)
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
  const all = [...ids('train.jsonl'), ...ids('dev.jsonl'), ...ids('test.jsonl')];
  expect(all).toHaveLength(24);
  expect(new Set(all).size).toBe(24);
  const record = JSON.parse(first['split.json'] as string) as { seed: number; documents: Record<string, string> };
  expect(record.seed).toBe(7);
  expect(ids('dev.jsonl').every((id) => record.documents[id] === 'dev')).toBe(true);
  const second = await take();
  expect(second).toEqual(first);
});

test('labels can be renamed and left out; what is left out is reported', async ({ page }) => {
  const dialog = await openExport(page, 'doccano JSONL');
  await dialog.getByLabel('Export LOC as').fill('GPE');
  await dialog.getByRole('checkbox', { name: 'Export DATE' }).uncheck();
  const summary = dialog.getByRole('region', { name: 'Export summary' });
  await expect(summary).toContainText('GPE 3');
  await expect(summary.getByText(/^DATE \d+$/)).toHaveCount(0);
  await expect(summary.getByText(/^LOC \d+$/)).toHaveCount(0);
  await expect(summary.locator('details').first()).toContainText('2 spans left out');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  const stream = await download.createReadStream();
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  const docs = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; label: Array<[number, number, string]> });
  const labels = docs.flatMap((d) => d.label.map((l) => l[2]));
  expect(labels).toContain('GPE');
  expect(labels).not.toContain('LOC');
  expect(labels).not.toContain('DATE');
});

test('brat standoff: .txt and .ann pairs whose offsets Python reads right', async ({ page }) => {
  const line = JSON.stringify({
    id: 'emoji-doc',
    title: 'Crowds: Mayor Ana Ruiz?',
    text: 'Crowds 🎉🎉 cheered\nMayor Ana Ruiz in Valdeluz.',
    label: [
      [24, 32, 'PERSON'],
      [36, 44, 'LOC'],
    ],
  });
  await page.getByLabel('Import documents').setInputFiles([{ name: 'e.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(line) }]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 document' })).toBeVisible();
  const dialog = await openExport(page, 'brat standoff (zip)');
  const files = await saveZip(page, dialog);
  // Named after the title, made safe for any file system (not after the id).
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['Crowds_Mayor_Ana_Ruiz.ann', 'Crowds_Mayor_Ana_Ruiz.txt', 'annotation.conf']));
  expect(Object.keys(files).filter((name) => name.startsWith('emoji-doc'))).toEqual([]);
  const txt = files['Crowds_Mayor_Ana_Ruiz.txt'] as string;
  const ann = files['Crowds_Mayor_Ana_Ruiz.ann'] as string;
  expect(txt).toBe('Crowds 🎉🎉 cheered\nMayor Ana Ruiz in Valdeluz.');
  const entities = ann
    .trim()
    .split('\n')
    .map((l) => {
      const [, typeAndOffsets, text] = l.split('\t') as [string, string, string];
      const [type, start, end] = typeAndOffsets.split(' ') as [string, string, string];
      return { type, text, python: pythonSlice(txt, Number(start), Number(end)) };
    });
  expect(entities).toEqual([
    { type: 'PERSON', text: 'Ana Ruiz', python: 'Ana Ruiz' },
    { type: 'LOC', text: 'Valdeluz', python: 'Valdeluz' },
  ]);

  // The zip imports back, into a new project, with the same spans.
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog', { name: 'New project' }).getByLabel('Project name').fill('From brat');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByText('0 documents')).toBeVisible();
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'back.zip', mimeType: 'application/zip', buffer: Buffer.from(zipFiles(files)) }]);
  await openDocument(page, 'Crowds_Mayor_Ana_Ruiz');
  await expect
    .poll(async () => (await renderedSpans(page)).map((s) => [s.label, s.text]))
    .toEqual([
      ['PERSON', 'Ana Ruiz'],
      ['LOC', 'Valdeluz'],
    ]);
});

test('a project bundle restores the whole project: schema, documents, every layer', async ({ page }) => {
  // Make the project differ from a fresh one: a renamed label and a new one.
  await page.getByRole('button', { name: 'Labels' }).click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await labels.getByLabel('New label name').fill('VEHICLE');
  await labels.getByRole('button', { name: 'Add label' }).click();
  await expect(labels.getByLabel('Name of VEHICLE')).toBeVisible();
  await labels.getByLabel('Guidelines text').fill('Mark a claim only when it can be checked.');
  await labels.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(labels.getByRole('button', { name: 'Save guidelines' })).toBeDisabled();
  await labels.getByRole('button', { name: 'Close' }).click();

  const saveBundle = async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Project bundle' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Demo-multilingual-news(-2)?_all-annotators_\d{4}-\d{2}-\d{2}\.spanwright$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    await expect(dialog).toBeHidden();
    return Buffer.concat(chunks).toString('utf8');
  };
  const first = await saveBundle();
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'demo.spanwright', mimeType: 'application/octet-stream', buffer: Buffer.from(first) }]);
  await expect(
    page.getByRole('status').filter({ hasText: 'Restored the project “Demo: multilingual news (2)” (4 documents)' }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(/.+/);
  await expect(page.getByRole('button', { name: /^VEHICLE/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);
  await page.getByText('Guidelines', { exact: true }).click();
  await expect(page.getByText('Mark a claim only when it can be checked.')).toBeVisible();
  const second = await saveBundle();
  // Identical but for the project's new name.
  expect(second.replace('"name":"Demo: multilingual news (2)"', '"name":"Demo: multilingual news"')).toBe(first);
});

test('brat -> Spanwright -> brat: a discontinuous span comes back as one T line', async ({ page }) => {
  // Hand-written from brat's standoff docs: "T1<tab>LABEL start end;start end<tab>text1 text2".
  const ann = 'T1\tGPE 0 5;16 21\tNorth Korea\nT2\tGPE 10 21\tSouth Korea\nR1\tNear Arg1:T1 Arg2:T2\n';
  await page.getByLabel('Import documents').setInputFiles([
    { name: 'korea.txt', mimeType: 'text/plain', buffer: Buffer.from('North and South Korea met.') },
    { name: 'korea.ann', mimeType: 'text/plain', buffer: Buffer.from(ann) },
  ]);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByRole('region', { name: 'Not imported' })).toContainText('T1 is discontinuous');
  await report.getByRole('button', { name: 'Import 1 document' }).click();
  await openDocument(page, 'korea');
  await expect
    .poll(async () => (await renderedSpans(page)).map((s) => [s.label, s.text]))
    .toEqual([
      ['GPE', 'North'],
      ['GPE', 'South Korea'],
      ['GPE', 'Korea'],
    ]);

  const files = await saveZip(page, await openExport(page, 'brat standoff (zip)'));
  expect(files['korea.ann']).toBe(ann);
});

test('a split with an empty part warns before saving', async ({ page }) => {
  // The demo project's 4 documents cannot fill 98 / 1 / 1 %.
  const dialog = await openExport(page, 'Spanwright JSONL');
  await dialog.getByRole('checkbox', { name: /Split into train/ }).check();
  await dialog.getByLabel('train share').fill('98');
  await dialog.getByLabel('dev share').fill('1');
  await dialog.getByLabel('test share').fill('1');
  await expect(dialog.getByRole('alert')).toContainText('parts are empty');
  await expect(dialog.getByRole('alert')).toContainText(/dev and test/);
  await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  // A share of 0 is meant to be empty: no warning.
  await dialog.getByLabel('dev share').fill('0');
  await dialog.getByLabel('test share').fill('0');
  await expect(dialog.getByRole('region', { name: 'Export summary' })).toContainText('(train 4, dev 0, test 0 documents)');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('test share').fill('1');
  const files = await saveZip(page, dialog, 'Save anyway');
  expect(Object.keys(files).sort()).toEqual(['split.json', 'train.jsonl']);
});

test('export file names say the project, whose annotations and the date', async ({ page }) => {
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  for (const [annotations, format, name] of [
    ['Gold (adjudicated)', 'doccano JSONL', `Demo-multilingual-news_Gold_${today}.doccano.jsonl`],
    ['All annotators', 'brat standoff (zip)', `Demo-multilingual-news_all-annotators_${today}.brat.zip`],
  ] as const) {
    const dialog = await openExport(page, format);
    await dialog.getByLabel('Annotations').selectOption({ label: annotations });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(name);
    await expect(dialog).toBeHidden();
  }
});
