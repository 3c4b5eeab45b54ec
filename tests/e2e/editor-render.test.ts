import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cellLocator } from '../helpers/e2e-app';
import { createE2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * The grid is updated incrementally (only changed cells are painted again after an edit; data,
 * sizes and merges are swapped in place on a table switch or a row insert). After a mixed series
 * of edits it must look exactly like a fresh render of the same document in a new window.
 */
const app = useEditorBrowser();

/** Every rendered master cell: text, look classes, spans, visibility; and every row's height. */
async function gridSnapshot(page: Page): Promise<{ cells: string[][]; heights: number[] }> {
  await page.waitForTimeout(300);
  return page.$$eval('.ht_master table.htCore tbody tr', (rows) => ({
    cells: rows.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => {
      const look = Array.from(td.classList).filter((c) => c.startsWith('jx-') || c === 'htDimmed' || c === 'hide').sort().join(' ');
      return [td.textContent, look, td.getAttribute('rowspan') ?? '1', td.getAttribute('colspan') ?? '1', td.title].join(' | ');
    })),
    heights: rows.map((tr) => (tr as HTMLElement).offsetHeight),
  }));
}

async function typeInto(page: Page, row: number, col: number, text: string, shown = text): Promise<void> {
  await cellLocator(page, row, col).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => cellLocator(page, row, col).innerText()).toBe(shown);
}

describe('incremental grid updates (Chromium)', () => {
  it('after edits, marks, row inserts and deletes, table switches and undo the grid equals a fresh render', async () => {
    const env = await createE2eEnvironment();
    const { page, errors } = await app.open(env);
    page.setDefaultTimeout(30_000);
    await page.getByTestId('start-sample').click();
    await cellLocator(page, 1, 2).waitFor();
    const items = page.getByTestId('table-item');

    // Structural changes first (full renders), then edits that only repaint cells: texts, a
    // finding mark that appears (指标值 without a number) and one that goes away again.
    await typeInto(page, 1, 2, 'Renamed');
    await cellLocator(page, 11, 3).click();
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(() => cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('4');
    await typeInto(page, 12, 3, 'new one', '指标3: new one');
    await items.nth(4).click();
    await page.waitForTimeout(100);
    await items.nth(0).click();
    await expect.poll(() => cellLocator(page, 12, 3).innerText()).toBe('指标3: new one');
    await cellLocator(page, 10, 3).click();
    await page.keyboard.press('Control+-');
    await expect.poll(() => cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('3');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('4');
    await typeInto(page, 14, 5, 'abc');
    await expect.poll(() => cellLocator(page, 14, 5).getAttribute('class')).toMatch(/jx-mark-/);
    await typeInto(page, 10, 5, 'xyz');
    await expect.poll(() => cellLocator(page, 10, 5).getAttribute('class')).toMatch(/jx-mark-/);
    await typeInto(page, 10, 5, '8次');
    await expect.poll(() => cellLocator(page, 10, 5).getAttribute('class')).not.toMatch(/jx-mark-/);
    await typeInto(page, 11, 5, '>=3 times and a much longer text that wraps onto several lines in this narrow cell');
    await typeInto(page, 11, 5, '2');
    await typeInto(page, 1, 2, 'Renamed again');
    await page.keyboard.press('Escape');
    const edited = await gridSnapshot(page);

    const file = path.join(env.dir, 'edited.jxmb');
    env.answers.saveProject!.push(file);
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => page.getByTestId('status-save').innerText()).toBe('已保存');

    const fresh = await app.open(env);
    env.answers.openProject!.push(file);
    await fresh.page.getByTestId('start-open').click();
    await cellLocator(fresh.page, 1, 2).waitFor();
    await cellLocator(fresh.page, 14, 5).click();
    await fresh.page.keyboard.press('Escape');
    const reference = await gridSnapshot(fresh.page);

    expect(edited.cells).toEqual(reference.cells);
    expect(edited.heights).toEqual(reference.heights);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
  });
});
