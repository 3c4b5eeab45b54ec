/** Family E (江西 部门整体支出) as data: header cells, budget block, matrix columns and category tree. No logic here. */
import { CATEGORIES_DEPARTMENT } from './categories';
import { labelled, text, titleRows, treeColumns } from './form-parts';
import type { DepartmentBudget } from '../model/types';
import type { FamilyDefinition, HeaderCellSpec } from './types';

type BudgetItem = readonly [label: string, key: keyof DepartmentBudget];

/** A 当年预算情况 row: a total (blank to the right) or two items side by side. */
function budgetRow(r: number, first: BudgetItem, second?: BudgetItem): HeaderCellSpec[] {
  const left = labelled(r, 0, first[0], `departmentBudget.${first[1]}`, {}, 'amount');
  if (!second) return [...left, text(r, 2, '', { cs: 3 }, 'text')];
  return [...left, ...labelled(r, 2, second[0], `departmentBudget.${second[1]}`, { cs: 2 }, 'amount')];
}

/**
 * Family E: 江西 「部门整体支出绩效目标表」 (DOMAIN.md §1, seed S3 l.3–29): 部门名称, the
 * 当年预算情况 block (收入 / 支出), 年度总体目标, and a matrix under a 年度绩效指标 side label.
 * Grid: 5 columns A–E. `projectName` holds 部门名称.
 */
export const JX_DEPARTMENT: FamilyDefinition = {
  id: 'jx-department',
  letter: 'E',
  displayName: '江西部门整体支出',
  region: '江西',
  defaultTitle: '{year}年部门整体支出绩效目标表',
  defaultMoneyUnit: 'wanYuan',
  department: true,
  orientation: 'portrait',
  colWidths: [15, 13, 17, 34, 18],
  headerRowCount: 10,
  header: [
    ...titleRows(5, '({year}年度)'),
    ...labelled(2, 0, '部门名称', 'projectName', { cs: 4 }),
    text(3, 0, '当年预算情况（{unit}）', { cs: 5 }, 'heading'),
    ...budgetRow(4, ['收入预算合计：', 'incomeTotal']),
    ...budgetRow(5, ['其中：财政拨款：', 'incomeFiscal'], ['其他经费：', 'incomeOther']),
    ...budgetRow(6, ['支出预算合计：', 'expenditureTotal']),
    ...budgetRow(7, ['其中：基本支出', 'expenditureBasic'], ['项目支出：', 'expenditureProject']),
    ...labelled(8, 0, '年度总体目标', 'goal', { cs: 4 }),
    text(9, 0, '年度绩效指标', { cs: 5 }, 'heading'),
  ],
  matrix: {
    sideLabel: { c: 0, text: '年度绩效指标' },
    columns: treeColumns(1),
    slotStyle: false,
    slotsPerLevel2: 1,
  },
  categories: CATEGORIES_DEPARTMENT,
  profile: {},
};
