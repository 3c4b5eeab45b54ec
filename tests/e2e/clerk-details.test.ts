import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellLocator } from '../helpers/e2e-app';
import { notice, openSample, pasteClipboard } from '../helpers/e2e-clerk';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * Issue 11, the small things a clerk notices: undo/redo say what they undid, rule codes only in
 * tooltips, print and export default to the current table with the same choices, switching
 * tables shows the title, 最近打开 follows 另存为.
 */
const app = useEditorBrowser();
let env: E2eEnvironment;
let page: Page;
let errors: string[];

beforeEach(async () => {
  env = await createE2eEnvironment();
  ({ page, errors } = await app.open(env, { width: 1366, height: 768 }));
  page.setDefaultTimeout(30_000);
  await openSample(page);
});

describe('details (Chromium)', () => {
  it('undo and redo say what they undid; rule codes are in tooltips, not in the text', async () => {
    await cellLocator(page, 10, 3).click();
    await pasteClipboard(page, { text: 'a\t1次\nb\t2次\nc\t3次' });
    await expect.poll(() => cellLocator(page, 12, 3).innerText()).toBe('指标3: c');
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(page)).toBe('已撤销：粘贴（新增 1 行）');
    await page.keyboard.press('Control+y');
    await expect.poll(() => notice(page)).toBe('已重做：粘贴（新增 1 行）');

    const first = page.getByTestId('finding').first();
    expect(await first.innerText()).not.toMatch(/\b[A-Z]{3,4}-\d{2}\b/);
    expect(await first.getAttribute('title')).toMatch(/^[A-Z]{3,4}-\d{2} /);
    expect(errors).toEqual([]);
  });

  it('print and both exports start with the current table and offer the same table choices', async () => {
    await page.getByTestId('table-item').nth(2).click();
    await page.keyboard.press('Control+p');
    await expect(page.getByTestId('print-scope-current').isChecked()).resolves.toBe(true);
    expect(await page.locator('.print-options').innerText()).toContain('当前表（3. 信访经费）');
    await page.keyboard.press('Escape');
    await page.getByTestId('tool-导出Excel').click();
    const xlsx = page.getByTestId('dialog-export-xlsx');
    await xlsx.waitFor();
    for (const scope of ['current', 'all', 'chosen']) expect(await xlsx.getByTestId(`print-scope-${scope}`).count()).toBe(1);
    await expect(xlsx.getByTestId('print-scope-current').isChecked()).resolves.toBe(true);
    await xlsx.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('menu-文件').click();
    await page.getByRole('menuitem', { name: '导出PDF…' }).click();
    const pdf = page.getByTestId('dialog-export-pdf');
    await pdf.waitFor();
    expect(await pdf.getByTestId('print-signature').count()).toBe(1);
    await expect(pdf.getByTestId('print-scope-current').isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('switching tables scrolls to the title; 最近打开 lists the file after 另存为', async () => {
    await cellLocator(page, 10, 5).click();
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(200);
    await page.getByTestId('table-item').nth(1).click();
    await expect.poll(async () => (await cellLocator(page, 0, 0).innerText()).includes('绩效目标表')).toBe(true);
    const title = (await cellLocator(page, 0, 0).boundingBox())!;
    const grid = (await page.locator('.grid-area').boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(grid.y);
    expect(title.y).toBeLessThan(grid.y + 80);

    const target = path.join(env.dir, '闽宁镇绩效目标.jxmb');
    env.answers.saveProject!.push(target);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('闽宁镇绩效目标.jxmb - 绩效目标表编辑器');
    await page.getByTestId('menu-文件').click();
    await page.getByRole('menuitem', { name: '最近打开' }).hover();
    await page.getByRole('menuitem', { name: '闽宁镇绩效目标.jxmb' }).waitFor();
    expect(errors).toEqual([]);
  });
});
