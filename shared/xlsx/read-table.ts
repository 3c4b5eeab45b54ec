import { getFamily } from '../families';
import type { HeaderCellSpec, HeaderFieldPath } from '../families/types';
import { createTable } from '../model/create';
import { setAtPath } from '../model/paths';
import type { FamilyId, MoneyUnit, PerformanceTable } from '../model/types';
import { detectFamily } from './detect-family';
import type { GridCell } from './grid';
import { readPercent } from './read-amount';
import { readAmountCell } from './read-amount-cell';
import { type ReadContext, quote, reportUnconsumed, warnCell } from './read-context';
import { readHeader } from './read-header';
import { sheetRowOf, sourceColumns, sourceFields, type TableSourceDraft } from './source-map';
import { readMatrixBody, readMatrixHeader, reportMatrixGaps, rowCells } from './read-matrix';

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

/** Picks the family: the caller's choice, else detection from the labels, else a guess from the matrix columns. */
function chooseFamily(ctx: ReadContext, headerRow: number, override?: FamilyId): FamilyId {
  if (override) return override;
  const texts = ctx.grid.anchors.filter((a) => a.row <= headerRow).map((a) => a.text);
  const detected = detectFamily(texts);
  if (detected) return detected;
  const headerTexts = rowCells(ctx, headerRow).map((c) => c.text).join('|');
  const guess: FamilyId = /描述|依据/.test(headerTexts) ? 'hebei' : 'nx-2022';
  warnCell(ctx, null, `${ctx.tableName}：无法从表头识别版式，按「${getFamily(guess).displayName}」读取，请核对`);
  return guess;
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
export function readTable(ctx: ReadContext, headerRow: number, bodyEnd: number, familyOverride?: FamilyId): TableDraft {
  const familyId = chooseFamily(ctx, headerRow, familyOverride);
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
