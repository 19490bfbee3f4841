// A 1 MB document with 20,000 spans: scrolled far down, a span labelled there by selecting its
// text is stored at the right offsets with the right text. Correctness only: how fast the view
// opens and labels belongs to `npm run bench` (docs/performance.md, Large documents).
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

test('a span labelled far down a 1 MB document with 20,000 spans is stored at the right offsets', async ({ page }) => {
  test.setTimeout(180_000);
  const text = syntheticText();
  expect(text.length).toBeGreaterThan(1_000_000);
  await openApp(page);
  const line = JSON.stringify({ id: 'long-report', title: TITLE, text, spans: syntheticSpans(text) });
  await page
    .getByLabel('Import documents')
    .setInputFiles([{ name: 'long.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(line) }]);
  await openDocument(page, TITLE);
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
