import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** file:// URL of the folder holding the built renderer (ends with '/'). */
export function rendererBaseUrl(rendererDir: string): string {
  const url = pathToFileURL(path.resolve(rendererDir)).href;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * True when a frame URL is one of our own renderer pages: a file:// URL inside the built
 * renderer folder (query and hash ignored; no `..` escapes, since URLs are normalized).
 * Every IPC call's sender frame must pass this.
 */
export function isTrustedRendererUrl(frameUrl: string, rendererDir: string): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  const base = rendererBaseUrl(rendererDir);
  const target = `file://${url.pathname}`;
  const normBase = `file://${new URL(base).pathname}`;
  // Windows paths compare case-insensitively.
  return process.platform === 'win32' ? target.toLowerCase().startsWith(normBase.toLowerCase()) : target.startsWith(normBase);
}

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
