/**
 * Constructors of blank model values: empty funds, indicator rows, tables of a built-in family or a
 * learned layout, and projects. Only builds new data; edits go through shared/commands.
 */
import { getFamily } from '../families';
import { EMPTY_VALUE } from '../values/indicator-value';
import type { LearnedTemplate, Level1Definition } from '../families/types';
import type { BuiltinFamilyId, FamilyId, Funds, Indicator, MoneyUnit, PerformanceTable, Project, ProjectMeta } from './types';

/** Funds with every amount blank; `carryover` only when the family has 上年结转 (D). */
export function emptyFunds(withCarryover = false): Funds {
  return withCarryover ? { total: null, fiscal: null, other: null, carryover: null } : { total: null, fiscal: null, other: null };
}

/** A blank indicator row under the given 一级 / 二级. */
export function emptyIndicator(level1: string, level2: string): Indicator {
  return { level1, level2, name: '', description: '', basis: '', value: EMPTY_VALUE };
}

/**
 * A new, empty table of a family, with the family's category tree pre-filled:
 * `slotsPerLevel2` blank rows under each 二级 (family A: 2 「指标N:」 slots).
 */
export function createTable(familyId: BuiltinFamilyId, moneyUnit?: MoneyUnit): PerformanceTable {
  const family = getFamily(familyId);
  const indicators: Indicator[] = [];
  for (const l1 of family.categories) {
    for (const l2 of l1.level2) {
      for (let i = 0; i < family.matrix.slotsPerLevel2; i++) indicators.push(emptyIndicator(l1.name, l2.name));
    }
  }
  return {
    family: familyId,
    moneyUnit: moneyUnit ?? family.defaultMoneyUnit,
    title: '',
    projectName: '',
    projectCode: '',
    supervisingDepartment: '',
    implementingUnit: '',
    projectAttribute: '',
    projectPeriod: '',
    funds: emptyFunds(familyId === 'jx-2024'),
    ownLevelFunds: family.profile.ownLevelColumns ? emptyFunds() : null,
    amountTexts: {},
    fundUse: '',
    spendingPlan: familyId === 'hebei' ? { march: null, june: null, october: null, december: null } : null,
    goal: '',
    ownLevelGoal: family.profile.ownLevelColumns ? '' : null,
    departmentBudget: family.department
      ? { incomeTotal: null, incomeFiscal: null, incomeOther: null, expenditureTotal: null, expenditureBasic: null, expenditureProject: null }
      : null,
    indicators,
  };
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
function categorySlots(categories: readonly Level1Definition[]): Indicator[] {
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

/**
 * A new, empty table in the layout of `table` (新建表 in a project that uses a learned layout):
 * the same template, one blank row per observed 二级 in each block, the named fund lines and
 * extra fields with their labels and no values. A built-in table gives `createTable(family)`.
 */
export function createTableLike(table: PerformanceTable): PerformanceTable {
  if (table.family !== 'learned') return createTable(table.family, table.moneyUnit);
  const template = table.template;
  if (!template) throw new Error('learned table without template');
  const lists = new Set((template.blocks ?? []).map((b) => b.list));
  const slots = categorySlots(template.categories);
  const base = createLearnedTable(template, table.moneyUnit);
  return {
    ...base,
    indicators: slots,
    ...(lists.has('longTermIndicators') ? { longTermIndicators: slots } : {}),
    ...(table.longTermFunds ? { longTermFunds: emptyFunds() } : {}),
    ...(table.fundLines ? { fundLines: table.fundLines.map((l) => ({ label: l.label, amount: null })) } : {}),
    ...(table.extras ? { extras: Object.fromEntries(Object.keys(table.extras).map((k) => [k, ''])) } : {}),
  };
}
