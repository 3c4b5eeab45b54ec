/** Family A (宁夏 2024, two amount columns) as data: header cells, matrix columns and category tree. No logic here. */
import { CATEGORIES_88 } from './categories';
import type { FamilyDefinition } from './types';

/**
 * Family A: 宁夏 2024 「部门项目支出预算绩效目标表」 with the two amount columns
 * 含本级和市县 / 含本级 and pre-printed 「指标N:」 slots (DOMAIN.md §1, seed S0).
 * Grid: 6 columns A–F; rows 1–9 header, row 10 matrix header.
 */
export const NX_2024: FamilyDefinition = {
  id: 'nx-2024',
  letter: 'A',
  displayName: '宁夏2024版（含本级和市县两栏）',
  region: '宁夏',
  defaultTitle: '{year}年部门项目支出预算绩效目标表',
  defaultMoneyUnit: 'wanYuan',
  department: false,
  orientation: 'portrait',
  colWidths: [5, 8, 18, 24, 18, 16],
  headerRowCount: 9,
  header: [
    { r: 0, c: 0, cs: 6, text: '{title}', style: 'title' },
    { r: 1, c: 0, cs: 2, text: '项目名称', style: 'label' },
    { r: 1, c: 2, cs: 4, field: 'projectName', style: 'text' },
    { r: 2, c: 0, cs: 2, text: '主管部门', style: 'label' },
    { r: 2, c: 2, field: 'supervisingDepartment', style: 'text' },
    { r: 2, c: 3, text: '实施单位', style: 'label' },
    { r: 2, c: 4, cs: 2, field: 'implementingUnit', style: 'text' },
    { r: 3, c: 0, cs: 2, text: '项目属性', style: 'label' },
    { r: 3, c: 2, field: 'projectAttribute', style: 'text' },
    { r: 3, c: 3, text: '项目期', style: 'label' },
    { r: 3, c: 4, cs: 2, field: 'projectPeriod', style: 'text' },
    { r: 4, c: 0, rs: 3, cs: 2, text: '项目资金\n({unit})', style: 'label' },
    { r: 4, c: 2, text: '年度资金总额(含本级和市县)', style: 'label' },
    { r: 4, c: 3, field: 'funds.total', style: 'amount' },
    { r: 4, c: 4, text: '年度资金总额(含本级)', style: 'label' },
    { r: 4, c: 5, field: 'ownLevelFunds.total', style: 'amount' },
    { r: 5, c: 2, text: '其中:财政拨款', style: 'label' },
    { r: 5, c: 3, field: 'funds.fiscal', style: 'amount' },
    { r: 5, c: 4, text: '其中:财政拨款', style: 'label' },
    { r: 5, c: 5, field: 'ownLevelFunds.fiscal', style: 'amount' },
    { r: 6, c: 2, text: '其他资金', style: 'label' },
    { r: 6, c: 3, field: 'funds.other', style: 'amount' },
    { r: 6, c: 4, text: '其他资金', style: 'label' },
    { r: 6, c: 5, field: 'ownLevelFunds.other', style: 'amount' },
    { r: 7, c: 0, rs: 2, cs: 2, text: '绩效目标', style: 'label' },
    { r: 7, c: 2, cs: 2, text: '年度总体绩效目标(含本级和市县)', style: 'label', goalVariant: 'split' },
    { r: 7, c: 4, cs: 2, text: '年度绩效目标(含本级)', style: 'label', goalVariant: 'split' },
    { r: 8, c: 2, cs: 2, field: 'goal', style: 'text', goalVariant: 'split' },
    { r: 8, c: 4, cs: 2, field: 'ownLevelGoal', style: 'text', goalVariant: 'split' },
    { r: 7, c: 2, rs: 2, cs: 4, field: 'goal', style: 'text', goalVariant: 'merged' },
  ],
  matrix: {
    sideLabel: { c: 0, text: '绩效指标' },
    columns: [
      { key: 'level1', c: 1, header: '一级指标' },
      { key: 'level2', c: 2, header: '二级指标' },
      { key: 'name', c: 3, cs: 2, header: '三级指标' },
      { key: 'value', c: 5, header: '指标值' },
    ],
    slotStyle: true,
    slotsPerLevel2: 2,
  },
  categories: CATEGORIES_88,
  profile: { ownLevelColumns: true },
};
