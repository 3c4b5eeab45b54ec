import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The security rules of the editor's windows as plain data and functions (no electron
 * import), so they are unit-tested in Node and applied by security.ts.
 */

/**
 * The Content-Security-Policy of the renderer, sent as a response header for every load and
 * repeated in index.html: our own scripts only, no eval, no network, no plugins, no frames.
 * `style-src 'unsafe-inline'`: React and Handsontable set element styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds (or replaces) the CSP header in a response-header map of Electron's webRequest. */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== 'content-security-policy') out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/**
 * Command-line / file-association arguments that name a document to open: existing-looking
 * `.jxmb` (or xlsx) paths, skipping Electron/Chromium switches and the app entry itself.
 */
export function documentArgs(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((a) => !a.startsWith('-') && /\.(jxmb|xlsx)$/i.test(a))
    .map((a) => (a.startsWith('file://') ? fileURLToPath(a) : path.resolve(cwd, a)));
}
