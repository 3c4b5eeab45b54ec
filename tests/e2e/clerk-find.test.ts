import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellLocator, screenshot } from '../helpers/e2e-app';
import { openSample } from '../helpers/e2e-clerk';
import { createE2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * Issue 11, failures 5 and 6 (Replace): find steps through merged cells and across tables with a
 * match count; Ctrl+H opens Replace (not the browser's history); Replace All is one undo step.
 */
const app = useEditorBrowser();
let page: Page;
let errors: string[];

beforeEach(async () => {
  const env = await createE2eEnvironment();
  ({ page, errors } = await app.open(env, { width: 1366, height: 768 }));
  page.setDefaultTimeout(30_000);
  await openSample(page);
});

const status = () => page.locator('.find-bar .muted').innerText();

describe('find and replace (Chromium)', () => {
  it('5: Ctrl+F on a merged 二级 cell moves on to the next match, across tables, with a count', async () => {
    await cellLocator(page, 10, 5).click();
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-input').fill('数量指标');
    await page.getByRole('button', { name: '下一个' }).click();
    // Table 1's own 数量指标 (10,2) lies before the selected cell: the next match is in table 2.
    await expect.poll(status).toMatch(/^第 2 \/ \d+ 个（第 2 张表）$/);
    const total = Number(/\/ (\d+) 个/.exec(await status())![1]);
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('status-cell').innerText()).toMatch(/数量指标 › 二级指标/);
    await page.getByRole('button', { name: '下一个' }).click();
    await expect.poll(status).toMatch(/^第 3 \/ \d+ 个（第 3 张表）$/);
    await page.getByTestId('find-prev').click();
    await page.getByTestId('find-prev').click();
    await expect.poll(status).toMatch(/^第 1 \/ \d+ 个（第 1 张表）$/);
    await expect.poll(() => page.locator('.table-item.current').innerText()).toContain('人大代表工作');
    await page.getByTestId('find-scope').selectOption('table');
    await page.getByRole('button', { name: '下一个' }).click();
    await expect.poll(status).toBe('第 1 / 1 个（第 1 张表）');
    await screenshot(page, 'issue11-find-bar');
    expect(errors).toEqual([]);
  });

  it('6: Ctrl+H opens Replace; 全部替换 in this table is one undo step; 替换 replaces the shown match', async () => {
    await cellLocator(page, 10, 5).click();
    await page.keyboard.press('Control+h');
    await page.getByTestId('replace-input').waitFor();
    expect(page.url()).not.toContain('history');
    await page.getByTestId('find-input').fill('观摩');
    await page.getByTestId('replace-input').fill('考察');
    await page.getByTestId('find-scope').selectOption('table');
    await page.getByTestId('replace-all').click();
    await expect.poll(status).toBe('已替换 5 处');
    expect(await cellLocator(page, 10, 3).innerText()).toBe('指标1: 人大代表考察次数');
    expect(await cellLocator(page, 13, 3).innerText()).toBe('指标1: 通过考察提升效果');
    await screenshot(page, 'issue11-replace-bar');
    await page.getByTestId('menu-编辑').click();
    await expect(page.getByTestId('menu-undo').innerText()).resolves.toMatch(/^撤销 全部替换（5 处）\s*Ctrl\+Z$/);
    await page.getByTestId('menu-undo').click();
    await expect.poll(() => cellLocator(page, 10, 3).innerText()).toBe('指标1: 人大代表观摩次数');
    expect(await cellLocator(page, 13, 3).innerText()).toBe('指标1: 通过观摩提升效果');

    await page.getByRole('button', { name: '下一个' }).click();
    await expect.poll(status).toMatch(/^第 \d \/ 5 个/);
    await page.getByTestId('replace-one').click();
    await expect.poll(status).toMatch(/^已替换 1 处；第 \d \/ 4 个/);
    expect(errors).toEqual([]);
  });

  it('6: 「全部修正」 fixes every identical fix, or every fix of a rule, as one undo step and reports the count', async () => {
    const panel = page.getByTestId('findings-panel');
    const fund06 = panel.locator('[data-testid="finding"][data-rule="FUND-06"]');
    await expect.poll(() => fund06.count()).toBeGreaterThan(3);
    await panel.getByLabel('只看当前表').uncheck();
    const all = await fund06.count();
    // Table 1: 4万元 written in four amount cells of a 万元 table (and the same in other tables) →
    // identical 「改为纯数字 4」 fixes all over the project.
    const same = fund06.first().getByRole('button', { name: /^全部修正（\d+）$/ });
    const n = Number(/（(\d+)）/.exec(await same.innerText())![1]);
    expect(n).toBeGreaterThanOrEqual(4);
    await same.click();
    await expect.poll(() => fund06.count()).toBe(all - n);
    expect(await page.locator('.status-notice').innerText()).toContain(`已修正 ${n} 处`);
    await page.getByTestId('menu-编辑').click();
    await page.getByTestId('menu-undo').click();
    await expect.poll(() => fund06.count()).toBe(all);

    await panel.getByRole('button', { name: /^全部修正：金额单元格不是纯数字（\d+）$/ }).click();
    await expect.poll(() => fund06.count()).toBe(0);
    expect(await page.locator('.status-notice').innerText()).toMatch(new RegExp(`已修正 ${all} 处`));
    await screenshot(page, 'issue11-fix-all');
    await page.getByTestId('menu-编辑').click();
    await page.getByTestId('menu-undo').click();
    await expect.poll(() => fund06.count()).toBe(all);
    expect(errors).toEqual([]);
  });
});
