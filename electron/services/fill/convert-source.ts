/**
 * Fill of a workbook that is not .xlsx (.xls, WPS .et, .ods, .xlsb): the bytes are converted to
 * .xlsx with the reader's library (SheetJS, electron/services/xlsx/sheetjs-read.ts) and filled as
 * such; the result is .xlsx and the report says so. Cell values, formulas, merges, column widths
 * and row heights come along; fonts, borders and fills do not (SheetJS community edition).
 */
import { UserError } from '../../../shared/errors';
import type { FillNotice } from '../../../shared/fill/edits';
import { resolveLimits } from '../xlsx/limits';
import { parseWithSheetJs, writeXlsxWithSheetJs } from '../xlsx/sheetjs-read';
import { sniffFormat, type SpreadsheetFormat } from '../xlsx/sniff';

const NAMES: Partial<Record<SpreadsheetFormat, string>> = { xls: 'Excel 97-2003 (.xls)', et: 'WPS (.et)', ods: 'OpenDocument (.ods)', xlsb: 'Excel 二进制 (.xlsb)' };

/** The spreadsheet format of workbook bytes (throws the reader's UserError for what is none). */
export function workbookFormat(bytes: Buffer, name: string): SpreadsheetFormat {
  return sniffFormat(bytes, name, resolveLimits()).format;
}

/**
 * The bytes as .xlsx: unchanged when they are .xlsx, converted otherwise (with a notice).
 * @throws UserError (FILL_FORMAT) for SpreadsheetML 2003 and HTML tables (not converted).
 */
export function asXlsx(bytes: Buffer, name: string, notices: FillNotice[]): { bytes: Buffer; name: string } {
  const format = workbookFormat(bytes, name);
  if (format === 'xlsx') return { bytes, name };
  const label = NAMES[format];
  if (!label) throw new UserError('FILL_FORMAT', `“${name}”是网页或 XML 表格，不能直接回填；请在 Excel/WPS 中另存为 .xlsx 后再回填`);
  const wb = parseWithSheetJs(bytes, resolveLimits(), false, format === 'xlsb');
  notices.push({ level: 'warning', message: `“${name}”是 ${label} 格式，已转换为 .xlsx 后回填：单元格、公式、合并、列宽和行高保留，字体、边框、底色等样式未能保留，请核对` });
  return { bytes: writeXlsxWithSheetJs(wb), name: name.replace(/\.[^.]*$/, '') + '.xlsx' };
}
