// Rules applied to every web page the app creates: no navigation away from the app, no new
// windows, no <webview>, and no permissions beyond the two the UI needs.
import type { Session, WebContents } from 'electron';
import { externalUrlToOpen, isNavigationAllowed } from './navigation';
import { isPermissionAllowed } from './permissions';

export interface WebContentsSecurityOptions {
  trustedOrigins: readonly string[];
  openExternal(url: string): Promise<void>;
}

export function secureWebContents(contents: WebContents, options: WebContentsSecurityOptions): void {
  const { trustedOrigins, openExternal } = options;

  const denyNavigation = (event: Electron.Event, url: string): void => {
    if (!isNavigationAllowed(url, trustedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyNavigation(event, event.url));
  contents.on('will-redirect', (event) => denyNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external !== null) {
      openExternal(external).catch((error: unknown) => console.warn('Could not open link:', error));
    }
    return { action: 'deny' };
  });
}

export function restrictPermissions(session: Session, trustedOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, trustedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trustedOrigins),
  );
}
