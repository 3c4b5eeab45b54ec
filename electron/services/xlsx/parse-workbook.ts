import ExcelJS from 'exceljs';
import type { RawWorkbook } from '../../../shared/xlsx/raw';
import { toRawWorkbook } from './exceljs-to-raw';
import type { ReadLimits } from './limits';
import { xlsxError } from './xlsx-errors';
import { prescanXlsx } from './zip-prescan';
import { writeZip } from './zip-writer';

/**
 * The whole parse of an untrusted xlsx, as run INSIDE the read worker: pre-scan and guard
 * (zip-prescan.ts), load with exceljs, convert to RawWorkbook. Throws UserError.
 */
export async function parseXlsxBuffer(buf: Buffer, fileName: string, limits: ReadLimits): Promise<RawWorkbook> {
  const pre = prescanXlsx(buf, fileName, limits);
  const input = pre.changed ? writeZip(pre.parts) : buf;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(input as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw xlsxError('XLSX_PARSE_FAILED', fileName, (e as Error)?.message?.slice(0, 200) ?? String(e));
  }
  return toRawWorkbook(wb, limits, pre.warnings);
}
