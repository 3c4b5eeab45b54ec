import { expect } from 'vitest';
import { execute, emptyHistory, redo, undo, type Command, type History } from '../../../shared/commands';
import { createProject } from '../../../shared/model';
import { createTable } from '../../../shared/families/create-table';
import type { BuiltinFamilyId, Indicator, PerformanceTable, Project } from '../../../shared/model/types';
import { parseIndicatorValue } from '../../../shared/values';

const ctx = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' };
export { ctx };

/** An indicator as written in the seeds. */
export function ind(level1: string, level2: string, name: string, value: string, extra: Partial<Indicator> = {}): Indicator {
  return { level1, level2, name, description: '', basis: '', value: parseIndicatorValue(value), ...extra };
}

/** Family C table modelled on S2 官厅镇村干部工资 (万元). */
export function hebeiTable(): PerformanceTable {
  return {
    ...createTable('hebei'),
    title: '1.官厅镇村干部工资绩效目标表',
    projectName: '官厅镇村干部工资',
    projectCode: '13073024P00888510015C',
    funds: { total: 67.54, fiscal: 67.54, other: null },
    fundUse: '用于支付村干部工资',
    spendingPlan: { march: 25, june: 50, october: 75, december: 100 },
    goal: '1.加大村级组织建设保障力度。',
    indicators: [
      ind('产出指标', '数量指标', '行政村数量', '21个', { description: '经费保障行政村数量', basis: '年度工作计划' }),
      ind('产出指标', '质量指标', '足额发放率', '100%', { description: '足额发放率', basis: '年度工作计划' }),
      ind('产出指标', '时效指标', '发放及时率', '100%', { description: '发放及时率', basis: '年度工作计划' }),
      ind('产出指标', '成本指标', '村干部工资', '≤67.54万元', { description: '村干部工资', basis: '预算安排' }),
      ind('效益指标', '社会效益指标', '村级组织正常运转', '正常运转', { description: '村级组织运转', basis: '年度工作计划' }),
      ind('满意度指标', '服务对象满意度指标', '村干部满意度', '≥95%', { description: '村干部满意度', basis: '年度工作计划' }),
    ],
  };
}

/** Family A table modelled on S0 (two 「指标N:」 slots per 二级, some filled). */
export function nxTable(): PerformanceTable {
  const t = createTable('nx-2024');
  const indicators = t.indicators.slice();
  indicators[0] = ind('产出指标', '数量指标', '召开人代会次数', '≥1次');
  indicators[2] = ind('产出指标', '质量指标', '会议完成率', '≥96%');
  indicators[6] = ind('产出指标', '成本指标', '会议经费', '≤4万元');
  return {
    ...t, projectName: '人大代表工作经费', supervisingDepartment: '永宁县闽宁镇人民政府', implementingUnit: '闽宁镇人民政府',
    projectAttribute: '续建项目', projectPeriod: '长期',
    funds: { total: 4, fiscal: 4, other: 0 }, ownLevelFunds: { total: 4, fiscal: 4, other: 0 },
    goal: '保障人大代表履职。', ownLevelGoal: '保障人大代表履职。', indicators,
  };
}

export function projectOf(...tables: PerformanceTable[]): Project {
  return { ...createProject({ fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' }), tables };
}

export function blankProject(family: BuiltinFamilyId): Project {
  return projectOf(createTable(family));
}

/**
 * Runs execute → undo → redo, checking `after` on the executed and redone projects and that
 * undo gives back a project deeply equal to the original.
 */
export function roundTrip(project: Project, command: Command | null, after: (p: Project) => void): { project: Project; history: History } {
  expect(command).not.toBeNull();
  const done = execute(project, emptyHistory(), command!);
  expect(done.history.undo).toHaveLength(1);
  after(done.project);
  const undone = undo(done.project, done.history)!;
  expect(undone.project).toEqual(project);
  expect(undone.history.undo).toHaveLength(0);
  expect(undone.history.redo).toHaveLength(1);
  const redone = redo(undone.project, undone.history)!;
  after(redone.project);
  expect(redone.project).toEqual(done.project);
  return { project: redone.project, history: redone.history };
}
