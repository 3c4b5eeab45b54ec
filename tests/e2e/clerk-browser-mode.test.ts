import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BrowserHost, BrowserHostOptions } from '../../electron/dev/browser-host';
import { scriptedDialogs } from '../../electron/host/dialogs';
import { exportXlsxFile } from '../../electron/services/import-service';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { cellLocator, launchBrowser, screenshot } from '../helpers/e2e-app';
import { openSample } from '../helpers/e2e-clerk';
import { ensureRendererBuilt } from '../helpers/e2e-setup';
import { tempDir } from '../helpers/temp-dir';
import { RENDERER_DIR } from '../helpers/e2e-server';
import { sampleProject } from '../helpers/xlsx-sample-project';

/**
 * Issue 11, failures 9, 10 and 11, in real browser mode (electron/dev/browser-host.ts, as
 * `npm start` runs it without Electron): a file picker and drag & drop that upload to the local
 * host (an uploaded file has no path, so 保存 asks 另存为); the embedded sample opens as an
 * untitled copy and its installation folder is never written; closing with unsaved work asks.
 */
let browser: Browser;
let host: BrowserHost;
let page: Page;
let dir: string;
let install: string;
let answers: { saveProject: (string | null)[] };
let dialogs: ReturnType<typeof scriptedDialogs>;
let errors: string[];

/**
 * The host as `npm start` runs it: the BUILT module (dist/electron; its xlsx services are loaded
 * with require at run time, which only resolves in the build). Built here when missing.
 */
function startHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const root = path.resolve(__dirname, '../..');
  const built = path.join(root, 'dist/electron/dev/browser-host.js');
  if (!existsSync(built)) execSync('npx tsc -p electron/tsconfig.json', { cwd: root, stdio: 'inherit' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(built) as { startBrowserHost: (o: BrowserHostOptions) => Promise<BrowserHost> };
  return mod.startBrowserHost(options);
}

beforeAll(async () => {
  ensureRendererBuilt();
  browser = await launchBrowser();
});
afterAll(async () => { await browser?.close(); });

beforeEach(async () => {
  dir = tempDir('jxmb-browser-mode-');
  install = path.join(dir, 'install', 'resources');
  await fs.mkdir(install, { recursive: true });
  await fs.copyFile(path.resolve(__dirname, '../../resources/sample.jxmb'), path.join(install, 'sample.jxmb'));
  answers = { saveProject: [] };
  dialogs = scriptedDialogs(answers);
  host = await startHost({ rendererDir: RENDERER_DIR, userDataDir: path.join(dir, 'userData'), samplePath: path.join(install, 'sample.jxmb'), dialogs });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  page = await context.newPage();
  errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(30_000);
  await page.goto(host.url);
  await page.getByTestId('start-page').waitFor();
});
afterEach(async () => {
  await page?.context().close();
  await host?.close();
});

const title = () => page.title();

describe('browser mode files (Chromium, real host)', () => {
  it('9: 打开 shows a real file picker; the uploaded file has no path, so 保存 asks 另存为', async () => {
    const source = path.join(dir, '上传的项目.jxmb');
    await saveProjectFile(source, sampleProject(['hebei', 'nx-2024']));
    const before = await fs.readFile(source);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('tool-打开').click()]);
    await chooser.setFiles(source);
    await expect.poll(() => page.getByTestId('table-item').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(title).toBe('上传的项目.jxmb - 绩效目标表编辑器');
    await cellLocator(page, 2, 4).click();
    await page.keyboard.type('Renamed');
    await page.keyboard.press('Enter');
    const target = path.join(dir, '另存的项目.jxmb');
    answers.saveProject.push(target);
    await page.keyboard.press('Control+s');
    await expect.poll(title).toBe('另存的项目.jxmb - 绩效目标表编辑器');
    expect(dialogs.asked).toEqual(['saveProject']);
    expect((await loadProjectFile(target)).project.tables[0].projectName).toBe('Renamed');
    expect(await fs.readFile(source)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('9: 导入Excel uploads through the picker, and a file dropped on the window opens', async () => {
    const xlsx = path.join(dir, '河北表.xlsx');
    await exportXlsxFile(sampleProject(['hebei']), xlsx);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('tool-导入Excel').click()]);
    await chooser.setFiles(xlsx);
    // (Reading a workbook runs in a worker: allow for a slow machine.)
    await expect.poll(title, { timeout: 60_000 }).toBe('河北表（导入） * - 绩效目标表编辑器');
    if (await page.getByTestId('dialog-message').count()) await page.getByTestId('dialog-message').getByRole('button').first().click();

    const dropped = path.join(dir, '拖进来的.jxmb');
    await saveProjectFile(dropped, sampleProject(['jx-2024', 'hebei', 'nx-2022']));
    const b64 = (await fs.readFile(dropped)).toString('base64');
    await page.evaluate(({ name, data }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      for (const type of ['dragenter', 'dragover']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { name: '拖进来的.jxmb', data: b64 });
    await page.getByTestId('drop-overlay').waitFor();
    await screenshot(page, 'issue11-drop-overlay');
    await page.evaluate(({ name, data }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { name: '拖进来的.jxmb', data: b64 });
    // The imported workbook is unsaved: 保存 / 不保存 / 取消 first.
    await page.getByRole('button', { name: '不保存' }).click();
    await expect.poll(() => page.getByTestId('table-item').count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(title).toBe('拖进来的.jxmb - 绩效目标表编辑器');
    expect(errors).toEqual([]);
  });

  it('10: the sample opens as an untitled copy; Ctrl+S asks 另存为 and nothing in the installation folder is written', async () => {
    const listing = async () => (await fs.readdir(install)).sort();
    const original = await fs.readFile(path.join(install, 'sample.jxmb'));
    // As `npm start` does: the host asks the page to open the sample file itself.
    host.emit('file:openRequested', { path: path.join(install, 'sample.jxmb') });
    await cellLocator(page, 1, 2).waitFor();
    await page.keyboard.press('Escape');
    await cellLocator(page, 1, 2).click();
    await page.keyboard.type('newname');
    await page.keyboard.press('Enter');
    answers.saveProject.push(path.join(install, 'sample.jxmb'));
    await page.keyboard.press('Control+s');
    await page.getByRole('dialog').getByText('不能保存到软件的安装文件夹').waitFor();
    await page.getByRole('dialog').getByRole('button').first().click();
    expect(dialogs.asked).toEqual(['saveProject']);
    const target = path.join(dir, '我的项目.jxmb');
    answers.saveProject.push(target);
    await page.keyboard.press('Control+s');
    await expect.poll(title).toBe('我的项目.jxmb - 绩效目标表编辑器');
    expect(await listing()).toEqual(['sample.jxmb']);
    expect(await fs.readFile(path.join(install, 'sample.jxmb'))).toEqual(original);
    expect((await loadProjectFile(target)).project.tables[0].projectName).toBe('newname');
    expect(errors).toEqual([]);
  });

  it('11: closing with unsaved work asks first (the browser’s prompt on Ctrl+W, 保存/不保存/取消 in the app)', async () => {
    await openSample(page);
    await cellLocator(page, 1, 2).click();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await expect.poll(title).toContain(' * ');
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); });
      page.once('close', () => resolve('closed without asking'));
    });
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.getByTestId('menu-文件').click();
    await page.getByRole('menuitem', { name: '退出' }).click();
    await page.getByRole('button', { name: '取消' }).click();
    await expect.poll(title).toContain(' * ');
    await page.getByTestId('menu-文件').click();
    await page.getByRole('menuitem', { name: '退出' }).click();
    await screenshot(page, 'issue11-close-prompt');
    await page.getByRole('button', { name: '不保存' }).click();
    await page.getByTestId('start-page').waitFor();
    expect(errors).toEqual([]);
  });
});
