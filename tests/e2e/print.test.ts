import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadProjectFile } from '../../electron/services/project-file-service';
import { layout } from '../../shared/layout';
import type { Project } from '../../shared/model/types';
import { renderPrintHtml } from '../../shared/print/render-print-html';
import type { PrintOptions } from '../../shared/print/types';
import { validateProject } from '../../shared/validation';
import { cellLocator, screenshot } from '../helpers/e2e-app';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * 打印预览 in Chromium against the built renderer, window.jxmb bound to the real IPC handlers
 * (导出PDF through Chromium, as in browser mode): page counts against shared/print, options,
 * hostile cell text stays text in the sandboxed iframe, the PDF's pages (pdfinfo), the
 * errors-remain warning.
 */
const app = useEditorBrowser();
let env: E2eEnvironment;
let page: Page;
let errors: string[];
let sample: Project;

beforeAll(async () => {
  sample = (await loadProjectFile(path.resolve(__dirname, '../../resources/sample.jxmb'))).project;
});

beforeEach(async () => {
  env = await createE2eEnvironment();
  ({ page, errors } = await app.open(env));
  page.setDefaultTimeout(30_000);
  await page.getByTestId('start-page').waitFor();
  await page.getByTestId('start-sample').click();
  await cellLocator(page, 1, 2).waitFor();
});

const pageCount = (options: PrintOptions = {}) => renderPrintHtml(sample, options).pageCount;

/** The 「共 N 页」 text once the preview has caught up with its options. */
async function shownCount(): Promise<string> {
  const label = page.getByTestId('print-page-count');
  await expect.poll(() => label.getAttribute('data-pending')).toBe('false');
  return label.innerText();
}

/** The preview iframe's frame, after it loaded the document of `pages` pages. */
async function previewFrame(pages: number): Promise<Frame> {
  const handle = await page.getByTestId('print-frame').elementHandle();
  await expect.poll(async () => (await handle!.getAttribute('data-page-count'))).toBe(String(pages));
  const frame = await handle!.contentFrame();
  await expect.poll(() => frame!.evaluate(() => document.querySelectorAll('section.page').length)).toBe(pages);
  return frame!;
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Grid position of a table's bound cell (layout() of the table as the editor shows it). */
function cellOf(tableIndex: number, modelPath: string): { row: number; col: number } {
  const table = sample.tables[tableIndex];
  const sheet = layout(table, { fiscalYear: sample.meta.fiscalYear, unitCode: sample.meta.unitCode, unitName: sample.meta.unitName });
  const cell = sheet.cells.find((c) => c.binding?.path === modelPath);
  if (!cell) throw new Error(`no cell bound to ${modelPath}`);
  return { row: cell.row, col: cell.col };
}

describe('打印预览 (Chromium)', () => {
  it('opens from the toolbar, shows 共 N 页 as shared/print paginates, re-renders on options, zooms', async () => {
    const started = Date.now();
    await page.getByTestId('tool-打印').click();
    await page.getByTestId('print-preview').waitFor();
    // 打印 starts with the current table (issue 11); this test prints them all.
    expect(await page.getByTestId('print-scope-current').isChecked()).toBe(true);
    await page.getByTestId('print-scope-all').check();
    const all = pageCount();
    expect(await shownCount()).toBe(`共 ${all} 页`);
    let frame = await previewFrame(all);
    console.log(`打印预览 of the sample (${all} pages) shown in ${Date.now() - started} ms (click → every page in the iframe)`);
    expect(await page.getByTestId('print-frame').getAttribute('sandbox')).toBe('');
    expect(await frame.evaluate(() => document.querySelectorAll('.footer').length)).toBe(all);
    await screenshot(page, 'print-01-preview-fit-width');

    // 隐藏空白指标行 drops the sample's empty family-A slots: fewer pages.
    await page.getByTestId('print-hide-empty').check();
    const hidden = pageCount({ hideEmptySlots: true });
    expect(hidden).toBeLessThan(all);
    expect(await shownCount()).toBe(`共 ${hidden} 页`);
    await previewFrame(hidden);

    // Current table only, signature on, page numbers off.
    await page.getByTestId('print-scope-current').check();
    await page.getByTestId('print-signature').check();
    await page.getByTestId('print-page-numbers').uncheck();
    const one = pageCount({ tables: [0], hideEmptySlots: true, signature: true, pageNumbers: false });
    expect(await shownCount()).toBe(`共 ${one} 页`);
    frame = await previewFrame(one);
    // Option changes that keep the page count re-render the same number of pages: wait for the final document.
    await expect.poll(() => frame.evaluate(() => document.querySelectorAll('.footer').length)).toBe(0);
    await expect.poll(() => frame.evaluate(() => document.querySelector('.signature')?.textContent ?? '')).toContain('单位负责人');
    expect(await frame.evaluate(() => document.body.innerText)).toContain(sample.tables[0].projectName);

    // Chosen tables: 2 and 3 (1-based).
    await page.getByTestId('print-scope-chosen').check();
    const choice = page.getByTestId('print-table-choice');
    await choice.getByLabel(/^1\./).uncheck();
    await choice.getByLabel(/^2\./).check();
    await choice.getByLabel(/^3\./).check();
    expect(await shownCount()).toBe(`共 ${pageCount({ tables: [1, 2], hideEmptySlots: true, signature: true, pageNumbers: false })} 页`);

    // Zoom: 100 % makes the iframe one CSS px per px; 200 % doubles the sheet.
    await page.getByTestId('print-zoom').selectOption('100');
    const w100 = (await page.locator('.print-sheet').boundingBox())!.width;
    await page.getByTestId('print-zoom').selectOption('200');
    const w200 = (await page.locator('.print-sheet').boundingBox())!.width;
    expect(w200 / w100).toBeCloseTo(2, 2);
    await page.getByTestId('print-zoom').selectOption('100');
    await screenshot(page, 'print-02-preview-100-signature');
    await page.getByTestId('print-page-numbers').check();
    await page.getByTestId('print-zoom').selectOption('50');
    frame = await previewFrame(pageCount({ tables: [1, 2], hideEmptySlots: true, signature: true }));
    await expect.poll(() => frame.evaluate(() => document.querySelector('.footer')?.textContent ?? '')).toMatch(/^第 1 页 共 \d+ 页$/);
    await screenshot(page, 'print-03-preview-50-pages');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('print-preview').count()).toBe(0);
    // Ctrl+P opens it again, with the options kept.
    await cellLocator(page, 1, 2).click();
    await page.keyboard.press('Control+p');
    await page.getByTestId('print-preview').waitFor();
    expect(await page.getByTestId('print-signature').isChecked()).toBe(true);
    // Keys typed while the preview is open never reach the grid behind it.
    await page.keyboard.type('zz');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('print-preview').count()).toBe(0);
    expect(await page.getByTestId('status-save').innerText()).toBe('已保存');
    expect(await cellLocator(page, 1, 2).innerText()).not.toContain('zz');
    expect(errors).toEqual([]);
  });

  it('shows markup typed into a cell as text: no element is created in the sandboxed preview', async () => {
    const hostile = '<img src=x onerror="parent.__pwned=1"><b>粗体</b>';
    const { row, col } = cellOf(0, 'projectName');
    await cellLocator(page, row, col).click();
    await page.keyboard.type(hostile);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+p');
    await page.getByTestId('print-scope-current').check();
    const expected = renderPrintHtml({ ...sample, tables: [{ ...sample.tables[0], projectName: hostile }] }, { tables: [0] }).pageCount;
    expect(await shownCount()).toBe(`共 ${expected} 页`);
    const frame = await previewFrame(expected);
    expect(await frame.evaluate(() => document.querySelectorAll('img, b, script').length)).toBe(0);
    expect(await frame.evaluate(() => document.body.innerText)).toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, 'print-04-hostile-text');
    expect(errors).toEqual([]);
  });

  it('warns when errors remain (取消 / 查看问题 / 继续) and 导出PDF writes the pages of the preview', async () => {
    const errorCount = validateProject(sample).filter((f) => f.severity === 'error').length;
    expect(errorCount).toBeGreaterThan(0);
    await page.getByTestId('tool-打印').click();
    await page.getByTestId('print-scope-all').check();
    await page.getByTestId('print-hide-empty').check();
    const expected = pageCount({ hideEmptySlots: true });
    expect(await shownCount()).toBe(`共 ${expected} 页`);

    const pdf = path.join(env.dir, 'out.pdf');
    env.answers.savePdf!.push(pdf);
    await page.getByTestId('print-pdf').click();
    await page.getByTestId('dialog-errors-remain').waitFor();
    expect(await page.getByTestId('errors-remain-text').innerText()).toBe(`还有 ${errorCount} 个错误，仍要继续吗？`);
    await screenshot(page, 'print-05-errors-remain');
    await page.getByTestId('errors-cancel').click();
    await expect.poll(() => page.getByTestId('dialog-errors-remain').count()).toBe(0);
    expect(env.dialogs.asked).not.toContain('savePdf');
    await page.getByTestId('print-preview').waitFor();

    await page.getByTestId('print-pdf').click();
    await page.getByTestId('errors-continue').click();
    await expect.poll(() => existsSync(pdf), { timeout: 60_000 }).toBe(true);
    expect(pdfPages(pdf)).toBe(expected);
    await expect.poll(() => page.getByTestId('statusbar').innerText()).toContain('已导出到');

    // 查看问题 closes the preview and shows the validation panel.
    await page.getByTestId('print-pdf').click();
    await page.getByTestId('errors-problems').click();
    await expect.poll(() => page.getByTestId('print-preview').count()).toBe(0);
    await page.getByTestId('findings-panel').waitFor();
    expect(errors).toEqual([]);
  });

  it('打印 in browser mode writes the PDF of the chosen table and says how to print it', async () => {
    await page.keyboard.press('Control+p');
    await page.getByTestId('print-browser-note').waitFor();
    await page.getByTestId('print-scope-current').check();
    const expected = pageCount({ tables: [0] });
    expect(await shownCount()).toBe(`共 ${expected} 页`);
    const pdf = path.join(env.dir, 'print.pdf');
    env.answers.savePdf!.push(pdf);
    await page.getByTestId('print-print').click();
    if (validateProject(sample).some((f) => f.severity === 'error' && f.tableIndex === 0)) await page.getByTestId('errors-continue').click();
    await page.getByTestId('dialog-message').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('dialog-message').innerText()).toContain(pdf);
    expect(pdfPages(pdf)).toBe(expected);
    expect(errors).toEqual([]);
  });
});
