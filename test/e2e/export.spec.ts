import { expect, test, type Page } from '@playwright/test';
import { openApp, pythonSlice, readDownload } from './helpers';

async function exportAs(page: Page, format: string): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: format });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  await expect(dialog).toBeHidden();
  return readDownload(download);
}

const TRICKY = [
  { text: 'Emoji 👩‍👩‍👧 family met Dr. Ana Ruiz 🇪🇸 in Valdeluz.', spans: [['Ana Ruiz', 'PERSON'], ['Valdeluz', 'LOC']] },
  { text: 'Cafe\u0301 owner Jose\u0301 said prices rose 12%.\r\nSecond line\twith tab.', spans: [['Jose\u0301', 'PERSON'], ['12%', 'QUANTITY']] },
  { text: '東京で会議が開かれた。Zero\u200bwidth and עברית and العربية text.', spans: [['東京', 'LOC'], ['עברית', 'ORG']] },
];

async function importTricky(page: Page): Promise<void> {
  const lines = TRICKY.map((doc, i) => {
    const cps = Array.from(doc.text);
    const label = doc.spans.map(([spanText, name]) => {
      const unitStart = doc.text.indexOf(spanText as string);
      const start = Array.from(doc.text.slice(0, unitStart)).length;
      return [start, start + Array.from(spanText as string).length, name];
    });
    expect(cps.length).toBeGreaterThan(0);
    return JSON.stringify({ id: `tricky-${i}`, text: doc.text, label });
  });
  await page.getByLabel('Import documents').setInputFiles([{ name: 'tricky.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) }]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 documents' })).toBeVisible();
}

test.describe('exporting', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await importTricky(page);
  });

  test('Spanwright JSONL: code-point offsets, span text equals text[start:end] for every span', async ({ page }) => {
    const lines = (await exportAs(page, 'Spanwright JSONL')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    let checked = 0;
    for (const doc of lines) {
      expect(doc.offset_unit).toBe('codepoint');
      for (const span of doc.spans) {
        expect(pythonSlice(doc.text, span.start, span.end)).toBe(span.text);
        expect(['entity', 'claim']).toContain(span.layer);
        checked++;
      }
    }
    expect(checked).toBe(23 + 6);
    const family = lines.find((d) => d.id === 'tricky-0');
    expect(family.spans.map((s: { text: string }) => s.text)).toEqual(['Ana Ruiz', 'Valdeluz']);
  });

  test('doccano JSONL', async ({ page }) => {
    const lines = (await exportAs(page, 'doccano JSONL')).trim().split('\n').map((l) => JSON.parse(l));
    const byId = new Map(lines.map((d) => [d.id, d]));
    for (const [i, doc] of TRICKY.entries()) {
      const exported = byId.get(`tricky-${i}`);
      expect(exported.text).toBe(doc.text);
      expect(exported.label.map(([s, e, l]: [number, number, string]) => [pythonSlice(doc.text, s, e), l])).toEqual(doc.spans);
    }
  });

  test('spaCy JSONL', async ({ page }) => {
    const lines = (await exportAs(page, 'spaCy JSONL')).trim().split('\n').map((l) => JSON.parse(l));
    for (const doc of TRICKY) {
      const exported = lines.find((d) => d.text === doc.text);
      expect(exported.spans.map((s: { start: number; end: number; label: string }) => [pythonSlice(doc.text, s.start, s.end), s.label])).toEqual(doc.spans);
    }
  });

  test('an exported Spanwright JSONL imported into a new project exports identically', async ({ page }) => {
    const first = await exportAs(page, 'Spanwright JSONL');
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog', { name: 'New project' }).getByLabel('Project name').fill('Round trip');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(/.+/);
    await expect(page.getByText('0 documents')).toBeVisible();
    await page.getByLabel('Import documents').setInputFiles([{ name: 'first.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(first) }]);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 7 documents' })).toBeVisible();
    const second = await exportAs(page, 'Spanwright JSONL');
    expect(second).toBe(first);
  });
});
