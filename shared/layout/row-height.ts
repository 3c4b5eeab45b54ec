/** Row heights of the official layout in points, from the text of every cell (grid, docx). */
import { charWidthEm, wrappedLinesEm } from './text-measure';
import type { LayoutCell } from './types';

/** Points per text line at 宋体 10.5pt (with leading). */
export const LINE_HEIGHT_PT = 14;
/** Minimum height of a bordered row. */
export const MIN_ROW_HEIGHT_PT = 20;
const TITLE_HEIGHT_PT = 32;
const CELL_PADDING_PT = 6;

/** Excel character units per em at 宋体 10.5pt: a CJK character is about 1.8 default digit widths. */
export const UNITS_PER_EM = 1.8;

/** Display width of a text in Excel character units (the `charWidthEm` advance widths of text-measure). */
export function textUnits(text: string): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * UNITS_PER_EM;
}

/**
 * Number of wrapped lines a text needs in a cell `widthUnits` wide (Excel character units, one
 * unit of padding): the product's one text measure, `wrappedLinesEm` (explicit line breaks count).
 */
export function wrappedLines(text: string, widthUnits: number): number {
  return wrappedLinesEm(text, Math.max(widthUnits - 1, UNITS_PER_EM) / UNITS_PER_EM);
}

/**
 * Row heights in points that fit the wrapped text of every cell: single-row cells set their
 * row's height; a merged cell that needs more than its rows give grows its last row.
 */
export function estimateRowHeights(cells: readonly LayoutCell[], colWidths: readonly number[], rowCount: number): number[] {
  const heights = new Array<number>(rowCount).fill(MIN_ROW_HEIGHT_PT);
  const needOf = (cell: LayoutCell): number => {
    if (cell.style === 'title') return TITLE_HEIGHT_PT;
    let width = 0;
    for (let c = cell.col; c < cell.col + cell.colspan; c++) width += colWidths[c] ?? 8;
    return wrappedLines(cell.text, width) * LINE_HEIGHT_PT + CELL_PADDING_PT;
  };
  for (const cell of cells) {
    if (cell.rowspan === 1) heights[cell.row] = Math.max(heights[cell.row], needOf(cell));
  }
  for (const cell of cells) {
    if (cell.rowspan === 1 || cell.style === 'vertical') continue;
    const end = cell.row + cell.rowspan - 1;
    let have = 0;
    for (let r = cell.row; r <= end; r++) have += heights[r];
    const need = needOf(cell);
    if (need > have) heights[end] += need - have;
  }
  return heights;
}
