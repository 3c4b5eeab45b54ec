import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FONT_XML, EXCELJS_DEFAULT_FONT_XML, finishXlsxPackage, withDefaultFont,
} from '../../electron/services/xlsx/xlsx-package-finish';

/** The one exceljs detail the export depends on: how exceljs 4.4.0 serialises its default font 0. */
describe('xlsx package finish (exceljs default font)', () => {
  it('is written against exceljs 4.4.0', () => {
    const version = (createRequire(import.meta.url)('exceljs/package.json') as { version: string }).version;
    expect(version).toBe('4.4.0');
  });

  it('replaces font 0 of what exceljs writes by Arial 11 and deflates every part, in order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1').getCell('A1').value = '文字';
    const stored = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions) as ArrayBuffer);
    expect(strFromU8(unzipSync(stored)['xl/styles.xml'])).toContain(EXCELJS_DEFAULT_FONT_XML);
    const done = finishXlsxPackage(stored);
    expect(done.length).toBeLessThan(stored.length);
    const parts = unzipSync(done);
    expect(Object.keys(parts)).toEqual(Object.keys(unzipSync(stored)));
    const styles = strFromU8(parts['xl/styles.xml']);
    expect(styles.indexOf(DEFAULT_FONT_XML)).toBe(styles.indexOf('<font>'));
    expect(styles).not.toContain('Calibri');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(done) as unknown as ExcelJS.Buffer);
    expect(back.worksheets[0].getCell('A1').value).toBe('文字');
  });

  it('refuses a styles part whose font 0 is not exceljs default font', () => {
    expect(() => withDefaultFont('<styleSheet><fonts count="1"><font><sz val="12"/></font></fonts></styleSheet>')).toThrow();
    expect(() => withDefaultFont('<styleSheet/>')).toThrow();
  });
});
