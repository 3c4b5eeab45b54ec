/**
 * 指标库 in the editor (Chromium, built renderer, real IPC handlers): suggestions while typing in a
 * 三级指标 cell (by 拼音 initials and by Chinese through an IME), choosing one fills the name and
 * the value template as ONE undo step with the caret on the number; free typing is never blocked;
 * the 指标库 panel inserts entries as rows (one undo step); 按上年新建 lists its changes.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellLocator, gridTexts, screenshot } from '../helpers/e2e-app';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

const app = useEditorBrowser();
let env: E2eEnvironment;
let page: Page;
let errors: string[];

beforeEach(async () => {
  env = await createE2eEnvironment();
  ({ page, errors } = await app.open(env, { width: 1366, height: 768 }));
  page.setDefaultTimeout(30_000);
  await page.getByTestId('start-page').waitFor();
  await page.getByTestId('start-sample').click();
  await cellLocator(page, 1, 2).waitFor();
});

/** Grid row of the first row whose 三级指标 cell (column 3) starts with `prefix`. */
async function rowOf(prefix: string): Promise<number> {
  const rows = await gridTexts(page);
  const i = rows.findIndex((r) => (r[3] ?? '').startsWith(prefix));
  if (i < 0) throw new Error(`no row starting with ${prefix}`);
  return i;
}

async function imeType(text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'pinyin', selectionStart: 6, selectionEnd: 6 });
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

const list = () => page.getByTestId('library-suggest');
const items = () => page.getByTestId('library-suggest-item');

describe('指标库 suggestions in the grid', () => {
  it('three typed letters show suggestions of the row\'s 二级; choosing one fills name and ≥__% as one undo step, caret on the number', async () => {
    const row = await rowOf('指标1: 观摩对象满意度');
    const before = { name: await cellLocator(page, row, 3).innerText(), value: await cellLocator(page, row, 5).innerText() };
    await cellLocator(page, row, 3).click();
    await page.keyboard.type('qzm');
    await list().waitFor();
    const names = await items().locator('.name').allInnerTexts();
    expect(names[0]).toBe('群众满意度');
    expect(await items().first().locator('.form').innerText()).toBe('≥__%');
    expect(await list().innerText()).toContain('服务对象满意度指标');
    await screenshot(page, 'library-01-suggestions');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellLocator(page, row, 3).innerText()).toBe('指标1: 群众满意度');
    // the 指标值 editor is open on the template with the blank selected: typing replaces it
    const selected = await page.evaluate(() => {
      const ta = document.activeElement as HTMLTextAreaElement;
      return { value: ta.value, picked: ta.value.slice(ta.selectionStart, ta.selectionEnd) };
    });
    expect(selected).toEqual({ value: '≥__%', picked: '__' });
    expect(await list().isVisible()).toBe(false);
    await page.keyboard.type('95');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellLocator(page, row, 5).innerText()).toBe('≥95%');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellLocator(page, row, 5).innerText()).toBe('≥__%');
    expect(await cellLocator(page, row, 3).innerText()).toBe('指标1: 群众满意度');
    await page.keyboard.press('Control+z'); // name and template came as one step
    await expect.poll(() => cellLocator(page, row, 5).innerText()).toBe(before.value);
    expect(await cellLocator(page, row, 3).innerText()).toBe(before.name);
    expect(errors).toEqual([]);
  });

  it('never blocks free typing or IME composition: Enter without a highlighted suggestion commits the typed text', async () => {
    const row = await rowOf('指标1: 观摩对象满意度');
    await cellLocator(page, row, 3).click();
    await imeType('满意度');
    await list().waitFor();
    expect((await items().locator('.name').allInnerTexts()).every((n) => n.includes('满意度'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => cellLocator(page, row, 3).innerText()).toBe('指标1: 满意度');
    expect(await list().isVisible()).toBe(false);
    // a 数量指标 row suggests 数量指标 entries only; Escape closes the list, a second one cancels the edit
    const count = await rowOf('指标1: 人大代表观摩次数');
    await cellLocator(page, count, 3).click();
    await page.keyboard.type('xzc');
    await list().waitFor();
    expect(await items().locator('.name').first().innerText()).toBe('行政村数量');
    expect(await list().innerText()).toContain('数量指标');
    await page.keyboard.press('Escape');
    expect(await list().isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => cellLocator(page, count, 3).innerText()).toBe('指标1: 人大代表观摩次数');
    expect(errors).toEqual([]);
  });
});

describe('指标库 panel and 按上年新建', () => {
  it('F9 opens the panel; ticked entries go in as rows of their 二级, one undo step', async () => {
    await page.keyboard.press('F9');
    const panel = page.getByTestId('library-panel');
    await panel.waitFor();
    await panel.getByRole('button', { name: /服务对象满意度指标/ }).click();
    const rowsBefore = (await gridTexts(page)).length;
    await panel.getByText('村干部满意度', { exact: true }).click();
    await panel.getByText('服务企业满意度', { exact: true }).click();
    await screenshot(page, 'library-02-panel');
    await panel.getByTestId('library-insert').click();
    await expect.poll(async () => (await gridTexts(page)).some((r) => (r[3] ?? '').endsWith('服务企业满意度'))).toBe(true);
    expect(await panel.isVisible()).toBe(true);
    const texts = await gridTexts(page);
    expect(texts.some((r) => (r[3] ?? '').endsWith('村干部满意度') && r[5] === '≥__%')).toBe(true);
    expect(texts.length).toBeGreaterThan(rowsBefore - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await gridTexts(page)).some((r) => /村干部满意度|服务企业满意度/.test(r[3] ?? ''))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('按上年新建 lists the year changes and opens the 2025 project', async () => {
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('menu-year-copy').click();
    const dialog = page.getByTestId('dialog-year-copy');
    await dialog.waitFor();
    const changes = await dialog.getByTestId('year-copy-changes').locator('li').allInnerTexts();
    expect(changes[0]).toContain('预算年度');
    expect(changes.some((c) => c.includes('2024年底') && c.includes('2025年底'))).toBe(true);
    await screenshot(page, 'library-03-year-copy');
    await dialog.getByRole('button', { name: '新建' }).click();
    await expect.poll(() => cellLocator(page, 0, 0).innerText()).toBe('2025年部门项目支出预算绩效目标表');
    await expect.poll(() => page.title()).toBe('2025年（按上年新建） * - 绩效目标表编辑器');
    expect(errors).toEqual([]);
  });
});
