import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importXlsxFile } from '../../electron/services/import-service';
import { cellLocator, screenshot } from '../helpers/e2e-app';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';
import { ensureFixtures } from '../fixtures/build-fixtures';

/** 文件 › 保存回原表 in Chromium: an imported workbook is filled back into a copy through the menu and the report is shown. */
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

describe('回填 (Chromium)', () => {
  it('保存回原表 writes a copy of the imported workbook and shows the report', async () => {
    const set = await ensureFixtures();
    const fixture = path.join(env.dir, '原表.xlsx');
    await fs.copyFile(set.seeds.find((s) => s.seed === 's1')!.files['per-sheet']!, fixture);
    env.answers.openXlsx!.push(fixture);
    await page.getByTestId('start-import').click();
    await page.getByTestId('table-item').first().waitFor();
    const notice = page.getByTestId('dialog-message');
    if (await notice.count()) await notice.getByRole('button', { name: '确定' }).click();
    await cellLocator(page, 0, 0).waitFor();

    const out = path.join(env.dir, '原表（回填）.xlsx');
    env.answers.saveXlsx!.push(out);
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('menu-fill-source').click();
    const report = page.getByTestId('dialog-message');
    await report.waitFor();
    expect(await report.innerText()).toContain('保存回原表完成');
    expect(await report.innerText()).toContain('其余工作表、单元格、样式');
    await screenshot(page, '20-fill-report');
    await report.getByRole('button', { name: '确定' }).click();
    const back = await importXlsxFile(out);
    const first = await importXlsxFile(fixture);
    expect(back.project.tables.map((t) => t.projectName)).toEqual(first.project.tables.map((t) => t.projectName));
    expect(back.project.tables.length).toBe(12);
    expect(errors).toEqual([]);
  });
});
