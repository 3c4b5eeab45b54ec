/**
 * The flat list shape (budget-disclosure style): one row per indicator, with project columns
 * (项目名称, 项目编码, 预算数, 绩效目标, …) merged down across the project's rows. Each project
 * becomes one table; fields a flat list does not carry keep the family's empty defaults.
 * Family A slot prefixes are not interpreted (names are kept as written, no `slotLabel`).
 */
import { createTable } from '../model/create';
import { setAtPath } from '../model/paths';
import type { BuiltinFamilyId, FamilyId, Indicator, MoneyUnit, PerformanceTable } from '../model/types';
import { getFamily } from '../families';
import { parseIndicatorValue } from '../values/indicator-value';
import type { GridCell } from './grid';
import { looseLabel, moneyUnitInLabel, normalizeCategory } from '../vocabulary/label-normalize';
import { columnKeyOf, fieldTermOf } from '../vocabulary/lookup';
import { readAmountCell } from './read-amount-cell';
import { type ReadContext, quote, reportUnconsumed, warnCell } from './read-context';
import { rowCells, valueText } from './read-matrix';
import type { TableDraft } from './read-table';
import { sheetRowOf, sourceColumns, sourceFields } from './source-map';

/** Flat-list column keys: model paths of project fields, or an indicator part. */
export type FlatColumnKey =
  | 'projectName' | 'projectCode' | 'supervisingDepartment' | 'implementingUnit' | 'projectAttribute' | 'projectPeriod'
  | 'funds.total' | 'funds.fiscal' | 'funds.other' | 'funds.carryover' | 'fundUse' | 'goal'
  | 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis' | 'ignore';

const PROJECT_KEYS: readonly FlatColumnKey[] = [
  'projectName', 'projectCode', 'supervisingDepartment', 'implementingUnit', 'projectAttribute', 'projectPeriod',
  'funds.total', 'funds.fiscal', 'funds.other', 'funds.carryover', 'fundUse', 'goal',
];

const FLAT_PARTS: ReadonlySet<string> = new Set(['level1', 'level2', 'name', 'description', 'value', 'basis']);

/** The column key of a flat-list header cell, from the field vocabulary (序号 is ignored); null when unknown. */
function flatKeyOf(text: string): FlatColumnKey | null {
  if (looseLabel(text) === '序号') return 'ignore';
  const column = columnKeyOf(text);
  if (column && FLAT_PARTS.has(column)) return column as FlatColumnKey;
  const field = fieldTermOf(text)?.path;
  return field && (PROJECT_KEYS as readonly string[]).includes(field) ? field as FlatColumnKey : null;
}

/** The family of a flat list from its columns (and 一级 names): C by default, the disclosure style. */
function flatFamily(labels: ReadonlySet<string>, level1s: readonly string[]): BuiltinFamilyId {
  if (['项目编码', '资金用途', '绩效指标描述', '指标值确定依据'].some((l) => labels.has(l))) return 'hebei';
  if (labels.has('上年结转') || level1s[0] === '成本指标') return 'jx-2024';
  if (labels.has('年度资金总额(含本级和市县)')) return 'nx-2024';
  if (labels.has('项目属性')) return 'nx-2022';
  return 'hebei';
}

interface FlatProject {
  fields: Map<FlatColumnKey, GridCell | null>;
  indicators: Indicator[];
  /** View rows: the project's first and last row, and the row of each indicator. */
  firstRow: number;
  lastRow: number;
  rows: number[];
}

/**
 * Reads a flat list whose header is view row `headerRow` of the context grid: one table per
 * project (a new project starts where the 项目名称 cell starts a new merged range or changes).
 */
export function readFlatList(ctx: ReadContext, headerRow: number, familyOverride?: BuiltinFamilyId): TableDraft[] {
  const { grid } = ctx;
  const columns = new Map<FlatColumnKey, number>();
  let moneyUnit: MoneyUnit | null = null;
  for (const cell of rowCells(ctx, headerRow)) {
    const key = flatKeyOf(cell.text);
    ctx.consumed.add(cell);
    if (key && !columns.has(key)) {
      columns.set(key, cell.col);
      moneyUnit = moneyUnit ?? moneyUnitInLabel(cell.text);
    } else if (!key && cell.text.trim() !== '') {
      warnCell(ctx, cell, `${ctx.tableName}：列标题「${quote(cell.text)}」无法识别，该列未导入`);
    }
  }
  const top = readAbove(ctx, headerRow);
  moneyUnit = moneyUnit ?? top.moneyUnit;
  const projects = readProjects(ctx, columns, headerRow);
  const level1s = projects.flatMap((p) => p.indicators.map((i) => i.level1));
  const family = familyOverride ?? flatFamily(new Set([...rowCells(ctx, headerRow)].map((c) => looseLabel(c.text))), level1s);
  const unit = moneyUnit ?? getFamily(family).defaultMoneyUnit;
  reportUnconsumed(ctx, 0, grid.rowCount - 1);
  const listColumns = sourceColumns(grid, headerRow, [...columns.entries()].filter(([k]) => k !== 'ignore'));
  return projects.map((p) => ({
    table: toTable(ctx, p, family, unit),
    yearTexts: top.yearTexts,
    unitLine: top.unitLine,
    source: {
      firstRow: sheetRowOf(grid, p.firstRow),
      lastRow: sheetRowOf(grid, p.lastRow),
      fields: sourceFields(grid, p.fields),
      headerRow: sheetRowOf(grid, headerRow),
      columns: listColumns,
      bodyFirstRow: sheetRowOf(grid, p.firstRow),
      bodyLastRow: sheetRowOf(grid, p.lastRow),
      indicatorRows: p.rows.map((r) => sheetRowOf(grid, r)),
    },
  }));
}

/** Title, 单位 line and unit code above the list (consumed: not data). */
function readAbove(ctx: ReadContext, headerRow: number): { yearTexts: string[]; unitLine: string | null; moneyUnit: MoneyUnit | null } {
  const out = { yearTexts: [] as string[], unitLine: null as string | null, moneyUnit: null as MoneyUnit | null };
  for (const cell of ctx.grid.anchors) {
    if (cell.row >= headerRow || cell.text.trim() === '') continue;
    const text = cell.text.trim();
    const unitName = text.replace(/^单位[:：]\s*/, '');
    if (/^单位[:：]/.test(text) && moneyUnitInLabel(text)) out.moneyUnit = moneyUnitInLabel(text);
    else if (/^\d{6}\D/.test(unitName)) out.unitLine = unitName;
    else if (/表|年/.test(text)) out.yearTexts.push(text);
    else continue;
    ctx.consumed.add(cell);
  }
  return out;
}

function readProjects(ctx: ReadContext, columns: ReadonlyMap<FlatColumnKey, number>, headerRow: number): FlatProject[] {
  const projects: FlatProject[] = [];
  const nameCol = columns.get('projectName')!;
  let current: FlatProject | null = null;
  let currentName: GridCell | null = null;
  for (let r = headerRow + 1; r < ctx.grid.rowCount; r++) {
    const cellOf = (key: FlatColumnKey): GridCell | null => {
      const c = columns.get(key);
      const cell = c === undefined ? null : ctx.grid.at(r, c);
      if (cell) ctx.consumed.add(cell);
      return cell;
    };
    const nameCell = cellOf('projectName');
    const starts = nameCell !== null && nameCell !== currentName && (nameCell.merged || nameCell.text !== currentName?.text);
    if (!current || starts) {
      current = { fields: new Map(PROJECT_KEYS.map((k) => [k, cellOf(k)])), indicators: [], firstRow: r, lastRow: r, rows: [] };
      projects.push(current);
    } else {
      PROJECT_KEYS.forEach((k) => cellOf(k));
    }
    if (nameCell) currentName = nameCell;
    current.lastRow = r;
    const text = (key: FlatColumnKey) => cellOf(key)?.text ?? '';
    const valueRaw = valueText(cellOf('value'));
    const parts = [text('level1'), text('level2'), text('name'), text('description'), text('basis'), valueRaw];
    if (parts.every((p) => p === '')) continue;
    current.rows.push(r);
    current.indicators.push({
      level1: normalizeCategory(parts[0]), level2: normalizeCategory(parts[1]), name: parts[2],
      description: parts[3], basis: parts[4], value: parseIndicatorValue(valueRaw),
    });
  }
  if (nameCol === undefined) warnCell(ctx, null, `${ctx.tableName}：清单缺少「项目名称」列`);
  return projects;
}

function toTable(ctx: ReadContext, p: FlatProject, family: BuiltinFamilyId, unit: MoneyUnit): PerformanceTable {
  const def = getFamily(family);
  let table: PerformanceTable = { ...createTable(family, unit), indicators: p.indicators };
  if (def.profile.ownLevelColumns) table = { ...table, ownLevelGoal: null };
  for (const [key, cell] of p.fields) {
    if (key.startsWith('funds.')) {
      if (key === 'funds.carryover' && table.funds.carryover === undefined) {
        if (cell && cell.text.trim() !== '') warnCell(ctx, cell, `${ctx.tableName}：该版式没有「上年结转」，「${quote(cell.text)}」未导入`);
        continue;
      }
      const read = readAmountCell(ctx, cell, unit);
      table = setAtPath(table, key, read.value);
      if (read.irregularText !== undefined) table = { ...table, amountTexts: { ...table.amountTexts, [key]: read.irregularText } };
    } else if (cell) {
      table = setAtPath(table, key, cell.text);
    }
  }
  return table;
}
