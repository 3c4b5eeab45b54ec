/**
 * Constructors of blank model values: empty funds, indicator rows, tables of a learned layout, and
 * projects (a built-in family's new table: shared/families/create-table.ts). Only builds new data;
 * edits go through shared/commands.
 */
import { EMPTY_VALUE } from '../values/indicator-value';
import type { LearnedTemplate, Level1Definition } from './family-types';
import type { Funds, Indicator, MoneyUnit, PerformanceTable, Project, ProjectMeta } from './types';

/** Funds with every amount blank; `carryover` only when the family has 上年结转 (D). */
export function emptyFunds(withCarryover = false): Funds {
  return withCarryover ? { total: null, fiscal: null, other: null, carryover: null } : { total: null, fiscal: null, other: null };
}

/** A blank indicator row under the given 一级 / 二级. */
export function emptyIndicator(level1: string, level2: string): Indicator {
  return { level1, level2, name: '', description: '', basis: '', value: EMPTY_VALUE };
}

/** Default project meta: the current budget year is left to the user (null). */
export function emptyMeta(moneyUnit: MoneyUnit = 'wanYuan'): ProjectMeta {
  return { fiscalYear: null, unitCode: '', unitName: '', moneyUnit };
}

/** A project with no tables. */
export function createProject(meta: Partial<ProjectMeta> = {}): Project {
  return { meta: { ...emptyMeta(), ...meta }, tables: [] };
}

/** One blank indicator per 二级 of a category tree, in order. */
export function categorySlots(categories: readonly Level1Definition[]): Indicator[] {
  return categories.flatMap((l1) => (l1.level2.length > 0 ? l1.level2.map((l2) => emptyIndicator(l1.name, l2.name)) : [emptyIndicator(l1.name, '')]));
}

/**
 * The empty table of a learned layout (family `learned`, template on the table): no values,
 * no indicators. Import fills it; `createTableLike` gives the editor's 新建表 its category slots.
 */
export function createLearnedTable(template: LearnedTemplate, moneyUnit?: MoneyUnit): PerformanceTable {
  return {
    family: 'learned', moneyUnit: moneyUnit ?? template.defaultMoneyUnit, title: '', projectName: '', projectCode: '',
    supervisingDepartment: '', implementingUnit: '', projectAttribute: '', projectPeriod: '',
    funds: emptyFunds(), ownLevelFunds: null, amountTexts: {}, fundUse: '', spendingPlan: null,
    goal: '', ownLevelGoal: null, departmentBudget: null, indicators: [], template,
  };
}
