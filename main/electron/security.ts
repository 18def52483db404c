/** Session-wide locks: deny every permission, set the CSP on every response, keep windows home. */
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/security-policy';

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/**
 * No new windows and no navigation. The app works offline on sensitive material, so it opens
 * no links at all, not even in the system browser.
 */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The UI is a single page: any navigation at all is either a bug or an attack.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
