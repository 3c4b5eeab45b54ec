import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellLocator, typeInto } from '../helpers/e2e-app';
import { createE2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * Keyboard shortcuts next to Handsontable's fast-edit (imeFastEdit) editor: a shortcut is
 * suppressed exactly while a cell editor is open, whatever was typed before.
 */
const app = useEditorBrowser();
let page: Page;
let errors: string[];

beforeEach(async () => {
  const env = await createE2eEnvironment();
  ({ page, errors } = await app.open(env));
  page.setDefaultTimeout(30_000);
  await page.getByTestId('start-sample').click();
  await cellLocator(page, 1, 2).waitFor();
});

const groupSpan = async () => Number(await cellLocator(page, 10, 2).getAttribute('rowspan'));
const editorOpen = () => page.locator('.handsontableInputHolder:not(.ht_editor_hidden) textarea.handsontableInput').count();

describe('editor shortcuts (Chromium)', () => {
  it('Ctrl+Shift+= still inserts rows after many typed edits (keys, IME) and after clicking the same cell again', async () => {
    // Sample table 1 (family A): 项目名称 at (1,2); 指标值 of the first 数量/质量 indicators at column 5.
    const targets: [number, number][] = [[1, 2], [10, 5], [11, 5], [13, 5], [14, 5]];
    for (let i = 0; i < 45; i++) {
      const [row, col] = targets[i % targets.length];
      const text = row === 1 ? (i % 2 ? `项目${i}` : `p${i}`) : (i % 3 ? `${i}次` : `>=${i}%`);
      await typeInto(page, row, col, text);
      await expect.poll(() => cellLocator(page, row, col).innerText()).toBe(text);
    }
    expect(await editorOpen()).toBe(0);
    expect(await groupSpan()).toBe(3);

    await cellLocator(page, 11, 3).click();
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(groupSpan).toBe(4);
    // The same cell clicked again at once: Handsontable would take the two clicks (with a key
    // press between them) for a double click and open the editor; it must stay a plain click.
    await cellLocator(page, 11, 3).click();
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(groupSpan).toBe(5);
    expect(await editorOpen()).toBe(0);
    expect(await cellLocator(page, 11, 3).innerText()).toBe('指标2: 人大会议');
    expect(await cellLocator(page, 12, 3).innerText()).toBe('指标3:');
    expect(errors).toEqual([]);
  });

  it('while a cell editor is open the shortcut stays with the editor; after Esc it inserts', async () => {
    await cellLocator(page, 11, 3).dblclick();
    await expect.poll(editorOpen).toBe(1);
    await page.keyboard.press('Control+Shift+Equal');
    await page.waitForTimeout(200);
    expect(await groupSpan()).toBe(3);
    await page.keyboard.press('Escape');
    await expect.poll(editorOpen).toBe(0);
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(groupSpan).toBe(4);
    expect(await cellLocator(page, 11, 3).innerText()).toBe('指标2: 人大会议');
    expect(errors).toEqual([]);
  });
});
