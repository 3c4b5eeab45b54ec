/**
 * Issue 14, Electron checklist, tested in Node: the app:// protocol handler serves only the
 * renderer folder, IPC senders must be app:// pages, shell.openExternal only opens allow-listed
 * https links, and the main process loads pages from app:// rather than file://.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appUrl, contentTypeOf, isAppPageUrl, resolveAppUrl, serveAppRequest } from '../../electron/host/app-protocol';
import { isAllowedExternalUrl } from '../../electron/host/external-links';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/security-policy';

const root = mkdtempSync(path.join(tmpdir(), 'jxmb-app-'));
const renderer = path.join(root, 'renderer');
mkdirSync(path.join(renderer, 'assets'), { recursive: true });
writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>绩效目标表编辑器</title>');
writeFileSync(path.join(renderer, 'assets', 'main.js'), 'console.log(1)');
writeFileSync(path.join(root, 'secret.txt'), 'not for pages');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('maps page URLs into the renderer folder', () => {
    expect(appUrl('index.html')).toBe('app://jxmb/index.html');
    expect(resolveAppUrl('app://jxmb/index.html', renderer)).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppUrl('app://jxmb/', renderer)).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppUrl('app://jxmb/assets/main.js?v=1#x', renderer)).toBe(path.join(renderer, 'assets', 'main.js'));
  });

  it.each([
    'app://jxmb/../secret.txt',
    'app://jxmb/%2e%2e/secret.txt',
    'app://jxmb/assets/..%2f..%2fsecret.txt',
    'app://jxmb/..%5csecret.txt',
    'app://jxmb/%00index.html',
    'app://other/index.html',
    'app://user:pw@jxmb/index.html',
    'app://jxmb:99/index.html',
    'file:///etc/passwd',
    'https://jxmb/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const file = resolveAppUrl(url, renderer);
    expect(file === null || file.startsWith(renderer + path.sep)).toBe(true);
  });

  it('serves files with their type, the CSP and nosniff; 404 outside or missing', async () => {
    const ok = await serveAppRequest('app://jxmb/index.html', renderer);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toContain('绩效目标表编辑器');
    expect((await serveAppRequest('app://jxmb/../secret.txt', renderer)).status).toBe(404);
    expect((await serveAppRequest('app://jxmb/missing.js', renderer)).status).toBe(404);
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it('only app://jxmb pages are trusted IPC senders', () => {
    expect(isAppPageUrl('app://jxmb/index.html#/x')).toBe(true);
    for (const u of ['file:///opt/app/renderer/index.html', 'app://evil/index.html', 'https://jxmb/index.html', 'devtools://x', '']) {
      expect(isAppPageUrl(u), u).toBe(false);
    }
  });
});

describe('shell.openExternal allow-list', () => {
  it.each([
    ['https://handsontable.com/pricing', true],
    ['https://www.handsontable.com/docs', true],
    ['http://handsontable.com/', false],
    ['https://handsontable.com.evil.cn/', false],
    ['https://evil.cn/?https://handsontable.com', false],
    ['https://user@handsontable.com/', false],
    ['https://handsontable.com:8443/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['smb://server/share', false],
    ['javascript:alert(1)', false],
    ['ms-settings:', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('the main process wiring', () => {
  const src = (f: string) => readFileSync(path.join(__dirname, '..', '..', 'electron', 'main', f), 'utf8');

  it('loads editor pages from app://, not file://, and registers the scheme', () => {
    expect(src('window.ts')).not.toMatch(/loadFile\(/);
    expect(src('window.ts')).toMatch(/loadURL\(appUrl\('index\.html'\)\)/);
    expect(src('main.ts')).toMatch(/registerSchemesAsPrivileged/);
    expect(src('main.ts')).toMatch(/protocol\.handle\(APP_SCHEME/);
  });

  it('opens external links only through the allow-list', () => {
    const security = src('security.ts');
    expect(security).toMatch(/if \(isAllowedExternalUrl\(url\)\) void shell\.openExternal\(url\)/);
    expect(security.match(/openExternal/g)).toHaveLength(1);
  });
});
