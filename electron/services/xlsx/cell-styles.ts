import type ExcelJS from 'exceljs';
import type { CellStyle } from '../../../shared/families/types';

/**
 * The look of each layout CellStyle in the exported xlsx: 宋体 (SimSun) fonts, title 16pt bold,
 * labels bold 10.5pt, text 10.5pt, thin black borders on every bordered cell, wrapped text.
 */

export const FONT_NAME = '宋体';
const GB2312_CHARSET = 134;
const BLACK = { argb: 'FF000000' };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: BLACK };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface StyleSpec {
  readonly size: number;
  readonly bold: boolean;
  readonly horizontal: 'left' | 'center' | 'right';
  readonly border: boolean;
}

const SPECS: Record<CellStyle, StyleSpec> = {
  title: { size: 16, bold: true, horizontal: 'center', border: false },
  subtitle: { size: 10.5, bold: false, horizontal: 'center', border: false },
  unitLine: { size: 10.5, bold: false, horizontal: 'left', border: false },
  unitLineRight: { size: 10.5, bold: false, horizontal: 'right', border: false },
  label: { size: 10.5, bold: true, horizontal: 'center', border: true },
  labelLeft: { size: 10.5, bold: true, horizontal: 'left', border: true },
  heading: { size: 10.5, bold: true, horizontal: 'center', border: true },
  vertical: { size: 10.5, bold: true, horizontal: 'center', border: true },
  text: { size: 10.5, bold: false, horizontal: 'left', border: true },
  textCenter: { size: 10.5, bold: false, horizontal: 'center', border: true },
  amount: { size: 10.5, bold: false, horizontal: 'right', border: true },
  percent: { size: 10.5, bold: false, horizontal: 'center', border: true },
  spacer: { size: 10.5, bold: false, horizontal: 'left', border: true },
};

/** True when cells of this style carry the thin black border. */
export function isBordered(style: CellStyle): boolean {
  return SPECS[style].border;
}

/** A fresh exceljs style object for a layout style (optionally with a number format). */
export function excelStyle(style: CellStyle, numFmt?: string): Partial<ExcelJS.Style> {
  const spec = SPECS[style];
  const out: Partial<ExcelJS.Style> = {
    font: { name: FONT_NAME, size: spec.size, bold: spec.bold, charset: GB2312_CHARSET, color: BLACK },
    alignment: { horizontal: spec.horizontal, vertical: 'middle', wrapText: true },
  };
  if (spec.border) out.border = BORDER;
  if (numFmt) out.numFmt = numFmt;
  return out;
}

/**
 * Height in points of the blank rows between stacked tables: small, because they print at the foot
 * of the previous table's last page, inside the room the print plan keeps free (SAFETY_MM).
 */
export const STACK_GAP_ROW_PT = 3;

/**
 * The workbook's default font (the Normal style): Arial 11 pt. Spreadsheet programs measure column
 * widths in digits of this font; Arial (or the metric-compatible Liberation Sans) has the same
 * digit everywhere, so the printed width of the sheet is known (`SHEET_CHAR_WIDTH_MM` of
 * shared/print), unlike Calibri, which LibreOffice replaces by wider fonts where it is missing.
 * Every written cell has its own 宋体 font; this one only sizes empty cells and the width unit.
 */
export const DEFAULT_FONT_XML = '<font><sz val="11"/><name val="Arial"/><family val="2"/></font>';

/**
 * `styles.xml` as exceljs writes it with its first font (exceljs's built-in Calibri 11, the
 * Normal style) replaced by `DEFAULT_FONT_XML`. Throws when the part has no font list.
 */
export function withDefaultFont(stylesXml: string): string {
  const fonts = /<fonts\b[^>]*>/.exec(stylesXml);
  if (!fonts) throw new Error('styles.xml without <fonts>');
  const start = fonts.index + fonts[0].length;
  const end = stylesXml.indexOf('</font>', start);
  if (!stylesXml.startsWith('<font>', start) || end < 0) throw new Error('styles.xml: unexpected first font');
  return stylesXml.slice(0, start) + DEFAULT_FONT_XML + stylesXml.slice(end + '</font>'.length);
}
