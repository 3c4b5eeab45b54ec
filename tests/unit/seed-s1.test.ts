import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import seed from '../fixtures/seeds/s1.project.json';

/** Golden of seed S1 (宁夏 平罗县 城关镇 2022), transcribed by tests/fixtures/tools/transcribe-s1.ts. */
const project: Project = seed as Project;
const { tables } = project;
const byName = (name: string) => {
  const t = tables.find((x) => x.projectName === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const row = (table: string, name: string) => byName(table).indicators.filter((i) => i.name === name);

describe('seed S1 golden', () => {
  it('has 12 family B tables in 元 with 111 indicator rows (DOMAIN §5: ≈110, 7–16 per table)', () => {
    expect(project.meta).toEqual({ fiscalYear: 2022, unitCode: '', unitName: '平罗县城关镇人民政府', moneyUnit: 'yuan' });
    expect(tables).toHaveLength(12);
    expect(tables.every((t) => t.family === 'nx-2022' && t.moneyUnit === 'yuan' && t.title === '')).toBe(true);
    expect(tables.map((t) => t.indicators.length)).toEqual([15, 7, 9, 7, 8, 14, 8, 7, 8, 9, 11, 8]);
    expect(tables.reduce((n, t) => n + t.indicators.length, 0)).toBe(111);
  });

  it('derives every value from its raw text', () => {
    for (const t of tables) {
      for (const ind of t.indicators) expect(ind.value).toEqual(parseIndicatorValue(ind.value.raw));
    }
  });

  it('keeps the header defects: empty 主管部门及代码 ×12, 106 under 元 (l.10)', () => {
    expect(tables.every((t) => t.supervisingDepartment === '' && t.implementingUnit === '城关镇')).toBe(true);
    expect(tables.every((t) => t.projectAttribute === '新增一次性项目' && t.projectPeriod === '一年')).toBe(true);
    const first = byName('城关镇老旧小区治安管理');
    expect(first.funds).toEqual({ total: 106, fiscal: 106, other: null });
    expect(byName('平罗县城新区生态治理工程康家湖南湖项目').funds.total).toBe(150000); // l.40
    expect(byName('助力乡村振兴驻村工作队经费').funds).toEqual({ total: 10000, fiscal: 10000, other: null }); // l.269
    expect(tables.every((t) => Object.keys(t.amountTexts).length === 0 && t.departmentBudget === null)).toBe(true);
  });

  it('strips 「(必填…)」 from 二级 labels and keeps the category tree as printed', () => {
    const level2s = new Set(tables.flatMap((t) => t.indicators.map((i) => i.level2)));
    expect([...level2s].sort()).toEqual(['可持续影响指标', '质量指标', '成本指标', '数量指标', '时效指标', '服务对象满意度指标', '社会效益指标'].sort());
    // STR-04: no 可持续影响指标 in 老旧小区 (l.15–31), 村级创新 (l.89–96), 社区创新 (l.110–119), 乡镇和两个“中心” (l.226–235)
    const without = tables.filter((t) => !t.indicators.some((i) => i.level2 === '可持续影响指标')).map((t) => t.projectName);
    expect(without).toEqual(['城关镇老旧小区治安管理', '村级创新社会管理经费', '社区创新社会管理经费', '乡镇和两个“中心”创新社会管理经费']);
    // l.72: after the page break the 成本 row stays under 产出指标
    expect(row('村级办公经费', '经费补助标准')[0]).toMatchObject({ level1: '产出指标', level2: '成本指标' });
  });

  it('applies the column-shift convention (l.22, l.25, l.30–31)', () => {
    const t = '城关镇老旧小区治安管理';
    expect(row(t, '上岗后购买意外伤害保险和缴纳工伤保险')[0]).toMatchObject({ level2: '时效指标' });
    expect(row(t, '上岗后购买意外伤害保险和缴纳工伤保险')[0].value.raw).toBe('配发统一保安服装及相应装备\n入职手续办理后缴纳');
    expect(row(t, '聘请保安 40 名')[0].value.raw).toBe('设备维护设施维修\n水电费各 1 万元');
    expect(row(t, '受益人数')[0]).toMatchObject({ level2: '成本指标', value: { raw: '经费 100 万元，每人每年 2.5 万元', kind: 'qualitative' } });
    const satisfaction = row(t, '镇政府对小区管理的满意度')[0];
    expect(satisfaction).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });
    expect(satisfaction.value).toMatchObject({ raw: '持续提高\n≥95%', kind: 'qualitative' });
    expect(byName(t).indicators.at(-1)).toBe(satisfaction);
  });

  it('keeps value defects raw: ≧, 不少于, bare numbers, wrong years, duplicates', () => {
    expect(row('社区运转经费', '社区组织满意度')[0].value).toMatchObject({ raw: '≧95%', operator: '≥', number: 95, unit: '%' }); // l.212
    expect(row('乡镇和两个“中心”创新社会管理经费', '养老、医疗、教育等惠民政策宣传')[0].value)
      .toMatchObject({ raw: '不少于 10 次', operator: '≥', number: 10, unit: '次' }); // l.227
    expect(row('城关镇老旧小区治安管理', '配备监控设备')[0].value).toMatchObject({ raw: '18', number: 18, unit: '' }); // l.15
    expect(byName('社区党组织建设经费').indicators.slice(0, 3).map((i) => i.value.raw)).toEqual(['20', '240', '500']); // l.133–135
    expect(row('助力乡村振兴驻村工作队经费', '2020 年全年')[0].value.raw).toBe('12 个月'); // l.277
    expect(byName('村级创新社会管理经费').goal.startsWith('保障 2021 年各村')).toBe(true); // l.87
    const dup = row('政府临聘人员经费', '保障政府大院安保工作'); // l.250, l.253
    expect(dup).toHaveLength(2);
    expect(dup.every((i) => i.level2 === '质量指标' && i.value.raw === '有效保障')).toBe(true);
    expect(row('平罗县城新区生态治理工程康家湖南湖项目', '落实运行经费 (万元)')[0].value.raw)
      .toBe('费 3.58 万元、保养维修 4.54 万元、看护费 7.84 万元'); // l.48
  });

  it('joins the wrapped name of l.113/l.115 and removes the OCR noise of l.159/l.202', () => {
    expect(row('社区创新社会管理经费', '全年不发生较大影响的恶性案 (事)件')[0].value.raw).toBe('0 起');
    for (const name of ['社区工作经费', '社区运转经费']) {
      const goal = byName(name).goal;
      expect(goal).toContain('服务作用和在人民群众中的示范引领作用');
      expect(goal).not.toMatch(/\bin\b/);
      expect(goal).toContain('保障 2021 年社区正常开展'); // VAL-08 kept
    }
  });
});
