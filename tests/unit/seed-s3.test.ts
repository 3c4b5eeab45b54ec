import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import seed from '../fixtures/seeds/s3.project.json';

/** Golden of seed S3 (江西 赣州经开区 凤岗镇 2024), transcribed by tests/fixtures/tools/transcribe-s3.ts. */
const project: Project = seed as Project;
const [dept, ...projects] = project.tables;
const byName = (name: string) => {
  const t = project.tables.find((x) => x.projectName === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};

describe('seed S3 golden', () => {
  it('has 1 部门整体 table (E) + 13 project tables (D) and 14 + 163 = 177 indicator rows (DOMAIN §5)', () => {
    expect(project.meta).toEqual({ fiscalYear: 2024, unitCode: '', unitName: '凤岗镇人民政府', moneyUnit: 'wanYuan' });
    expect(dept.family).toBe('jx-department');
    expect(projects).toHaveLength(13);
    expect(projects.every((t) => t.family === 'jx-2024' && t.moneyUnit === 'wanYuan' && t.title === '')).toBe(true);
    expect(dept.indicators).toHaveLength(14);
    expect(projects.map((t) => t.indicators.length)).toEqual([13, 10, 16, 14, 12, 12, 14, 11, 13, 12, 11, 11, 14]);
    expect(project.tables.reduce((n, t) => n + t.indicators.length, 0)).toBe(177);
  });

  it('derives every value from its raw text', () => {
    for (const t of project.tables) {
      for (const ind of t.indicators) expect(ind.value).toEqual(parseIndicatorValue(ind.value.raw));
    }
  });

  it('keeps the 部门整体 budget block (l.9–12) and its defects (l.24 cost row under 时效)', () => {
    expect(dept.projectName).toBe('凤岗镇人民政府');
    expect(dept.departmentBudget).toEqual({
      incomeTotal: 13158.93, incomeFiscal: 4019.79, incomeOther: 9139.14,
      expenditureTotal: 13158.93, expenditureBasic: 2904.46, expenditureProject: 10254.47,
    });
    expect(dept.funds).toEqual({ total: null, fiscal: null, other: null });
    expect(dept.goal.startsWith('<p>目标1：认真贯彻落实区委精神')).toBe(true);
    const l24 = dept.indicators[8];
    expect([l24.level1, l24.level2, l24.name, l24.value.raw]).toEqual(['产出指标', '时效指标', '指标4：总成本：13158.93万元', '<=13158.93万元']);
    expect(l24.value).toMatchObject({ operator: '≤', number: 13158.93, unit: '万元' });
    // l.29: the family E 二级 is printed with 指标; 「指标1：」 is kept (not a family A slot prefix)
    expect(dept.indicators[13]).toMatchObject({ level2: '服务对象满意度指标', name: '指标1：群众满意度测评达90%以上' });
    expect(dept.indicators.some((i) => 'slotLabel' in i)).toBe(false);
  });

  it('keeps 0/0/0 breakdowns and the 9,139.15 amount text (FUND-01, FUND-06)', () => {
    expect(projects.every((t) => t.funds.fiscal === 0 && t.funds.other === 0 && t.funds.carryover === 0)).toBe(true);
    expect(byName('AK替代专项经费').funds.total).toBe(16.606); // l.37
    expect(byName('村(社区)干部经费').funds.total).toBe(132.58); // l.64
    const other = byName('其他资金'); // l.228
    expect(other.funds.total).toBe(9139.15);
    expect(other.amountTexts).toEqual({ 'funds.total': '9,139.15' });
    expect(projects.filter((t) => Object.keys(t.amountTexts).length > 0)).toHaveLength(1);
    expect(byName('AK替代专项经费').implementingUnit).toBe('赣州经济技术开发区凤岗镇人民政府'); // l.36 label+value in one cell
    expect(projects.every((t) => t.supervisingDepartment === '916-赣州经济技术开发区凤岗镇人民政府')).toBe(true);
  });

  it('keeps misplaced rows where they stand (l.48, l.101, l.294)', () => {
    const l48 = byName('AK替代专项经费').indicators[4];
    expect([l48.level1, l48.level2, l48.name, l48.value.kind]).toEqual(['每月机关办公节约纸张', '', '≥200张', 'empty']);
    const l101 = byName('村(社区)干部经费1').indicators[6];
    expect([l101.level1, l101.level2, l101.name, l101.value.raw]).toEqual([
      '生态环境成本指标', '维护生态环境,创造辖区内安定和谐的社会环境', '人与自然和谐发展', '',
    ]);
    const l294 = byName('乡镇运行经费').indicators[7];
    expect([l294.level1, l294.level2, l294.name, l294.value.raw]).toEqual(['时效指标', '全年工作完成时限', '12月底前', '']);
    expect(byName('乡镇运行经费').indicators[8].level1).toBe('效益指标');
  });

  it('keeps operator artefacts and other value defects as raw text', () => {
    const ak = byName('AK替代专项经费');
    expect(ak.indicators[2]).toMatchObject({ level2: '社会成本指标', name: '机关各部门办公场所安全事故率' }); // l.46
    expect(ak.indicators[2].value).toMatchObject({ raw: '≤0%', operator: '≤', number: 0, unit: '%' });
    expect(ak.indicators[12]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度' }); // l.56, no 指标
    const work = byName('工作经费');
    expect(work.indicators[0].value).toMatchObject({ raw: '$\\leq 1000000$ 元', operator: '≤', number: 1000000, unit: '元' }); // l.205
    expect(work.indicators[1].value).toMatchObject({ raw: '$\\leq 20\\%$', operator: '≤', number: 20, unit: '%' }); // l.206
    expect(work.indicators[2]).toMatchObject({ level2: '经济成本指标', name: '上缴房屋拆除款' }); // l.207
    expect(byName('村(社区)干部经费').indicators[0].value.raw).toBe('≤1223946元'); // l.71
    expect(byName('招商引资经费1').indicators[0].value.raw).toBe('≤220000元'); // l.338
    expect(byName('村(社区)干部经费1').indicators.slice(1, 3).map((i) => i.value.raw)).toEqual(['≤495万元', '≤150万元']); // l.96–97
    expect(byName('组干部工资').indicators[1].value).toMatchObject({ operator: '＝', number: 3600, unit: '元/人/年' }); // l.364
  });

  it('keeps <p> remnants in goals and drops the <b> heading labels', () => {
    expect(byName('村(社区)干部经费').goal.startsWith('<p>按时发放村(社区)干部工资')).toBe(true); // l.69
    expect(byName('招商引资经费1').goal.endsWith('提供强有力支撑</p>')).toBe(true); // l.336
    expect(project.tables.every((t) => !t.goal.includes('<b>') && t.indicators.every((i) => !i.level1.includes('<b>')))).toBe(true);
  });
});
