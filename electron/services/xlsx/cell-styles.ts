import type ExcelJS from 'exceljs';
import type { CellStyle } from '../../../shared/families/types';
import { FORM_FONT_NAME, cellLook } from '../../../shared/layout/cell-style-table';

/**
 * The exceljs style object of each layout CellStyle, from the shared style table
 * (shared/layout/cell-style-table): 宋体 (GB2312 charset) in the table's size and weight, the
 * table's horizontal alignment, vertically centred, wrapped text, thin black borders on
 * bordered styles.
 */

const GB2312_CHARSET = 134;
const BLACK = { argb: 'FF000000' };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: BLACK };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A fresh exceljs style object for a layout style (optionally with a number format). */
export function excelStyle(style: CellStyle, numFmt?: string): Partial<ExcelJS.Style> {
  const look = cellLook(style);
  const out: Partial<ExcelJS.Style> = {
    font: { name: FORM_FONT_NAME, size: look.sizePt, bold: look.bold, charset: GB2312_CHARSET, color: BLACK },
    alignment: { horizontal: look.align, vertical: 'middle', wrapText: true },
  };
  if (look.border) out.border = BORDER;
  if (numFmt) out.numFmt = numFmt;
  return out;
}
