/**
 * 按上年新建: a project or one table copied into a new 预算年度, with the years its titles, names,
 * codes and texts carry moved, every change listed for review, amounts kept or cleared, and the
 * indicators kept. Pure.
 */
import { getFamily } from '../families';
import { tableTitle } from '../layout/layout';
import { emptyFunds } from '../model/create';
import type { Indicator, PerformanceTable, Project } from '../model/types';
import { parseIndicatorValue } from '../values/indicator-value';
import { shiftProjectCodeYear, shiftYearInText } from './year-text';

/** Options of a year copy. */
export interface YearCopyOptions {
  /** The new 预算年度 (e.g. 2025). */
  readonly toYear: number;
  /** `keep`: amounts stay as last year's; `clear`: 项目资金, 含本级 and 部门预算 amounts are blanked. */
  readonly amounts: 'keep' | 'clear';
}

/** One change (or one mention left for review) of a year copy, for the review list. */
export interface YearChange {
  /** Index of the table in the NEW project; null for the project meta. */
  readonly tableIndex: number | null;
  /** Model path in the table (`projectName`, `indicators.3.value`), or `meta.fiscalYear`. */
  readonly path: string;
  /** Where, in Chinese: 「“食堂补助” 指标“会议安排时间”的指标值」. */
  readonly where: string;
  readonly before: string;
  readonly after: string;
  /** `changed`: applied; `review`: left unchanged, to be checked (文号, year ranges). */
  readonly action: 'changed' | 'review';
  /** Why a mention was left for review (Chinese). */
  readonly reason?: string;
}

/** A table with its changes. */
export interface TableYearCopy {
  readonly table: PerformanceTable;
  readonly changes: readonly YearChange[];
}

type TextField = 'title' | 'projectName' | 'goal' | 'fundUse' | 'supervisingDepartment' | 'implementingUnit' | 'projectAttribute' | 'projectPeriod';

const TEXT_FIELDS: readonly (readonly [TextField, string])[] = [
  ['title', '标题'], ['projectName', '项目名称'], ['supervisingDepartment', '主管部门'], ['implementingUnit', '实施单位'],
  ['projectAttribute', '项目属性'], ['projectPeriod', '项目期'], ['goal', '绩效目标'], ['fundUse', '资金用途'],
];

const tableLabel = (t: PerformanceTable, i: number) => (t.projectName.trim() ? `“${t.projectName.trim()}”` : `第 ${i + 1} 张表`);

/** Clears every amount of a table (funds, 含本级, 部门预算, the original texts of amount cells). */
function clearAmounts(table: PerformanceTable): PerformanceTable {
  return {
    ...table,
    funds: emptyFunds(table.funds.carryover !== undefined),
    ownLevelFunds: table.ownLevelFunds ? emptyFunds(table.ownLevelFunds.carryover !== undefined) : null,
    amountTexts: {},
    departmentBudget: table.departmentBudget
      ? { incomeTotal: null, incomeFiscal: null, incomeOther: null, expenditureTotal: null, expenditureBasic: null, expenditureProject: null }
      : null,
  };
}

/**
 * Copies one table from `fromYear` into `options.toYear`: years moved in 标题, 项目名称, 项目编码
 * (河北 2-digit year), 绩效目标, 资金用途 and every indicator's 三级指标, 描述, 依据 and 指标值 (a
 * value only where the year is followed by 年, and re-parsed); amounts kept or cleared; the
 * indicators kept. `tableIndex` numbers the changes (the table's index in the new project).
 */
export function copyTableToYear(table: PerformanceTable, tableIndex: number, fromYear: number, options: YearCopyOptions): TableYearCopy {
  const changes: YearChange[] = [];
  const name = tableLabel(table, tableIndex);
  const shift = (text: string, path: string, where: string, needYearWord = false): string => {
    const r = shiftYearInText(text, fromYear, options.toYear, needYearWord);
    const changed = r.edits.some((e) => e.action === 'changed');
    for (const e of r.edits.filter((x) => x.action === 'review')) changes.push({ tableIndex, path, where, before: text, after: text, action: 'review', reason: e.reason });
    if (changed) changes.push({ tableIndex, path, where, before: text, after: r.text, action: 'changed' });
    return r.text;
  };
  let next: PerformanceTable = options.amounts === 'clear' ? clearAmounts(table) : table;
  const patch: Partial<Record<TextField | 'ownLevelGoal' | 'projectCode', string | null>> = {};
  for (const [field, label] of TEXT_FIELDS) {
    const after = shift(table[field], field, `${name}的${label}`);
    if (after !== table[field]) patch[field] = after;
  }
  if (table.ownLevelGoal) {
    const after = shift(table.ownLevelGoal, 'ownLevelGoal', `${name}的绩效目标（含本级）`);
    if (after !== table.ownLevelGoal) patch.ownLevelGoal = after;
  }
  const code = shiftProjectCodeYear(table.projectCode, fromYear, options.toYear);
  if (code) {
    patch.projectCode = code;
    changes.push({ tableIndex, path: 'projectCode', where: `${name}的项目编码（第 7–8 位为年度）`, before: table.projectCode, after: code, action: 'changed' });
  }
  const indicators = table.indicators.map((ind: Indicator, i: number): Indicator => {
    const label = `${name}的指标“${ind.name.trim() || `${ind.level2}第 ${i + 1} 行`}”`;
    const nameAfter = shift(ind.name, `indicators.${i}.name`, `${label}的名称`);
    const description = shift(ind.description, `indicators.${i}.description`, `${label}的描述`);
    const basis = shift(ind.basis, `indicators.${i}.basis`, `${label}的依据`);
    const raw = shift(ind.value.raw, `indicators.${i}.value`, `${label}的指标值`, true);
    if (nameAfter === ind.name && description === ind.description && basis === ind.basis && raw === ind.value.raw) return ind;
    return { ...ind, name: nameAfter, description, basis, value: raw === ind.value.raw ? ind.value : parseIndicatorValue(raw) };
  });
  next = { ...next, ...(patch as Partial<PerformanceTable>), indicators };
  if (options.amounts === 'clear' && table.funds.total != null) {
    changes.push({ tableIndex, path: 'funds', where: `${name}的${getFamily(table.family).department ? '部门预算' : '项目资金'}`, before: '上年金额', after: '（已清空，请填写本年金额）', action: 'changed' });
  }
  return { table: next, changes };
}

/**
 * 按上年新建 of a whole project (or of the tables at `tableIndices`, in that order): meta
 * 预算年度 set to `options.toYear`, each table copied by `copyTableToYear`; titles printed from
 * the family default (which carry {year}) are listed once. The project's fiscal year must be known.
 * @throws RangeError when the project has no 预算年度, the new year equals it, or an index is out of range.
 */
export function copyProjectToYear(project: Project, options: YearCopyOptions, tableIndices?: readonly number[]): { project: Project; changes: YearChange[] } {
  const fromYear = project.meta.fiscalYear;
  if (fromYear == null) throw new RangeError('project has no fiscal year');
  if (!Number.isInteger(options.toYear) || options.toYear === fromYear) throw new RangeError(`bad target year ${options.toYear}`);
  const indices = tableIndices ?? project.tables.map((_, i) => i);
  const changes: YearChange[] = [{ tableIndex: null, path: 'meta.fiscalYear', where: '预算年度', before: String(fromYear), after: String(options.toYear), action: 'changed' }];
  const tables = indices.map((index, k) => {
    const table = project.tables[index];
    if (!table) throw new RangeError(`table index ${index} out of range`);
    const copy = copyTableToYear(table, k, fromYear, options);
    changes.push(...copy.changes);
    return copy.table;
  });
  const meta = { ...project.meta, fiscalYear: options.toYear };
  // titles printed from the family default follow the 预算年度 by themselves: one line for all of them
  const generated = tables.filter((t) => t.title === '' && getFamily(t.family).defaultTitle.includes('{year}'));
  if (generated.length > 0) {
    changes.splice(1, 0, {
      tableIndex: null, path: 'title', where: `标题（${generated.length} 张表按预算年度生成）`,
      before: tableTitle(generated[0], project.meta), after: tableTitle(generated[0], meta), action: 'changed',
    });
  }
  return { project: { meta, tables }, changes };
}
