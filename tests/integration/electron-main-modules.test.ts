/**
 * The Electron main process loads neither exceljs nor playwright-core (nor docx, nor SheetJS)
 * before its first window shows: those load with the first export or PDF. The compiled
 * main process (dist/electron/main/main.js) runs under plain Node with a fake `electron` module
 * (tests/helpers/fake-electron.cjs), which notes the npm packages loaded when the window's show()
 * is called and ends the process. No timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const helpers = path.join(root, 'tests', 'helpers');
const mainJs = path.join(root, 'dist', 'electron', 'main', 'main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'jxmb-main-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts main with `args` and returns what the fake window saw when it was shown. */
function firstWindow(...args: string[]): { url: string; packages: string[] } {
  const trace = path.join(dir, `first-window-${args.length}.json`);
  const r = spawnSync(process.execPath, ['--require', path.join(helpers, 'trace-modules.cjs'), '--require', path.join(helpers, 'fake-electron.cjs'), mainJs, ...args], {
    encoding: 'utf8',
    env: { ...process.env, JXMB_USER_DATA: path.join(dir, 'userData'), JXMB_FIRST_WINDOW_TRACE: trace },
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  expect(existsSync(trace), `the window was never shown: ${r.stderr}`).toBe(true);
  return JSON.parse(readFileSync(trace, 'utf8')) as { url: string; packages: string[] };
}

describe('Electron main before the first window shows', () => {
  it('has loaded neither exceljs, playwright-core, docx nor SheetJS', () => {
    expect(existsSync(mainJs), 'dist missing: run npm run build:node').toBe(true);
    for (const args of [[], [path.join(root, 'resources', 'sample.jxmb')]]) {
      const seen = firstWindow(...args);
      expect(seen.url).toBe('app://jxmb/index.html');
      // The trace does see what main loads up front (zod validates every IPC call).
      expect(seen.packages).toContain('zod');
      for (const lib of ['exceljs', 'playwright-core', 'docx', '@e965/xlsx']) expect(seen.packages, `main loaded ${lib}`).not.toContain(lib);
    }
  });
});
