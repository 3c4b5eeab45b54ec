/** Family F commands: execute → undo → redo on the 分项绩效目标 text and table (shared/commands/department.command.ts). */
import { describe, expect, it } from 'vitest';
import {
  insertDepartmentDutyCommand, insertDepartmentIndicatorCommand, insertDepartmentTaskCommand, removeDepartmentDutyCommand,
  removeDepartmentIndicatorCommand, removeDepartmentTaskCommand, setDepartmentCellCommand, setDepartmentItemGoalsModeCommand,
  setDepartmentSectionCommand,
} from '../../../shared/commands';
import { departmentTableRows } from '../../../shared/model/department';
import type { Project } from '../../../shared/model/types';
import { GUANTING_DEPARTMENT, GUANTING_DEPARTMENT_TABLE } from '../../fixtures/document/department-data';
import { hebeiTable, projectOf, roundTrip } from '../commands/fixtures';

const withDept = (department = GUANTING_DEPARTMENT_TABLE): Project => ({ ...projectOf(hebeiTable()), department });

describe('family F commands', () => {
  it('setting a section on a project without family F creates it; undo removes it again', () => {
    const p = projectOf(hebeiTable());
    roundTrip(p, setDepartmentSectionCommand(p, 'overallGoal', '1.保障机关正常运转。\n2.完成年度任务。'), (q) => {
      expect(q.department?.overallGoal).toBe('1.保障机关正常运转。\n2.完成年度任务。');
      expect(q.department?.itemGoals).toBeNull();
      expect(q.tables).toBe(p.tables);
    });
    expect('department' in p).toBe(false);
  });

  it('same text is no command', () => {
    const p = withDept(GUANTING_DEPARTMENT);
    expect(setDepartmentSectionCommand(p, 'safeguards', GUANTING_DEPARTMENT.safeguards)).toBeNull();
  });

  it('a value cell is parsed by the 指标值 grammar; a task cell keeps its text', () => {
    const p = withDept();
    roundTrip(p, setDepartmentCellCommand(p, { duty: 1, task: 0, indicator: 1, column: 'value' }, '>=99%'), (q) => {
      const v = q.department!.itemGoals![1].tasks[0].indicators[1].value;
      expect([v.raw, v.kind, v.operator, v.number, v.unit]).toEqual(['>=99%', 'quantitative', '≥', 99, '%']);
    });
    roundTrip(p, setDepartmentCellCommand(p, { duty: 0, task: 1, column: 'task' }, '党委运行保障'), (q) => {
      expect(q.department!.itemGoals![0].tasks[1].task).toBe('党委运行保障');
      expect(q.department!.itemGoals![0].tasks[0]).toBe(p.department!.itemGoals![0].tasks[0]);
    });
    expect(setDepartmentCellCommand(p, { duty: 9, column: 'duty' }, 'x')).toBeNull();
  });

  it('inserting a task and an indicator grows the spans of the duty and task cells', () => {
    const p = withDept();
    const before = departmentTableRows(p.department!.itemGoals!);
    expect(before[0].dutySpan).toBe(5);
    roundTrip(p, insertDepartmentTaskCommand(p, 0, 2), (q) => {
      const rows = departmentTableRows(q.department!.itemGoals!);
      expect(rows).toHaveLength(before.length + 1);
      expect(rows[0].dutySpan).toBe(6);
    });
    roundTrip(p, insertDepartmentIndicatorCommand(p, 0, 1, 2), (q) => {
      const rows = departmentTableRows(q.department!.itemGoals!);
      expect(rows[3].taskSpan).toBe(3);
      expect(q.department!.itemGoals![0].tasks[1].indicators[2].value.kind).toBe('empty');
    });
    roundTrip(p, insertDepartmentDutyCommand(p, 3), (q) => expect(q.department!.itemGoals).toHaveLength(4));
  });

  it('removing rows keeps at least one of each', () => {
    const p = withDept();
    roundTrip(p, removeDepartmentIndicatorCommand(p, 0, 0, 0), (q) => {
      expect(q.department!.itemGoals![0].tasks[0].indicators.map((i) => i.name)).toEqual(['机关运转保障率', '公文按时办结率']);
    });
    roundTrip(p, removeDepartmentTaskCommand(p, 1, 1), (q) => expect(q.department!.itemGoals![1].tasks).toHaveLength(1));
    roundTrip(p, removeDepartmentDutyCommand(p, 2), (q) => expect(q.department!.itemGoals).toHaveLength(2));
    expect(removeDepartmentTaskCommand(p, 2, 0)).toBeNull();
    expect(removeDepartmentIndicatorCommand(p, 1, 1, 0)).toBeNull();
  });

  it('switching 分项绩效目标 between text and table', () => {
    const p = withDept(GUANTING_DEPARTMENT);
    roundTrip(p, setDepartmentItemGoalsModeCommand(p, 'table'), (q) => {
      expect(q.department!.itemGoals).toHaveLength(1);
      expect(q.department!.itemGoalsText).toBe(GUANTING_DEPARTMENT.itemGoalsText);
    });
    expect(setDepartmentItemGoalsModeCommand(p, 'text')).toBeNull();
    const t = withDept();
    roundTrip(t, setDepartmentItemGoalsModeCommand(t, 'text'), (q) => expect(q.department!.itemGoals).toBeNull());
  });
});
