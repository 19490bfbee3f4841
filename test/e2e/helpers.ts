// Shared steps for the end-to-end tests: open the app, select text with the mouse as a user
// would, read what the document view shows, and make project bundles.
import { expect, type Download, type Page } from '@playwright/test';
import { defaultSchema } from '../../src-shared/default-schema';

/** Opens the app (at `url`: a page of a browser without Playwright's baseURL needs the whole address). */
export async function openApp(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Document text' })).toBeVisible();
}

/** Makes a project from the workbench and waits until it is the one on screen (imports go there). */
export async function createProject(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Project name').fill(name);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Project' }).locator('option:checked')).toHaveText(name);
}

export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Documents' }).getByRole('listitem', { name: new RegExp(`^${escapeRegExp(title)}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Drags the mouse across `text` (its n-th occurrence, 1-based) in the document view, from
 * inside its first character to inside its last, the way a person selects a few words.
 */
export async function dragSelect(page: Page, text: string, occurrence = 1): Promise<void> {
  const points = await textPoints(page, text, occurrence);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move((points.from.x + points.to.x) / 2, (points.from.y + points.to.y) / 2, { steps: 4 });
  await page.mouse.move(points.to.x, points.to.y, { steps: 4 });
  await page.mouse.up();
}

/** Clicks the first character of `text` (its n-th occurrence) in the document view, as a person clicks a word. */
export async function clickText(page: Page, text: string, occurrence = 1): Promise<void> {
  const { from } = await textPoints(page, text, occurrence);
  await page.mouse.click(from.x + 1, from.y);
}

/** Where the first and the last character of `text` are drawn. */
async function textPoints(page: Page, text: string, occurrence: number): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  // Paragraph breaks are not in the DOM's text nodes: look for the text without them.
  const flat = text.replace(/\r?\n/g, '');
  return page.evaluate(
    ({ text, occurrence }) => {
      const root = document.querySelector('[role="article"]');
      if (!root) throw new Error('no document view');
      // Walk the text nodes, joining them, to find the occurrence across node boundaries.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let joined = '';
      const starts: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        starts.push(joined.length);
        joined += (n as Text).data;
      }
      let at = -1;
      for (let i = 0; i < occurrence; i++) {
        at = joined.indexOf(text, at + 1);
        if (at === -1) throw new Error(`"${text}" not found`);
      }
      const locate = (offset: number) => {
        let i = starts.length - 1;
        while (i > 0 && (starts[i] as number) > offset) i--;
        return { node: nodes[i] as Text, offset: offset - (starts[i] as number) };
      };
      const rectOf = (offset: number) => {
        const { node, offset: inNode } = locate(offset);
        const range = document.createRange();
        range.setStart(node, inNode);
        range.setEnd(node, inNode + 1);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        return rect;
      };
      const first = rectOf(at);
      const last = rectOf(at + text.length - 1);
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    { text: flat, occurrence },
  );
}

/** The text of each span as the view draws it: all fragments with the same id, joined. */
export async function renderedSpans(page: Page): Promise<Array<{ id: string; label: string; text: string }>> {
  return page.evaluate(() => {
    const byId = new Map<string, { id: string; label: string; text: string }>();
    document.querySelectorAll<HTMLElement>('[role="article"] [data-span-id]').forEach((el) => {
      const id = el.dataset.spanId as string;
      const seen = byId.get(id);
      if (seen) seen.text += el.textContent ?? '';
      else byId.set(id, { id, label: el.dataset.label as string, text: el.textContent ?? '' });
    });
    return [...byId.values()];
  });
}

export async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Python's text[start:end] on code points. */
export function pythonSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export interface ExportedLine {
  id: string;
  text: string;
  meta: { title: string };
  spans: Array<{ label: string; layer: string; start: number; end: number; text: string; annotator: string }>;
}

/** Exports the project as Spanwright JSONL with the given annotations and parses the download. */
export async function exportLines(page: Page, annotations: string): Promise<ExportedLine[]> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spanwright JSONL' });
  await dialog.getByLabel('Annotations').selectOption({ label: annotations });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  await expect(dialog).toBeHidden();
  return (await readDownload(download))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ExportedLine);
}

/** A teammate's export of the Harbour article: their spans given by text (code points computed). */
export function teammateFile(doc: ExportedLine, who: { id: string; name: string }, spans: Array<[string, string]>) {
  const line = {
    format: 'spanwright',
    format_version: 1,
    offset_unit: 'codepoint',
    id: `their-id-${who.id}`,
    text: doc.text,
    meta: doc.meta,
    status: 'done',
    statuses: { [who.id]: 'done' },
    annotators: [who],
    spans: spans.map(([text, label], i) => {
      const unit = doc.text.indexOf(text);
      const start = Array.from(doc.text.slice(0, unit)).length;
      return {
        id: `${who.id}-${i}`, layer: label === 'CLAIM' ? 'claim' : 'entity', label, start, end: start + Array.from(text).length,
        text, annotator: who.id, attributes: {}, origin: 'manual',
      };
    }),
  };
  return { name: `${who.name.toLowerCase()}.jsonl`, mimeType: 'application/jsonl', buffer: Buffer.from(JSON.stringify(line) + '\n') };
}

/** A project bundle of `count` documents (a Spanwright JSONL line each, with a PERSON and a LOC span of Ana's). */
export function projectBundle(count: number, name: string): Buffer {
  const header = JSON.stringify({
    format: 'spanwright-project',
    format_version: 2,
    project: { name, schema: defaultSchema(), guidelines: 'Mark people and places.' },
    annotators: [{ id: 'ana', name: 'Ana' }],
  });
  const lines = [header];
  for (let i = 0; i < count; i++) {
    const text = `Dana Whitcombe visited Port Ellis on Tuesday to open the new harbour wall, report ${i} of the ${name} desk.`;
    const span = (start: number, end: number, label: string) => ({
      layer: 'entity',
      label,
      start,
      end,
      text: text.slice(start, end),
      annotator: 'ana',
      attributes: {},
      origin: 'manual',
    });
    lines.push(
      JSON.stringify({
        format: 'spanwright',
        format_version: 1,
        offset_unit: 'codepoint',
        id: `d${i}`,
        text,
        meta: { title: `Harbour report ${i}` },
        statuses: { ana: 'done' },
        spans: [span(0, 14, 'PERSON'), span(23, 33, 'LOC')],
      }),
    );
  }
  return Buffer.from(lines.join('\n') + '\n');
}
