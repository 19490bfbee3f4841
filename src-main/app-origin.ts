// The one origin the UI runs on (app://spanwright) and the checks that compare URLs against it.
// A fixed custom origin, not file://, keeps IndexedDB data in place when the app is updated or
// moved, because storage is keyed by origin and this origin never depends on the install path.

export const APP_SCHEME = 'app';
export const APP_HOST = 'spanwright';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has none we can trust.
 * Node's URL reports origin "null" for schemes it does not know (like app:), while Chromium
 * treats our registered standard scheme as a real origin, so it is rebuilt by hand here.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * Origins whose pages may use the bridge, navigate the window and get permissions: the app
 * origin, plus the electron-vite dev server while developing (never in a packaged app).
 */
export function trustedOrigins(devServerUrl: string | undefined): readonly string[] {
  const devOrigin = devServerUrl === undefined ? null : originOf(devServerUrl);
  return devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin];
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}
