/** Family B (宁夏 2022, 88号) as data: header cells, matrix columns and category tree. No logic here. */
import { CATEGORIES_NX_2022 } from './categories';
import { amountRows, labelled, text, titleRows, treeColumns } from './form-parts';
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
    ...titleRows(5, '( {year} 年度)'),
    ...labelled(2, 0, '项目名称', 'projectName', { cs: 4 }),
    ...labelled(3, 0, '主管部门及代码', 'supervisingDepartment'),
    ...labelled(3, 2, '实施单位', 'implementingUnit', { cs: 2 }),
    ...labelled(4, 0, '项目属性', 'projectAttribute'),
    ...labelled(4, 2, '项目期', 'projectPeriod', { cs: 2 }),
    text(5, 0, '项目资金\n({unit})', { rs: 3 }),
    ...amountRows(5, 1, 3, [['年度资金总额:', 'funds.total'], ['其中: 财政拨款', 'funds.fiscal'], ['其他资金', 'funds.other']]),
    ...labelled(8, 0, '年度总体目标', 'goal', { cs: 4 }),
  ],
  matrix: {
    sideLabel: { c: 0, text: '绩效指标', headerText: '名称' },
    columns: treeColumns(1),
    slotStyle: false,
    slotsPerLevel2: 1,
  },
  categories: CATEGORIES_NX_2022,
  profile: {},
};
