import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportXlsxFile, importXlsxFile } from '../../electron/services/import-service';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { FAMILY_IDS } from '../../shared/model/types';
import { cellLocator, screenshot } from '../helpers/e2e-app';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';
import { sampleProject } from '../helpers/xlsx-sample-project';

/** File flows in Chromium: save/reopen, xlsx import/export round trip, hostile text, recovery, family screenshots. */
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

async function openFile(file: string): Promise<void> {
  env.answers.openProject!.push(file);
  await page.getByTestId('start-open').click();
  await page.getByTestId('table-item').first().waitFor();
  await cellLocator(page, 0, 0).waitFor();
}

describe('files (Chromium)', () => {
  it('saves (Ctrl+S asks for a path for an unsaved document), reopens and compares', async () => {
    const source = path.join(env.dir, 'source.jxmb');
    await saveProjectFile(source, sampleProject(['hebei', 'nx-2024']));
    await openFile(source);
    await cellLocator(page, 2, 4).click();
    await page.keyboard.type('Renamed project');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('status-save').innerText()).toBe('未保存');
    const target = path.join(env.dir, 'copy.jxmb');
    env.answers.saveProject!.push(target);
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => page.getByTestId('status-save').innerText()).toBe('已保存');
    await expect.poll(() => page.title()).toBe('copy.jxmb - 绩效目标表编辑器');
    const saved = (await loadProjectFile(target)).project;
    const original = (await loadProjectFile(source)).project;
    expect(saved.tables[0].projectName).toBe('Renamed project');
    expect({ ...saved, tables: saved.tables.slice(1) }).toEqual({ ...original, tables: original.tables.slice(1) });
    expect({ ...saved.tables[0], projectName: '' }).toEqual({ ...original.tables[0], projectName: '' });

    // Ctrl+S on a saved file writes to the same path without asking
    await cellLocator(page, 2, 4).click();
    await page.keyboard.type('Second');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await loadProjectFile(target)).project.tables[0].projectName).toBe('Second');
    expect(env.dialogs.asked.filter((k) => k === 'saveProject')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('imports a fixture xlsx, exports it, and the export imports to the same project', async () => {
    const fixture = path.join(env.dir, 'fixture.xlsx');
    await exportXlsxFile(sampleProject(['nx-2024', 'hebei', 'jx-2024']), fixture);
    env.answers.openXlsx!.push(fixture);
    await page.getByTestId('start-import').click();
    await page.getByTestId('table-item').first().waitFor();
    const dialog = page.getByTestId('dialog-message');
    if (await dialog.count()) await dialog.getByRole('button', { name: '确定' }).click();
    expect(await page.getByTestId('table-item').count()).toBe(3);
    await expect.poll(() => page.title()).toBe('fixture（导入） * - 绩效目标表编辑器');

    const exported = path.join(env.dir, 'exported.xlsx');
    env.answers.saveXlsx!.push(exported);
    await page.getByTestId('tool-导出Excel').click();
    // The export asks which tables, as 打印 does (当前表 by default).
    await page.getByTestId('print-scope-all').check();
    await page.getByTestId('export-confirm').click();
    const confirm = page.getByTestId('dialog-confirm');
    await Promise.race([confirm.waitFor().catch(() => undefined), page.waitForTimeout(1500)]);
    if (await confirm.count()) {
      expect(await confirm.innerText()).toContain('错误');
      await confirm.getByRole('button', { name: '仍要导出' }).click();
    }
    await expect.poll(() => fs.stat(exported).then(() => true, () => false)).toBe(true);
    const first = await importXlsxFile(fixture);
    const second = await importXlsxFile(exported);
    expect(second.project).toEqual(first.project);
  });

  it('shows text from a file as text everywhere (no HTML injection)', async () => {
    const project = sampleProject(['nx-2022']);
    const hostile = '<img src=x onerror="window.__pwned=1"><b>粗体</b>';
    const table = { ...project.tables[0], projectName: hostile, indicators: project.tables[0].indicators.map((i, k) => (k === 0 ? { ...i, name: hostile } : i)) };
    const file = path.join(env.dir, 'hostile.jxmb');
    await saveProjectFile(file, { ...project, tables: [table] });
    await openFile(file);
    await page.waitForTimeout(300);
    expect(await cellLocator(page, 2, 1).innerText()).toBe(hostile);
    expect(await page.locator('.handsontable img, .table-list img').count()).toBe(0);
    expect(await page.locator('.handsontable b, .table-list b').count()).toBe(0);
    expect(await page.getByTestId('table-item').first().innerText()).toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, '08-hostile-text');
  });

  it('renders every family (A–E) like the printed form', async () => {
    const file = path.join(env.dir, 'families.jxmb');
    await saveProjectFile(file, sampleProject(FAMILY_IDS));
    await openFile(file);
    const letters = ['A', 'B', 'C', 'D', 'E'];
    for (let i = 0; i < FAMILY_IDS.length; i++) {
      await page.getByTestId('table-item').nth(i).click();
      await expect.poll(() => page.getByTestId('statusbar').innerText()).toContain(`${letters[i]} · `);
      await page.waitForTimeout(250);
      expect(await cellLocator(page, 0, 0).innerText()).not.toBe('');
      await screenshot(page, `09-grid-family-${letters[i]}-${FAMILY_IDS[i]}`);
    }
    expect(errors).toEqual([]);
  });

  it('autosaves a recovery copy ~1 s after edits and offers it after a crash', async () => {
    const recoveryDir = path.join(env.dir, 'recovery');
    await page.getByTestId('start-sample').click();
    await cellLocator(page, 1, 2).waitFor();
    await cellLocator(page, 1, 2).click();
    await page.keyboard.type('Crash test');
    await page.keyboard.press('Enter');
    // Only finished copies count: the atomic write's temp file sits in the same folder until its rename.
    const copies = async () => (await fs.readdir(recoveryDir).catch(() => [] as string[])).filter((f) => f.endsWith('.jxmb-recovery'));
    await expect.poll(async () => (await copies()).length, { timeout: 60_000 }).toBe(1);
    // Simulate a crash: the writer process is gone (rewrite the pid in the copy's header).
    const [name] = await copies();
    const text = await fs.readFile(path.join(recoveryDir, name), 'utf8');
    await fs.writeFile(path.join(recoveryDir, name), text.replace(/"pid":\d+/, '"pid":2147483646'));
    await page.close();

    const env2 = await createE2eEnvironment({ recoveryDir, sessionId: 'second-session' });
    const second = await app.open(env2);
    const offer = second.page.getByTestId('dialog-recovery');
    await offer.waitFor({ timeout: 60_000 });
    await screenshot(second.page, '10-dialog-recovery');
    await offer.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => cellLocator(second.page, 1, 2).innerText()).toBe('Crash test');
    await expect.poll(() => second.page.getByTestId('status-save').innerText()).toBe('未保存');
    await expect.poll(async () => (await fs.readdir(recoveryDir)).filter((f) => f.startsWith('e2e-session')).length).toBe(0);
  });
});
