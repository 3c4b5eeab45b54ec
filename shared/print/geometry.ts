/**
 * Print geometry shared by the paginator and the HTML writer, so that what is measured is what
 * is printed: page and margin sizes, font sizes and line heights per cell style, cell padding.
 */
import type { CellStyle } from '../families/types';
import { cellLook } from '../layout/cell-style-table';
import { MIN_ROW_HEIGHT_PT } from '../layout/row-height';
import type { LayoutCell, SheetLayout } from '../layout/types';
import { MM_PER_PT, wrappedLineCount } from '../layout/text-measure';
import type { PageMargins } from './types';

/** A4 in mm, portrait. */
export const A4 = { width: 210, height: 297 } as const;

/**
 * Margins of official documents, GB/T 9704-2012 《党政机关公文格式》 §5.2.1: 天头 37 mm,
 * 订口 28 mm, 版心 156 × 225 mm (so bottom 35 mm, right 26 mm).
 */
export const PORTRAIT_MARGINS: PageMargins = { top: 37, right: 26, bottom: 35, left: 28 };

/** Landscape pages: the same 156 × 225 mm 版心 turned, binding edge kept on the left. */
export const LANDSCAPE_MARGINS: PageMargins = { top: 26, right: 35, bottom: 28, left: 37 };

/** Page numbers sit this far below the 版心 (GB/T 9704-2012 §7.5: 7 mm). */
export const FOOTER_GAP_MM = 7;

/** Font size and line height in points of a cell style (五号 10.5 pt text, 小二 18 pt title, 小四 12 pt subtitle). */
export interface StyleFont {
  readonly sizePt: number;
  readonly linePt: number;
  readonly bold: boolean;
}

/** Font of each cell style (from the style table, shared/layout/cell-style-table). */
export function styleFont(style: CellStyle): StyleFont {
  const look = cellLook(style);
  return { sizePt: look.sizePt, linePt: look.linePt, bold: look.bold };
}

/** Styles printed without borders (title lines above the grid). */
export function isBorderless(style: CellStyle): boolean {
  return !cellLook(style).border;
}

/** Cell padding in mm: vertical (top = bottom) and horizontal (left = right). */
export const CELL_PAD_V_MM = 1;
export const CELL_PAD_H_MM = 1.2;
/** Border width: 0.5 pt thin black line. */
export const BORDER_PT = 0.5;
/** Space a border takes in the browser's table layout (at least one CSS pixel, 0.265 mm). */
const BORDER_LAYOUT_MM = 0.3;
/** Extra space under a title line. */
export const TITLE_PAD_BOTTOM_MM = 3;
/** Minimum height of a printed row (the layout's minimum, 20 pt). */
export const MIN_ROW_MM = MIN_ROW_HEIGHT_PT * MM_PER_PT;
/** Height reserved for the two signature lines under a table. */
export const SIGNATURE_MM = 20;
/** Kept free at the foot of every 版心 against rounding in the browser's table layout. */
export const SAFETY_MM = 3;

/** Geometry of one orientation. */
export interface PageGeometry {
  readonly orientation: 'portrait' | 'landscape';
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly margins: PageMargins;
  /** Width of the 版心 (printable width). */
  readonly bodyWidth: number;
  /** Height of the 版心 (printable height). */
  readonly bodyHeight: number;
}

/** Page geometry of an orientation with the given margins. */
export function pageGeometry(orientation: 'portrait' | 'landscape', margins: PageMargins): PageGeometry {
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  const pageHeight = orientation === 'portrait' ? A4.height : A4.width;
  return {
    orientation, pageWidth, pageHeight, margins,
    bodyWidth: pageWidth - margins.left - margins.right,
    bodyHeight: pageHeight - margins.top - margins.bottom,
  };
}

/** The family's column widths (Excel character units) scaled to fill `bodyWidth` mm. */
export function columnWidthsMm(colWidths: readonly number[], bodyWidth: number): number[] {
  const total = colWidths.reduce((a, b) => a + b, 0) || 1;
  return colWidths.map((w) => (w / total) * bodyWidth);
}

/** Printed height of one text line: browsers lay lines out on whole CSS pixels (96 per inch), so round up. */
export function lineHeightMm(font: StyleFont): number {
  return (Math.ceil((font.linePt * 96) / 72) * 25.4) / 96;
}

/** Height in mm a cell needs for its text when printed `widthMm` wide. */
export function cellNeedMm(cell: LayoutCell, widthMm: number): number {
  const font = styleFont(cell.style);
  const pad = isBorderless(cell.style) ? 0 : 2 * CELL_PAD_H_MM;
  const lines = wrappedLineCount(cell.text, Math.max(widthMm - pad, 1), font.sizePt);
  const textMm = lines * lineHeightMm(font);
  // A borderless title line still carries half of the collapsed border of the row below.
  if (cell.style === 'title') return textMm + TITLE_PAD_BOTTOM_MM + BORDER_LAYOUT_MM;
  if (isBorderless(cell.style)) return textMm + 1 + BORDER_LAYOUT_MM;
  return textMm + 2 * CELL_PAD_V_MM + BORDER_LAYOUT_MM;
}

/** Measured heights of one layout: base row heights and the need of every merged cell. */
export interface RowMetrics {
  /** Height per layout row from its single-row cells (at least MIN_ROW_MM; borderless rows less). */
  readonly base: readonly number[];
  /** Cells spanning several rows with the height their text needs. */
  readonly spans: readonly { readonly cell: LayoutCell; readonly needMm: number }[];
}

/**
 * Measures every row of a layout at the printed column widths. Rows holding only borderless
 * title lines take their text height; bordered rows take at least the layout minimum (20 pt).
 */
export function measureRows(layout: SheetLayout, colMm: readonly number[]): RowMetrics {
  const base = new Array<number>(layout.rowCount).fill(0);
  const bordered = new Array<boolean>(layout.rowCount).fill(false);
  const spans: { cell: LayoutCell; needMm: number }[] = [];
  for (const cell of layout.cells) {
    let width = 0;
    for (let c = cell.col; c < cell.col + cell.colspan; c++) width += colMm[c] ?? 0;
    const need = cellNeedMm(cell, width);
    if (!isBorderless(cell.style)) {
      for (let r = cell.row; r < cell.row + cell.rowspan; r++) bordered[r] = true;
    }
    if (cell.rowspan === 1) base[cell.row] = Math.max(base[cell.row], need);
    else spans.push({ cell, needMm: need });
  }
  for (let r = 0; r < layout.rowCount; r++) if (bordered[r]) base[r] = Math.max(base[r], MIN_ROW_MM);
  return { base, spans };
}
