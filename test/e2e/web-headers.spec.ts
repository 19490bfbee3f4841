// The web build's server sends the CSP as a header, so no other site can frame the app
// (frame-ancestors works only as a header, not in index.html's meta tag).
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';

test('the served page carries the CSP with frame-ancestors, X-Frame-Options and nosniff', async ({ request }) => {
  for (const path of ['/', '/index.html']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
  }
});

/** Opens a page of another origin that frames the app, as a clickjacking site would. */
async function frameTheApp(page: Page, appUrl: string): Promise<void> {
  await page.route('http://framer.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>framer</title><iframe title="app" src="${appUrl}" width="800" height="600"></iframe>`,
    }),
  );
  await page.goto('http://framer.test/');
}

test('another site cannot show the app in a frame', async ({ page, baseURL }) => {
  await frameTheApp(page, baseURL!);
  // Chromium replaces a refused frame with its error page.
  await expect.poll(() => page.frames().map((frame) => frame.url())).toContain('chrome-error://chromewebdata/');
  await expect(page.frameLocator('iframe').getByRole('list', { name: 'Documents' })).toHaveCount(0);
});

test('without the headers the same frame would show the app (the check above can fail)', async ({ page, baseURL }) => {
  await page.route(`${baseURL!}**`, async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(([name]) => name !== 'content-security-policy' && name !== 'x-frame-options'),
    );
    await route.fulfill({ response, headers });
  });
  await frameTheApp(page, baseURL!);
  // The page loads and runs (its database is refused to a third-party frame, so it shows why).
  await expect.poll(() => page.frames().map((frame) => frame.url())).toContain(baseURL);
  await expect(
    page
      .frameLocator('iframe')
      .getByText(/Spanwright/u)
      .first(),
  ).toBeVisible();
});
