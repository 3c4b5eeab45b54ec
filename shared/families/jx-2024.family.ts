/** Family D (江西 2024, 101号) as data: header cells, funds block, matrix columns and category tree. No logic here. */
import { CATEGORIES_101 } from './categories';
import { amountRows, field, labelled, text, titleRows, treeColumns } from './form-parts';
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
    ...titleRows(4, '({year}年度)'),
    ...labelled(2, 0, '项目名称', 'projectName', { cs: 3 }),
    ...labelled(3, 0, '主管部门及代码', 'supervisingDepartment'),
    ...labelled(3, 2, '实施单位', 'implementingUnit'),
    text(4, 0, '项目资金\n({unit})', { rs: 4 }),
    ...amountRows(4, 1, 2, [['年度资金总额', 'funds.total'], ['其中：财政拨款', 'funds.fiscal'], ['其他资金', 'funds.other'], ['上年结转', 'funds.carryover']]),
    text(8, 0, '年度绩效目标', { cs: 4 }, 'heading'),
    field(9, 0, 'goal', 'text', { cs: 4 }),
  ],
  matrix: { columns: treeColumns(0), slotStyle: false, slotsPerLevel2: 1 },
  categories: CATEGORIES_101,
  profile: { carryoverInTotal: true },
};
