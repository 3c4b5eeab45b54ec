/** Family C (河北 预算管理一体化) as data: header cells, matrix columns and category tree. No logic here. */
import { CATEGORIES_88 } from './categories';
import type { FamilyDefinition } from './types';

/**
 * Family C: 河北 「项目绩效目标表」 from the 预算管理一体化 system (DOMAIN.md §1, seed S2):
 * 项目编码, 预算数 block, 资金用途, 资金支出计划（%）, and the matrix with 绩效指标描述 and
 * 指标值确定依据. Grid: 7 columns A–G; the title and unit line stand above the grid.
 */
export const HEBEI: FamilyDefinition = {
  id: 'hebei',
  letter: 'C',
  displayName: '河北（预算管理一体化系统）',
  region: '河北',
  defaultTitle: '{projectName}绩效目标表',
  defaultMoneyUnit: 'wanYuan',
  department: false,
  orientation: 'portrait',
  colWidths: [11, 13, 17, 12, 12, 14, 14],
  headerRowCount: 8,
  header: [
    { r: 0, c: 0, cs: 7, text: '{title}', style: 'title' },
    { r: 1, c: 0, cs: 5, text: '{unitCode}{unitName}', style: 'unitLine' },
    { r: 1, c: 5, cs: 2, text: '单位：{unit}', style: 'unitLineRight' },
    { r: 2, c: 0, text: '项目编码', style: 'label' },
    { r: 2, c: 1, cs: 2, field: 'projectCode', style: 'text' },
    { r: 2, c: 3, text: '项目名称', style: 'label' },
    { r: 2, c: 4, cs: 3, field: 'projectName', style: 'text' },
    { r: 3, c: 0, rs: 2, text: '预算规模及资金用途', style: 'label' },
    { r: 3, c: 1, text: '预算数', style: 'label' },
    { r: 3, c: 2, field: 'funds.total', style: 'amount' },
    { r: 3, c: 3, text: '其中：财政资金', style: 'label' },
    { r: 3, c: 4, field: 'funds.fiscal', style: 'amount' },
    { r: 3, c: 5, text: '其他资金', style: 'label' },
    { r: 3, c: 6, field: 'funds.other', style: 'amount' },
    { r: 4, c: 1, cs: 6, field: 'fundUse', style: 'text' },
    { r: 5, c: 0, rs: 2, text: '资金支出计划（%）', style: 'label' },
    { r: 5, c: 1, text: '3月底', style: 'label' },
    { r: 5, c: 2, text: '6月底', style: 'label' },
    { r: 5, c: 3, cs: 2, text: '10月底', style: 'label' },
    { r: 5, c: 5, cs: 2, text: '12月底', style: 'label' },
    { r: 6, c: 1, field: 'spendingPlan.march', style: 'percent' },
    { r: 6, c: 2, field: 'spendingPlan.june', style: 'percent' },
    { r: 6, c: 3, cs: 2, field: 'spendingPlan.october', style: 'percent' },
    { r: 6, c: 5, cs: 2, field: 'spendingPlan.december', style: 'percent' },
    { r: 7, c: 0, text: '绩效目标', style: 'label' },
    { r: 7, c: 1, cs: 6, field: 'goal', style: 'text' },
  ],
  matrix: {
    columns: [
      { key: 'level1', c: 0, header: '一级指标' },
      { key: 'level2', c: 1, header: '二级指标' },
      { key: 'name', c: 2, header: '三级指标' },
      { key: 'description', c: 3, cs: 2, header: '绩效指标描述' },
      { key: 'value', c: 5, header: '指标值' },
      { key: 'basis', c: 6, header: '指标值确定依据' },
    ],
    slotStyle: false,
    slotsPerLevel2: 1,
  },
  categories: CATEGORIES_88,
  profile: { level3MaxLength: 15 },
};
