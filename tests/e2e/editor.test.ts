import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellLocator, emit, screenshot, typeInto } from '../helpers/e2e-app';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/** Editing flows in Chromium against the built renderer, window.jxmb bound to the real IPC handlers. */
const app = useEditorBrowser();
let env: E2eEnvironment;
let page: Page;
let errors: string[];

beforeEach(async () => {
  env = await createE2eEnvironment();
  ({ page, errors } = await app.open(env));
  page.setDefaultTimeout(30_000);
  await page.getByTestId('start-page').waitFor();
});

async function openSample(): Promise<void> {
  await page.getByTestId('start-sample').click();
  await cellLocator(page, 1, 2).waitFor();
}

describe('editor (Chromium)', () => {
  it('shows the start page, opens the sample and lays out family A like the printed form', async () => {
    await screenshot(page, '01-start-page');
    await openSample();
    expect(await page.getByTestId('table-item').count()).toBe(32);
    expect(await cellLocator(page, 0, 0).innerText()).toBe('2024年部门项目支出预算绩效目标表');
    expect(await cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('3');
    expect(await cellLocator(page, 10, 3).innerText()).toMatch(/^指标1: /);
    await expect.poll(() => page.title()).toBe('示例项目 - 绩效目标表编辑器');
    await page.waitForTimeout(200);
    await screenshot(page, '02-grid-family-A-sample');
    expect(errors).toEqual([]);
  });

  it('edits a field and an indicator value through commands; undo and redo', async () => {
    await openSample();
    await typeInto(page, 1, 2, '人大代表履职经费');
    await expect.poll(() => cellLocator(page, 1, 2).innerText()).toBe('人大代表履职经费');
    await expect.poll(() => page.title()).toBe('示例项目 * - 绩效目标表编辑器');
    expect(await page.getByTestId('table-item').first().innerText()).toContain('人大代表履职经费');

    await typeInto(page, 10, 5, '>=6次');
    await expect.poll(() => cellLocator(page, 10, 5).innerText()).toBe('>=6次');
    await cellLocator(page, 10, 5).click();
    await expect.poll(() => page.getByTestId('status-cell').innerText()).toBe('产出指标 › 数量指标 › 指标值');
    // The panels follow the selection one frame after the grid's paint: wait for them.
    await expect.poll(() => page.getByTestId('value-parsed').innerText()).toBe('定量：运算符 ≥ · 数值 6 · 单位 次');

    // KNOWN: right after an IME commit Handsontable keeps its fast editor open on the cell, so Ctrl+Z
    // first goes to that editor; Esc leaves it (as in Excel after typing).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 10, 5).innerText()).toBe('5次');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 1, 2).innerText()).toBe('人大代表工作');
    await expect.poll(() => page.title()).toBe('示例项目 - 绩效目标表编辑器');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cellLocator(page, 1, 2).innerText()).toBe('人大代表履职经费');
    expect(errors).toEqual([]);
  });

  it('F2 edits the prefix-free 三级 name; the 「指标N:」 prefix stays printed', async () => {
    await openSample();
    await cellLocator(page, 11, 3).click();
    await page.keyboard.press('F2');
    const editor = page.locator('textarea.handsontableInput');
    await expect.poll(() => editor.inputValue()).toBe('人大会议');
    await editor.fill('人大主席团会议');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellLocator(page, 11, 3).innerText()).toBe('指标2: 人大主席团会议');
    // The editor starts from the document's text (the grid's data follows the commands: the
    // committed edit, then its undo), not from what Handsontable itself last held.
    const editAgain = async () => {
      await cellLocator(page, 11, 3).click();
      await page.keyboard.press('F2');
      const value = await editor.inputValue();
      await page.keyboard.press('Escape');
      return value;
    };
    expect(await editAgain()).toBe('人大主席团会议');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 11, 3).innerText()).toBe('指标2: 人大会议');
    expect(await editAgain()).toBe('人大会议');
  });

  it('inserts and deletes an indicator row: the 二级/一级 merges follow; undo restores', async () => {
    await openSample();
    const span1Before = await cellLocator(page, 10, 1).getAttribute('rowspan');
    await cellLocator(page, 11, 3).click();
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(() => cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('4');
    expect(Number(await cellLocator(page, 10, 1).getAttribute('rowspan'))).toBe(Number(span1Before) + 1);
    expect(await cellLocator(page, 12, 3).innerText()).toBe('指标3:');
    await screenshot(page, '03-row-inserted');

    // context menu: delete the new row
    await cellLocator(page, 12, 3).click({ button: 'right' });
    await page.locator('.htContextMenu .ht_master td').filter({ hasText: /^删除指标行$/ }).click();
    await expect.poll(() => cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('3');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('4');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 10, 2).getAttribute('rowspan')).toBe('3');
    expect(await cellLocator(page, 10, 1).getAttribute('rowspan')).toBe(span1Before);
  });

  it('moves a row within its group (Alt+Shift+↓)', async () => {
    await openSample();
    await cellLocator(page, 10, 3).click();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => cellLocator(page, 11, 3).innerText()).toBe('指标2: 人大代表观摩次数');
    expect(await cellLocator(page, 10, 3).innerText()).toBe('指标1: 人大会议');
  });

  it('pastes a tab-separated block from Excel as one undo step', async () => {
    await openSample();
    await cellLocator(page, 10, 3).click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '观摩次数\t\t≥6次\r\n会议次数\t\t≥2次');
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await expect.poll(() => cellLocator(page, 11, 5).innerText()).toBe('≥2次');
    expect(await cellLocator(page, 10, 3).innerText()).toBe('指标1: 观摩次数');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 11, 5).innerText()).toBe('1次');
    expect(await cellLocator(page, 10, 5).innerText()).toBe('5次');
  });

  it('Delete empties the selected 指标值 cells as one undo step; F2 then starts empty', async () => {
    await openSample();
    await cellLocator(page, 10, 5).click();
    await cellLocator(page, 11, 5).click({ modifiers: ['Shift'] });
    await page.keyboard.press('Delete');
    await expect.poll(() => cellLocator(page, 11, 5).innerText()).toBe('');
    expect(await cellLocator(page, 10, 5).innerText()).toBe('');
    await cellLocator(page, 10, 5).click();
    await page.keyboard.press('F2');
    expect(await page.locator('textarea.handsontableInput').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, 11, 5).innerText()).toBe('1次');
    expect(await cellLocator(page, 10, 5).innerText()).toBe('5次');
  });

  it('asks 保存 / 不保存 / 取消 before discarding changes and on window close', async () => {
    await openSample();
    await typeInto(page, 1, 2, '改动');
    await page.getByTestId('tool-新建').click();
    const dialog = page.getByTestId('dialog-unsaved');
    await dialog.waitFor();
    await screenshot(page, '04-dialog-unsaved');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await cellLocator(page, 1, 2).innerText()).toBe('改动');

    await emit(page, 'app:closeRequested');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '不保存' }).click();
    await expect.poll(() => env.closeRequests.length).toBe(1);
  });

  it('shows findings, selects the cell of a finding, and runs its fix as one undoable step', async () => {
    await openSample();
    const panel = page.getByTestId('findings-panel');
    await expect.poll(async () => (await panel.getByTestId('finding').count()) > 0).toBe(true);
    const fund06 = panel.locator('[data-testid="finding"][data-rule="FUND-06"]').first();
    await fund06.click();
    await expect.poll(() => page.getByTestId('status-cell').innerText()).toContain('表头');
    await screenshot(page, '05-findings-panel');
    const before = await panel.locator('[data-testid="finding"][data-rule="FUND-06"]').count();
    await fund06.getByRole('button', { name: '修正', exact: true }).click();
    await expect.poll(() => panel.locator('[data-testid="finding"][data-rule="FUND-06"]').count()).toBeLessThan(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => panel.locator('[data-testid="finding"][data-rule="FUND-06"]').count()).toBe(before);
  });

  it('new project: family picker, change-family warning, money-unit conversion', async () => {
    await page.getByTestId('start-new').click();
    const picker = page.getByTestId('dialog-family');
    await picker.waitFor();
    await screenshot(page, '06-dialog-family');
    await picker.getByText('河北（预算管理一体化系统）').click();
    await picker.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => cellLocator(page, 3, 1).innerText()).toBe('预算数');
    await typeInto(page, 3, 2, '67.54');
    await typeInto(page, 6, 1, '25');
    await expect.poll(() => cellLocator(page, 6, 1).innerText()).toBe('25%');
    await page.getByTestId('unit-select').selectOption('yuan');
    await expect.poll(() => cellLocator(page, 3, 2).innerText()).toBe('675400');
    await page.getByTestId('family-select').selectOption('jx-2024');
    const warn = page.getByTestId('dialog-change-family');
    await warn.waitFor();
    expect(await warn.innerText()).toContain('资金支出计划');
    await screenshot(page, '07-dialog-change-family');
    await warn.getByRole('button', { name: '更改' }).click();
    await expect.poll(() => page.getByTestId('statusbar').innerText()).toContain('D · ');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('statusbar').innerText()).toContain('C · ');
  });
});
