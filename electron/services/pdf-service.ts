/**
 * PDF output of the print HTML through a Chromium-family browser already on the machine
 * (Chromium / Google Chrome / Microsoft Edge), driven by playwright-core. Used by `jxmb pdf`;
 * the Electron main process prints with webContents.printToPDF instead and needs only the HTML.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { UserError } from '../../shared/errors';
import { loggedCause } from './internal-log';

/** Where the usual installs of Chromium, Chrome and Edge live, per platform, in search order. */
export function browserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const apps = [
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
    ];
    return apps.flatMap((parts) => roots.map((root) => path.win32.join(root, ...parts)));
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    const dirs = ['/Applications', env.HOME ? path.posix.join(env.HOME, 'Applications') : ''].filter(Boolean);
    return apps.flatMap((app) => dirs.map((dir) => path.posix.join(dir, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium',
  ];
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The Chinese message when no browser can be found (exit code 2 in the CLI). */
export const BROWSER_NOT_FOUND_MESSAGE = '未找到可用于生成 PDF 的浏览器（Chromium、Google Chrome 或 Microsoft Edge）。'
  + '请安装其中之一，或用 --browser <浏览器程序路径> 或环境变量 JXMB_BROWSER 指定。';

/**
 * The browser to print with: `browserPath` when given, else env `JXMB_BROWSER`, else the first
 * usual install path that exists.
 * @throws UserError `BROWSER_NOT_FOUND` when a given path does not exist or nothing is installed.
 */
export function findBrowser(options: { browserPath?: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}): string {
  const env = options.env ?? process.env;
  const explicit = options.browserPath ?? (env.JXMB_BROWSER?.trim() || undefined);
  if (explicit !== undefined) {
    if (isFile(explicit)) return explicit;
    const source = options.browserPath !== undefined ? '--browser' : '环境变量 JXMB_BROWSER';
    throw new UserError('BROWSER_NOT_FOUND', `${source} 指定的浏览器程序不存在：${explicit}`);
  }
  const found = browserCandidates(options.platform, env).find(isFile);
  if (!found) throw new UserError('BROWSER_NOT_FOUND', BROWSER_NOT_FOUND_MESSAGE);
  return found;
}

/** Chromium switches for a headless, offline, quiet run; no sandbox when running as root (it refuses otherwise). */
function launchArgs(): string[] {
  const args = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
  return args;
}

/**
 * Prints an HTML document to PDF bytes with the page size and margins of its CSS `@page` rules
 * (`preferCSSPageSize`) and backgrounds. JavaScript is off and the context is offline: the print
 * HTML needs neither.
 * @throws UserError `BROWSER_NOT_FOUND` (see findBrowser) or `PDF_FAILED` when the browser cannot start or print.
 */
export async function renderPdf(html: string, options: { browserPath?: string } = {}): Promise<Buffer> {
  const executablePath = findBrowser({ browserPath: options.browserPath });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: launchArgs(), timeout: 60_000 });
  } catch (e) {
    throw new UserError('PDF_FAILED', `无法启动浏览器 ${executablePath}：请确认该浏览器能正常打开，或用 --browser 指定另一个 Chromium/Chrome/Edge（${loggedCause('启动浏览器', e)}）`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } catch (e) {
    throw new UserError('PDF_FAILED', `浏览器生成 PDF 失败：请重试，或用 --browser 指定另一个 Chromium/Chrome/Edge（${loggedCause('生成 PDF', e)}）`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
