/** Steps a township clerk takes in the editor, for the e2e tests of issue 11 (paste, keys, find, files). */
import type { Page } from 'playwright-core';
import { cellLocator } from './e2e-app';

/** Opens the embedded sample from the start page and waits for the grid (table 1, family A). */
export async function openSample(page: Page): Promise<void> {
  await page.getByTestId('start-sample').click();
  await cellLocator(page, 1, 2).waitFor();
}

/**
 * Pastes as Ctrl+V from Excel/WPS would: a paste event on the focused element carrying the
 * clipboard's text/plain and (optionally) text/html.
 */
export async function pasteClipboard(page: Page, data: { text: string; html?: string }): Promise<void> {
  await page.evaluate(({ text, html }) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    if (html) dt.setData('text/html', html);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/** The status bar's notice (the last action's message). */
export function notice(page: Page): Promise<string> {
  return page.locator('.status-notice').innerText();
}

/** rowspan of the cell at (row, col) (1 when not merged). */
export async function rowspan(page: Page, row: number, col: number): Promise<number> {
  return Number((await cellLocator(page, row, col).getAttribute('rowspan')) ?? '1');
}
