/** Family C (河北 预算管理一体化) as data: header cells, matrix columns and category tree. No logic here. */
import { CATEGORIES_88 } from './categories';
import { field, labelled, text, titleRows, treeColumns } from './form-parts';
import type { FamilyDefinition } from './types';

/** The 资金支出计划 columns: label, spendingPlan key, column, span. */
const PLAN_COLUMNS = [['3月底', 'march', 1, {}], ['6月底', 'june', 2, {}], ['10月底', 'october', 3, { cs: 2 }], ['12月底', 'december', 5, { cs: 2 }]] as const;

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
    ...titleRows(7),
    text(1, 0, '{unitCode}{unitName}', { cs: 5 }, 'unitLine'),
    text(1, 5, '单位：{unit}', { cs: 2 }, 'unitLineRight'),
    ...labelled(2, 0, '项目编码', 'projectCode', { cs: 2 }),
    ...labelled(2, 3, '项目名称', 'projectName', { cs: 3 }),
    text(3, 0, '预算规模及资金用途', { rs: 2 }),
    ...labelled(3, 1, '预算数', 'funds.total', {}, 'amount'),
    ...labelled(3, 3, '其中：财政资金', 'funds.fiscal', {}, 'amount'),
    ...labelled(3, 5, '其他资金', 'funds.other', {}, 'amount'),
    field(4, 1, 'fundUse', 'text', { cs: 6 }),
    text(5, 0, '资金支出计划（%）', { rs: 2 }),
    ...PLAN_COLUMNS.map(([label, , c, span]) => text(5, c, label, span)),
    ...PLAN_COLUMNS.map(([, key, c, span]) => field(6, c, `spendingPlan.${key}`, 'percent', span)),
    ...labelled(7, 0, '绩效目标', 'goal', { cs: 6 }),
  ],
  matrix: {
    columns: [
      ...treeColumns(0).slice(0, 3),
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
