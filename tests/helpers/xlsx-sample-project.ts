import { createTable } from '../../shared/families/create-table';
import type { BuiltinFamilyId, PerformanceTable, Project, ProjectMeta } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';

/** Sample projects for the xlsx export / render / round-trip tests: every field of every family filled. */

export const SAMPLE_META: ProjectMeta = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府', moneyUnit: 'wanYuan' };

const VALUES = ['≥95%', '21个', '显著提升', '', '≤67.54万元', '0.98', '2024年底前完成'];

/** A table of `family` with header fields, amounts (one irregular), percents and indicator values of every kind. */
export function sampleTable(family: BuiltinFamilyId, projectName = `${family}示例项目`): PerformanceTable {
  const base = createTable(family);
  const hebei = family === 'hebei';
  const department = family === 'jx-department';
  return {
    ...base,
    projectName,
    projectCode: hebei ? '13073024P00888510015C' : '',
    supervisingDepartment: hebei || department ? '' : '916-赣州经济技术开发区凤岗镇人民政府',
    implementingUnit: hebei || department ? '' : '城关镇',
    projectAttribute: family === 'nx-2024' || family === 'nx-2022' ? '续建项目' : '',
    projectPeriod: family === 'nx-2024' || family === 'nx-2022' ? '长期' : '',
    funds: department ? base.funds : { ...base.funds, total: 67.54, fiscal: 60.5, other: 7.04 },
    ownLevelFunds: base.ownLevelFunds && { total: 4, fiscal: 4, other: null },
    amountTexts: base.ownLevelFunds ? { 'ownLevelFunds.total': '4万元', 'ownLevelFunds.fiscal': '4万元' } : {},
    fundUse: hebei ? '用于支付村干部工资' : '',
    spendingPlan: base.spendingPlan && { march: 25, june: 50, october: 75.5, december: 100 },
    goal: '1.加大村级组织建设保障力度，\n确保村级组织机构的正常运转。',
    ownLevelGoal: base.ownLevelGoal === null ? null : '保障本级村级组织正常运转',
    departmentBudget: base.departmentBudget && {
      incomeTotal: 13158.93, incomeFiscal: 4019.79, incomeOther: 9139.14,
      expenditureTotal: 13158.93, expenditureBasic: 2904.46, expenditureProject: 10254.47,
    },
    indicators: base.indicators.map((ind, i) => ({
      ...ind,
      name: i % 4 === 3 ? '' : `指标名称${i + 1}`,
      description: hebei ? `描述${i + 1}` : '',
      basis: hebei ? '年度工作计划' : '',
      value: parseIndicatorValue(VALUES[i % VALUES.length]),
    })),
  };
}

/** A project with one sample table per given family. */
export function sampleProject(families: readonly BuiltinFamilyId[], meta: ProjectMeta = SAMPLE_META): Project {
  return { meta, tables: families.map((f) => sampleTable(f)) };
}
