import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProject } from '../../shared/file';
import { createTable } from '../../shared/families/create-table';
import type { Indicator, PerformanceTable, Project } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values';
import s0 from '../fixtures/seeds/s0.project.json';

/**
 * Golden S0 (宁夏 永宁县 闽宁镇 2024, 32 tables of family A): checks the transcription against
 * DOMAIN.md §4/§5 and against cells of the seed text (line numbers refer to
 * seeds/000_746a57dd8bb4c2af.txt; see tests/fixtures/seeds/s0.NOTES.md).
 */

const project = s0 as unknown as Project;
const tables = project.tables;
const all = tables.flatMap((t) => t.indicators);

function table(projectName: string): PerformanceTable {
  const t = tables.find((x) => x.projectName === projectName);
  if (!t) throw new Error(`no table ${projectName}`);
  return t;
}

function under(t: PerformanceTable, level2: string): Indicator[] {
  return t.indicators.filter((i) => i.level2 === level2);
}

describe('seed S0 golden (闽宁镇 2024, family A)', () => {
  it('has the shape of the model, keys in interface order', () => {
    expect(Object.keys(project)).toEqual(['meta', 'tables']);
    expect(project.meta).toEqual({ fiscalYear: 2024, unitCode: '', unitName: '永宁县闽宁镇人民政府', moneyUnit: 'wanYuan' });
    const tableKeys = Object.keys(createTable('nx-2024'));
    for (const t of tables) {
      expect(Object.keys(t)).toEqual(tableKeys);
      expect([t.family, t.moneyUnit, t.title, t.projectCode, t.fundUse]).toEqual(['nx-2024', 'wanYuan', '', '', '']);
      expect([t.spendingPlan, t.departmentBudget]).toEqual([null, null]);
      expect(Object.keys(t.funds)).toEqual(['total', 'fiscal', 'other']);
      for (const ind of t.indicators) {
        expect(Object.keys(ind).slice(0, 6)).toEqual(['level1', 'level2', 'name', 'description', 'basis', 'value']);
        expect(Object.keys(ind.value)).toEqual(['raw', 'kind', 'operator', 'number', 'unit']);
        expect([ind.description, ind.basis]).toEqual(['', '']);
      }
    }
  });

  it('has the table and slot counts of DOMAIN §5 (l.1158 is one slot with a doubled label)', () => {
    expect(tables).toHaveLength(32);
    const filled = all.filter((i) => i.name !== '' && i.value.raw !== '').length;
    const nameOnly = all.filter((i) => i.name !== '' && i.value.raw === '').length;
    const valueOnly = all.filter((i) => i.name === '' && i.value.raw !== '').length;
    const empty = all.filter((i) => i.name === '' && i.value.raw === '').length;
    // DOMAIN §5 counts 582 slots / 273 empty by counting 「指标N」 labels; l.1158 carries two labels on one row.
    expect([all.length, filled, nameOnly, valueOnly, empty]).toEqual([581, 304, 3, 2, 272]);
    expect(all.length + 1).toBe(582);
    expect(tables[0].projectName).toBe('人大代表工作');
    expect(tables[31].projectName).toBe('闽宁镇地界范围内绿化养护资金');
  });

  it('derives every value from its raw text', () => {
    for (const ind of all) expect(ind.value).toEqual(parseIndicatorValue(ind.value.raw));
  });

  it('keeps the amounts in 万元 with the printed 「N万元」 texts (FUND-06)', () => {
    const green = table('闽宁镇地界范围内绿化养护资金'); // l.1218–1219
    expect(green.funds).toEqual({ total: 177.5, fiscal: 177.5, other: null });
    expect(green.ownLevelFunds).toEqual(green.funds);
    expect(green.amountTexts).toEqual({
      'funds.total': '177.5万元', 'funds.fiscal': '177.5万元', 'ownLevelFunds.total': '177.5万元', 'ownLevelFunds.fiscal': '177.5万元',
    });
    expect(under(green, '成本指标')[0].value.raw).toBe('25.59万元'); // l.1232 (COST-01)
    expect(table('人大代表工作').amountTexts['funds.total']).toBe('4万元'); // l.8
    expect(table('村队干部报酬').funds.total).toBe(396.5); // l.638
    for (const t of tables) expect(t.ownLevelFunds).toEqual(t.funds);
  });

  it('keeps goal variants, <p> remnants and the truncated goal', () => {
    const npc = table('人大代表工作'); // l.11: one merged cell
    expect(npc.goal.startsWith('<p>本年共组织召开1次镇人代会')).toBe(true);
    expect(npc.ownLevelGoal).toBeNull();
    const canteen = table('食堂补助'); // l.52–53: headings, then two texts
    expect(canteen.ownLevelGoal).toBe(canteen.goal);
    const land = table('土地租金代管经费'); // l.983: two different texts
    expect([land.goal, land.ownLevelGoal]).toEqual(['保障经营收入上缴国库', '保障其他国有资源（资产）有偿使用收入上缴国库']);
    const petition = table('信访经费'); // l.92: heading words stripped, 「目标3:」 left over in 含本级
    expect(petition.goal).toBe('目标1:畅通信访渠道,妥善化解矛盾,维护社会稳定 目标2:信访巡防人员工资');
    expect(petition.ownLevelGoal).toBe(`${petition.goal} 目标3:`);
    expect(table('乡镇纪委工作经费').goal.endsWith('依靠群众发现和推动解决群众身边的问</p>')).toBe(true); // l.1022
    expect(table('节水灌溉泵站维护管理费').goal).toContain('有效解决了农业灌溉的难题'); // l.333 wrap space dropped
  });

  it('keeps the seed defects of DOMAIN §4 in place', () => {
    const npc = table('人大代表工作');
    expect(under(npc, '服务对象满意度指标')[1]).toMatchObject({ name: '', value: { raw: '≥96%', operator: '≥', number: 96 } }); // l.40
    expect(under(table('食堂补助'), '服务对象满意度指标').map((i) => [i.name, i.value.raw])).toEqual([
      ['就餐职工满意度', '0.96'], ['', '≥96%'], // l.79–80
    ]);
    const party = table('社区党建经费'); // l.225 / l.237: header words in the 一级 column
    expect(under(party, '经济效益指标')[0].level1).toBe('二级指标');
    expect(under(party, '服务对象满意度指标')[0].level1).toBe('三级指标');
    expect(under(party, '数量指标')[0].level1).toBe('');
    expect(under(table('闽宁镇网格员办公经费'), '可持续发展影响指标')).toHaveLength(2); // l.809
    expect(under(table('信访经费'), '时效指标')[0].value).toMatchObject({ raw: '0.98', number: 0.98, unit: '' }); // l.100
    expect(under(table('闽宁镇新、老镇区管理经费'), '时效指标')[0].value.raw).toBe('长效机制'); // l.258
    const park = table('公园广场管理费');
    expect(under(park, '时效指标').map((i) => [i.name, i.value.raw, i.slotLabel])).toEqual([
      ['持续性管理', '长效机制', undefined], ['人员工资', '100%', undefined], ['维修、维护完成率', '0.95', '指标2:'], // l.299–301
    ]);
    expect(under(park, '质量指标')[0]).toMatchObject({ value: { raw: '合格率' } }); // l.296, a 295-char name
    expect(under(park, '质量指标')[0].name).toHaveLength(295);
    expect(under(table('村(社区)为民服务和经费'), '成本指标')[0].value).toMatchObject({ raw: '2.8万', unit: '万' }); // l.420
    expect(under(table('农村环境卫生管理项目经费'), '数量指标')[1].value.kind).toBe('empty'); // l.377
    const green = table('闽宁镇地界范围内绿化养护资金');
    expect(under(green, '社会效益指标')[1]).toMatchObject({ name: '促进工作、提高效率', value: { kind: 'empty' } }); // l.1239
  });

  it('stores printed slot prefixes that differ from the canonical numbering (STR-10)', () => {
    const petition = under(table('信访经费'), '服务对象满意度指标'); // l.119–121
    expect(petition.map((i) => [i.name, i.slotLabel])).toEqual([['', undefined], ['宣传满意度', undefined], ['受调解对象满意度', '指标2:']]);
    const park = under(table('闽宁产业园、扶贫产业园运行经费'), '社会效益指标'); // l.1158
    expect(park[1]).toMatchObject({ name: '促进工作、提高效率', slotLabel: '指标2: 指标2:' });
    expect(under(table('做实职业年养老金'), '经济效益指标')[1].slotLabel).toBe('指标2'); // l.1196
    const social = under(table('社区工作者待遇（社保缴费）'), '经济效益指标'); // l.730: 「指标1： 指标2：」 on one line
    expect(social.map((i) => i.slotLabel)).toEqual(['指标1：', '指标2：']);
    const labels = all.flatMap((i) => (i.slotLabel === undefined ? [] : [i.slotLabel]));
    expect(labels).toHaveLength(93); // 89 full-width 「指标N：」 (5 tables) + the 4 numbering defects above
    expect(labels.filter((l) => /^指标\d：$/.test(l))).toHaveLength(89);
  });

  it('resources/sample.jxmb is this project, written exactly as the product saves it', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'resources', 'sample.jxmb'), 'utf8');
    expect(text).toBe(serializeProject(project));
    const parsed = parseProjectFile(text);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.project).toEqual(project);
  });
});
