/**
 * The `app://` protocol that serves the built renderer (instead of file://): pages get a real
 * origin (`app://jxmb`), so IPC senders, navigation and the CSP are checked against one origin,
 * and no page can read other local files through file:// URLs. Plain logic without Electron:
 * main.ts registers the scheme and calls `serveAppRequest` from `protocol.handle`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'jxmb';
/** Origin of every renderer page. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Privileges for protocol.registerSchemesAsPrivileged (standard + secure: relative URLs, no mixed content). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, stream: true } as const;

/** URL of a page of the renderer, e.g. appUrl('index.html') → app://jxmb/index.html. */
export function appUrl(page: string): string {
  return `${APP_ORIGIN}/${page.replace(/^\/+/, '')}`;
}

/**
 * The file inside `rendererDir` that an app:// URL names, or null: another host, an encoded
 * separator or NUL, or a path that leaves the folder (`..`, absolute, drive letters).
 */
export function resolveAppUrl(requestUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\') || /%2f|%5c/i.test(url.pathname)) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel}`);
  const inside = path.relative(root, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Content type by extension; unknown types are served as bytes (never sniffed as HTML). */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Answers one app:// request: the file with its type and the CSP, or 404. */
export async function serveAppRequest(requestUrl: string, rendererDir: string): Promise<Response> {
  const file = resolveAppUrl(requestUrl, rendererDir);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const data = await fs.readFile(file);
    return new Response(new Uint8Array(data), {
      status: 200,
      headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** True when a frame URL is one of our renderer pages (app://jxmb/…): every IPC sender must be. */
export function isAppPageUrl(frameUrl: string): boolean {
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password && !url.port;
  } catch {
    return false;
  }
}
