import { describe, expect, it } from 'vitest';
import { createTable } from '../../shared/families/create-table';
import type { Indicator, PerformanceTable, Project } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values';
import s2 from '../fixtures/seeds/s2.project.json';

/**
 * Golden S2 (河北 怀来县 官厅镇 2024, family C): checks the transcription against DOMAIN.md §4/§5
 * and against cells of the seed text (line numbers refer to seeds/002_1edcff210bf438b5.txt).
 */

const INDICATOR_KEYS = ['level1', 'level2', 'name', 'description', 'basis', 'value'];
const VALUE_KEYS = ['raw', 'kind', 'operator', 'number', 'unit'];
const KINDS = new Set(['quantitative', 'qualitative', 'empty']);

/** Structural check standing in for a type check: a JSON import widens literal unions to string. */
function asProject(data: unknown): Project {
  const p = data as Project;
  expect(Object.keys(p)).toEqual(['meta', 'tables']);
  expect(Object.keys(p.meta)).toEqual(['fiscalYear', 'unitCode', 'unitName', 'moneyUnit']);
  const tableKeys = Object.keys(createTable('hebei'));
  for (const t of p.tables) {
    expect(Object.keys(t)).toEqual(tableKeys);
    expect(Object.keys(t.funds)).toEqual(['total', 'fiscal', 'other']);
    expect(Object.keys(t.spendingPlan ?? {})).toEqual(['march', 'june', 'october', 'december']);
    for (const ind of t.indicators) {
      expect(Object.keys(ind)).toEqual(INDICATOR_KEYS);
      expect(Object.keys(ind.value)).toEqual(VALUE_KEYS);
      expect(KINDS.has(ind.value.kind)).toBe(true);
    }
  }
  return p;
}

const project = asProject(s2);
const tables = project.tables;
/** Table by its printed number (1–23). */
const table = (n: number): PerformanceTable => tables[n - 1];
const all = (): Indicator[] => tables.flatMap((t) => t.indicators);

describe('seed S2 golden (怀来县官厅镇 2024, family C)', () => {
  it('meta and per-table constants', () => {
    expect(project.meta).toEqual({ fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府', moneyUnit: 'wanYuan' });
    for (const t of tables) {
      expect(t.family).toBe('hebei');
      expect(t.moneyUnit).toBe('wanYuan'); // 「单位：万元」 on every unit line
      expect(t.ownLevelFunds).toBeNull();
      expect(t.ownLevelGoal).toBeNull();
      expect(t.departmentBudget).toBeNull();
      expect(t.spendingPlan).toEqual({ march: 25, june: 50, october: 75, december: 100 });
      expect(t.projectCode).toMatch(/^13073024P[0-9A-Z]{12}$/); // HDR-05: 21 chars, 怀来县 130730, year 24
      expect(t.title).toBe(`${tables.indexOf(t) + 1}.${t.projectName}绩效目标表`);
    }
  });

  it('DOMAIN §5 sizing: 23 tables, 179 rows = 14 × 7 + 9 × 9', () => {
    expect(tables).toHaveLength(23);
    expect(all()).toHaveLength(179);
    const sizes = tables.map((t) => t.indicators.length);
    expect(sizes.filter((n) => n === 7)).toHaveLength(14);
    expect(sizes.filter((n) => n === 9)).toHaveLength(9);
    expect(sizes.map((n, i) => (n === 9 ? i + 1 : 0)).filter(Boolean)).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 13]);
  });

  it('every value is derived from its raw text', () => {
    for (const ind of all()) expect(ind.value).toEqual(parseIndicatorValue(ind.value.raw));
  });

  it('table 1 (l.101–194) cell by cell', () => {
    const t = table(1);
    expect(t.title).toBe('1.官厅镇村干部工资绩效目标表'); // l.101, differs from the default by 「1.」
    expect(t.projectCode).toBe('13073024P00888510015C'); // l.106
    expect(t.projectName).toBe('官厅镇村干部工资'); // l.108
    expect(t.funds).toEqual({ total: 67.54, fiscal: 67.54, other: null }); // l.112, l.114, l.116 blank
    expect(t.amountTexts).toEqual({});
    expect(t.fundUse).toBe('用于支付村干部工资'); // l.119
    expect(t.goal).toBe('1.加大村级组织建设保障力度，充分调动和激发农村干部的工作热情，确保村级组织机构的正常运转。'); // l.135
    expect(t.indicators[0]).toEqual({
      level1: '产出指标', level2: '数量指标', name: '行政村数量', description: '经费保障行政村数量', basis: '年度工作计划',
      value: { raw: '21个', kind: 'quantitative', operator: null, number: 21, unit: '个' },
    }); // l.147–152
    expect(t.indicators[3].value).toMatchObject({ raw: '≤67.54万元', operator: '≤', number: 67.54, unit: '万元' }); // l.172
    expect(t.indicators[3].basis).toBe('2024县级预算编制通知'); // l.173
    expect(t.indicators[5]).toMatchObject({ level1: '效益指标', level2: '社会效益指标', name: '加强村干部工作稳定性' }); // l.184 leading space trimmed, 一级 merged from l.175
    expect(t.indicators[6]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', description: '村干部对工资发放是否满意' }); // l.189–192
  });

  it('spot checks across tables', () => {
    expect(table(2).indicators[1].value).toMatchObject({ raw: '=100%', operator: '＝', number: 100 }); // l.255 「 =100%」
    expect(table(10).funds.total).toBe(1.72); // l.1065, smallest
    expect(table(17).funds.total).toBe(230.12); // l.1796, largest
    expect(table(17).projectCode).toBe('13073024P008856100135'); // l.1789
    expect(table(11).indicators[4].name).toBe('促成贸易成交额(亿元)'); // l.1238 (QUA-03)
    expect(table(19).indicators[0].value.raw).toBe('127人'); // l.2035
    expect(table(19).indicators[5].value).toMatchObject({ raw: '有利于维护', kind: 'qualitative' }); // l.2070
    expect(table(18).fundUse).toBe('村级服务群众专项经费'); // l.1902, merge tabs and l.1903 dropped
    expect(table(22).indicators[0].value).toMatchObject({ raw: '100%', operator: null }); // l.2335
    expect(table(14).title).toBe('14.怀财字【2024】7号村干部养老保险绩效目标表'); // l.1482–1483 joined
    expect(table(14).projectName).toBe('怀财字【2024】7号村干部养老保险'); // l.1490, trailing tabs trimmed
  });

  it('keeps the S2 defects of DOMAIN §4', () => {
    // STR-02: 「1.目标内容1」 in 9 tables (l.329, 439, 647, 757, 867, 977, 1087, 1197, 1405)
    expect(tables.map((t, i) => (t.goal === '1.目标内容1' ? i + 1 : 0)).filter(Boolean)).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 13]);
    // VAL-02: 「≥95百分比」 87 times, parsed with the unit 百分比
    const pct = all().filter((i) => i.value.raw === '≥95百分比');
    expect(pct).toHaveLength(87);
    expect(pct[0].value).toMatchObject({ operator: '≥', number: 95, unit: '百分比' });
    // COST-02/03: 防火经费 成本 as % (l.362–365)
    expect(table(3).indicators[3]).toMatchObject({ level2: '成本指标', name: '控制在预算内', value: { raw: '≥95百分比' } });
    // QUA-03: library indicators
    expect(table(4).indicators[8].name).toBe('棚改拆迁居民满意度'); // l.508
    expect(table(3).indicators[4].name).toBe('新增粮食产能'); // l.370
    expect(table(13).indicators[8].name).toBe('科研人员满意度'); // l.1474
    // STR-12: 可持续影响 before 社会效益 (l.272–281)
    expect(table(2).indicators.slice(4, 6).map((i) => i.level2)).toEqual(['可持续影响指标', '社会效益指标']);
    // QUA-06: 三级 cut at 15 characters, full text in 绩效指标描述 (l.501–502)
    const cut = table(4).indicators[7];
    expect(cut.name).toBe('逐步促进了解河势变化及对防洪、');
    expect(cut.description).toBe('逐步促进了解河势变化及对防洪、河道整治的开发利用');
    const truncated = all().filter((i) => [...i.name].length === 15 && i.description.startsWith(i.name) && i.description !== i.name);
    expect(truncated).toHaveLength(9);
    // FUND-08: 资金用途 and quantity copied from 社区党组织服务群众专项经费 (l.534, l.564–566)
    expect(table(5).fundUse).toBe('社区党组织服务群众专项经费');
    expect(table(5).fundUse).toBe(table(20).fundUse);
    expect(table(5).indicators[0]).toMatchObject({ name: '发放社区工作者人数', value: { raw: '5个', unit: '个' } });
  });
});
