import type { Grid, GridCell } from './grid';
import { looseLabel } from './label-normalize';
import { isMatrixHeaderTexts } from './read-matrix';

/**
 * Sheet segmentation: a sheet holds one table, many tables stacked (titles and blank rows
 * between), or a flat list (one row per indicator, project columns merged down). Tables are
 * found by their matrix header row (一级指标 | 二级指标 | 三级指标 | 指标值), flat lists by a
 * header row that also has 项目名称; coordinates never matter.
 */

/** One table or flat list of a sheet, in sheet rows (0-based, inclusive). */
export interface Segment {
  readonly kind: 'table' | 'flat';
  /** First row of the region: the row after the previous segment (title rows and notes above included). */
  readonly start: number;
  /** The matrix header row (table) or the list header row (flat). */
  readonly headerRow: number;
  /** Last row of the matrix / list. */
  readonly end: number;
}

/** The distinct anchors covering a row, left to right. */
function cellsOfRow(grid: Grid, row: number): GridCell[] {
  const out: GridCell[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const cell = grid.at(row, c);
    if (cell && !out.includes(cell)) out.push(cell);
  }
  return out;
}

const FLAT_NAME_HEADERS = new Set(['三级指标', '指标值', '指标名称']);

function headerKind(grid: Grid, row: number): 'table' | 'flat' | null {
  const texts = cellsOfRow(grid, row).map((c) => c.text);
  const labels = new Set(texts.map(looseLabel));
  if (labels.has('项目名称') && [...FLAT_NAME_HEADERS].some((l) => labels.has(l))) return 'flat';
  return isMatrixHeaderTexts(texts) ? 'table' : null;
}

const TABLE_START_LABELS = new Set(['项目名称', '项目编码', '部门名称']);

/** A row that starts another table: a first header label, or a lone wide title 「…表」. */
function isTableStart(grid: Grid, row: number): boolean {
  const cells = grid.rowAnchors(row).filter((c) => c.text.trim() !== '');
  if (cells.some((c) => TABLE_START_LABELS.has(looseLabel(c.text)))) return true;
  return cells.length === 1 && cells[0].colspan >= 2 && /表/.test(cells[0].text);
}

/**
 * Last row of the matrix / list whose header is `headerRow`: rows continue while they are
 * covered by a vertical merge that began in the matrix (一级 cells, the 绩效指标 side label)
 * or have text in the table's columns, and stop at a blank row or the start of another table.
 */
function blockEnd(grid: Grid, headerRow: number): number {
  const header = cellsOfRow(grid, headerRow).filter((c) => c.text.trim() !== '');
  const colMin = Math.min(...header.map((c) => c.col));
  const colMax = Math.max(...header.map((c) => c.col + c.colspan - 1));
  const inTable = (c: GridCell) => c.col <= colMax && c.col + c.colspan - 1 >= colMin;
  let coveredUntil = headerRow;
  for (const c of grid.rowAnchors(headerRow)) if (inTable(c)) coveredUntil = Math.max(coveredUntil, c.row + c.rowspan - 1);
  let last = headerRow;
  for (let r = headerRow + 1; r < grid.rowCount; r++) {
    const starting = grid.rowAnchors(r).filter(inTable);
    if (r > coveredUntil) {
      const hasText = starting.some((c) => c.text.trim() !== '');
      if (!hasText || isTableStart(grid, r) || headerKind(grid, r) !== null) break;
    }
    for (const c of starting) coveredUntil = Math.max(coveredUntil, c.row + c.rowspan - 1);
    last = r;
  }
  return last;
}

/** Splits a sheet into its tables and flat lists, top to bottom. */
export function segmentSheet(grid: Grid): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (let r = 0; r < grid.rowCount; r++) {
    const kind = headerKind(grid, r);
    if (!kind) continue;
    const end = blockEnd(grid, r);
    segments.push({ kind, start, headerRow: r, end });
    start = end + 1;
    r = end;
  }
  return segments;
}
