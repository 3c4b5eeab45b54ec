import type { SheetLayout } from '../../shared/layout/types';
import type { RawCell, RawMerge, RawSheet } from '../../shared/xlsx/raw';
import { layoutCells, type PlannedCell } from '../../shared/export/write-plan';

/**
 * Test helper: renders SheetLayouts as RawSheets, the way the xlsx export + reader would, from
 * the export's own plan (shared/xlsx/write-plan `layoutCells`): the planned value and number
 * format of every anchor cell (amounts as numbers, irregular source texts as text, percents as
 * fractions with a `0%`-style format), every merge kept, the layouts' column widths.
 */

/** The raw cell a planned cell is read back as (null for an empty cell). */
export function rawCellOf(cell: PlannedCell): RawCell | null {
  if (cell.value === null) return null;
  return cell.numFmt === undefined ? { value: cell.value } : { value: cell.value, numFmt: cell.numFmt };
}

interface Placed {
  readonly layout: SheetLayout;
  readonly row: number;
  readonly col: number;
}

function render(name: string, placed: readonly Placed[]): RawSheet {
  const rowCount = Math.max(0, ...placed.map((p) => p.row + p.layout.rowCount));
  const colCount = Math.max(0, ...placed.map((p) => p.col + p.layout.colCount));
  const rows: (RawCell | null)[][] = Array.from({ length: rowCount }, () => new Array<RawCell | null>(colCount).fill(null));
  const merges: RawMerge[] = [];
  for (const { layout, row, col } of placed) {
    for (const cell of layoutCells(layout, row, col)) {
      rows[cell.row][cell.col] = rawCellOf(cell);
      if (cell.rowspan > 1 || cell.colspan > 1) merges.push({ row: cell.row, col: cell.col, rowspan: cell.rowspan, colspan: cell.colspan });
    }
  }
  const colWidths = new Array<number | null>(colCount).fill(null);
  for (const { layout, col } of placed) layout.colWidths.forEach((w, c) => { colWidths[col + c] ??= w; });
  return { name, rows, merges, colWidths };
}

/** One layout as one sheet, optionally shifted down/right by blank rows/columns. */
export function layoutToRawSheet(layout: SheetLayout, name = 'Sheet1', offset: { row?: number; col?: number } = {}): RawSheet {
  return render(name, [{ layout, row: offset.row ?? 0, col: offset.col ?? 0 }]);
}

/** Several layouts stacked in one sheet, `gap` blank rows between them. */
export function stackLayoutsToRawSheet(layouts: readonly SheetLayout[], name = 'Sheet1', gap = 2): RawSheet {
  const placed: Placed[] = [];
  let row = 0;
  for (const layout of layouts) {
    placed.push({ layout, row, col: 0 });
    row += layout.rowCount + gap;
  }
  return render(name, placed);
}
