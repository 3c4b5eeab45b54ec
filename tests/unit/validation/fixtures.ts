import { createTable } from '../../../shared/families/create-table';
import type { BuiltinFamilyId, Indicator, PerformanceTable, Project } from '../../../shared/model/types';
import type { ValueExpectation } from '../../../shared/families/types';
import { getFamily } from '../../../shared/families';
import { parseIndicatorValue } from '../../../shared/values/indicator-value';
import { validateProject, type Finding, type ValidationSettings } from '../../../shared/validation';

/**
 * Clean tables of every family, built with createTable() and filled with values quoted from the
 * seeds (S0 人大代表工作, S1 康家湖南湖, S2 官厅镇村干部工资, S3 AK替代专项经费 / 部门整体). Each one
 * validates without findings; a test then breaks exactly one thing.
 */

const GOOD_VALUE: Record<ValueExpectation, (name: string) => { name: string; raw: string }> = {
  count: () => ({ name: '人大代表观摩次数', raw: '≥5次' }),
  quality: () => ({ name: '会议安排成功率', raw: '≥95%' }),
  time: () => ({ name: '计划完成时间', raw: '2024年12月底前' }),
  money: (l2) => (l2 === '成本指标' || l2 === '经济成本指标' ? { name: '观摩费用', raw: '' } : { name: `${l2.slice(0, 2)}负担`, raw: '无' }),
  benefit: (l2) => ({ name: `${l2.slice(0, 2)}促进人大代表依法履职`, raw: '明显提升' }),
  satisfaction: () => ({ name: '观摩对象满意度', raw: '≥95%' }),
};

/** A clean table of the family; money in the family's default unit, total 4 (万元) or 40000 (元). */
export function goodTable(family: BuiltinFamilyId): PerformanceTable {
  const base = createTable(family);
  const def = getFamily(family);
  const yuan = base.moneyUnit === 'yuan';
  const total = yuan ? 40000 : 4;
  const seen = new Set<string>();
  const indicators: Indicator[] = base.indicators
    .filter((ind) => {
      const key = `${ind.level1}|${ind.level2}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((ind) => {
      const l2 = def.categories.find((c) => c.name === ind.level1)!.level2.find((d) => d.name === ind.level2)!;
      const good = GOOD_VALUE[l2.expects](ind.level2);
      const raw = good.raw === '' ? `≤${total}${yuan ? '元' : '万元'}` : good.raw;
      const extra = family === 'hebei' ? { description: `${good.name}（按计划）`, basis: '计划标准' } : {};
      return { ...ind, name: good.name, value: parseIndicatorValue(raw), ...extra };
    });
  const funds = { ...base.funds, total, fiscal: total, other: 0, ...(base.funds.carryover !== undefined ? { carryover: 0 } : {}) };
  return {
    ...base,
    projectName: family === 'jx-department' ? '凤岗镇人民政府' : '人大代表工作',
    projectCode: family === 'hebei' ? '13073024P00888510015C' : '',
    supervisingDepartment: family === 'nx-2024' ? '闽宁镇人民政府' : '916-赣州经济技术开发区凤岗镇人民政府',
    implementingUnit: '闽宁镇人民政府',
    projectAttribute: family === 'nx-2024' || family === 'nx-2022' ? '续建项目' : '',
    projectPeriod: family === 'nx-2024' || family === 'nx-2022' ? '长期' : '',
    funds,
    ownLevelFunds: base.ownLevelFunds ? { total, fiscal: total, other: 0 } : null,
    fundUse: family === 'hebei' ? '用于人大代表观摩、会议材料印制等支出' : '',
    spendingPlan: base.spendingPlan ? { march: 25, june: 50, october: 75, december: 100 } : null,
    goal: '本年共组织召开1次镇人代会，按计划分季度组织镇人大代表观摩，充分发挥人大代表作用。',
    ownLevelGoal: base.ownLevelGoal !== null ? '本年共组织召开1次镇人代会，按计划分季度组织镇人大代表观摩，充分发挥人大代表作用。' : null,
    departmentBudget: base.departmentBudget
      ? { incomeTotal: 13158.93, incomeFiscal: 4019.79, incomeOther: 9139.14, expenditureTotal: 13158.93, expenditureBasic: 2904.46, expenditureProject: 10254.47 }
      : null,
    indicators,
  };
}

/** A project of the given tables (budget year 2024, 闽宁镇). */
export function projectOf(...tables: PerformanceTable[]): Project {
  return { meta: { fiscalYear: 2024, unitCode: '816001', unitName: '闽宁镇人民政府', moneyUnit: 'wanYuan' }, tables };
}

/** Index of the first row under a canonical 二级 name. */
export function rowOf(table: PerformanceTable, level2: string): number {
  const i = table.indicators.findIndex((ind) => ind.level2 === level2);
  if (i < 0) throw new Error(`no row under ${level2}`);
  return i;
}

/** Copy of the table with one row changed (`raw` re-parsed into value). */
export function withRow(table: PerformanceTable, level2: string, patch: Partial<Omit<Indicator, 'value'>> & { raw?: string }): PerformanceTable {
  const i = rowOf(table, level2);
  const { raw, ...rest } = patch;
  const indicators = table.indicators.slice();
  indicators[i] = { ...indicators[i], ...rest, ...(raw !== undefined ? { value: parseIndicatorValue(raw) } : {}) };
  return { ...table, indicators };
}

/** Findings of one rule on a project. */
export function findings(project: Project, ruleId: string, settings?: ValidationSettings): Finding[] {
  return validateProject(project, settings).filter((f) => f.ruleId === ruleId);
}

/** Findings of one rule on a single-table project. */
export function findingsOn(table: PerformanceTable, ruleId: string): Finding[] {
  return findings(projectOf(table), ruleId);
}
