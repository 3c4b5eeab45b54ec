/** Ctrl+D (向下填充): the cell edits that copy the top row of each selected range down the range. */
import type { CellEdit } from '../../../shared/commands';
import { cellIndex, editableAnchorAt } from '../../../shared/layout/cell-index';
import type { SheetLayout } from '../../../shared/layout/types';
import type { GridRange } from '../grid/grid-keys';

/**
 * For every column of each range, the editable cell of the top row is copied into the editable
 * cells below it that start in the same column (merged cells count once; labels and covered
 * positions are skipped). A one-row range copies from the row above, as Excel does.
 */
export function fillDownEdits(layout: SheetLayout, ranges: readonly GridRange[]): CellEdit[] {
  const index = cellIndex(layout);
  const edits: CellEdit[] = [];
  for (const range of ranges) {
    const top = range.row === range.row2 ? range.row - 1 : range.row;
    for (let col = range.col; col <= range.col2; col++) {
      const source = index.at(top, col);
      if (!source?.binding || source.col !== col) continue;
      const text = source.editText ?? source.text;
      for (let row = top + source.rowspan; row <= range.row2; row++) {
        const target = editableAnchorAt(layout, row, col);
        if (target?.binding && target !== source) edits.push({ binding: target.binding, text });
      }
    }
  }
  return edits;
}
