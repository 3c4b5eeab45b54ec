/**
 * Recording the SourceMap during recognition (shared/model/source.ts): the readers work in view
 * coordinates of a compacted grid; this module turns what they found into sheet coordinates.
 */
import type { SourceCell, SourceShape, TableSource } from '../model/source';
import type { PerformanceTable, Project } from '../model/types';
import type { Grid, GridCell } from './grid';

/** A table's source before the sheet-level facts (sheet, index, shape) are known. */
export type TableSourceDraft = Omit<TableSource, 'sheet' | 'sheetIndex' | 'shape'>;

/** The sheet cell (and sheet span) of a view anchor. */
export function sourceCellOf(grid: Grid, cell: GridCell): SourceCell {
  const lastRow = grid.sheetRows[cell.row + cell.rowspan - 1] ?? cell.sheetRow;
  const lastCol = grid.sheetCols[cell.col + cell.colspan - 1] ?? cell.sheetCol;
  const rowspan = lastRow - cell.sheetRow + 1;
  const colspan = lastCol - cell.sheetCol + 1;
  return {
    row: cell.sheetRow,
    col: cell.sheetCol,
    ...(rowspan > 1 ? { rowspan } : {}),
    ...(colspan > 1 ? { colspan } : {}),
  };
}

/** Header field cells (model path → anchor) in sheet coordinates; fields whose value cell is missing are left out. */
export function sourceFields(grid: Grid, values: Iterable<[string, GridCell | null]>): Record<string, SourceCell> {
  const out: Record<string, SourceCell> = {};
  for (const [path, cell] of values) if (cell) out[path] = sourceCellOf(grid, cell);
  return out;
}

/** Matrix / list columns (key → view column of the header row) in sheet coordinates, with the header cell's span. */
export function sourceColumns(grid: Grid, headerRow: number, columns: Iterable<[string, number | undefined]>): Record<string, SourceCell> {
  const out: Record<string, SourceCell> = {};
  for (const [key, col] of columns) {
    if (col === undefined) continue;
    const cell = grid.at(headerRow, col);
    out[key] = cell ? sourceCellOf(grid, cell) : { row: grid.sheetRows[headerRow], col: grid.sheetCols[col] };
  }
  return out;
}

/** The sheet row of a view row (the region's last row when out of range). */
export function sheetRowOf(grid: Grid, viewRow: number): number {
  return grid.sheetRows[Math.min(Math.max(viewRow, 0), grid.sheetRows.length - 1)] ?? 0;
}

/** Completes a draft with the sheet it was read from. */
export function completeSource(draft: TableSourceDraft, sheet: string, sheetIndex: number, shape: SourceShape): TableSource {
  return { sheet, sheetIndex, shape, ...draft };
}

/**
 * The project with each table's SourceMap attached (`sources` parallel to `project.tables`,
 * as `recognizeWorkbook` returns them). Used by import; recognition goldens compare the bare project.
 */
export function attachSources(project: Project, sources: readonly (TableSource | null)[]): Project {
  const tables = project.tables.map((t, i): PerformanceTable => {
    const source = sources[i];
    return source ? { ...t, source } : t;
  });
  return { ...project, tables };
}
