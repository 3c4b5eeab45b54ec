/**
 * Queries on a finished SheetLayout by grid position, shared by the grid, paste and fill: which
 * anchor cell covers a position, which cell is editable, which columns a row shows, which part a
 * blank slot takes. Pure; indexes are memoised per layout object.
 */
import type { IndicatorPart, LayoutCell, SheetLayout } from './types';

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

/**
 * Grid columns of the cells met going right from (row, col): each merged cell once, at its
 * anchor column (the first entry is `col` itself even inside a merge).
 */
export function visibleColumns(layout: SheetLayout, row: number, col: number): number[] {
  const index = cellIndex(layout);
  const out: number[] = [];
  for (let c = col; c < layout.colCount;) {
    out.push(c);
    const cell = index.at(row, c);
    c = cell ? Math.max(c + 1, cell.col + cell.colspan) : c + 1;
  }
  return out;
}

/**
 * A block copied as text from a sheet with the same merges (Excel's TSV writes '' for the covered
 * part of a merged cell) is recognised by being empty at every covered column of the start row;
 * those columns are dropped so the block reads in visible columns like any other.
 */
export function dropCoveredColumns(layout: SheetLayout, row: number, col: number, block: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const width = Math.max(0, ...block.map((line) => line.length));
  const index = cellIndex(layout);
  const covered: number[] = [];
  for (let j = 1; j < width && col + j < layout.colCount; j++) if (index.at(row, col + j)?.col !== col + j) covered.push(j);
  if (covered.length === 0 || !block.every((line) => covered.every((j) => (line[j] ?? '') === ''))) return block;
  return block.map((line) => line.filter((_, j) => !covered.includes(j)));
}

/** Indicator part shown in each grid column of the matrix body (from the layout's indicator cells). */
export function partColumns(layout: SheetLayout): Map<number, IndicatorPart> {
  const parts = new Map<number, IndicatorPart>();
  for (const cell of layout.cells) if (cell.binding?.part && !parts.has(cell.col)) parts.set(cell.col, cell.binding.part);
  return parts;
}

/**
 * The indicator part a blank slot (a spacer row of the matrix, family A) takes at (row, col) when
 * the user types there, or undefined when the position is not a blank slot.
 */
export function blankSlotPart(layout: SheetLayout, row: number, col: number): IndicatorPart | undefined {
  if (row <= layout.matrixHeaderRow || layout.rowIndicators[row] !== null) return undefined;
  const cell = cellIndex(layout).at(row, col);
  if (!cell || cell.role !== 'spacer' || cell.row !== row || cell.col !== col) return undefined;
  const part = partColumns(layout).get(col);
  return part === 'level1' || part === 'level2' ? undefined : part;
}
