// What the app:// protocol serves: which file a URL maps to, its MIME type, and the headers.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../src-shared/content-security-policy';
import { isWindowsDeviceName } from '../src-shared/formats/file-names';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function responseHeadersFor(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    // The CSP (stricter than index.html's meta tag: frame-ancestors works only as a header), no framing, no sniffing.
    ...SECURITY_HEADERS,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/**
 * A path segment Windows would read as something else: only dots and spaces (`..`, `...`,
 * `.. `: Windows drops trailing dots and spaces, so `.. ` climbs out), a trailing dot or space
 * (`index.html.` is another name for `index.html`), a colon (drive letters, `file::$DATA`
 * streams) or a device (`NUL`, `con.js`), which reads a device instead of a file. No built
 * asset has such a name, so refusing them costs nothing on other systems.
 */
function isUnsafeSegment(segment: string): boolean {
  // A segment of dots and spaces only ends in one too: the trailing test covers both.
  return /[. ]$/u.test(segment) || segment.includes(':') || isWindowsDeviceName(segment);
}

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL is not ours or would
 * reach outside `rootDir` (`..`, encoded separators, NUL bytes, another host) or name what
 * Windows treats specially (`isUnsafeSegment`). `/` is index.html.
 */
export function resolveAppAsset(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // Encoded "/" or "\" and NUL would let a single URL segment smuggle in a path change.
  if (pathname.includes('\0') || pathname.includes('\\') || /%2f|%5c/i.test(parsed.pathname)) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some(isUnsafeSegment)) return null;

  const relativePath = segments.length === 0 ? 'index.html' : segments.join(sep);
  const root = resolve(rootDir);
  const filePath = resolve(root, relativePath);
  const fromRoot = relative(root, filePath);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return null;
  return filePath;
}
