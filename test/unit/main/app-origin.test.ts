import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedUrl, originOf, trustedOrigins } from '../../../src-main/app-origin';
import { externalUrlToOpen, isNavigationAllowed } from '../../../src-main/navigation';
import { isPermissionAllowed } from '../../../src-main/permissions';

describe('originOf', () => {
  it('gives scheme://host for the custom scheme, which Node alone reports as "null"', () => {
    expect(new URL('app://spanwright/index.html').origin).toBe('null');
    expect(originOf('app://spanwright/index.html')).toBe('app://spanwright');
    expect(originOf('app://SpanWright/')).toBe('app://spanwright');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });

  it('has no origin for URLs without a host', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });
});

describe('trusted origins', () => {
  it('is only the app origin without a dev server', () => {
    expect(trustedOrigins(undefined)).toEqual([APP_ORIGIN]);
  });

  it('adds the dev server origin when one is given', () => {
    expect(trustedOrigins('http://localhost:5173/')).toEqual(['app://spanwright', 'http://localhost:5173']);
  });

  it('matches on the whole origin, not a prefix', () => {
    const origins = trustedOrigins(undefined);
    expect(isTrustedUrl('app://spanwright/assets/x.js', origins)).toBe(true);
    expect(isTrustedUrl('app://spanwright.evil.com/', origins)).toBe(false);
    expect(isTrustedUrl('app://evil/', origins)).toBe(false);
    expect(isTrustedUrl('app://spanwright@evil/', origins)).toBe(false);
    expect(isTrustedUrl('https://spanwright/', origins)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', origins)).toBe(false);
  });
});

describe('navigation', () => {
  const origins = trustedOrigins(undefined);

  it('allows moving within the app only', () => {
    expect(isNavigationAllowed('app://spanwright/index.html#doc=1', origins)).toBe(true);
    expect(isNavigationAllowed('https://example.org/', origins)).toBe(false);
    expect(isNavigationAllowed('file:///home/user/evil.html', origins)).toBe(false);
    expect(isNavigationAllowed('data:text/html,<h1>x</h1>', origins)).toBe(false);
  });

  it('hands only http(s) links to the system browser', () => {
    expect(externalUrlToOpen('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(externalUrlToOpen('http://example.org')).toBe('http://example.org/');
    expect(externalUrlToOpen('file:///etc/passwd')).toBeNull();
    expect(externalUrlToOpen('javascript:alert(1)')).toBeNull();
    expect(externalUrlToOpen('smb://server/share')).toBeNull();
    expect(externalUrlToOpen('app://spanwright/')).toBeNull();
    expect(externalUrlToOpen('https://user:pw@example.org/')).toBeNull();
    expect(externalUrlToOpen('not a url')).toBeNull();
  });
});

describe('isPermissionAllowed', () => {
  const origins = trustedOrigins(undefined);

  it('allows the two needed permissions for the app origin', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://spanwright/index.html', origins)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://spanwright', origins)).toBe(true);
  });

  it('denies them to any other origin or an unknown requester', () => {
    expect(isPermissionAllowed('persistent-storage', 'https://example.org/', origins)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, origins)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '', origins)).toBe(false);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'fileSystem', 'unknown', ''])(
    'denies %s even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://spanwright/', origins)).toBe(false);
    },
  );
});
