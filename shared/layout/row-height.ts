import type { LayoutCell } from './types';

/** Points per text line at 宋体 10.5pt (with leading). */
export const LINE_HEIGHT_PT = 14;
/** Minimum height of a bordered row. */
export const MIN_ROW_HEIGHT_PT = 20;
const TITLE_HEIGHT_PT = 32;
const CELL_PADDING_PT = 6;

/**
 * Display width of a text in Excel character units: a CJK character counts about 1.8
 * (宋体 10.5pt against the default digit width), ASCII 1.
 */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 1.8 : 1;
  return units;
}

/** Number of wrapped lines a text needs in a cell `widthUnits` wide (explicit line breaks count). */
export function wrappedLines(text: string, widthUnits: number): number {
  const usable = Math.max(widthUnits - 1, 1.8);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / usable)), 0);
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
