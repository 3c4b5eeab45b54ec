import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import type { RawWorkbook } from '../../shared/xlsx/raw';
import { readWorkbookBuffer, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import {
  billionLaughs, encryptedXlsx, htmlAsXls, jxmbAsXlsx, legacyXls, odsFile, overlappingMerges, randomBytes,
  refsBeyondLimits, wholeSheetMerge, zipBomb,
} from '../helpers/hostile-files';
import { buildCfb } from '../helpers/hostile-zip';

/** A normal small workbook built with exceljs (the control import). */
async function normalXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目表');
  ws.getCell('A1').value = '2024年部门项目支出预算绩效目标表';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '项目名称';
  ws.getCell('C2').value = '农村道路养护';
  ws.getCell('D5').value = 15.96;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rejection(buf: Buffer, name: string): Promise<{ code: string; message: string }> {
  try {
    await readWorkbookBuffer(buf, name);
  } catch (e) {
    expect(isUserError(e), `not a UserError: ${String(e)}`).toBe(true);
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error(`${name} was accepted`);
}

async function expectNormalImportWorks(): Promise<void> {
  const raw = await readWorkbookBuffer(await normalXlsx(), 'normal.xlsx');
  expect(raw.sheets[0].rows[1][2]?.value).toBe('农村道路养护');
  expect(raw.sheets[0].rows[4][3]?.value).toBe(15.96);
}

afterAll(() => shutdownReadWorker());

describe('hostile and wrong-format files are rejected with a specific Chinese message', () => {
  const cases: [string, () => Buffer | Promise<Buffer>, string, string, RegExp][] = [
    ['empty file', () => Buffer.alloc(0), 'empty.xlsx', 'XLSX_EMPTY_FILE', /空文件/],
    ['random bytes', () => randomBytes(), 'random.xlsx', 'XLSX_UNKNOWN_FORMAT', /无法识别/],
    ['encrypted xlsx', encryptedXlsx, 'secret.xlsx', 'XLSX_ENCRYPTED', /已加密.*取消密码.*\.xlsx/],
    ['.xls container without a readable workbook stream', legacyXls, 'old.xls', 'XLSX_LEGACY_XLS', /Excel 97-2003 \(\.xls\).*另存为/],
    ['WPS .et (by content marker)', () => buildCfb(['Workbook', 'ETExtData']), 'table.xlsx', 'XLSX_WPS_ET', /WPS 表格 \(\.et\)/],
    ['WPS .et (by extension)', legacyXls, '绩效表.et', 'XLSX_WPS_ET', /WPS.*另存为/],
    ['.ods without readable content', odsFile, 'sheet.ods', 'XLSX_ODS', /OpenDocument/],
    ['.jxmb given as xlsx', jxmbAsXlsx, 'project.xlsx', 'XLSX_JXMB_AS_XLSX', /项目文件 \(\.jxmb\).*打开项目/],
    ['truncated zip', async () => { const b = await normalXlsx(); return b.subarray(0, Math.floor(b.length / 2)); }, 'cut.xlsx', 'XLSX_CORRUPT', /损坏或不完整/],
    ['zip bomb, honest sizes', () => zipBomb(false), 'bomb.xlsx', 'XLSX_ZIP_BOMB', /压缩比/],
    ['zip bomb, lying sizes', () => zipBomb(true), 'bomb2.xlsx', 'XLSX_ZIP_BOMB', /实际超过/],
    ['billion laughs', billionLaughs, 'lol.xlsx', 'XLSX_XML_DTD', /DOCTYPE\/ENTITY/],
  ];

  it.each(cases)('%s', async (_label, build, name, code, message) => {
    const buf = await build();
    const err = await rejection(buf, name);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(name);
  });

  it('the zip bomb is about 1 MB and declares about 1 GB', () => {
    const bomb = zipBomb(false);
    expect(bomb.length).toBeGreaterThan(900_000);
    expect(bomb.length).toBeLessThan(1_300_000);
  });

  it('HTML saved as .xls (what finance systems export) is read, not refused', async () => {
    const raw = await readWorkbookBuffer(htmlAsXls(), 'export.xls');
    expect(raw.sheets[0].rows[0][0]?.value).toBe('项目名称');
  });

  it('a later normal import still works', async () => {
    await expectNormalImportWorks();
  });
});

describe('hostile structures are defused and read with warnings', () => {
  it('a 2 KB file with one whole-sheet merge is read without expanding the merge', async () => {
    const buf = wholeSheetMerge();
    expect(buf.length).toBeLessThan(2500);
    const raw: RawWorkbook = await readWorkbookBuffer(buf, 'merge.xlsx');
    expect(raw.sheets[0].rows).toEqual([[{ value: '项目名称' }]]);
    expect(raw.sheets[0].merges).toEqual([]);
    expect(raw.warnings.map((w) => w.message).join('\n')).toMatch(/合并区域 A1:XFD1048576 过大/);
  });

  it('overlapping merges: the first is kept, the later one dropped with a warning', async () => {
    const raw = await readWorkbookBuffer(overlappingMerges(), 'overlap.xlsx');
    expect(raw.sheets[0].merges).toEqual([{ row: 0, col: 0, rowspan: 2, colspan: 2 }]);
    expect(raw.sheets[0].rows[2][0]?.value).toBe('第三行');
    expect(raw.warnings.some((w) => /B2:C3 与 A1:B2 重叠/.test(w.message))).toBe(true);
  });

  it('cells and merges beyond the sheet limits are dropped with warnings', async () => {
    const raw = await readWorkbookBuffer(refsBeyondLimits(), 'beyond.xlsx');
    expect(raw.sheets[0].rows[0][0]?.value).toBe('项目名称');
    const text = raw.warnings.map((w) => `${w.cell ?? ''} ${w.message}`).join('\n');
    expect(text).toMatch(/XFE1 .*超出 Excel 工作表范围/);
    expect(text).toMatch(/A1048577 .*超出 Excel 工作表范围/);
    expect(raw.sheets[0].merges.every((m) => m.col + m.colspan <= raw.sheets[0].rows[0].length)).toBe(true);
  });

  it('rows past the read limit are cut with a warning', async () => {
    const raw = await readWorkbookBuffer(await normalXlsx(), 'normal.xlsx', { maxRows: 2 });
    expect(raw.sheets[0].rows.length).toBe(2);
    expect(raw.warnings.some((w) => /只读取前 2 行/.test(w.message))).toBe(true);
  });
});

describe('the parse worker is isolated', () => {
  it('a parse that exceeds the time limit is stopped with a clear message', async () => {
    const err = await (async () => {
      // A fresh parse process takes far longer than 1 ms to start, so the limit always strikes first.
      await shutdownReadWorker();
      try { await readWorkbookBuffer(await normalXlsx(), 'slow.xlsx', { timeoutMs: 1 }); } catch (e) { return e as { code: string; message: string }; }
      throw new Error('accepted');
    })();
    expect(err.code).toBe('XLSX_PARSE_TIMEOUT');
    expect(err.message).toMatch(/超时/);
    await expectNormalImportWorks();
  });

  it('a worker that runs out of memory gives a clear message and the process lives on', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    for (let r = 1; r <= 3000; r++) for (let c = 1; c <= 60; c++) ws.getCell(r, c).value = `第${r}行第${c}列的一些文字内容`;
    const big = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await (async () => {
      try { await readWorkbookBuffer(big, 'big.xlsx', { workerMemoryMb: 24, timeoutMs: 60_000 }); } catch (e) { return e as { code: string; message: string }; }
      throw new Error('accepted');
    })();
    expect(err.code).toBe('XLSX_PARSE_OUT_OF_MEMORY');
    expect(err.message).toMatch(/内存不足/);
    await expectNormalImportWorks();
  });
});

const DIST_READER = join(__dirname, '..', '..', 'dist', 'electron', 'services', 'xlsx', 'read-workbook.js');

describe.skipIf(!existsSync(DIST_READER))('the compiled reader (dist/, after npm run build:node)', () => {
  it('starts its worker from JS and reads / rejects files in a plain Node process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jxmb-dist-'));
    try {
      writeFileSync(join(dir, 'ok.xlsx'), await normalXlsx());
      writeFileSync(join(dir, 'merge.xlsx'), wholeSheetMerge());
      writeFileSync(join(dir, 'bomb.xlsx'), zipBomb(true));
      const code = `const { readWorkbookFile } = require(${JSON.stringify(DIST_READER)});
        (async () => { for (const f of ['ok.xlsx', 'merge.xlsx', 'bomb.xlsx']) {
          try { const wb = await readWorkbookFile(require('path').join(${JSON.stringify(dir)}, f)); console.log(f, 'ok', wb.sheets[0].rows[0][0].value); }
          catch (e) { console.log(f, e.code); } } })();`;
      const out = execFileSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 60_000 });
      expect(out.trim().split('\n')).toEqual(['ok.xlsx ok 2024年部门项目支出预算绩效目标表', 'merge.xlsx ok 项目名称', 'bomb.xlsx XLSX_ZIP_BOMB']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
