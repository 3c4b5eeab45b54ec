/** Family F: .jxmb round trip, old files without it, restore of 指标值, and the DEP validation rules. */
import { describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProject } from '../../../shared/file';
import { departmentTableRows, sectionParagraphs } from '../../../shared/model/department';
import type { Project } from '../../../shared/model/types';
import { validateDepartment } from '../../../shared/validation/department.rules';
import { parseIndicatorValue } from '../../../shared/values';
import { GUANTING_DEPARTMENT, GUANTING_DEPARTMENT_TABLE } from '../../fixtures/document/department-data';
import { hebeiTable, projectOf } from '../commands/fixtures';

describe('family F model and file', () => {
  it('a project with family F saves and loads unchanged; one without it has no department key', () => {
    const p: Project = { ...projectOf(hebeiTable()), department: GUANTING_DEPARTMENT_TABLE };
    expect(parseProjectFile(serializeProject(p)).project).toEqual(p);
    const old = parseProjectFile(serializeProject(projectOf(hebeiTable()))).project;
    expect('department' in old).toBe(false);
  });

  it('restore re-parses a stale 指标值 and says so', () => {
    const duties = GUANTING_DEPARTMENT_TABLE.itemGoals!;
    const stale = { ...duties[0].tasks[0].indicators[0], value: { ...parseIndicatorValue('≥45人'), number: 4 } };
    const bad = [{ ...duties[0], tasks: [{ ...duties[0].tasks[0], indicators: [stale] }] }];
    const p: Project = { ...projectOf(hebeiTable()), department: { ...GUANTING_DEPARTMENT_TABLE, itemGoals: bad } };
    const parsed = parseProjectFile(serializeProject(p));
    expect(parsed.project.department!.itemGoals![0].tasks[0].indicators[0].value.number).toBe(45);
    expect(parsed.warnings.join('')).toContain('保障在职人员数量');
  });

  it('paragraphs and table rows', () => {
    expect(sectionParagraphs(GUANTING_DEPARTMENT.overallGoal)).toHaveLength(5);
    const rows = departmentTableRows(GUANTING_DEPARTMENT_TABLE.itemGoals!);
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.dutySpan > 0).map((r) => r.dutySpan)).toEqual([5, 3, 2]);
    expect(rows.filter((r) => r.taskSpan > 0).map((r) => r.taskSpan)).toEqual([3, 2, 2, 1, 2]);
  });
});

describe('family F validation (DEP rules)', () => {
  it('the published narrative and the table variant are clean', () => {
    expect(validateDepartment({ ...projectOf(), department: GUANTING_DEPARTMENT })).toEqual([]);
    expect(validateDepartment({ ...projectOf(), department: GUANTING_DEPARTMENT_TABLE })).toEqual([]);
    expect(validateDepartment(projectOf())).toEqual([]);
  });

  it('empty sections, placeholder lines, blank cells and bad values', () => {
    const duties = GUANTING_DEPARTMENT_TABLE.itemGoals!;
    const task = duties[0].tasks[0];
    const indicators = [
      { name: '', value: parseIndicatorValue('≥95百分比') },
      { name: '公文按时办结率', value: parseIndicatorValue('>=98%') },
      { name: '机关运转保障率', value: parseIndicatorValue('') },
    ];
    const department = {
      ...GUANTING_DEPARTMENT_TABLE,
      overallGoal: '1.目标内容1\n2.保障运转。',
      safeguards: '  ',
      itemGoals: [{ ...duties[0], tasks: [{ ...task, task: 'XX', indicators }] }],
    };
    const found = validateDepartment({ ...projectOf(), department }).map((f) => `${f.ruleId} ${f.path}`);
    expect(found).toEqual([
      'DEP-02 overallGoal',
      'DEP-01 safeguards',
      'DEP-02 itemGoals.0.tasks.0.task',
      'DEP-03 itemGoals.0.tasks.0.indicators.0.name',
      'DEP-06 itemGoals.0.tasks.0.indicators.0.value',
      'DEP-05 itemGoals.0.tasks.0.indicators.1.value',
      'DEP-04 itemGoals.0.tasks.0.indicators.2.value',
    ]);
  });
});
