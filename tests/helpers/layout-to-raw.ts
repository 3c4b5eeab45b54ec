import type { LayoutCell, SheetLayout } from '../../shared/layout/types';
import type { RawCell, RawMerge, RawSheet } from '../../shared/xlsx/raw';

/**
 * Test helper: renders SheetLayouts as RawSheets, the way an xlsx writer + reader would:
 * amounts as numbers (irregular source texts as text), percents as fractions with a `0%`
 * number format, every other cell as its text, every merge kept.
 */

/** The raw cell a layout cell becomes (null for an empty text). */
export function rawCellOf(cell: LayoutCell): RawCell | null {
  const kind = cell.binding?.kind;
  const plainNumber = cell.editText === undefined && cell.number != null;
  if (kind === 'amount' && plainNumber) return { value: cell.number! };
  if (kind === 'percent' && plainNumber) return { value: cell.number! / 100, numFmt: '0%' };
  return cell.text === '' ? null : { value: cell.text };
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
    for (const cell of layout.cells) rows[row + cell.row][col + cell.col] = rawCellOf(cell);
    for (const m of layout.merges) merges.push({ row: row + m.row, col: col + m.col, rowspan: m.rowspan, colspan: m.colspan });
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
