// Where the window may go: only within the app. Web links leave for the system browser.
import { isTrustedUrl } from './app-origin';

export function isNavigationAllowed(url: string, trustedOrigins: readonly string[]): boolean {
  return isTrustedUrl(url, trustedOrigins);
}

/** The URL to hand to the system browser, or null: only plain web links, never file:, javascript: or custom schemes. */
export function externalUrlToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null; // credentials in links are a phishing tool
  return parsed.href;
}
