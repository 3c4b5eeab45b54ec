/** Family B (宁夏 2022, 88号) as data: header cells, matrix columns and category tree. No logic here. */
import { CATEGORIES_NX_2022 } from './categories';
import type { FamilyDefinition } from './types';

/**
 * Family B: 宁夏 2022 「部门项目支出预算绩效目标表 (20XX 年度)」, the classic 88号 form
 * with 必填 marks in the 二级 labels (DOMAIN.md §1, seed S1). Grid: 5 columns A–E.
 */
export const NX_2022: FamilyDefinition = {
  id: 'nx-2022',
  letter: 'B',
  displayName: '宁夏2022版（88号申报表）',
  region: '宁夏',
  defaultTitle: '部门项目支出预算绩效目标表',
  defaultMoneyUnit: 'yuan',
  department: false,
  orientation: 'portrait',
  colWidths: [14, 12, 22, 28, 18],
  headerRowCount: 9,
  header: [
    { r: 0, c: 0, cs: 5, text: '{title}', style: 'title' },
    { r: 1, c: 0, cs: 5, text: '( {year} 年度)', style: 'subtitle' },
    { r: 2, c: 0, text: '项目名称', style: 'label' },
    { r: 2, c: 1, cs: 4, field: 'projectName', style: 'text' },
    { r: 3, c: 0, text: '主管部门及代码', style: 'label' },
    { r: 3, c: 1, field: 'supervisingDepartment', style: 'text' },
    { r: 3, c: 2, text: '实施单位', style: 'label' },
    { r: 3, c: 3, cs: 2, field: 'implementingUnit', style: 'text' },
    { r: 4, c: 0, text: '项目属性', style: 'label' },
    { r: 4, c: 1, field: 'projectAttribute', style: 'text' },
    { r: 4, c: 2, text: '项目期', style: 'label' },
    { r: 4, c: 3, cs: 2, field: 'projectPeriod', style: 'text' },
    { r: 5, c: 0, rs: 3, text: '项目资金\n({unit})', style: 'label' },
    { r: 5, c: 1, text: '年度资金总额:', style: 'label' },
    { r: 5, c: 2, cs: 3, field: 'funds.total', style: 'amount' },
    { r: 6, c: 1, text: '其中: 财政拨款', style: 'label' },
    { r: 6, c: 2, cs: 3, field: 'funds.fiscal', style: 'amount' },
    { r: 7, c: 1, text: '其他资金', style: 'label' },
    { r: 7, c: 2, cs: 3, field: 'funds.other', style: 'amount' },
    { r: 8, c: 0, text: '年度总体目标', style: 'label' },
    { r: 8, c: 1, cs: 4, field: 'goal', style: 'text' },
  ],
  matrix: {
    sideLabel: { c: 0, text: '绩效指标', headerText: '名称' },
    columns: [
      { key: 'level1', c: 1, header: '一级指标' },
      { key: 'level2', c: 2, header: '二级指标' },
      { key: 'name', c: 3, header: '三级指标' },
      { key: 'value', c: 4, header: '指标值' },
    ],
    slotStyle: false,
    slotsPerLevel2: 1,
  },
  categories: CATEGORIES_NX_2022,
  profile: {},
};
