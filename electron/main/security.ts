import { app, session, shell, type WebContents } from 'electron';
import { isAppPageUrl } from '../host/app-protocol';
import { isAllowedExternalUrl } from '../host/external-links';
import { withCspHeader } from '../host/security-policy';

/**
 * Applies the window security rules of ARCHITECTURE.md to the whole app:
 * CSP as a response header, every permission request denied, navigation, new windows and
 * <webview> refused. Call once, before the first window.
 */
export function applyAppSecurity(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No network: editor pages come from app://jxmb/; file:// only for the print preview's temp page.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('app:') || details.url.startsWith('file:') || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !ok });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppPageUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Allow-listed https links open in the system browser; nothing opens inside the app.
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
