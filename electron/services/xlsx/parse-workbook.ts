import type { RawWorkbook } from '../../../shared/xlsx/raw';
import type { ReadLimits } from './limits';
import { odsColumnWidths, odsMerges, withOdsWidths } from './ods-layout';
import { addMerges, parseWithSheetJs, sheetJsToRaw } from './sheetjs-read';
import { sniffFormat, type SpreadsheetFormat } from './sniff';
import { decodeText } from './text-formats';
import { guardCfbWorkbook } from './xls-guard';
import { mb, xlsxError, type XlsxErrorCode } from './xlsx-errors';
import { prescanZip } from './zip-prescan';
import { writeStoredZip } from './zip-writer';

/**
 * The whole parse of an untrusted workbook, as run INSIDE the read worker: sniff the format by
 * content, pre-scan and guard zip formats (zip-prescan.ts), decode text formats
 * (text-formats.ts), parse with SheetJS and convert to RawWorkbook (sheetjs-read.ts).
 * Throws UserError; internal library messages never reach the user.
 */

/** The message code used when the library cannot read a file of this format. */
const UNREADABLE: Record<SpreadsheetFormat, XlsxErrorCode> = {
  xlsx: 'XLSX_PARSE_FAILED', xlsb: 'XLSX_XLSB', ods: 'XLSX_ODS', xls: 'XLSX_LEGACY_XLS', et: 'XLSX_WPS_ET', xml2003: 'XLSX_XML_2003', html: 'XLSX_HTML_AS_XLS',
};

/** Raised by the worker for the log: the user message plus the internal cause. */
export class ParseFailure extends Error {
  constructor(readonly code: XlsxErrorCode, readonly userMessage: string, readonly internal: string) {
    super(userMessage);
  }
}

function libraryInput(buf: Buffer, format: SpreadsheetFormat, fileName: string, limits: ReadLimits, entries: Parameters<typeof prescanZip>[1]) {
  if (format === 'xlsx' || format === 'xlsb' || format === 'ods') {
    const pre = prescanZip(buf, entries, fileName, limits, format === 'xlsx');
    const content = format === 'ods' ? pre.parts.find((p) => /^\/?content\.xml$/i.test(p.name)) : undefined;
    const text = content?.data.toString('utf8');
    const ods = text === undefined ? undefined : { widths: odsColumnWidths(text, limits.maxCols), merges: odsMerges(text, limits.maxRows, limits.maxCols) };
    // Parts are handed on STORED: the library does not inflate again, and sees the guarded parts.
    return { input: writeStoredZip(pre.parts) as Buffer | string, warnings: pre.warnings, ods };
  }
  if (format === 'html' || format === 'xml2003') {
    // A text workbook is one part: the per-part limit of the zip formats applies to it whole.
    if (buf.length > limits.maxPartBytes) throw xlsxError('XLSX_TOO_LARGE', fileName, `${mb(buf.length)}，上限 ${mb(limits.maxPartBytes)}`);
    return { input: decodeText(buf, fileName, format, limits), warnings: [], ods: undefined };
  }
  // .xls / .et: damage that would make the library loop is caught first (xls-guard.ts).
  return { input: guardCfbWorkbook(buf, fileName) as Buffer | string, warnings: [], ods: undefined };
}

/** Parses workbook bytes of any supported format into a RawWorkbook (see the module comment). */
export function parseWorkbookBuffer(buf: Buffer, fileName: string, limits: ReadLimits): RawWorkbook {
  const { format, entries } = sniffFormat(buf, fileName, limits);
  const { input, warnings, ods } = libraryInput(buf, format, fileName, limits, entries);
  let raw: RawWorkbook;
  try {
    const wb = parseWithSheetJs(input, limits, format === 'html', format === 'xlsb');
    if (ods) addMerges(wb, ods.merges);
    raw = sheetJsToRaw(wb, limits, warnings);
  } catch (e) {
    const err = xlsxError(UNREADABLE[format], fileName);
    throw new ParseFailure(err.code as XlsxErrorCode, err.message, (e as Error)?.stack?.slice(0, 2000) ?? String(e));
  }
  if (raw.sheets.length === 0 && (format === 'html' || format === 'et')) throw xlsxError(UNREADABLE[format], fileName);
  return ods ? { ...raw, sheets: withOdsWidths(raw.sheets, ods.widths) } : raw;
}
