import { expect, test } from '@playwright/test';
import { dragSelect, openApp, openDocument, renderedSpans } from './helpers';

const HARBOUR = 'Harbour city opens new tram line';

test.describe('overlapping spans', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await openDocument(page, HARBOUR);
  });

  test('two entities that partly overlap both stay whole; the shared part offers the other under Also here', async ({ page }) => {
    // The demo has PERSON "Dana Whitcombe"; add ORG "Mayor Dana", sharing "Dana".
    await dragSelect(page, 'Mayor Dana');
    await page.keyboard.press('o');
    await expect(page.locator('[data-label="ORG"]', { hasText: 'Mayor' })).toHaveCount(1);

    const spans = await renderedSpans(page);
    expect(spans).toHaveLength(10);
    const org = spans.find((s) => s.label === 'ORG' && s.text.startsWith('Mayor'));
    const person = spans.find((s) => s.label === 'PERSON' && s.text.endsWith('Whitcombe') && s.text.length > 'Whitcombe'.length);
    expect(org?.text).toBe('Mayor Dana');
    expect(person?.text).toBe('Dana Whitcombe');
    // Both are drawn over "Dana".
    const shared = page.locator(`[data-span-id="${org?.id}"] [data-span-id="${person?.id}"], [data-span-id="${person?.id}"] [data-span-id="${org?.id}"]`);
    await expect(shared).toHaveText('Dana');

    // Click the shared word: one span is selected, the other is offered under "Also here".
    await shared.click();
    const details = page.getByRole('region', { name: 'Selected span' });
    await expect(details).toBeVisible();
    await expect(details.getByRole('heading', { name: 'Also here' })).toBeVisible();
    const label = details.getByRole('combobox', { name: 'Span label' });
    const selectedLabel = await label.inputValue();
    expect(['ORG', 'PERSON']).toContain(selectedLabel);
    const [other, otherText] = selectedLabel === 'PERSON' ? ['ORG', 'Mayor Dana'] : ['PERSON', 'Dana Whitcombe'];
    const selectedText = selectedLabel === 'PERSON' ? 'Dana Whitcombe' : 'Mayor Dana';
    await expect(details.getByRole('blockquote')).toHaveText(selectedText);
    const also = details.getByRole('button', { name: `${other}: ${otherText}` });
    await expect(also).toBeVisible();

    // Choosing it selects the other span.
    await also.click();
    await expect(label).toHaveValue(other);
    await expect(details.getByRole('blockquote')).toHaveText(otherText);
    await expect(details.getByRole('button', { name: `${selectedLabel}: ${selectedText}` })).toBeVisible();

    // A part that only one span covers offers nothing else.
    await page.locator(`[data-span-id="${org?.id}"]`, { hasText: 'Mayor' }).first().click({ position: { x: 3, y: 5 } });
    await expect(label).toHaveValue('ORG');
    await expect(details.getByRole('heading', { name: 'Also here' })).toHaveCount(0);

    // Both survive a reload, whole.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR })).toBeVisible();
    await expect(page.locator('[data-label="ORG"]', { hasText: 'Mayor' }).first()).toBeVisible();
    const reloaded = await renderedSpans(page);
    expect(reloaded.find((s) => s.id === org?.id)).toEqual({ id: org?.id, label: 'ORG', text: 'Mayor Dana' });
    expect(reloaded.find((s) => s.id === person?.id)).toEqual({ id: person?.id, label: 'PERSON', text: 'Dana Whitcombe' });
  });

  test('an entity overlapping the end of a claim keeps both whole', async ({ page }) => {
    // CLAIM "it would carry 40,000 passengers a day by the end of the year"; QUANTITY inside.
    // Select past the claim's end, including the full stop.
    await dragSelect(page, 'the year.');
    await page.keyboard.press('d');
    const spans = await renderedSpans(page);
    const date = spans.find((s) => s.label === 'DATE' && s.text.startsWith('the year'));
    expect(date?.text).toBe('the year.');
    const claim = spans.find((s) => s.label === 'CLAIM' && s.text.startsWith('it would carry'));
    expect(claim?.text).toBe('it would carry 40,000 passengers a day by the end of the year');
    expect(spans.find((s) => s.label === 'QUANTITY')?.text).toBe('40,000 passengers');
  });
});

test.describe('overlaps you can read', () => {
  test('two labels on one extent, same-label nesting and partial overlaps each show every span edge and label', async ({ page }) => {
    await openApp(page);
    await openDocument(page, HARBOUR);
    // Same label nested: LOC "Harbour city" around LOC "Harbour". Two labels on one extent:
    // ORG over PERSON "Dana Whitcombe". Partial overlap: ORG "Mayor Dana" with both.
    await dragSelect(page, 'Harbour city');
    await page.keyboard.press('l');
    await dragSelect(page, 'Harbour');
    await page.keyboard.press('l');
    await dragSelect(page, 'Dana Whitcombe');
    await page.keyboard.press('o');
    await dragSelect(page, 'Mayor Dana');
    await page.keyboard.press('o');
    await expect(page.locator('[data-span-id][data-label="ORG"]', { hasText: 'Mayor' })).toHaveCount(1);

    const spans = await renderedSpans(page);
    const wanted = [
      ['LOC', 'Harbour city'],
      ['LOC', 'Harbour'],
      ['ORG', 'Dana Whitcombe'],
      ['PERSON', 'Dana Whitcombe'],
      ['ORG', 'Mayor Dana'],
    ] as const;
    for (const [label, text] of wanted) {
      const span = spans.find((s) => s.label === label && s.text === text);
      expect(span, `${label} ${text}`).toBeDefined();
      const fragments = page.locator(`[data-span-id="${span?.id}"]`);
      // Every fragment is named by its label (never colour alone).
      for (const fragment of await fragments.all()) await expect(fragment).toHaveAccessibleName(new RegExp(`^${label}: “${text}”`));
      await expect(page.getByRole('group', { name: `${label}: “${text}”`, exact: true }).first()).toBeVisible();
      // Its start has an edge and its end a tag that names the label, wherever other spans are.
      const edges = await fragments.evaluateAll((elements) =>
        elements.map((el) => ({
          first: el.classList.contains('span--first'),
          last: el.classList.contains('span--last'),
          leftEdge: parseFloat(getComputedStyle(el).borderLeftWidth),
          tag: getComputedStyle(el, '::after').content,
        })),
      );
      expect(edges.filter((e) => e.first)).toHaveLength(1);
      expect(edges.filter((e) => e.last)).toHaveLength(1);
      for (const edge of edges) {
        expect(edge.leftEdge > 0, `${label} ${text}: left edge only on its first fragment`).toBe(edge.first);
        expect(edge.tag).toBe(edge.last ? `"${label}"` : 'none');
      }
    }
    // The tags are drawn, never text: the document's text and the spans' texts are unchanged.
    await expect(page.getByRole('article', { name: 'Document text' })).toContainText('Mayor Dana Whitcombe opened');
  });
});
