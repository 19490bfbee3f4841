import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAsset, responseHeadersFor } from '../../../src-main/app-assets';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/content-security-policy';

const root = resolve('/srv/spanwright/out/renderer');

describe('resolveAppAsset', () => {
  it('maps the root and plain paths into the renderer directory', () => {
    expect(resolveAppAsset(root, 'app://spanwright/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://spanwright')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://spanwright/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://spanwright/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('ignores query strings and fragments', () => {
    expect(resolveAppAsset(root, 'app://spanwright/assets/a.css?v=2#x')).toBe(join(root, 'assets', 'a.css'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppAsset(root, 'app://spanwright/assets/my%20file.png')).toBe(join(root, 'assets', 'my file.png'));
  });

  it.each([
    'app://spanwright/assets%2f..%2f..%2fsecret.txt',
    'app://spanwright/..%2fsecret.txt',
    'app://spanwright/..%5csecret.txt',
    'app://spanwright/a\\..\\..\\secret.txt',
    'app://spanwright/a%00.js',
    'app://spanwright/%E0%A4%A',
  ])('refuses encoded separators, NUL and malformed encoding: %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it.each([
    ['app://spanwright/../secret.txt', 'secret.txt'],
    ['app://spanwright/assets/../../secret.txt', 'secret.txt'],
    ['app://spanwright/%2e%2e/secret.txt', 'secret.txt'],
    ['app://spanwright/.%2e/secret.txt', 'secret.txt'],
    ['app://spanwright/%2E%2E/%2E%2E/etc/passwd', join('etc', 'passwd')],
  ])('keeps dot segments (resolved by the URL parser) inside the root: %s', (url, inside) => {
    expect(resolveAppAsset(root, url)).toBe(join(root, inside));
  });

  it.each([
    'app://spanwright/.../index.html',
    'app://spanwright/..%20/secret.txt',
    'app://spanwright/.%20./secret.txt',
    'app://spanwright/%20/index.html',
    'app://spanwright/assets/%20%20',
    'app://spanwright/index.html.',
    'app://spanwright/index.html%20',
    'app://spanwright/assets./a.js',
  ])('refuses segments of dots and spaces, and a trailing dot or space (Windows drops them): %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it.each([
    'app://spanwright/CON',
    'app://spanwright/nul',
    'app://spanwright/assets/NUL.js',
    'app://spanwright/con.tar.gz',
    'app://spanwright/Com1.html',
    'app://spanwright/LPT9',
    'app://spanwright/com%C2%B9.js',
    'app://spanwright/conin$',
    'app://spanwright/aux%20.txt',
    'app://spanwright/prn/index.html',
  ])('refuses Windows device names, with or without an extension: %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('refuses colons (drive letters, alternate data streams)', () => {
    expect(resolveAppAsset(root, 'app://spanwright/index.html::$DATA')).toBeNull();
    expect(resolveAppAsset(root, 'app://spanwright/C:/secret.txt')).toBeNull();
  });

  it('serves names that merely start like a device or contain dots', () => {
    expect(resolveAppAsset(root, 'app://spanwright/assets/console-1a2b.js')).toBe(join(root, 'assets', 'console-1a2b.js'));
    expect(resolveAppAsset(root, 'app://spanwright/assets/com10.js')).toBe(join(root, 'assets', 'com10.js'));
    expect(resolveAppAsset(root, 'app://spanwright/assets/nullable.js')).toBe(join(root, 'assets', 'nullable.js'));
    expect(resolveAppAsset(root, 'app://spanwright/.well-known/a.b.json')).toBe(join(root, '.well-known', 'a.b.json'));
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppAsset(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppAsset(root, 'https://spanwright/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'app://spanwright.evil/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'not a url')).toBeNull();
  });
});

describe('response headers', () => {
  it('sends the strict CSP with every file', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' http: https:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const headers = responseHeadersFor('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
  });

  it('knows the MIME types of built assets', () => {
    expect(mimeTypeFor('a/b/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/b/style.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});
