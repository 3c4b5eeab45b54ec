import type { LayoutCell, SheetLayout } from '../layout/types';

/**
 * A position → anchor-cell index of a SheetLayout: `at(row, col)` returns the layout cell
 * covering that grid position (the merge's top-left anchor for covered positions).
 */
export interface CellIndex {
  readonly at: (row: number, col: number) => LayoutCell | undefined;
}

const cache = new WeakMap<SheetLayout, CellIndex>();

/** Builds (and memoizes per layout object) the position index of a layout. */
export function cellIndex(layout: SheetLayout): CellIndex {
  const hit = cache.get(layout);
  if (hit) return hit;
  const grid: (LayoutCell | undefined)[] = new Array(layout.rowCount * layout.colCount);
  for (const cell of layout.cells) {
    for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
      for (let c = cell.col; c < cell.col + cell.colspan; c++) grid[r * layout.colCount + c] = cell;
    }
  }
  const index: CellIndex = {
    at: (row, col) => (row < 0 || col < 0 || row >= layout.rowCount || col >= layout.colCount ? undefined : grid[row * layout.colCount + col]),
  };
  cache.set(layout, index);
  return index;
}

/** The editable anchor cell at exactly (row, col), or undefined for labels, spacers and covered positions. */
export function editableAnchorAt(layout: SheetLayout, row: number, col: number): LayoutCell | undefined {
  const cell = cellIndex(layout).at(row, col);
  return cell && cell.binding && cell.row === row && cell.col === col ? cell : undefined;
}
