/**
 * Sheet segmentation: a sheet holds one table, many tables stacked (titles and blank rows
 * between), or a flat list (one row per indicator, project columns merged down). Tables are
 * found by their matrix header row (一级指标 | 二级指标 | 三级指标 | 指标值), flat lists by a
 * header row that also has 项目名称; coordinates never matter.
 */
import type { Grid, GridCell } from './grid';
import { looseLabel } from '../vocabulary/label-normalize';
import { blockHeadingList, columnKeyOf, fieldTermOf, isFooterText, isNoteText } from '../vocabulary/lookup';
import { isMatrixHeaderTexts } from './read-matrix';

/** One table or flat list of a sheet, in sheet rows (0-based, inclusive). */
export interface Segment {
  readonly kind: 'table' | 'flat';
  /** First row of the region: the row after the previous segment (title rows and notes above included). */
  readonly start: number;
  /** The matrix header row (table) or the list header row (flat). */
  readonly headerRow: number;
  /**
   * Every indicator block of the table, in order: its matrix header row and the last row of its
   * body. More than one when the table has several blocks (长期绩效指标 / 年度绩效指标): a table
   * with two blocks is one table.
   */
  readonly blocks: readonly { readonly headerRow: number; readonly bodyEnd: number }[];
  /** Last row of the table: its last block, then its footer rows (审核意见, signature lines). */
  readonly end: number;
  /** Last row of the first block's body (`end` when the table has one block and no footer). */
  readonly bodyEnd: number;
  /** True when the table has rows that are neither header nor indicator: extra blocks or footer rows. */
  readonly extended: boolean;
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

function headerKind(grid: Grid, row: number): 'table' | 'flat' | null {
  const texts = cellsOfRow(grid, row).map((c) => c.text);
  const hasProjectName = texts.some((t) => fieldTermOf(t)?.path === 'projectName');
  const keys = new Set(texts.map(columnKeyOf));
  if (hasProjectName && (keys.has('name') || keys.has('value'))) return 'flat';
  return isMatrixHeaderTexts(texts) ? 'table' : null;
}

/** A row that starts another table: a first header label (项目名称, 项目编码, 部门名称), or a lone wide title 「…表」. */
function isTableStart(grid: Grid, row: number): boolean {
  const cells = grid.rowAnchors(row).filter((c) => c.text.trim() !== '');
  if (cells.some((c) => looseLabel(c.text) === '部门名称' || fieldTermOf(c.text)?.startsTable === true)) return true;
  return cells.length === 1 && cells[0].colspan >= 2 && /表/.test(cells[0].text);
}

/** The first non-blank anchor of a row, left to right. */
function firstText(grid: Grid, row: number): GridCell | undefined {
  return cellsOfRow(grid, row).find((c) => c.text.trim() !== '');
}

/** A row that is form content, not an indicator: 审核意见, signature lines (first text a footer marker). */
function isFooterRow(grid: Grid, row: number): boolean {
  const first = firstText(grid, row);
  return first !== undefined && first.row === row && isFooterText(first.text);
}

/** A note row under a table (「注：…」): ends the body, belongs to no table. */
function isNoteRow(grid: Grid, row: number): boolean {
  const first = firstText(grid, row);
  return first !== undefined && first.row === row && isNoteText(first.text);
}

/** A row that heads another indicator block of the same table (长期绩效指标 / 年度绩效指标 alone on the row). */
function isBlockHeading(grid: Grid, row: number): boolean {
  const cells = grid.rowAnchors(row).filter((c) => c.text.trim() !== '');
  return cells.length >= 1 && cells.every((c) => blockHeadingList(c.text) !== null);
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
      if (!hasText || isTableStart(grid, r) || headerKind(grid, r) !== null || isFooterRow(grid, r) || isNoteRow(grid, r) || isBlockHeading(grid, r)) break;
    }
    for (const c of starting) coveredUntil = Math.max(coveredUntil, c.row + c.rowspan - 1);
    last = r;
  }
  return last;
}

/** The next row at or after `row` with any text, or -1. */
function nextTextRow(grid: Grid, row: number): number {
  for (let r = row; r < grid.rowCount; r++) if (grid.rowAnchors(r).some((c) => c.text.trim() !== '')) return r;
  return -1;
}

/**
 * Extends a table past its first matrix: further indicator blocks (a heading row then a matrix
 * header, with no table-start label between) and footer rows (审核意见, notes, signature lines
 * and what their merges cover). Stops at the next table or list.
 */
function extendTable(grid: Grid, headerRow: number, firstEnd: number): { blocks: { headerRow: number; bodyEnd: number }[]; end: number } {
  const blocks = [{ headerRow, bodyEnd: firstEnd }];
  let end = firstEnd;
  for (;;) {
    const next = nextTextRow(grid, end + 1);
    if (next < 0) break;
    let header = -1;
    if (headerKind(grid, next) === 'table') header = next;
    else if (isBlockHeading(grid, next) && next + 1 < grid.rowCount && headerKind(grid, nextTextRow(grid, next + 1)) === 'table') header = nextTextRow(grid, next + 1);
    if (header >= 0 && (header === next || isBlockHeading(grid, next))) {
      end = blockEnd(grid, header);
      blocks.push({ headerRow: header, bodyEnd: end });
      continue;
    }
    if (!isFooterRow(grid, next)) break;
    let last = next;
    for (const c of grid.rowAnchors(next)) last = Math.max(last, c.row + c.rowspan - 1);
    end = last;
  }
  return { blocks, end };
}

/** Splits a sheet into its tables and flat lists, top to bottom. */
export function segmentSheet(grid: Grid): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (let r = 0; r < grid.rowCount; r++) {
    const kind = headerKind(grid, r);
    if (!kind) continue;
    const firstEnd = blockEnd(grid, r);
    const { blocks, end } = kind === 'table' ? extendTable(grid, r, firstEnd) : { blocks: [{ headerRow: r, bodyEnd: firstEnd }], end: firstEnd };
    segments.push({ kind, start, headerRow: r, blocks, end, bodyEnd: firstEnd, extended: end !== firstEnd });
    start = end + 1;
    r = end;
  }
  return segments;
}
