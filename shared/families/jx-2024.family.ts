/** Family D (江西 2024, 101号) as data: header cells, funds block, matrix columns and category tree. No logic here. */
import { CATEGORIES_101 } from './categories';
import type { FamilyDefinition } from './types';

/**
 * Family D: 江西 2024 「项目支出绩效目标表 (2024年度)」, 101号-style with 成本指标 as a
 * first-level category and 上年结转 in the funds block (DOMAIN.md §1, seed S3). Grid: 4 columns A–D.
 */
export const JX_2024: FamilyDefinition = {
  id: 'jx-2024',
  letter: 'D',
  displayName: '江西2024版（101号，成本指标为一级）',
  region: '江西',
  defaultTitle: '项目支出绩效目标表',
  defaultMoneyUnit: 'wanYuan',
  department: false,
  orientation: 'portrait',
  colWidths: [15, 18, 36, 20],
  headerRowCount: 10,
  header: [
    { r: 0, c: 0, cs: 4, text: '{title}', style: 'title' },
    { r: 1, c: 0, cs: 4, text: '({year}年度)', style: 'subtitle' },
    { r: 2, c: 0, text: '项目名称', style: 'label' },
    { r: 2, c: 1, cs: 3, field: 'projectName', style: 'text' },
    { r: 3, c: 0, text: '主管部门及代码', style: 'label' },
    { r: 3, c: 1, field: 'supervisingDepartment', style: 'text' },
    { r: 3, c: 2, text: '实施单位', style: 'label' },
    { r: 3, c: 3, field: 'implementingUnit', style: 'text' },
    { r: 4, c: 0, rs: 4, text: '项目资金\n({unit})', style: 'label' },
    { r: 4, c: 1, text: '年度资金总额', style: 'label' },
    { r: 4, c: 2, cs: 2, field: 'funds.total', style: 'amount' },
    { r: 5, c: 1, text: '其中：财政拨款', style: 'label' },
    { r: 5, c: 2, cs: 2, field: 'funds.fiscal', style: 'amount' },
    { r: 6, c: 1, text: '其他资金', style: 'label' },
    { r: 6, c: 2, cs: 2, field: 'funds.other', style: 'amount' },
    { r: 7, c: 1, text: '上年结转', style: 'label' },
    { r: 7, c: 2, cs: 2, field: 'funds.carryover', style: 'amount' },
    { r: 8, c: 0, cs: 4, text: '年度绩效目标', style: 'heading' },
    { r: 9, c: 0, cs: 4, field: 'goal', style: 'text' },
  ],
  matrix: {
    columns: [
      { key: 'level1', c: 0, header: '一级指标' },
      { key: 'level2', c: 1, header: '二级指标' },
      { key: 'name', c: 2, header: '三级指标' },
      { key: 'value', c: 3, header: '指标值' },
    ],
    slotStyle: false,
    slotsPerLevel2: 1,
  },
  categories: CATEGORIES_101,
  profile: { carryoverInTotal: true },
};
