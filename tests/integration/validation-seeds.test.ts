import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/model/types';
import { validateProject, type Finding } from '../../shared/validation';
import { goldenFindings } from '../fixtures/tools/findings-golden';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const load = (id: string) => JSON.parse(readFileSync(join(SEEDS, `${id}.project.json`), 'utf8')) as Project;
const golden = (id: string) => JSON.parse(readFileSync(join(SEEDS, `${id}.findings.json`), 'utf8')) as unknown[];

const cache = new Map<string, { project: Project; findings: Finding[] }>();
function run(id: string) {
  if (!cache.has(id)) {
    const project = load(id);
    cache.set(id, { project, findings: validateProject(project) });
  }
  return cache.get(id)!;
}
const of = (id: string, ruleId: string) => run(id).findings.filter((f) => f.ruleId === ruleId);
const tableIndexOf = (id: string, name: string) => run(id).project.tables.findIndex((t) => t.projectName === name);
const onTable = (id: string, ruleId: string, name: string) => of(id, ruleId).filter((f) => f.tableIndex === tableIndexOf(id, name));

describe('validation goldens of the four seeds', () => {
  it.each(['s0', 's1', 's2', 's3'])('%s findings equal the reviewed golden', (id) => {
    expect(goldenFindings(load(id))).toEqual(golden(id));
  });

  it('every finding has a Chinese message and, when its path is shown, an A1 cell', () => {
    for (const id of ['s0', 's1', 's2', 's3']) {
      for (const f of run(id).findings) {
        expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
        if (/^(indicators\.\d+|funds|goal|projectName|fundUse|spendingPlan|departmentBudget)/.test(f.path)) expect(f.cell).toMatch(/^[A-G]\d+$/);
      }
    }
  });
});

describe('order of the findings', () => {
  /** [table, severity, row, column, rule id] of a finding; row and column -1 without a cell. */
  const SEVERITY = { error: 0, warning: 1, info: 2 };
  const keyOf = (f: Finding): [number, number, number, number, string] => {
    const m = f.cell ? /^([A-Z]+)(\d+)$/.exec(f.cell) : null;
    const col = m ? [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : -1;
    return [f.tableIndex, SEVERITY[f.severity], m ? Number(m[2]) - 1 : -1, col, f.ruleId];
  };
  const compare = (a: ReturnType<typeof keyOf>, b: ReturnType<typeof keyOf>) => {
    for (let k = 0; k < 4; k++) if (a[k] !== b[k]) return (a[k] as number) - (b[k] as number);
    return a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0;
  };

  it.each(['s0', 's1', 's2', 's3'])('%s: by table, severity, layout row, column, then rule id', (id) => {
    const keys = run(id).findings.map(keyOf);
    expect(keys.length).toBeGreaterThan(50);
    for (let i = 1; i < keys.length; i++) expect(compare(keys[i - 1], keys[i]), `${i}: ${keys[i - 1]} then ${keys[i]}`).toBeLessThanOrEqual(0);
    // the keys are not all equal: the check above has something to check
    expect(new Set(keys.map((k) => k.join('|'))).size).toBeGreaterThan(keys.length / 4);
  });
});

describe('DOMAIN.md §4 defect inventory is found', () => {
  it('S0 闽宁镇', () => {
    expect(onTable('s0', 'COST-01', '闽宁镇地界范围内绿化养护资金')).toHaveLength(1);
    expect(onTable('s0', 'COST-01', '闽宁镇·市政管理服务项目')).toHaveLength(1);
    expect(onTable('s0', 'QUA-02', '闽宁镇·市政管理服务项目')[0].message).toContain('民生中心业务经费');
    expect(onTable('s0', 'QUA-02', '闽宁镇地界范围内绿化养护资金')[0].message).toContain('做实职业年养老金');
    expect(of('s0', 'STR-06').map((f) => run('s0').project.tables[f.tableIndex].projectName)).toEqual(['人大代表工作', '食堂补助']);
    expect(of('s0', 'STR-07')).toHaveLength(3);
    expect(onTable('s0', 'STR-08', '社区党建经费').length).toBeGreaterThanOrEqual(2);
    expect(of('s0', 'STR-11')[0].message).toContain('可持续发展影响指标');
    const decimals = [...of('s0', 'VAL-03'), ...of('s0', 'VAL-06')].map((f) => run('s0').project.tables[f.tableIndex].indicators[Number(f.path.split('.')[1])].value.raw);
    for (const raw of ['0.98', '0.96', '0.5', '0.9']) expect(decimals).toContain(raw);
    expect(of('s0', 'VAL-10').filter((f) => f.message.includes('长效机制'))).toHaveLength(2);
    expect(of('s0', 'FUND-06').some((f) => f.message.includes('2.8万'))).toBe(true);
    expect(of('s0', 'QUA-10').length).toBeGreaterThan(0);
    expect(onTable('s0', 'QUA-11', '乡镇纪委工作经费')).toHaveLength(1);
    expect(of('s0', 'STR-05')).toHaveLength(272); // 273 in DOMAIN §5 counts l.1158's doubled label twice (s0.NOTES.md)
    expect(of('s0', 'STR-10')).toHaveLength(4);
  });

  it('S1 平罗县城关镇', () => {
    expect(of('s1', 'STR-01').filter((f) => f.path === 'supervisingDepartment')).toHaveLength(12);
    expect(of('s1', 'STR-04').every((f) => f.message.includes('可持续影响指标'))).toBe(true);
    expect(of('s1', 'STR-04')).toHaveLength(4);
    expect(onTable('s1', 'STR-09', '城关镇老旧小区治安管理').length).toBeGreaterThanOrEqual(2);
    expect(onTable('s1', 'FUND-05', '城关镇老旧小区治安管理')).toHaveLength(1);
    const lake = onTable('s1', 'COST-01', '平罗县城新区生态治理工程康家湖南湖项目');
    expect(lake).toHaveLength(1);
    expect(lake[0].severity).toBe('error');
    expect(lake[0].message).toContain('159600');
    expect(of('s1', 'VAL-01').map((f) => f.message).join()).toMatch(/≧95%[\s\S]*不少于 10 次|不少于 10 次[\s\S]*≧95%/);
    expect(of('s1', 'VAL-03').length).toBeGreaterThanOrEqual(6);
    expect(of('s1', 'VAL-08')).toHaveLength(5);
    expect(onTable('s1', 'STR-13', '政府临聘人员经费')).toHaveLength(1);
  });

  it('S2 怀来县官厅镇', () => {
    expect(of('s2', 'STR-02').length).toBeGreaterThanOrEqual(9);
    expect(of('s2', 'VAL-02')).toHaveLength(87);
    expect(of('s2', 'COST-02')).toHaveLength(9);
    expect(onTable('s2', 'QUA-03', '官厅镇怀财字【2024】7号防汛经费').some((f) => f.message.includes('棚改拆迁居民满意度'))).toBe(true);
    expect(of('s2', 'STR-12')).toHaveLength(11);
    expect(of('s2', 'QUA-06')).toHaveLength(9);
    expect(onTable('s2', 'FUND-08', '官厅镇怀财字【2024】7号扶持基层组织活动场所建设经费')[0].message).toContain('社区党组织服务群众专项经费');
    expect(of('s2', 'QUA-08').filter((f) => f.severity === 'warning')).toHaveLength(4);
  });

  it('S3 凤岗镇', () => {
    expect(of('s3', 'FUND-01')).toHaveLength(13);
    const cost = of('s3', 'COST-01').map((f) => run('s3').project.tables[f.tableIndex].projectName).sort();
    expect(cost).toEqual(['招商引资经费', '招商引资经费1', '村(社区)干部经费', '村(社区)干部经费1'].sort());
    expect(of('s3', 'STR-08').map((f) => f.tableIndex).sort()).toEqual(expect.arrayContaining([0, 1]));
    expect(of('s3', 'VAL-09').some((f) => f.message.includes('≤0%'))).toBe(true);
    expect(of('s3', 'VAL-07').filter((f) => f.severity === 'warning').length).toBeGreaterThanOrEqual(2);
    expect(of('s3', 'VAL-01').some((f) => f.message.includes('<='))).toBe(true);
    expect(of('s3', 'VAL-01').some((f) => f.message.includes('LaTeX'))).toBe(true);
    expect(of('s3', 'QUA-05')).toHaveLength(3);
    // positive fixtures: 部门整体 sums balance, Σ projects ≈ 项目支出
    expect(of('s3', 'FUND-03')).toHaveLength(0);
    expect(of('s3', 'FUND-04')).toHaveLength(0);
  });
});
