import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { pdfCommand } from '../../electron/cli/pdf.command';
import { BROWSER_NOT_FOUND_MESSAGE, browserCandidates, findBrowser } from '../../electron/services/pdf-service';
import { writeProjectXlsx } from '../../electron/services/xlsx/write-workbook';
import { isUserError } from '../../shared/errors';
import type { Project } from '../../shared/model/types';
import { renderPrintHtml } from '../../shared/print';
import { projectOf, sampleTable } from '../unit/print/sample-tables';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'resources', 'sample.jxmb');
let hasBrowser = true;
try {
  findBrowser();
} catch {
  hasBrowser = false;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
  try {
    return { code: await pdfCommand.run(args, io), out, err };
  } catch (e) {
    // What the CLI entry does with a UserError (electron/cli/main.ts).
    if (isUserError(e)) return { code: 2, out, err: `${err}错误：${e.message}\n` };
    throw e;
  }
}

const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const text = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('finding a browser', () => {
  it('knows the usual install paths of Edge/Chrome on Windows and Chrome/Edge on macOS', () => {
    const win = browserCandidates('win32', { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' });
    expect(win[0]).toBe('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(win).toContain('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
    expect(browserCandidates('darwin', { HOME: '/Users/a' })[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(browserCandidates('linux', {})).toContain('/usr/bin/chromium');
  });

  it('says in Chinese when no browser is installed, or when a given path does not exist', () => {
    expect(() => findBrowser({ platform: 'win32', env: {} })).toThrow(BROWSER_NOT_FOUND_MESSAGE);
    expect(() => findBrowser({ env: { JXMB_BROWSER: '/nope/chrome' } })).toThrow('环境变量 JXMB_BROWSER 指定的浏览器程序不存在：/nope/chrome');
  });

  it('exits with 2 and a Chinese message when --browser points nowhere', async () => {
    const out = path.join(os.tmpdir(), 'jxmb-none.pdf');
    const r = await run(sample, '-o', out, '--browser', '/nope/chromium');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--browser 指定的浏览器程序不存在：/nope/chromium');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe.skipIf(!hasBrowser)('jxmb pdf', () => {
  const dir = tempDir('jxmb-pdf-');

  it('prints selected tables of a .jxmb project with the options, page count as planned', async () => {
    const out = path.join(dir, '选中.pdf');
    const r = await run(sample, '-o', out, '--tables', '1,3-4', '--hide-empty-slots', '--signature');
    expect(r.code).toBe(0);
    const project = JSON.parse(fs.readFileSync(sample, 'utf8')).project as Project;
    const expected = renderPrintHtml(project, { tables: [0, 2, 3], hideEmptySlots: true, signature: true });
    expect(r.out).toBe(`已打印 3 张表，共 ${expected.pageCount} 页 → ${out}\n`);
    expect(pages(out)).toBe(expected.pageCount);
    const t = text(out);
    for (const i of [0, 2, 3]) expect(t).toContain(project.tables[i].projectName.replace(/\s+/g, ''));
    expect(t).not.toContain(project.tables[1].projectName.replace(/\s+/g, ''));
    expect(t).toContain('单位负责人');
  });

  it('prints an xlsx workbook', async () => {
    const xlsx = path.join(dir, '导出.xlsx');
    fs.writeFileSync(xlsx, await writeProjectXlsx(projectOf([sampleTable('hebei'), sampleTable('jx-2024')])));
    const out = path.join(dir, '导出.pdf');
    const r = await run(xlsx, '-o', out);
    expect(r.code).toBe(0);
    const t = text(out);
    expect(t).toContain('官厅镇村干部工资');
    expect(t).toContain('AK替代专项经费');
    expect(t).toContain('第1页共');
  });

  it('rejects a bad --tables selection with exit 2', async () => {
    const r = await run(sample, '-o', path.join(dir, 'x.pdf'), '--tables', '40');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--tables 中的“40”无效：应为 1–32 的表序号或范围/);
  });
});
