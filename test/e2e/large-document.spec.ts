// A 1 MB document with 20,000 spans: its marks are drawn near the view only, wherever it goes;
// scrolled far down, a span labelled there by selecting its text is stored at the right offsets
// with the right text. Correctness only: how fast the view opens and labels belongs to
// `npm run bench` (docs/performance.md, Large documents).
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, openApp, openDocument } from './helpers';

const TITLE = 'Long synthetic report';
const TARGET = 'Wharfmoor';
const WORDS = ['the', 'harbour', 'board', 'said', 'ferry', 'budget', 'rose', 'again', 'on', 'Tuesday', 'a', 'new', 'pier'];

/** About 1 MB: 2,800 paragraphs of synthetic words with an emoji each (so UTF-16 and code points differ); one word appears once, far down. */
function syntheticText(): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 2800; p++) {
    const words = Array.from({ length: 66 }, (_, i) => WORDS[(p * 5 + i * 3) % WORDS.length] as string);
    words[7] = '🚢';
    if (p === 2600) words[20] = TARGET;
    paragraphs.push(`Part ${p}: ${words.join(' ')}.`);
  }
  return paragraphs.join('\n\n');
}

/** 20,000 ORG spans on words (code-point offsets), none on the target. */
function syntheticSpans(text: string): Array<{ start: number; end: number; label: string }> {
  const words = [...text.matchAll(/[A-Za-z]{4,}/g)].filter((m) => m[0] !== TARGET);
  const step = Math.floor(words.length / 20_000);
  let at = 0;
  let points = 0;
  const codePoint = (utf16: number) => {
    for (; at < utf16; at++) {
      const unit = text.charCodeAt(at);
      if (unit < 0xdc00 || unit > 0xdfff) points++;
    }
    return points;
  };
  return Array.from({ length: 20_000 }, (_, i) => {
    const word = words[i * step] as RegExpMatchArray;
    return { start: codePoint(word.index as number), end: codePoint((word.index as number) + word[0].length), label: 'ORG' };
  });
}

/** The stored spans of a label in the document imported with `sourceId`, read from the app's IndexedDB. */
async function storedSpans(page: Page, sourceId: string, label: string): Promise<Array<{ start: number; end: number; text: string }>> {
  return page.evaluate(
    async ({ sourceId, label }) => {
      const open = indexedDB.open('spanwright');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        });
      const documents = await all<{ id: string; sourceId: string }>('documents');
      const spans = await all<{ documentId: string; label: string; start: number; end: number; text: string }>('spans');
      db.close();
      const documentId = documents.find((d) => d.sourceId === sourceId)?.id;
      return spans.filter((s) => s.documentId === documentId && s.label === label).map(({ start, end, text }) => ({ start, end, text }));
    },
    { sourceId, label },
  );
}

/** Where the target word is drawn, relative to the document's visible frame (null while it is not drawn). */
async function targetPosition(page: Page): Promise<{ top: number; frameTop: number; frameBottom: number } | null> {
  return page.getByRole('article', { name: 'Document text' }).evaluate((article, target) => {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(target);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const box = range.getBoundingClientRect();
      // The frame the text scrolls in: the article's nearest scrolling ancestor.
      let frame: HTMLElement | null = article.parentElement;
      while (frame && frame.scrollHeight <= frame.clientHeight) frame = frame.parentElement;
      const visible = (frame ?? document.documentElement).getBoundingClientRect();
      return { top: box.top, frameTop: visible.top, frameBottom: visible.bottom };
    }
    return null;
  }, TARGET);
}

/** Imports the 1 MB document and opens it; returns its text. */
async function openLongReport(page: Page): Promise<string> {
  const text = syntheticText();
  expect(text.length).toBeGreaterThan(1_000_000);
  await openApp(page);
  const line = JSON.stringify({ id: 'long-report', title: TITLE, text, spans: syntheticSpans(text) });
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'long.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(line) }]);
  await openDocument(page, TITLE);
  return text;
}

/** Span marks drawn in the text: in all, and in view, above it and below it (by their first fragment). */
async function drawnMarks(page: Page): Promise<{ all: number; inView: number; above: number; below: number }> {
  return page.getByRole('article', { name: 'Document text' }).evaluate((article) => {
    const frame = (article.parentElement as HTMLElement).getBoundingClientRect();
    const counts = { all: 0, inView: 0, above: 0, below: 0 };
    for (const mark of article.querySelectorAll('.span--first')) {
      const box = mark.getBoundingClientRect();
      counts.all++;
      if (box.bottom < frame.top) counts.above++;
      else if (box.top > frame.bottom) counts.below++;
      else counts.inView++;
    }
    return counts;
  });
}

test('a 1 MB document draws its marks near the view only, wherever it is scrolled or a find takes it', async ({ page }) => {
  test.setTimeout(180_000);
  await openLongReport(page);
  const marks = page.locator('[role="article"] .span--first');
  await expect(marks.first()).toBeVisible();
  // 20,000 spans, a few hundred of them drawn: those in view and a screen or so either side.
  let drawn = await drawnMarks(page);
  expect(drawn.inView).toBeGreaterThan(5);
  expect(drawn.all).toBeLessThan(2000);

  // Dragged near the end with the scrollbar (the last paragraphs have no spans): the marks there
  // are drawn, those of the start are not.
  await page.locator('.document-scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight * 0.9));
  await expect.poll(async () => (await drawnMarks(page)).inView).toBeGreaterThan(5);
  await expect.poll(async () => (await drawnMarks(page)).all).toBeLessThan(2000);
  const start = page.getByRole('article', { name: 'Document text' }).locator('[data-offset="0"]');
  await expect(start).toHaveCount(1);
  expect(await start.evaluate((piece) => piece.closest('.span') === null && (piece.textContent ?? '').includes('\n'))).toBe(true);

  // A find far up takes the view there, with its marks and the match highlighted.
  await page.getByRole('article', { name: 'Document text' }).focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in document' });
  await page.keyboard.type('Part 12:');
  await expect(find).toContainText('1 of 1');
  await expect.poll(async () => (await drawnMarks(page)).inView).toBeGreaterThan(5);
  drawn = await drawnMarks(page);
  expect(drawn.all).toBeLessThan(2000);
  const current = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('find-current') ?? [])][0] as Range | undefined;
    const frame = document.querySelector('.document-scroll')?.getBoundingClientRect();
    const box = range?.getBoundingClientRect();
    return range && frame && box ? { text: range.toString(), inView: box.top >= frame.top && box.bottom <= frame.bottom } : null;
  });
  expect(current).toEqual({ text: 'Part 12:', inView: true });

  // A letter found about 100,000 times is drawn as one highlight of every match.
  const query = find.getByLabel('Find', { exact: true });
  await query.fill('e');
  await expect(find).toContainText(/1 of \d{5,}/);
  const counted = Number(/of (\d+)/.exec((await find.textContent()) ?? '')?.[1]);
  expect(counted).toBeGreaterThan(70_000);
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('find-match')?.size)).toBe(counted);
});

test('a span labelled far down a 1 MB document with 20,000 spans is stored at the right offsets', async ({ page }) => {
  test.setTimeout(180_000);
  const text = await openLongReport(page);
  await expect(page.locator('[role="article"] [data-label="ORG"]').first()).toBeVisible();

  // Scroll down with the wheel, as a user does, until the word is in view.
  const article = page.getByRole('article', { name: 'Document text' });
  const box = await article.boundingBox();
  if (!box) throw new Error('no document view');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  for (let step = 0; step < 200; step++) {
    const at = await targetPosition(page);
    if (at && at.top > at.frameTop + 40 && at.top < at.frameBottom - 80) break;
    // Not drawn yet or below the frame: on down; drawn above it: back up to it.
    const delta = at === null ? 20_000 : at.top - (at.frameTop + at.frameBottom) / 2;
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(50);
  }
  const before = await targetPosition(page);
  expect(before).not.toBeNull();
  expect(before!.top).toBeGreaterThan(before!.frameTop);
  expect(before!.top).toBeLessThan(before!.frameBottom);

  await dragSelect(page, TARGET);
  await page.keyboard.press('l');
  await expect(page.locator('[role="article"] [data-label="LOC"]')).toHaveText(TARGET);

  // Stored in UTF-16 offsets of the stored text (each paragraph before it holds an emoji of two units).
  const start = text.indexOf(TARGET);
  await expect.poll(() => storedSpans(page, 'long-report', 'LOC')).toEqual([{ start, end: start + TARGET.length, text: TARGET }]);
  // The view did not jump: the new span is where the word was.
  const after = await targetPosition(page);
  expect(after && Math.abs(after.top - before!.top)).toBeLessThan(4);
});
