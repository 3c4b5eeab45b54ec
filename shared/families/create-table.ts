/**
 * New, empty tables of a family: a built-in family's category tree pre-filled (`createTable`),
 * or another table's layout, built-in or learned (`createTableLike`, the editor's 新建表).
 */
import { categorySlots, createLearnedTable, emptyFunds, emptyIndicator } from '../model/create';
import type { BuiltinFamilyId, Indicator, MoneyUnit, PerformanceTable } from '../model/types';
import { getFamily } from './index';

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
