import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHANNEL_METHODS, CHANNELS } from '../../shared/ipc';
import type { E2eEnvironment } from './e2e-deps';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-output/screenshots');

/** Flags Debian Chromium needs headless as root in a container with a closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/**
 * The run's shared Chromium (started once by tests/global-setup.ts), or a browser of this file's
 * own when the file runs outside that set-up. Closing the returned Browser disconnects from the
 * shared one and closes an own one.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = inject('browserWsEndpoint');
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens the built renderer with `window.jxmb` bound to the SAME Node handler table Electron
 * uses (electron/main/ipc-handlers.ts): every method of the channel map calls a Playwright
 * binding that runs the handler in this process. Events (close request, menu commands) can be
 * emitted with `emit()`.
 */
export async function openApp(browser: Browser, url: string, env: E2eEnvironment, viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.exposeBinding('__jxmbInvoke', async (_source, channel: string, args: unknown) => {
    const handler = (env.handlers as Record<string, (a: unknown) => Promise<unknown>>)[channel];
    if (!handler) return { ok: false, error: { code: 'no-channel', message: `unknown channel ${channel}` } };
    // Structured data only, as over Electron IPC.
    return JSON.parse(JSON.stringify(await handler(args === null ? undefined : args)));
  });
  // A literal script (not a transpiled function: esbuild may inject helpers such as __name).
  await page.addInitScript({ content: `(() => {
    // Init scripts run in every frame (the print preview's iframe too): bind the API once, in the app's window.
    if (window !== window.top || 'jxmb' in window) return;
    const channels = ${JSON.stringify(CHANNELS)};
    const methods = ${JSON.stringify(CHANNEL_METHODS)};
    const listeners = new Map();
    const api = {};
    for (const channel of channels) api[methods[channel]] = (args) => window.__jxmbInvoke(channel, args === undefined ? null : args);
    api.on = (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event)?.delete(listener);
    };
    Object.defineProperty(window, 'jxmb', { value: Object.freeze(api), configurable: false });
    Object.defineProperty(window, '__jxmbEmit', { value: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)) });
  })();` });
  await page.goto(url);
  return { context, page, errors };
}

/** Emits a main → renderer event (app:closeRequested, menu:command, …). */
export async function emit(page: Page, event: string, payload?: unknown): Promise<void> {
  await page.evaluate(([e, p]) => (window as unknown as { __jxmbEmit: (e: string, p: unknown) => void }).__jxmbEmit(e as string, p), [event, payload]);
}

/** Saves a full-page screenshot under test-output/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The grid's TD element for a 0-based (row, col) of the layout (the visible anchor of merges). */
export function cellLocator(page: Page, row: number, col: number) {
  // Main table only (overlays clone cells); rows/cols +1 for the header row/column.
  return page.locator('.ht_master table.htCore tbody tr').nth(row).locator('td').nth(col);
}

/**
 * Selects a cell by clicking it, then types and presses Enter (Excel-style direct typing).
 * Chinese text goes through a real IME composition (CDP Input.imeSetComposition), as a
 * Pinyin input method would send it: composition must not lose characters.
 */
export async function typeInto(page: Page, row: number, col: number, text: string): Promise<void> {
  await cellLocator(page, row, col).click();
  if (/^[\x20-\x7e]*$/.test(text)) await page.keyboard.type(text);
  else {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'pinyin', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.insertText', { text });
    await cdp.detach();
  }
  await page.keyboard.press('Enter');
}

/** Texts of the master table rows (rendered rows only). */
export async function gridTexts(page: Page): Promise<string[][]> {
  return page.$$eval('.ht_master table.htCore tbody tr', (rows) => rows.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => (td as HTMLElement).innerText)));
}
