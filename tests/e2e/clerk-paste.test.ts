import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellLocator, screenshot, typeInto } from '../helpers/e2e-app';
import { notice, openSample, pasteClipboard, rowspan } from '../helpers/e2e-clerk';
import { createE2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * Issue 11, failures 1, 2, 3 and 8: nothing a clerk types or pastes is dropped silently.
 * Sample table 1 (family A): 数量指标 group at rows 10–11 with a blank slot row 12; 三级指标 is
 * merged over columns 3–4, 指标值 is column 5; 质量指标 starts at row 13.
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

describe('paste and typing as a clerk does it (Chromium)', () => {
  it('1: a 名称 ⇥ 指标值 block pasted at a 三级指标 cell fills the names AND the values (the merged cell counts once)', async () => {
    await cellLocator(page, 10, 3).click();
    await pasteClipboard(page, { text: '会议次数\t≥2次\n培训人次\t≥50人次\n' });
    await expect.poll(() => cellLocator(page, 10, 5).innerText()).toBe('≥2次');
    expect(await cellLocator(page, 10, 3).innerText()).toBe('指标1: 会议次数');
    expect(await cellLocator(page, 11, 3).innerText()).toBe('指标2: 培训人次');
    expect(await cellLocator(page, 11, 5).innerText()).toBe('≥50人次');
    expect(await notice(page)).toContain('已粘贴 4 个单元格');
    expect(errors).toEqual([]);
  });

  it('2: a block longer than its 二级 group adds rows inside the group, says so, and is one undo step', async () => {
    await cellLocator(page, 10, 3).click();
    await pasteClipboard(page, { text: 'a\t1次\nb\t2次\nc\t3次\nd\t4次' });
    await expect.poll(() => rowspan(page, 10, 2)).toBe(5);
    expect(await cellLocator(page, 13, 3).innerText()).toBe('指标4: d');
    // The next group is untouched, just lower.
    expect(await cellLocator(page, 15, 2).innerText()).toBe('质量指标');
    expect(await cellLocator(page, 15, 3).innerText()).toBe('指标1: 通过观摩提升效果');
    expect(await notice(page)).toMatch(/“数量指标”.*新增 2 行/);
    await screenshot(page, 'issue11-paste-grows-group');
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowspan(page, 10, 2)).toBe(3);
    expect(await cellLocator(page, 10, 3).innerText()).toBe('指标1: 人大代表观摩次数');
    expect(await cellLocator(page, 13, 3).innerText()).toBe('指标1: 通过观摩提升效果');
    expect(errors).toEqual([]);
  });

  it('3: typing into a blank 预留 slot row creates the indicator there; a read-only cell refuses and says why', async () => {
    await typeInto(page, 12, 5, '3ci');
    await expect.poll(() => cellLocator(page, 12, 5).innerText()).toBe('3ci');
    expect(await rowspan(page, 10, 2)).toBe(4);
    await typeInto(page, 12, 3, '新增的指标');
    await expect.poll(() => cellLocator(page, 12, 3).innerText()).toBe('指标3: 新增的指标');

    await cellLocator(page, 9, 5).click();
    await page.keyboard.type('x');
    await expect.poll(() => notice(page)).toContain('“指标值”是表格的固定文字，不能修改');
    await screenshot(page, 'issue11-read-only-refusal');
    expect(errors).toEqual([]);
  });

  it('8: Excel/WPS clipboard HTML becomes plain text (Alt+Enter line breaks, &nbsp;, styles)', async () => {
    await cellLocator(page, 10, 5).click();
    const html = '<html><head><style>.xl65{mso-number-format:"@";}</style></head><body><table><tr>'
      + '<td class="xl65" style="white-space:normal">2<br style="mso-data-placement:same-cell">次</td></tr>'
      + '<tr><td class="xl65">≥95%&nbsp;</td></tr></table></body></html>';
    await pasteClipboard(page, { text: '"2\n次"\n≥95% \n', html });
    await expect.poll(() => cellLocator(page, 10, 5).innerText()).toBe('2\n次');
    expect(await cellLocator(page, 11, 5).innerText()).toBe('≥95%');
    expect(errors).toEqual([]);
  });

  it('1: 粘贴 is in the 编辑 menu and in the context menu', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('人大代表履职'));
    await cellLocator(page, 1, 2).click();
    await page.getByTestId('menu-编辑').click();
    await page.getByTestId('menu-paste').click();
    await expect.poll(() => cellLocator(page, 1, 2).innerText()).toBe('人大代表履职');
    await page.evaluate(() => navigator.clipboard.writeText('≥3次'));
    await cellLocator(page, 10, 5).click({ button: 'right' });
    await page.locator('.htContextMenu td', { hasText: /^粘贴$/ }).click();
    await expect.poll(() => cellLocator(page, 10, 5).innerText()).toBe('≥3次');
    expect(errors).toEqual([]);
  });
});
