import { familyOf } from '../families';
import type { FamilyDefinition, HeaderCellSpec } from '../families/types';
import { getAtPath } from '../model/paths';
import type { Indicator, PerformanceTable, ProjectMeta } from '../model/types';
import { blocksOf, layoutMatrix } from './matrix-block';
import { formatNumber } from '../values/indicator-value';
import { joinProjectDates } from '../vocabulary/project-dates';
import { moneyUnitLabel } from '../values/money';
import { estimateRowHeights } from './row-height';
import type { CellBinding, Level1Group, LayoutCell, Merge, SheetLayout } from './types';

/** Project facts a layout needs (title tokens). */
export type LayoutContext = Pick<ProjectMeta, 'fiscalYear' | 'unitCode' | 'unitName'>;

/** Optional switches of `layout()`. */
export interface LayoutOptions {
  /**
   * Family A only: emit the blank spacer row that ends every 二级 (default true). The printer
   * turns it off for 「隐藏空白指标行」.
   */
  readonly spacerRows?: boolean;
}

export { indicatorRuns, slotPrefix, type IndicatorRuns } from './indicator-runs';

/** Text of an amount or percent field as shown and printed (source text wins when irregular). */
function fieldText(table: PerformanceTable, spec: HeaderCellSpec): { text: string; number?: number | null; editText?: string } {
  const path = spec.field as string;
  const value = path === 'projectDates' ? joinProjectDates(table.projectStart, table.projectEnd) : getAtPath(table, path);
  let out: { text: string; number?: number | null; editText?: string };
  if (spec.style === 'amount' || spec.style === 'percent') {
    const number = typeof value === 'number' ? value : null;
    const irregular = table.amountTexts[path];
    const plain = number == null ? '' : spec.style === 'percent' ? `${formatNumber(number)}%` : formatNumber(number);
    out = irregular !== undefined ? { text: irregular, number, editText: irregular } : { text: plain, number };
  } else {
    out = { text: typeof value === 'string' ? value : '' };
  }
  // A learned 「标签：值」 cell prints its label before the value; the editor starts from the value.
  if (!spec.prefix && !spec.suffix) return out;
  const suffix = spec.suffix && out.text !== '' ? spec.suffix : '';
  return { text: `${spec.prefix ?? ''}${out.text}${suffix}`, editText: out.editText ?? out.text };
}

/** The title of a table as printed. */
export function tableTitle(table: PerformanceTable, ctx: LayoutContext): string {
  return resolveTokens(table.title || familyOf(table).defaultTitle, table, ctx);
}

function resolveTokens(text: string, table: PerformanceTable, ctx: LayoutContext): string {
  return text
    .replace(/\{year\}/g, ctx.fiscalYear == null ? '    ' : String(ctx.fiscalYear))
    .replace(/\{unit\}/g, moneyUnitLabel(table.moneyUnit))
    .replace(/\{unitCode\}/g, ctx.unitCode)
    .replace(/\{unitName\}/g, ctx.unitName)
    .replace(/\{projectName\}/g, table.projectName);
}

/** Family A's goal variant of a table: one merged 目标 cell, or 总体/本级 split (`ownLevelGoal` set). */
export type GoalVariant = 'merged' | 'split';

/** The goal variant `table` is laid out in. */
export function goalVariantOf(table: PerformanceTable): GoalVariant {
  return table.ownLevelGoal === null ? 'merged' : 'split';
}

/** Whether a header spec is laid out in `variant` (specs without a variant always are). */
export function inVariant(spec: HeaderCellSpec, variant: GoalVariant): boolean {
  return !spec.goalVariant || spec.goalVariant === variant;
}

/** Cells of a run of spec rows (the header, a block heading or the footer) placed from layout row `top`. */
function headerCells(family: FamilyDefinition, specs: readonly HeaderCellSpec[], table: PerformanceTable, ctx: LayoutContext, top: number): LayoutCell[] {
  const variant = goalVariantOf(table);
  const cells: LayoutCell[] = [];
  for (const spec of specs) {
    if (!inVariant(spec, variant)) continue;
    const base = { row: top + spec.r, col: spec.c, rowspan: spec.rs ?? 1, colspan: spec.cs ?? 1, style: spec.style };
    if (spec.field) {
      const kind = spec.style === 'amount' ? 'amount' : spec.style === 'percent' ? 'percent' : 'text';
      const binding: CellBinding = { path: spec.field, kind };
      cells.push({ ...base, ...fieldText(table, spec), role: 'field', binding });
    } else {
      const text = spec.text === '{title}' ? tableTitle(table, ctx) : resolveTokens(spec.text ?? '', table, ctx);
      cells.push({ ...base, text, role: spec.style === 'title' || spec.style === 'subtitle' ? 'title' : 'label' });
    }
  }
  return cells;
}

/**
 * Lays out one table in its family's official form.
 *
 * Header cells come from the family data; the matrix follows: the matrix header row, then one
 * row per indicator, 一级 cells merged over their group, 二级 cells merged over theirs (family A
 * adds one blank spacer row at the end of every 二级 and prints 「指标N:」 before each name).
 * `options.spacerRows: false` omits family A's spacer rows.
 * Pure; the result depends only on `table`, `ctx` and `options`.
 */
export function layout(table: PerformanceTable, ctx: LayoutContext, options: LayoutOptions = {}): SheetLayout {
  const family = familyOf(table);
  const colCount = family.colWidths.length;
  // The table's own widths (dragged in the editor) when they fit the family's columns.
  const colWidths = table.columnWidths?.length === colCount ? table.columnWidths : family.colWidths;
  const cells = headerCells(family, family.header, table, ctx, 0);
  const rowIndicators: (number | null)[] = new Array(family.headerRowCount).fill(null);
  const level1Groups: Level1Group[] = [];
  let row = family.headerRowCount;
  let matrixHeaderRow = row;
  for (const block of blocksOf(family)) {
    cells.push(...headerCells(family, block.heading, table, ctx, row));
    for (let r = 0; r < block.headingRowCount; r++) rowIndicators.push(null);
    row += block.headingRowCount;
    const annual = block.list === 'indicators';
    if (annual) matrixHeaderRow = row;
    const laid = layoutMatrix(family, block, table[block.list] ?? [], row, options.spacerRows !== false);
    cells.push(...laid.cells);
    // Only the annual block's rows map to `indicators` (row commands and print breaks use them).
    for (let r = row; r < laid.endRow; r++) rowIndicators.push(annual ? laid.rowIndicators[r - row] : null);
    if (annual) level1Groups.push(...laid.level1Groups);
    row = laid.endRow;
  }
  if (family.footer && family.footerRowCount) {
    cells.push(...headerCells(family, family.footer, table, ctx, row));
    for (let r = 0; r < family.footerRowCount; r++) rowIndicators.push(null);
    row += family.footerRowCount;
  }
  const rowCount = Math.max(row, matrixHeaderRow + 1);

  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const merges: Merge[] = cells
    .filter((c) => c.rowspan > 1 || c.colspan > 1)
    .map(({ row: r, col, rowspan, colspan }) => ({ row: r, col, rowspan, colspan }));
  return {
    family: table.family,
    moneyUnit: table.moneyUnit,
    rowCount,
    colCount,
    colWidths,
    rowHeights: estimateRowHeights(cells, colWidths, rowCount),
    cells,
    merges,
    matrixHeaderRow,
    rowIndicators,
    level1Groups,
    orientation: family.orientation,
    title: tableTitle(table, ctx),
  };
}
