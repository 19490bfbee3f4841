// Which web permissions the UI may have: almost none. Everything not listed is denied.
import { isTrustedUrl } from './app-origin';

/**
 * persistent-storage keeps Chromium from evicting the IndexedDB database under disk pressure;
 * clipboard-sanitized-write lets "copy" buttons work. Nothing else is needed by an offline editor.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage', 'clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  trustedOrigins: readonly string[],
): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  return requestingUrl !== undefined && isTrustedUrl(requestingUrl, trustedOrigins);
}
