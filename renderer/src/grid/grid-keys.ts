/**
 * Excel-style keys of the grid that Handsontable does not do our way (its beforeKeyDown hook):
 * Delete empties only the cells that belong to the selected rows, Ctrl+D fills down, Tab at the
 * last cell wraps to the first (focus never leaves the grid), and a key typed on a read-only
 * cell is refused with a Chinese reason instead of vanishing.
 */
import { cellIndex } from '../../../shared/layout/cell-index';
import type { LayoutCell, SheetLayout } from '../../../shared/layout/types';
import type { GridCore, GridRange } from './grid-types';

export type { GridRange } from './grid-types';

/** What the keys ask of the document (the shell turns each into one command). */
export interface GridKeyIntents {
  /** Delete/Backspace: empty the cells listed (anchors wholly inside the selected rows). */
  onClear(cells: readonly LayoutCell[]): void;
  /** Ctrl+D: the top row of each selected range is copied down the range. */
  onFillDown(ranges: readonly GridRange[]): void;
  /** A key that cannot change this cell, with the reason (Chinese). */
  onRefused(message: string): void;
}

/** All selected ranges, normalised. */
export function selectedRanges(instance: GridCore): GridRange[] {
  return (instance.getSelectedRange() ?? []).map(({ from, to }) => {
    const r1 = Math.max(0, from.row ?? 0);
    const r2 = Math.max(0, to.row ?? 0);
    const c1 = Math.max(0, from.col ?? 0);
    const c2 = Math.max(0, to.col ?? 0);
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), row2: Math.max(r1, r2), col2: Math.max(c1, c2) };
  });
}

/**
 * The editable cells a Delete on these ranges empties: a merged cell only when all of its rows are
 * selected, so a shared 一级/二级 label survives the Delete of one of its rows.
 */
export function cellsToClear(layout: SheetLayout, ranges: readonly GridRange[]): LayoutCell[] {
  const index = cellIndex(layout);
  const out = new Set<LayoutCell>();
  for (const r of ranges) {
    for (let row = r.row; row <= r.row2; row++) {
      for (let col = r.col; col <= r.col2; col++) {
        const cell = index.at(row, col);
        if (cell?.binding && cell.row >= r.row && cell.row + cell.rowspan - 1 <= r.row2) out.add(cell);
      }
    }
  }
  return [...out];
}

/** Why a cell cannot be typed into (Chinese, for the status bar). */
export function readOnlyReason(layout: SheetLayout, row: number, col: number): string {
  const cell = cellIndex(layout).at(row, col);
  if (!cell) return '此处不在表格内，不能输入。';
  if (cell.role === 'title') return '标题由项目名称自动生成，不能直接修改：请修改“项目名称”一格。';
  if (cell.role === 'spacer') return '这一行是表格的空行，不能输入。请在上方的指标行中填写，或用“插入指标行”（Ctrl+Shift+=）增加一行。';
  const label = cell.text.replace(/\s+/g, '');
  return `“${label || '此格'}”是表格的固定文字，不能修改。请在它右侧或下方的空白格中填写。`;
}

const isTypingKey = (e: KeyboardEvent) =>
  !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'F2' || e.key === 'Process' || e.keyCode === 229);

/** Tab past the last cell (or Shift+Tab before the first): wrap inside the grid. */
function wrapTab(instance: GridCore, layout: SheetLayout, e: KeyboardEvent): boolean {
  const at = instance.getSelectedRangeLast()?.highlight;
  if (at?.row == null || at.col == null) return false;
  const cell = cellIndex(layout).at(at.row, at.col);
  if (!cell) return false;
  const atEnd = e.shiftKey ? cell.row === 0 && cell.col === 0 : cell.col + cell.colspan >= layout.colCount && cell.row + cell.rowspan >= layout.rowCount;
  if (!atEnd) return false;
  e.preventDefault();
  if (e.shiftKey) {
    const last = cellIndex(layout).at(layout.rowCount - 1, layout.colCount - 1);
    instance.selectCell(last?.row ?? layout.rowCount - 1, last?.col ?? layout.colCount - 1);
  } else instance.selectCell(0, 0);
  return true;
}

/**
 * The beforeKeyDown handler: returns false when the key was handled here (Handsontable then
 * leaves it alone), undefined otherwise. Keys inside an open cell editor are never touched.
 */
export function handleGridKey(instance: GridCore, layout: SheetLayout, e: KeyboardEvent, intents: GridKeyIntents): false | undefined {
  if (instance.getActiveEditor()?.isOpened()) return undefined;
  const ranges = selectedRanges(instance);
  if (ranges.length === 0) return undefined;
  if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) return wrapTab(instance, layout, e) ? false : undefined;
  if ((e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.altKey) {
    e.preventDefault();
    const cells = cellsToClear(layout, ranges);
    if (cells.length > 0) intents.onClear(cells);
    else intents.onRefused(ranges.length === 1 && ranges[0].row === ranges[0].row2 && ranges[0].col === ranges[0].col2
      ? readOnlyReason(layout, ranges[0].row, ranges[0].col)
      : '所选区域中没有可清除的内容（表格的固定文字和跨行的一级、二级指标不会被清除）。');
    return false;
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'd') {
    e.preventDefault();
    intents.onFillDown(ranges);
    return false;
  }
  if (isTypingKey(e)) {
    const at = instance.getSelectedRangeLast()?.highlight;
    if (at?.row != null && at.col != null && at.row >= 0 && at.col >= 0 && instance.getCellMeta(at.row, at.col).readOnly) {
      e.preventDefault();
      intents.onRefused(readOnlyReason(layout, at.row, at.col));
      return false;
    }
  }
  return undefined;
}
