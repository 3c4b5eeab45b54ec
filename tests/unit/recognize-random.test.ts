import { describe, expect, it } from 'vitest';
import { getFamily } from '../../shared/families';
import { indicatorRuns, layout, slotPrefix, type LayoutContext } from '../../shared/layout/layout';
import { createTable } from '../../shared/families/create-table';
import type { BuiltinFamilyId, Indicator, PerformanceTable } from '../../shared/model/types';
import { FAMILY_IDS } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { rng } from '../fixtures/gen-write';
import { layoutToRawSheet, stackLayoutsToRawSheet } from '../helpers/layout-to-raw';

/**
 * The key property on messy random tables: recognize(layout(T)) deep-equals T. Contents are
 * drawn from seed-like pools, including texts that look like labels (a project named 其他资金),
 * irregular amounts, misplaced categories, odd slot prefixes and multi-line texts.
 */

const CTX: LayoutContext = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' };
const TEXTS = ['', '其他资金', '实施单位', '续建项目', '长期', '916-赣州经济技术开发区凤岗镇人民政府', '目标1：保障运转。\n目标2：提升服务。', '<p>本年共组织召开1次镇人代会</p>', ' 前后有空格 ', '1.目标内容1'];
const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标', '', '二级指标', '每月机关办公节约纸张'];
const LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标', '可持续发展影响指标', '服务对象满意度', '', '经济成本指标'];
const NAMES = ['', '行政村数量', '逐步促进了解河势变化及对防洪、', '足额发放率', '每年1—12月按工作计划正常进行各项支出', '名称\n换行', '≥200张'];
const VALUES = ['', '≥95%', '21个', '0.98', '$\\leq 1000000$ 元', '长效机制', '≥95百分比', '=3600元/人/年', '不少于 10 次', '2024年底'];
type Amount = readonly [number | null, string | undefined];
const AMOUNTS: readonly Amount[] = [[null, undefined], [67.54, undefined], [0, undefined], [9139.15, '9,139.15'], [16.606, undefined], [null, '待定']];
/** Irregular texts with an inline unit: the value is in the table's unit. */
const UNIT_AMOUNTS: Readonly<Record<'yuan' | 'wanYuan', readonly Amount[]>> = {
  wanYuan: [[4, '4万元'], [2.8, '2.8万'], [1.5, '15000元']],
  yuan: [[40000, '4万元'], [28000, '2.8万'], [15000, '15000元']],
};
const SLOT_LABELS = ['指标1：', '指标2', '指标2: 指标2:', '指标3:'];

function randomTable(family: BuiltinFamilyId, random: () => number): PerformanceTable {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const base = createTable(family);
  const def = getFamily(family);
  const amountTexts: Record<string, string> = {};
  const amount = (path: string) => {
    const [value, text] = pick([...AMOUNTS, ...UNIT_AMOUNTS[base.moneyUnit]]);
    if (text !== undefined) amountTexts[path] = text;
    return value;
  };
  const indicators: Indicator[] = [];
  const count = 1 + Math.floor(random() * 14);
  for (let i = 0; i < count; i++) {
    const canonical = random() < 0.7;
    const l1 = canonical ? pick(def.categories) : null;
    indicators.push({
      level1: l1 ? l1.name : pick(LEVEL1),
      level2: l1 ? pick(l1.level2).name : pick(LEVEL2),
      name: pick(NAMES),
      description: family === 'hebei' ? pick(NAMES) : '',
      basis: family === 'hebei' ? pick(['', '年度工作计划', '2024县级预算编制通知']) : '',
      value: parseIndicatorValue(pick(VALUES)),
    });
  }
  let t: PerformanceTable = {
    ...base,
    title: random() < 0.3 ? '附表：项目绩效目标表' : '',
    projectName: pick(TEXTS) || '项目甲',
    projectCode: family === 'hebei' ? '13073024P00888510015C' : '',
    supervisingDepartment: ['nx-2024', 'nx-2022', 'jx-2024'].includes(family) ? pick(TEXTS) : '',
    implementingUnit: ['nx-2024', 'nx-2022', 'jx-2024'].includes(family) ? pick(TEXTS) : '',
    projectAttribute: ['nx-2024', 'nx-2022'].includes(family) ? pick(TEXTS) : '',
    projectPeriod: ['nx-2024', 'nx-2022'].includes(family) ? pick(TEXTS) : '',
    fundUse: family === 'hebei' ? pick(TEXTS) : '',
    goal: pick(TEXTS),
    indicators,
  };
  if (family !== 'jx-department') {
    t = { ...t, funds: { ...t.funds, total: amount('funds.total'), fiscal: amount('funds.fiscal'), other: amount('funds.other') } };
  }
  if (family === 'jx-2024') t = { ...t, funds: { ...t.funds, carryover: amount('funds.carryover') } };
  if (t.ownLevelFunds) t = { ...t, ownLevelFunds: { total: amount('ownLevelFunds.total'), fiscal: amount('ownLevelFunds.fiscal'), other: null } };
  if (family === 'nx-2024') t = { ...t, ownLevelGoal: random() < 0.5 ? null : pick(TEXTS) };
  if (t.spendingPlan) t = { ...t, spendingPlan: { march: pick([null, 25, 33.3]), june: 50, october: pick([null, 75]), december: 100 } };
  if (t.departmentBudget) t = { ...t, departmentBudget: { ...t.departmentBudget, incomeTotal: amount('departmentBudget.incomeTotal'), expenditureProject: 10254.47 } };
  t = { ...t, amountTexts };
  return def.matrix.slotStyle ? withSlotLabels(t, pick) : t;
}

/** Family A: random printed prefixes, canonical ones dropped (the model stores only deviations). */
function withSlotLabels(t: PerformanceTable, pick: <T>(xs: readonly T[]) => T): PerformanceTable {
  const indicators = [...t.indicators];
  for (const g2 of indicatorRuns(indicators).level2) {
    for (let index = g2.start; index < g2.end; index++) {
      const ind = indicators[index];
      // No prefix at all ('') on an empty row would print a spacer: only with content.
      const label = pick([...SLOT_LABELS, undefined, undefined, ind.name || ind.value.raw ? '' : undefined]);
      indicators[index] = label === undefined || label === slotPrefix(index - g2.start) ? ind : { ...ind, slotLabel: label };
    }
  }
  return { ...t, indicators };
}

describe('recognize(layout(T)) = T on random messy tables', () => {
  it.each(FAMILY_IDS)('%s: 60 random tables, one per sheet and all stacked', (family) => {
    const random = rng(FAMILY_IDS.indexOf(family) + 101);
    const tables = Array.from({ length: 60 }, () => randomTable(family, random));
    const sheets = tables.map((t, i) => layoutToRawSheet(layout(t, CTX), `S${i}`, { row: i % 3, col: i % 2 }));
    const perSheet = recognizeWorkbook({ sheets, warnings: [] }, { fiscalYear: 2024 });
    perSheet.project.tables.forEach((got, i) => expect(got, `table ${i}`).toEqual(tables[i]));
    expect(perSheet.project.tables).toHaveLength(60);
    const stacked = recognizeWorkbook({ sheets: [stackLayoutsToRawSheet(tables.map((t) => layout(t, CTX)))], warnings: [] }, { fiscalYear: 2024 });
    expect(stacked.project.tables).toEqual(tables);
  });
});
