import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import type { RawWorkbook } from '../../shared/xlsx/raw';
import { readWorkbookBuffer, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import {
  absolutePaths, dateCell, duplicatePart, flippedByte, guardBypasses, hugeColumns, invalidUtf8Inline, invalidUtf8Strings, missingSheetPart,
  odsRepeatBomb, phoneticRuns, prefixedXml, relativePaths, sharedStringBomb, uncachedFormula, utf16Parts, wholeColumnNames,
} from '../helpers/quirk-files';

/**
 * Real-Excel quirks of issue 14, each read through the production reader (worker, pre-scan,
 * SheetJS): the data comes out right, or the problem is reported naming the part or cell.
 */

afterAll(() => shutdownReadWorker());

const values = (wb: RawWorkbook, sheet = 0) => wb.sheets[sheet].rows.map((r) => r.map((c) => c?.value ?? null));

async function rejection(buf: Buffer, name: string): Promise<{ code: string; message: string }> {
  try {
    await readWorkbookBuffer(buf, name);
  } catch (e) {
    expect(isUserError(e), `not a UserError: ${String(e)}`).toBe(true);
    return e as { code: string; message: string };
  }
  throw new Error(`${name} was accepted`);
}

/** No English words or exception fragments in a user message. */
function expectChineseOnly(message: string): void {
  expect(message).not.toMatch(/Cannot|undefined|Error|reading '|\bat\b/);
}

describe('real Excel features read as Excel shows them', () => {
  it('rich text with a phonetic run (rPh) and an inline string with phoneticPr read as their plain text', async () => {
    const wb = await readWorkbookBuffer(phoneticRuns(), 'phonetic.xlsx');
    expect(values(wb)).toEqual([['项目名称', '农村道路养护'], ['绩效目标', '提高通行能力']]);
    expect(wb.warnings).toEqual([]);
  });

  it('whole-column filter, print-area and print-title names are never expanded into cells', async () => {
    const started = performance.now();
    const wb = await readWorkbookBuffer(wholeColumnNames(), 'names.xlsx');
    expect(values(wb)).toEqual([['项目名称', '农村道路养护']]);
    // Expanding $A:$G would be 7 million cells; a bounded read is far below the worker's 30 s limit.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('worksheet XML with an x: namespace prefix: values, merges and widths', async () => {
    const wb = await readWorkbookBuffer(prefixedXml(), 'prefixed.xlsx');
    expect(values(wb)).toEqual([['项目名称', '农村道路养护', null], [15.96, null, null]]);
    expect(wb.sheets[0].merges).toEqual([{ row: 0, col: 1, rowspan: 1, colspan: 2 }]);
    expect(wb.sheets[0].colWidths[0]).toBe(20);
  });

  it('parts referenced by absolute paths (workbook, sheet, comments) are resolved', async () => {
    const wb = await readWorkbookBuffer(absolutePaths(), 'absolute.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['项目表']);
    expect(values(wb)).toEqual([['项目名称', '农村道路养护']]);
  });

  it('relative part paths (../xl/…, ./…) are resolved against the workbook part', async () => {
    const wb = await readWorkbookBuffer(relativePaths(), 'relative.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['表一', '表二']);
    expect([values(wb, 0)[0][1], values(wb, 1)[0][1]]).toEqual(['甲项目', '乙项目']);
  });

  it('UTF-16 worksheet and sharedStrings parts are read', async () => {
    const wb = await readWorkbookBuffer(utf16Parts(), 'utf16.xlsx');
    expect(values(wb)).toEqual([['项目名称', '农村道路养护']]);
  });
});

describe('damaged files are reported by part or cell, never silently wrong', () => {
  it('invalid UTF-8 in sharedStrings: the cell that uses the string is named', async () => {
    const wb = await readWorkbookBuffer(invalidUtf8Strings(), 'badutf8.xlsx');
    const w = wb.warnings.find((x) => x.cell === 'B2');
    expect(w?.sheet).toBe('项目表');
    expect(w?.message).toMatch(/单元格 B2 .*无效编码/);
    expect(values(wb)[0][0]).toBe('项目名称');
  });

  it('invalid UTF-8 inside a worksheet cell: that cell is named', async () => {
    const wb = await readWorkbookBuffer(invalidUtf8Inline(), 'badinline.xlsx');
    expect(wb.warnings).toEqual([expect.objectContaining({ sheet: '项目表', cell: 'C3', message: expect.stringMatching(/单元格 C3 .*无效编码/) })]);
    expect(values(wb)[2][1]).toBe('单位');
  });

  it('a flipped byte (CRC mismatch) is refused naming the part', async () => {
    const err = await rejection(flippedByte(), 'flipped.xlsx');
    expect(err.code).toBe('XLSX_CORRUPT');
    expect(err.message).toMatch(/flipped\.xlsx.*xl\/sharedStrings\.xml.*校验/);
    expectChineseOnly(err.message);
  });

  it('two entries with the same name are refused naming the part (the later one does not silently win)', async () => {
    const err = await rejection(duplicatePart(), 'dup.xlsx');
    expect(err.code).toBe('XLSX_DUPLICATE_PART');
    expect(err.message).toMatch(/dup\.xlsx.*xl\/worksheets\/sheet1\.xml.*两次/);
  });

  it('a sheet listed without its part is reported by sheet and part name; the other sheets are read', async () => {
    const wb = await readWorkbookBuffer(missingSheetPart(), 'missing.xlsx');
    expect(values(wb)).toEqual([['项目名称', '农村道路养护']]);
    const w = wb.warnings.find((x) => x.sheet === '第二个项目');
    expect(w?.message).toMatch(/「第二个项目」缺少.*xl\/worksheets\/sheet2\.xml/);
  });

  it('a formula without a cached value is reported by cell and read as blank (never computed)', async () => {
    const wb = await readWorkbookBuffer(uncachedFormula(), 'formula.xlsx');
    expect(values(wb)[4][3]).toBeNull();
    expect(values(wb)[5][3]).toBe(2);
    expect(wb.warnings).toEqual([expect.objectContaining({ sheet: '项目表', cell: 'D5', message: expect.stringMatching(/D5 是公式.*没有保存计算结果/) })]);
  });

  it('a date-typed cell is read as a date (marked), not as the number 45292 or 2024', async () => {
    const wb = await readWorkbookBuffer(dateCell(), 'date.xlsx');
    expect(wb.sheets[0].rows[0][1]).toEqual({ value: '2024-01-01', date: true });
    expect(wb.sheets[0].rows[1][1]).toEqual({ value: 2024.5, numFmt: '#,##0.00' });
  });
});

describe('hostile attribute values and guard bypasses stay bounded', () => {
  it('<col min/max> up to 99,999,999,999 (either quote style) are bounded; real widths kept', async () => {
    const started = performance.now();
    const wb = await readWorkbookBuffer(hugeColumns(), 'cols.xlsx');
    expect(values(wb)).toEqual([['项目名称', '农村道路养护']]);
    expect(wb.sheets[0].colWidths).toEqual([12, 30]);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('single-quoted attributes, a second <mergeCells> block and a sheet at an unusual path are all guarded', async () => {
    const wb = await readWorkbookBuffer(guardBypasses(), 'bypass.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['项目表', '另一表']);
    expect(values(wb, 0)).toEqual([['项目名称']]);
    expect(values(wb, 1)).toEqual([['单位名称']]);
    expect(wb.sheets.every((s) => s.merges.length === 0)).toBe(true);
    const text = wb.warnings.map((w) => `${w.sheet} ${w.message}`).join('\n');
    expect(text).toMatch(/项目表 .*A1:XFD1048576 过大/);
    expect(text).toMatch(/项目表 .*B1:XFD1000000 过大/);
    expect(text).toMatch(/另一表 .*A2:XFD1048576 过大/);
    expect(text).toMatch(/项目表 .*只读取前 5000 行/);
  });
});

describe('OpenDocument repeat counts', () => {
  it('a cell repeated 1,000,000,000 columns × 100,000,000 rows is read within the read limits', async () => {
    const wb = await readWorkbookBuffer(odsRepeatBomb(), 'repeat.ods', { maxRows: 50, maxCols: 10 });
    expect(wb.sheets[0].rows[0].slice(0, 2).map((c) => c?.value)).toEqual(['项目名称', '农村道路养护']);
    expect(wb.sheets[0].rows.length).toBeLessThanOrEqual(50);
    expect(wb.sheets[0].rows.every((r) => r.length <= 10)).toBe(true);
  });
});

describe('a shared-string bomb', () => {
  it('one 25,000-character string used by 100,000 cells: refused with a Chinese message naming the file, not expanded', async () => {
    const bomb = sharedStringBomb();
    expect(bomb.length).toBeLessThan(400_000);
    const err = await readWorkbookBuffer(bomb, 'sst-bomb.xlsx', { maxRows: 10_000, timeoutMs: 120_000 }).then(() => null, (e: Error & { code?: string }) => e);
    expect(err?.code).toBe('XLSX_TOO_LARGE');
    expect(err?.message).toMatch(/“sst-bomb\.xlsx”.*单元格内容合计/);
  });
});
