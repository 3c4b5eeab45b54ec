/**
 * Issue 14, messages: what a user sees is Chinese, names the file and the part or cell, says
 * what to do; exception texts and stacks go to the log file the message points to.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { hasEnglishInternals, loggedCause, sanitizeUserMessage, setLogDirectory } from '../../electron/services/internal-log';
import { describeFsError, loadProjectFile } from '../../electron/services/project-file-service';
import { readWorkbookBuffer, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import { serializeProject } from '../../shared/file/project-file';
import { createProject } from '../../shared/model/create';
import { partNameForMessage } from '../../electron/services/part-name';
import { buildCfb, buildZip } from '../helpers/hostile-zip';

const dir = mkdtempSync(join(tmpdir(), 'jxmb-msg-'));
setLogDirectory(join(dir, 'logs'));
const LOG = join(dir, 'logs', 'jxmb.log');
afterAll(async () => {
  await shutdownReadWorker();
  delete process.env.JXMB_LOG_FILE;
  rmSync(dir, { recursive: true, force: true });
});

async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('English internals are recognized', () => {
  it.each([
    'A Cell needs a Row', "Cannot set properties of undefined (setting 'sheetNo')", "（reading 'richText'）",
    'Invalid row number in model', '2:2305: disallowed character.', 'Expected double-quoted property name in JSON at position 52',
  ])('%s', (m) => expect(hasEnglishInternals(m)).toBe(true));

  it.each([
    '文件“a.xlsx”是旧版 Excel 97-2003 (.xls) 文件：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿 (.xlsx)”后再导入',
    '文件“a.ods”是 OpenDocument 表格 (.ods)', '部件 xl/workbook.xml 含有 DOCTYPE/ENTITY 声明', '请用 Excel/WPS 打开',
  ])('not in our own message: %s', (m) => expect(hasEnglishInternals(m)).toBe(false));
});

describe('messages point to the log instead of carrying internals', () => {
  it('a workbook the parser chokes on (an .xls whose Workbook stream is empty): Chinese, file named, what to do, log has the details', async () => {
    const m = await messageOf(readWorkbookBuffer(buildCfb(['Workbook']), '单位报表.xls'));
    expect(hasEnglishInternals(m)).toBe(false);
    expect(m).toMatch(/“单位报表\.xls”.*另存为“Excel 工作簿 \(\.xlsx\)”/);
    expect(m).toContain(LOG);
    expect(readFileSync(LOG, 'utf8')).toMatch(/单位报表\.xls/);
  });

  it('a .jxmb with broken JSON names the file and the line and column', async () => {
    const file = join(dir, '坏.jxmb');
    const text = serializeProject(createProject());
    writeFileSync(file, text.replace('"version"', '"version" ,,'));
    const m = await messageOf(loadProjectFile(file));
    expect(m).toMatch(/“坏\.jxmb”.*第 \d+ 行第 \d+ 列附近.*\.bak/);
    expect(hasEnglishInternals(m)).toBe(false);
  });

  it('a .jxmb with a field of the wrong type names the field in Chinese terms', async () => {
    const file = join(dir, '类型.jxmb');
    const doc = JSON.parse(serializeProject(createProject())) as { project: { meta: { unitName: unknown } } };
    doc.project.meta.unitName = 42;
    writeFileSync(file, JSON.stringify(doc));
    const m = await messageOf(loadProjectFile(file));
    expect(m).toMatch(/“类型\.jxmb”.*unitName.*应为文字/);
    expect(hasEnglishInternals(m)).toBe(false);
  });

  it('an unexpected file-system error gives its code and the log, not the exception text', () => {
    const e = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    const m = describeFsError(e, '/x/项目.jxmb', '读取').message;
    expect(m).toMatch(/无法读取“项目\.jxmb”：系统错误 EIO；详情已记入日志/);
    expect(hasEnglishInternals(m)).toBe(false);
    expect(readFileSync(LOG, 'utf8')).toContain('i/o error');
  });

  it('the last guard keeps the Chinese and moves the English to the log', () => {
    const m = sanitizeUserMessage('无法解析文件“a.xlsx”（Cannot read properties of undefined (reading \'comments\')）：请另存为 .xlsx 再导入', 'test');
    expect(m).toMatch(/^无法解析文件“a\.xlsx”：请另存为 \.xlsx 再导入（详情已记入日志/);
    expect(hasEnglishInternals(m)).toBe(false);
    expect(loggedCause('x', new TypeError('boom'))).toMatch(/^详情已记入日志/);
  });

  it('a value of megabytes quoted back is cut, and checking the message stays linear (fuzz case seed 7 #2616)', async () => {
    const file = join(dir, '版本.jxmb');
    const doc = JSON.parse(serializeProject(createProject())) as { version: unknown };
    doc.version = 'x'.repeat(5_000_000);
    writeFileSync(file, JSON.stringify(doc));
    let err = '';
    const code = await main(['inspect', file], { stdout: () => undefined, stderr: (t) => { err += t; } });
    expect(code).toBe(2);
    expect(err.length).toBeLessThan(2_500);
    expect(err).toMatch(/“版本\.jxmb”.*格式版本无效/);
    expect(hasEnglishInternals(`${'x'.repeat(3_000_000)} y`)).toBe(false);
  });

  it('the CLI: a bad settings file is named with line and column; no stack ever', async () => {
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, '{\n  "rules": {,}\n}');
    const project = join(dir, 'p.jxmb');
    writeFileSync(project, serializeProject(createProject()));
    let err = '';
    const code = await main(['validate', project, '--settings', settings], { stdout: () => undefined, stderr: (t) => { err += t; } });
    expect(code).toBe(2);
    expect(err).toMatch(/settings\.json.*第 2 行第 \d+ 列附近/);
    expect(hasEnglishInternals(err)).toBe(false);
  });
});

describe('a damaged package names a part with any bytes (fuzz seed 2026: 10 of 10,000 cases)', () => {
  // A part name of random bytes whose declared size is over the part limit: the message quoted the
  // raw bytes, so it carried undecodable characters and looked like internals.
  const garbage = Buffer.from([0xc3, 0x28, 0x0d, 0x0a, 0x1b, 0x5b, 0x32, 0x4a, 0x80, 0xff, 0x41, 0x7e]).toString('latin1');
  const big = { name: garbage, data: 'x', declaredSize: 900 * 1024 * 1024 };

  it.each([
    ['绩效文本.docx', buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, big, { name: 'word/document.xml', data: '<w:document/>' }])],
    ['单位报表.xlsx', buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, big, { name: 'xl/workbook.xml', data: '<workbook/>' }])],
  ])('%s: exit 2, the file named, the part called 名称已损坏的部件, no raw bytes', async (name, bytes) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    let err = '';
    const code = await main(['inspect', file], { stdout: () => {}, stderr: (s: string) => { err += s; } });
    expect(code).toBe(2);
    expect(err).toContain(`“${name}”`);
    expect(err).toContain('名称已损坏的部件');
    expect(err).not.toContain(garbage);
    expect(hasEnglishInternals(err)).toBe(false);
  });

  it('readable part names are shown as they are, long ones cut', () => {
    expect(partNameForMessage('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(partNameForMessage('word/媒体/图1.png')).toBe('word/媒体/图1.png');
    expect(partNameForMessage(`xl/${'a'.repeat(100)}.xml`)).toHaveLength(61);
    expect(partNameForMessage('')).toBe('名称已损坏的部件');
  });
});
