import { strFromU8, unzipSync } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import { assembleZip } from './zip-writer';

/**
 * The one thing exceljs cannot write: the workbook's default (Normal style) font. exceljs 4.4.0
 * always writes Calibri 11 as font 0; we need Arial 11 (see DEFAULT_FONT_XML). exceljs writes
 * the package stored (its JavaScript deflate is slow); this module reads it with fflate, swaps
 * font 0 of `xl/styles.xml` and deflates every part with Node's native zlib, keeping the part
 * order. (fflate's own deflate costs twice the CPU and writes 4 % larger files.)
 */

/**
 * The workbook's default font (the Normal style): Arial 11 pt. Spreadsheet programs measure column
 * widths in digits of this font; Arial (or the metric-compatible Liberation Sans) has the same
 * digit everywhere, so the printed width of the sheet is known (`SHEET_CHAR_WIDTH_MM` of
 * shared/print), unlike Calibri, which LibreOffice replaces by wider fonts where it is missing.
 * Every written cell has its own 宋体 font; this one only sizes empty cells and the width unit.
 */
export const DEFAULT_FONT_XML = '<font><sz val="11"/><name val="Arial"/><family val="2"/></font>';

/** Font 0 exactly as exceljs 4.4.0 serialises it (styles-xform.js, `_addFont` of the default font). */
export const EXCELJS_DEFAULT_FONT_XML = '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';

const STYLES_PART = 'xl/styles.xml';
/** zlib's deflate level for the parts (its default trade-off). */
const DEFLATE_LEVEL = 6;

/**
 * `styles.xml` with its first font element (inside `<fonts>`) replaced by `DEFAULT_FONT_XML`.
 * Throws when font 0 is not exceljs's default font (an exceljs upgrade changed it: check this
 * module against the new version).
 */
export function withDefaultFont(stylesXml: string): string {
  const fonts = stylesXml.indexOf('<fonts ');
  const first = fonts < 0 ? -1 : stylesXml.indexOf('<font>', fonts);
  if (first < 0 || !stylesXml.startsWith(EXCELJS_DEFAULT_FONT_XML, first)) {
    throw new Error('styles.xml: font 0 is not exceljs 4.4.0 default font');
  }
  return stylesXml.slice(0, first) + DEFAULT_FONT_XML + stylesXml.slice(first + EXCELJS_DEFAULT_FONT_XML.length);
}

/** The final xlsx bytes from the stored package exceljs wrote: default font set, parts deflated (zlib). */
export function finishXlsxPackage(stored: Uint8Array): Buffer {
  const parts = unzipSync(stored);
  if (!parts[STYLES_PART]) throw new Error('xlsx package without xl/styles.xml');
  return assembleZip(Object.entries(parts).map(([name, bytes]) => {
    const data = name === STYLES_PART ? Buffer.from(withDefaultFont(strFromU8(bytes)), 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { name, method: 8, crc: crc32(data), compressed: deflateRawSync(data, { level: DEFLATE_LEVEL }), size: data.length };
  }));
}
