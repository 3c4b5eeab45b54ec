/** Family A (宁夏 2024, two amount columns) as data: header cells, matrix columns and category tree. No logic here. */
import { CATEGORIES_88 } from './categories';
import { field, labelled, text, titleRows, treeColumns } from './form-parts';
import type { FamilyDefinition } from './types';

/** Labels of the amount rows in the 含本级和市县 and 含本级 columns, and the funds key. */
const AMOUNT_ROWS = [
  ['年度资金总额(含本级和市县)', '年度资金总额(含本级)', 'total'],
  ['其中:财政拨款', '其中:财政拨款', 'fiscal'],
  ['其他资金', '其他资金', 'other'],
] as const;

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
    ...titleRows(6),
    text(1, 0, '项目名称', { cs: 2 }),
    field(1, 2, 'projectName', 'text', { cs: 4 }),
    text(2, 0, '主管部门', { cs: 2 }),
    field(2, 2, 'supervisingDepartment'),
    ...labelled(2, 3, '实施单位', 'implementingUnit', { cs: 2 }),
    text(3, 0, '项目属性', { cs: 2 }),
    field(3, 2, 'projectAttribute'),
    ...labelled(3, 3, '项目期', 'projectPeriod', { cs: 2 }),
    text(4, 0, '项目资金\n({unit})', { rs: 3, cs: 2 }),
    // each row: the 含本级和市县 amount, then the 含本级 one
    ...AMOUNT_ROWS.flatMap(([all, own, key], i) => [
      ...labelled(4 + i, 2, all, `funds.${key}`, {}, 'amount'),
      ...labelled(4 + i, 4, own, `ownLevelFunds.${key}`, {}, 'amount'),
    ]),
    { r: 7, c: 0, rs: 2, cs: 2, text: '绩效目标', style: 'label' },
    { r: 7, c: 2, cs: 2, text: '年度总体绩效目标(含本级和市县)', style: 'label', goalVariant: 'split' },
    { r: 7, c: 4, cs: 2, text: '年度绩效目标(含本级)', style: 'label', goalVariant: 'split' },
    { r: 8, c: 2, cs: 2, field: 'goal', style: 'text', goalVariant: 'split' },
    { r: 8, c: 4, cs: 2, field: 'ownLevelGoal', style: 'text', goalVariant: 'split' },
    { r: 7, c: 2, rs: 2, cs: 4, field: 'goal', style: 'text', goalVariant: 'merged' },
  ],
  matrix: {
    sideLabel: { c: 0, text: '绩效指标' },
    columns: treeColumns(1, 2),
    slotStyle: true,
    slotsPerLevel2: 2,
  },
  categories: CATEGORIES_88,
  profile: { ownLevelColumns: true },
};
