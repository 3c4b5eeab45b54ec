import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectFile } from '../../electron/services/project-file-service';

/**
 * The core flow in the real Electron shell (main + preload + renderer): open the sample,
 * edit a cell, save with Ctrl+S (menu accelerator → menu:command), reopen. Needs the Electron
 * binary (node_modules/electron/path.txt); without it the test is reported as skipped and
 * the browser-mode e2e tests cover the same renderer and handlers.
 */

const REPO = path.resolve(__dirname, '../..');
const MAIN_JS = path.join(REPO, 'dist/electron/main/main.js');
const PATH_TXT = path.join(REPO, 'node_modules/electron/path.txt');

function electronBinary(): string | null {
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(PATH_TXT)) return null;
  // path.txt exists, so requiring electron returns the binary path and attempts no download.
  const bin = createRequire(path.join(REPO, 'package.json'))('electron') as string;
  return existsSync(bin) ? bin : null;
}

const bin = electronBinary();
if (!bin) console.log('Electron 二进制不可用 (node_modules/electron/path.txt missing): Electron e2e skipped');

let tmp: string;
let doc: string;

async function launch(file: string): Promise<{ app: ElectronApplication; page: Page }> {
  const args = [MAIN_JS, file, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const app = await _electron.launch({ executablePath: bin!, args, env: { ...process.env, JXMB_USER_DATA: path.join(tmp, 'userData') } });
  const page = await app.firstWindow();
  await page.waitForFunction(() => document.querySelectorAll('.handsontable td').length > 0, null, { timeout: 60_000 });
  return { app, page };
}

/** The grid cell showing exactly `text` (the master table, not Handsontable's clones). */
function cell(page: Page, text: string) {
  return page.locator('.ht_master td', { hasText: text }).first();
}

describe.skipIf(!bin)('Electron shell: core flow', () => {
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-electron-e2e-'));
    doc = path.join(tmp, '闽宁镇.jxmb');
    await fs.copyFile(path.join(REPO, 'resources/sample.jxmb'), doc);
  });
  afterAll(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('opens the file, edits a cell, saves with Ctrl+S and reopens it', async () => {
    const first = await launch(doc);
    try {
      const page = first.page;
      // Security: the page has the narrow API and no Node.
      expect(await page.evaluate(() => typeof (window as unknown as { jxmb?: { saveProject?: unknown } }).jxmb?.saveProject)).toBe('function');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      // A lock file marks the open document.
      expect(existsSync(path.join(tmp, '~$闽宁镇.jxmb.lock'))).toBe(true);

      // Handsontable's own editor: select the cell, F2, replace the text, Enter.
      await cell(page, '人大代表工作').click();
      await page.keyboard.press('F2');
      await page.locator('textarea.handsontableInput').fill('人大代表履职');
      await page.keyboard.press('Enter');
      await expect.poll(() => cell(page, '人大代表履职').count()).toBe(1);
      await page.keyboard.press('Control+S');
      await expect
        .poll(async () => (await loadProjectFile(doc)).project.tables[0].projectName, { timeout: 60_000 })
        .toBe('人大代表履职');
    } finally {
      await first.app.close();
    }
    // Closed cleanly: the lock is released.
    expect(existsSync(path.join(tmp, '~$闽宁镇.jxmb.lock'))).toBe(false);

    const second = await launch(doc);
    try {
      await expect.poll(() => cell(second.page, '人大代表履职').count(), { timeout: 60_000 }).toBe(1);
    } finally {
      await second.app.close();
    }
  });
});
