import { describe, expect, it } from 'vitest';
import { layout, type LayoutContext } from '../../shared/layout/layout';
import { createTable } from '../../shared/families/create-table';
import type { BuiltinFamilyId, PerformanceTable } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import { detectFamily } from '../../shared/xlsx/detect-family';
import type { RawCell, RawSheet } from '../../shared/xlsx/raw';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { layoutToRawSheet, stackLayoutsToRawSheet } from '../helpers/layout-to-raw';

const CTX: LayoutContext = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' };

type MutableSheet = { name: string; rows: (RawCell | null)[][]; merges: RawSheet['merges']; colWidths: RawSheet['colWidths'] };

function sheetOf(table: PerformanceTable, ctx: LayoutContext = CTX, offset?: { row?: number; col?: number }): MutableSheet {
  const s = layoutToRawSheet(layout(table, ctx), 'Sheet1', offset);
  return { ...s, rows: s.rows.map((r) => [...r]), merges: [...s.merges] };
}

/** Replaces every cell whose text is `from` (exactly) by `to`; fails when none matched. */
function replaceText(sheet: MutableSheet, from: string, to: RawCell | string | null): void {
  let n = 0;
  sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell && cell.value === from) {
      sheet.rows[r][c] = typeof to === 'string' ? { value: to } : to;
      n++;
    }
  }));
  expect(n, `cell 「${from}」`).toBeGreaterThan(0);
}

function recognize(sheets: MutableSheet[], options = {}) {
  return recognizeWorkbook({ sheets, warnings: [] }, options);
}

function table(family: BuiltinFamilyId, patch: Partial<PerformanceTable> = {}): PerformanceTable {
  return { ...createTable(family), projectName: '测试项目', ...patch };
}

describe('recognizeWorkbook quirks', () => {
  it('finds a table shifted by blank leading rows and columns', () => {
    const t = table('jx-2024', { funds: { total: 5, fiscal: 5, other: 0, carryover: 0 } });
    const result = recognize([sheetOf(t, CTX, { row: 3, col: 2 })]);
    expect(result.project.tables).toEqual([t]);
    expect(result.warnings).toEqual([]);
  });

  it('detects every family from its labels, and options.family overrides', () => {
    for (const family of ['nx-2024', 'nx-2022', 'hebei', 'jx-2024', 'jx-department'] as const) {
      const texts = layout(createTable(family), CTX).cells.map((c) => c.text);
      expect(detectFamily(texts)).toBe(family);
    }
    expect(detectFamily(['一级指标', '二级指标', '三级指标', '指标值'])).toBeNull();
    const d = sheetOf(table('jx-2024'));
    const forced = recognize([d], { family: 'nx-2022' });
    expect(forced.project.tables[0].family).toBe('nx-2022');
  });

  it('strips 「(必填硬性指标)」 /「（必填）」 annotations from 二级 cells', () => {
    const t = table('nx-2022');
    const sheet = sheetOf(t);
    replaceText(sheet, '数量指标(必填硬性指标)', '数量指标（必填硬性指标）');
    replaceText(sheet, '质量指标(必填)', '质量指标\n（必填）');
    replaceText(sheet, '经济效益指标', '经济效益指标（必填）');
    expect(recognize([sheet]).project.tables[0].indicators.map((i) => i.level2)).toEqual(t.indicators.map((i) => i.level2));
  });

  it('family A: strips 「指标N:」 and keeps a non-canonical prefix in slotLabel', () => {
    const sheet = sheetOf(table('nx-2024'));
    const names = sheet.rows.flat().filter((c) => c && typeof c.value === 'string' && /^指标\d:$/.test(c.value));
    (names[0] as { value: string }).value = '指标1: 培训人数';
    (names[1] as { value: string }).value = '指标2: 指标2: 促进工作、提高效率';
    (names[2] as { value: string }).value = '指标1：培训次数';
    (names[3] as { value: string }).value = '指标2';
    const inds = recognize([sheet]).project.tables[0].indicators;
    expect(inds.slice(0, 4).map((i) => [i.name, i.slotLabel])).toEqual([
      ['培训人数', undefined], ['促进工作、提高效率', '指标2: 指标2:'], ['培训次数', '指标1：'], ['', '指标2'],
    ]);
  });

  it('reads the money unit from labels: 项目资金 (万元) / (元), 单位：元', () => {
    const a = sheetOf(table('jx-2024'));
    replaceText(a, '项目资金\n(万元)', '项目资金 (元)');
    expect(recognize([a]).project.tables[0].moneyUnit).toBe('yuan');
    const c = sheetOf(table('hebei', { moneyUnit: 'wanYuan' }));
    replaceText(c, '单位：万元', '单位：元');
    expect(recognize([c]).project.tables[0].moneyUnit).toBe('yuan');
  });

  it('reads amounts typed as text: 4万元 and 9,139.15 are kept in amountTexts, 67.54 is not', () => {
    const sheet = sheetOf(table('jx-2024', { funds: { total: 1, fiscal: 2, other: 3, carryover: 4 } }));
    for (const [n, text] of [[1, '4万元'], [2, '9,139.15'], [3, '67.54'], [4, '40000元']] as const) {
      const cell = sheet.rows.flat().find((c) => c?.value === n) as { value: string | number } | undefined;
      expect(cell, `amount ${n}`).toBeDefined();
      cell!.value = text;
    }
    const t = recognize([sheet]).project.tables[0];
    expect(t.funds).toEqual({ total: 4, fiscal: 9139.15, other: 67.54, carryover: 4 });
    expect(t.amountTexts).toEqual({ 'funds.total': '4万元', 'funds.fiscal': '9,139.15', 'funds.carryover': '40000元' });
  });

  it('reads percent cells: 0.25 with a % format, 25% and 25％ text → 25', () => {
    const t = table('hebei', { spendingPlan: { march: 25, june: 50, october: 75, december: 100 } });
    const sheet = sheetOf(t);
    const pct = sheet.rows.flat().filter((c) => c?.numFmt === '0%') as { value: number; numFmt?: string }[];
    expect(pct).toHaveLength(4);
    Object.assign(pct[1], { value: '50%', numFmt: undefined });
    Object.assign(pct[2], { value: '75％', numFmt: undefined });
    const got = recognize([sheet]).project.tables[0];
    expect(got.spendingPlan).toEqual({ march: 25, june: 50, october: 75, december: 100 });
    expect(got.amountTexts).toEqual({ 'spendingPlan.october': '75％' });
  });

  it('tolerates line breaks, extra spaces and full-width punctuation in labels and the 一级 column', () => {
    const t = table('hebei', { funds: { total: 3, fiscal: 3, other: null } });
    const sheet = sheetOf(t);
    replaceText(sheet, '其中：财政资金', '其中:财政    资金');
    replaceText(sheet, '资金支出计划（%）', '资金支出\n计划(%)');
    replaceText(sheet, '满意度指标', '满意 度指 标');
    replaceText(sheet, '预算规模及资金用途', '预算规模及\r\n资金用途');
    const result = recognize([sheet]);
    expect(result.warnings).toEqual([]);
    expect(result.project.tables[0]).toEqual(t);
  });

  it('family A: blank and 「.....」 spacer rows are not indicators; empty pre-printed slots are', () => {
    const sheet = sheetOf(table('nx-2024'));
    const first = layout(table('nx-2024'), CTX);
    const spacerRow = first.rowIndicators.findIndex((x, r) => x === null && r > first.matrixHeaderRow);
    const nameCol = first.cells.find((c) => c.row === spacerRow && c.role === 'spacer')!.col;
    sheet.rows[spacerRow][nameCol] = { value: '.....' };
    const inds = recognize([sheet]).project.tables[0].indicators;
    expect(inds).toEqual(createTable('nx-2024').indicators);
    expect(inds).toHaveLength(18);
  });

  it('family A goals: two headings → goal + ownLevelGoal; one merged text → ownLevelGoal null', () => {
    const split = table('nx-2024', { goal: '目标甲', ownLevelGoal: '目标乙' });
    const merged = table('nx-2024', { goal: '<p>目标甲</p>', ownLevelGoal: null });
    const result = recognize([sheetOf(split), sheetOf(merged)]);
    expect(result.project.tables.map((t) => [t.goal, t.ownLevelGoal])).toEqual([['目标甲', '目标乙'], ['<p>目标甲</p>', null]]);
  });

  it('applies a merged 一级 value to every row it covers; without any merge, blank 一级/二级 cells fill down', () => {
    const t = table('jx-2024', { indicators: createTable('jx-2024').indicators.map((i, k) => ({ ...i, name: `指标${k}` })) });
    const merged = sheetOf(t);
    expect(merged.merges.some((m) => m.rowspan > 1 && m.row > layout(t, CTX).matrixHeaderRow)).toBe(true);
    expect(recognize([merged]).project.tables[0].indicators).toEqual(t.indicators);
    const flat = sheetOf(t);
    flat.merges = [];
    expect(recognize([flat]).project.tables[0]).toEqual(t);
  });

  it('reads the fiscal year from 「( 2022 年度)」 and 「2024年…」, else options.fiscalYear, else a Hebei 项目编码', () => {
    const year = (t: PerformanceTable, ctx: LayoutContext, options = {}) => recognize([sheetOf(t, ctx)], options).project.meta.fiscalYear;
    expect(year(table('nx-2022'), { ...CTX, fiscalYear: 2022 })).toBe(2022);
    expect(year(table('nx-2024'), CTX)).toBe(2024);
    expect(year(table('jx-2024'), { ...CTX, fiscalYear: null }, { fiscalYear: 2023 })).toBe(2023);
    expect(year(table('hebei', { projectCode: '13073024P00888510015C' }), CTX)).toBe(2024);
    expect(year(table('hebei'), CTX)).toBeNull();
  });

  it('reads 单位编码 / 单位名称 from the family C unit line', () => {
    const meta = recognize([sheetOf(table('hebei'))]).project.meta;
    expect(meta).toMatchObject({ unitCode: '816001', unitName: '怀来县官厅镇人民政府' });
  });

  it('stores a default title as \'\' and keeps any other printed title', () => {
    const d = sheetOf(table('nx-2024'));
    replaceText(d, '2024年部门项目支出预算绩效目标表', '2024 年 部门项目支出预算绩效目标表');
    const custom = sheetOf(table('nx-2024'));
    replaceText(custom, '2024年部门项目支出预算绩效目标表', '附表3：2024年项目绩效目标表');
    expect(recognize([d, custom]).project.tables.map((t) => t.title)).toEqual(['', '附表3：2024年项目绩效目标表']);
  });

  it('reports unknown cells inside and notes outside a table with sheet and cell, never as data', () => {
    const sheet = sheetOf(table('jx-2024'));
    sheet.rows[2].push({ value: '备注：无' });
    sheet.rows.push([], [], [{ value: '制表人：张三' }]);
    const result = recognize([sheet]);
    expect(result.project.tables[0]).toEqual(table('jx-2024'));
    expect(result.warnings).toEqual([
      { sheet: 'Sheet1', cell: 'E3', kind: 'unread', message: '第1张表：未识别的内容「备注：无」，未导入' },
      { sheet: 'Sheet1', cell: 'A' + String(sheet.rows.length), kind: 'unread', message: expect.stringContaining('「制表人：张三」') },
    ]);
  });

  it('warns about a sheet without a table and about an unreadable amount (keeping its text)', () => {
    const sheet = sheetOf(table('jx-2024', { funds: { total: 7, fiscal: null, other: null, carryover: null } }));
    replaceText(sheet, 7 as unknown as string, '约七万');
    const note: MutableSheet = { name: '说明', rows: [[{ value: '填报说明' }]], merges: [], colWidths: [] };
    const result = recognize([sheet, note]);
    const t = result.project.tables[0];
    expect([t.funds.total, t.amountTexts['funds.total']]).toEqual([null, '约七万']);
    expect(result.warnings.map((w) => [w.sheet, w.cell])).toEqual([['Sheet1', expect.any(String)], ['说明', undefined]]);
  });

  it('stacks tables with titles and notes between them', () => {
    const tables = [table('jx-department'), table('jx-2024', { projectName: '其他资金' }), table('jx-2024', { projectName: '乙' })];
    const sheet = stackLayoutsToRawSheet(tables.map((t) => layout(t, CTX)), 'S', 3);
    const rows = sheet.rows.map((r) => [...r]);
    const gap = layout(tables[0], CTX).rowCount + 1;
    rows[gap] = [{ value: '注：单位万元' }];
    const result = recognize([{ ...sheet, rows }]);
    expect(result.project.tables).toEqual(tables);
    expect(result.warnings).toHaveLength(1);
  });

  it('reads a flat list: one row per indicator, project columns merged down', () => {
    const header = ['项目编码', '项目名称', '预算数(万元)', '绩效目标', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据'];
    const row = (...v: (string | number | null)[]) => v.map((x) => (x === null ? null : { value: x }));
    const sheet: MutableSheet = {
      name: '公开表',
      rows: [
        row('2024年项目支出绩效目标公开表'), [], row(...header),
        row('13073024P00888510015C', '村干部工资', '67.54', '保障运转', '产出指标', '数量指标', '行政村数量', '21个', '年度工作计划'),
        row(null, null, null, null, null, '质量指标', '足额发放率', '≥95%', '年度工作计划'),
        row('13073024P00888510016C', '防火经费', 10, '防火', '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '计划标准'),
      ],
      merges: [0, 1, 2, 3, 4].map((col) => ({ row: 3, col, rowspan: 2, colspan: 1 })),
      colWidths: [],
    };
    const result = recognize([sheet]);
    expect(result.warnings).toEqual([]);
    const [a, b] = result.project.tables;
    expect(result.project.tables).toHaveLength(2);
    expect([a.family, a.projectCode, a.projectName, a.funds.total, a.goal, a.moneyUnit]).toEqual(['hebei', '13073024P00888510015C', '村干部工资', 67.54, '保障运转', 'wanYuan']);
    expect(a.indicators.map((i) => [i.level1, i.level2, i.name, i.value.raw, i.basis])).toEqual([
      ['产出指标', '数量指标', '行政村数量', '21个', '年度工作计划'],
      ['产出指标', '质量指标', '足额发放率', '≥95%', '年度工作计划'],
    ]);
    expect(b.indicators[0].value).toEqual(parseIndicatorValue('≥90%'));
    expect(result.project.meta.fiscalYear).toBe(2024);
  });
});
