/**
 * Reading one table region of a built-in family: header fields, matrix and the SourceMap rows of the
 * region, into a TableDraft. Project-level facts (year, unit line, title default) are recognize.ts's.
 */
import { getFamily } from '../families';
import type { HeaderCellSpec, HeaderFieldPath } from '../families/types';
import { createTable } from '../model/create';
import { setAtPath } from '../model/paths';
import type { BuiltinFamilyId, MoneyUnit, PerformanceTable } from '../model/types';
import type { GridCell } from './grid';
import { readPercent } from './read-amount';
import { readAmountCell } from './read-amount-cell';
import { type ReadContext, quote, reportUnconsumed, warnCell } from './read-context';
import { readHeader } from './read-header';
import { sheetRowOf, sourceColumns, sourceFields, type TableSourceDraft } from './source-map';
import { readMatrixBody, readMatrixHeader, reportMatrixGaps } from './read-matrix';

/** A recognized table before project-level facts (year, unit line, title default) are settled. */
export interface TableDraft {
  /** The table; `title` holds the printed title ('' when none was printed). */
  readonly table: PerformanceTable;
  /** Title and subtitle texts, where the fiscal year is looked for. */
  readonly yearTexts: readonly string[];
  /** Family C unit line (`816001怀来县官厅镇人民政府`), or null. */
  readonly unitLine: string | null;
  /** Where the table sits in its sheet (SourceMap, without the sheet-level facts). */
  readonly source: TableSourceDraft;
}

/** Writes one header value into the table: text as is, amounts in the table unit, percents 0–100. */
function applyField(ctx: ReadContext, table: PerformanceTable, path: HeaderFieldPath, style: HeaderCellSpec['style'], cell: GridCell | null): PerformanceTable {
  if (style !== 'amount' && style !== 'percent') return setAtPath(table, path, cell?.text ?? '');
  const read = style === 'amount' ? readAmountCell(ctx, cell, table.moneyUnit) : readPercent(cell?.value ?? null, cell?.numFmt);
  let next = setAtPath(table, path, read.value);
  if (read.irregularText !== undefined) next = { ...next, amountTexts: { ...next.amountTexts, [path]: read.irregularText } };
  if (style === 'percent' && read.unreadable && cell) {
    warnCell(ctx, cell, `${ctx.tableName}：「${quote(cell.text)}」不是有效的百分比，已保留原文，数值留空`);
  }
  return next;
}

/**
 * Reads one table region (a compacted grid whose row `headerRow` is the matrix header) into a
 * PerformanceTable of its family (DOMAIN.md §1); the indicator body ends at view row `bodyEnd`.
 * Everything non-empty that is not recognized is reported in `ctx.warnings`.
 */
export function readTable(ctx: ReadContext, headerRow: number, bodyEnd: number, familyId: BuiltinFamilyId): TableDraft {
  const family = getFamily(familyId);
  const header = readHeader(ctx, family, headerRow);
  const moneyUnit: MoneyUnit = header.moneyUnit ?? family.defaultMoneyUnit;
  const columns = readMatrixHeader(ctx, family, headerRow);
  reportMatrixGaps(ctx, columns);
  const body = readMatrixBody(ctx, family, columns, headerRow + 1, bodyEnd);
  const indicators = body.indicators;

  let table: PerformanceTable = { ...createTable(familyId, moneyUnit), indicators, title: header.title ?? '' };
  const styles = new Map(family.header.filter((s) => s.field).map((s) => [s.field as HeaderFieldPath, s.style]));
  for (const [path, cell] of header.values) table = applyField(ctx, table, path, styles.get(path) ?? 'text', cell);
  if (family.profile.ownLevelColumns && header.goalVariant === 'merged') table = { ...table, ownLevelGoal: null };
  reportUnconsumed(ctx, 0, ctx.grid.rowCount - 1);
  const { grid } = ctx;
  const source: TableSourceDraft = {
    firstRow: sheetRowOf(grid, 0),
    lastRow: sheetRowOf(grid, grid.rowCount - 1),
    fields: sourceFields(grid, header.values),
    headerRow: sheetRowOf(grid, headerRow),
    columns: sourceColumns(grid, headerRow, Object.entries(columns)),
    bodyFirstRow: sheetRowOf(grid, Math.min(headerRow + 1, grid.rowCount - 1)),
    bodyLastRow: sheetRowOf(grid, bodyEnd),
    indicatorRows: body.rows.map((r) => sheetRowOf(grid, r)),
  };
  return { table, yearTexts: header.yearTexts, unitLine: header.unitLine, source };
}
