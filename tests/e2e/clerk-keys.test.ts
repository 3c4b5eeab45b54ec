import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellLocator } from '../helpers/e2e-app';
import { notice, openSample, rowspan } from '../helpers/e2e-clerk';
import { createE2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * Issue 11, failures 4 and 7, and the Excel keys: Tab never leaves the grid, a row's Delete keeps
 * the shared 一级/二级 labels, Ctrl+D fills down, a multi-row insert inserts as many rows.
 * Sample table 1 (family A): 项目名称 (1,2) spans columns 2–5; 数量指标 rows 10–11 (+ blank 12).
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

const statusCell = () => page.getByTestId('status-cell').innerText();
const focusInGrid = () => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="grid"]')));

describe('Excel keys (Chromium)', () => {
  it('4: Tab wraps to the next row, Shift+Tab comes back, and Tab at the last cell stays in the grid', async () => {
    await cellLocator(page, 1, 2).click();
    await page.keyboard.press('Tab');
    await expect.poll(statusCell).toBe('标签：主管部门');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(statusCell).toBe('表头 › 项目名称');

    await page.keyboard.press('Control+End');
    await expect.poll(statusCell).toMatch(/空行/);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    expect(await focusInGrid()).toBe(true);
    await expect.poll(statusCell).toBe('标题');
    // The clerk's next typing is not lost in another panel: the title refuses and says why.
    await page.keyboard.type('x');
    await expect.poll(() => notice(page)).toContain('标题由项目名称自动生成');
    expect(await focusInGrid()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('7: selecting a whole indicator row and pressing Delete empties only that row’s own cells', async () => {
    await page.locator('.ht_clone_inline_start tbody tr').nth(10).locator('th').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => cellLocator(page, 10, 5).innerText()).toBe('');
    expect(await cellLocator(page, 10, 3).innerText()).toBe('指标1:');
    expect(await cellLocator(page, 10, 2).innerText()).toBe('数量指标');
    expect(await cellLocator(page, 10, 1).innerText()).toBe('产出指标');
    expect(await rowspan(page, 10, 2)).toBe(3);
    expect(await cellLocator(page, 11, 5).innerText()).toBe('1次');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 10, 5).innerText()).toBe('5次');
    expect(errors).toEqual([]);
  });

  it('Ctrl+D fills down; Enter moves down and Shift+Enter up; a two-row insert inserts two rows', async () => {
    await cellLocator(page, 10, 5).click();
    await cellLocator(page, 11, 5).click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+d');
    await expect.poll(() => cellLocator(page, 11, 5).innerText()).toBe('5次');
    expect(await notice(page)).toContain('向下填充');

    await cellLocator(page, 10, 3).click();
    await page.keyboard.press('Enter');
    await expect.poll(statusCell).toBe('产出指标 › 数量指标 › 三级指标');
    await page.keyboard.press('Enter');
    await expect.poll(statusCell).toMatch(/空行/);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(statusCell).toBe('标签：三级指标');

    await cellLocator(page, 10, 3).click();
    await cellLocator(page, 11, 3).click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(() => rowspan(page, 10, 2)).toBe(5);
    expect(errors).toEqual([]);
  });
});
