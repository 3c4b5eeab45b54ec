/**
 * 部门整体绩效目标 and 导出绩效文本 in Chromium against the built renderer, window.jxmb bound to
 * the real IPC handlers (as in browser mode): family F sections and table edited with undo/redo,
 * the document previewed (pages as shared/document paginates), exported as PDF (pdfinfo, pdftotext)
 * and as .docx (the Word XML holds the edits).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildGuantingDocx } from '../fixtures/document/gen-document-docx';
import { cellLocator, screenshot } from '../helpers/e2e-app';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

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

async function menu(top: string, item: string): Promise<void> {
  await page.getByTestId(`menu-${top}`).click();
  await page.getByTestId(item).click();
}

/** Types into a field and leaves it (the commit of one undo step). */
async function commit(testId: string, text: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(text);
  await field.blur();
}

describe('绩效文本 in the editor', () => {
  it('edits 部门整体绩效目标 with undo/redo, previews and exports the document as PDF and .docx', async () => {
    await page.getByTestId('start-sample').click();
    await cellLocator(page, 1, 2).waitFor();
    await menu('编辑', 'menu-department');
    await page.getByTestId('department-editor').waitFor();
    await commit('department-overallGoal', '1.保障机关正常运转，依法行政。\n2.完成年度各项工作任务。');
    await expect.poll(() => page.getByTestId('department-undo').innerText()).toBe('撤销 修改总体绩效目标');
    await page.getByTestId('department-undo').click();
    await expect.poll(() => page.getByTestId('department-overallGoal').inputValue()).toBe('');
    await page.getByTestId('department-redo').click();
    await expect.poll(() => page.getByTestId('department-overallGoal').inputValue()).toBe('1.保障机关正常运转，依法行政。\n2.完成年度各项工作任务。');
    await commit('department-safeguards', '1.加强组织领导。');

    await page.getByTestId('department-mode-table').check();
    await page.getByTestId('department-table').waitFor();
    await commit('department-cell-0-duty', '保障政府机关正常运转');
    await commit('department-cell-0-task', '政府运行保障');
    await commit('department-cell-0-indicator', '保障在职人员数量');
    await commit('department-cell-0-value', '>=45人');
    await page.getByTestId('department-add-indicator-0').click();
    await expect.poll(() => page.locator('[data-testid="department-table"] tbody tr').count()).toBe(2);
    await commit('department-cell-1-indicator', '公文按时办结率');
    await commit('department-cell-1-value', '≥98%');
    // DEP-05: the operator spelling is reported with what to write.
    await expect.poll(() => page.getByTestId('department-findings').innerText()).toContain('应写作“≥45人”');
    await screenshot(page, 'document-01-department-editor');
    await page.getByTestId('department-undo').click();
    await expect.poll(() => page.getByTestId('department-cell-1-value').inputValue()).toBe('');
    await page.getByTestId('department-redo').click();
    await expect.poll(() => page.getByTestId('department-cell-1-value').inputValue()).toBe('≥98%');
    await page.getByTestId('department-close').click();

    await menu('文件', 'menu-export-document');
    await page.getByTestId('document-export').waitFor();
    await page.getByTestId('document-reviewer').fill('永宁县财政局审核');
    const frame = await (await page.getByTestId('document-frame').elementHandle())!.contentFrame();
    await expect.poll(() => frame!.evaluate(() => document.body.innerText.includes('永宁县财政局审核'))).toBe(true);
    const count = Number(await page.getByTestId('document-frame').getAttribute('data-page-count'));
    expect(await page.getByTestId('document-page-count').innerText()).toBe(`共 ${count} 页`);
    expect(await frame!.evaluate(() => document.querySelectorAll('section.page').length)).toBe(count);
    const toc = await frame!.evaluate(() => Array.from(document.querySelectorAll('.toc-line'), (l) => (l as HTMLElement).innerText.replace(/\s+/g, '')));
    expect(toc[0]).toMatch(/^第一部分部门整体绩效目标1$/);
    await screenshot(page, 'document-02-export-preview');

    const pdf = path.join(env.dir, '绩效文本.pdf');
    env.answers.saveDocument!.push(pdf);
    await page.getByTestId('document-pdf').click();
    await expect.poll(() => existsSync(pdf), { timeout: 90_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('statusbar').innerText(), { timeout: 30_000 }).toContain('已导出绩效文本');
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(count);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('保障政府机关正常运转');
    expect(text).toContain('永宁县财政局审核');

    const docx = path.join(env.dir, '绩效文本.docx');
    env.answers.saveDocument!.push(docx);
    await page.getByTestId('document-docx').click();
    await expect.poll(() => existsSync(docx), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('statusbar').innerText(), { timeout: 30_000 }).toContain('.docx');
    const xml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']);
    expect(xml).toContain('公文按时办结率');
    expect(env.dialogs.asked.filter((d) => d === 'saveDocument')).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('imports last year\'s published document (.docx) from the start page: 23 tables and its 分项绩效目标 table', async () => {
    const fixture = path.join(env.dir, '怀来官厅镇2024绩效文本.docx');
    writeFileSync(fixture, await buildGuantingDocx('table'));
    env.answers.openXlsx!.push(fixture);
    await page.getByTestId('start-import').click();
    await page.getByTestId('table-item').first().waitFor({ timeout: 60_000 });
    const dialog = page.getByTestId('dialog-message');
    if (await dialog.count()) await dialog.getByRole('button', { name: '确定' }).click();
    expect(await page.getByTestId('table-item').count()).toBe(23);
    await menu('编辑', 'menu-department');
    await page.getByTestId('department-editor').waitFor();
    expect(await page.getByTestId('department-overallGoal').inputValue()).toContain('5.内设机构：党政综合办公室');
    expect(await page.getByTestId('department-mode-table').isChecked()).toBe(true);
    expect(await page.getByTestId('department-cell-0-duty').inputValue()).toBe('保障政府机关正常运转，依法行政，提升政务服务水平');
    expect(await page.locator('[data-testid="department-table"] tbody tr').count()).toBe(10);
    await screenshot(page, 'document-03-imported-department');
    expect(errors).toEqual([]);
  });
});
