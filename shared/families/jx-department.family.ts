/** Family E (江西 部门整体支出) as data: header cells, budget block, matrix columns and category tree. No logic here. */
import { CATEGORIES_DEPARTMENT } from './categories';
import type { FamilyDefinition } from './types';

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
    { r: 0, c: 0, cs: 5, text: '{title}', style: 'title' },
    { r: 1, c: 0, cs: 5, text: '({year}年度)', style: 'subtitle' },
    { r: 2, c: 0, text: '部门名称', style: 'label' },
    { r: 2, c: 1, cs: 4, field: 'projectName', style: 'text' },
    { r: 3, c: 0, cs: 5, text: '当年预算情况（{unit}）', style: 'heading' },
    { r: 4, c: 0, text: '收入预算合计：', style: 'label' },
    { r: 4, c: 1, field: 'departmentBudget.incomeTotal', style: 'amount' },
    { r: 4, c: 2, cs: 3, text: '', style: 'text' },
    { r: 5, c: 0, text: '其中：财政拨款：', style: 'label' },
    { r: 5, c: 1, field: 'departmentBudget.incomeFiscal', style: 'amount' },
    { r: 5, c: 2, text: '其他经费：', style: 'label' },
    { r: 5, c: 3, cs: 2, field: 'departmentBudget.incomeOther', style: 'amount' },
    { r: 6, c: 0, text: '支出预算合计：', style: 'label' },
    { r: 6, c: 1, field: 'departmentBudget.expenditureTotal', style: 'amount' },
    { r: 6, c: 2, cs: 3, text: '', style: 'text' },
    { r: 7, c: 0, text: '其中：基本支出', style: 'label' },
    { r: 7, c: 1, field: 'departmentBudget.expenditureBasic', style: 'amount' },
    { r: 7, c: 2, text: '项目支出：', style: 'label' },
    { r: 7, c: 3, cs: 2, field: 'departmentBudget.expenditureProject', style: 'amount' },
    { r: 8, c: 0, text: '年度总体目标', style: 'label' },
    { r: 8, c: 1, cs: 4, field: 'goal', style: 'text' },
    { r: 9, c: 0, cs: 5, text: '年度绩效指标', style: 'heading' },
  ],
  matrix: {
    sideLabel: { c: 0, text: '年度绩效指标' },
    columns: [
      { key: 'level1', c: 1, header: '一级指标' },
      { key: 'level2', c: 2, header: '二级指标' },
      { key: 'name', c: 3, header: '三级指标' },
      { key: 'value', c: 4, header: '指标值' },
    ],
    slotStyle: false,
    slotsPerLevel2: 1,
  },
  categories: CATEGORIES_DEPARTMENT,
  profile: {},
};
