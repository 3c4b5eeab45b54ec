/**
 * Commands that edit family F (部门整体绩效目标, `project.department`): a section's text, a cell of
 * the 分项绩效目标 table, adding / removing duty, task and indicator rows, switching 分项绩效目标
 * between text and table. Each is one undo step built from one `setDepartment` mutation (the
 * document is small; replacing it whole keeps undo exact). Null when nothing would change.
 */
import {
  emptyDepartment, type DepartmentColumn, type DepartmentDocument, type DepartmentDuty, type DepartmentSectionKey,
  type DepartmentTask,
} from '../model/department';
import type { Project } from '../model/types';
import { EMPTY_VALUE, parseIndicatorValue } from '../values/indicator-value';
import { makeCommand, type Command } from './types';

/** A cell of the 分项绩效目标 table: duty index, task and indicator index where the column needs them. */
export interface DepartmentCellRef {
  readonly duty: number;
  readonly task?: number;
  readonly indicator?: number;
  readonly column: DepartmentColumn;
}

function docOf(project: Project): DepartmentDocument {
  return project.department ?? emptyDepartment();
}

function commandFor(project: Project, type: string, label: string, next: DepartmentDocument): Command | null {
  if (project.department === next) return null;
  return makeCommand(type, label, [{ type: 'setDepartment', department: next }], null);
}

const SECTION_LABELS: Record<DepartmentSectionKey, string> = {
  overallGoal: '修改总体绩效目标', itemGoalsText: '修改分项绩效目标', safeguards: '修改工作保障措施',
};

/** Sets the text of one narrative section (creates the family F part when the project has none). */
export function setDepartmentSectionCommand(project: Project, key: DepartmentSectionKey, text: string): Command | null {
  const doc = docOf(project);
  if (project.department && doc[key] === text) return null;
  return commandFor(project, 'set-department-section', SECTION_LABELS[key], { ...doc, [key]: text });
}

/** A blank task with one blank indicator row. */
function blankTask(): DepartmentTask {
  return { task: '', indicators: [{ name: '', value: EMPTY_VALUE }] };
}

/** A blank duty with one blank task. */
function blankDuty(): DepartmentDuty {
  return { duty: '', tasks: [blankTask()] };
}

/**
 * Switches 二、分项绩效目标 to the table form (one blank duty when there was none) or back to the
 * text form. The other form's content is kept (switching back restores it) — the table is kept
 * only while in table form: switching to text drops it (undo brings it back).
 */
export function setDepartmentItemGoalsModeCommand(project: Project, mode: 'text' | 'table'): Command | null {
  const doc = docOf(project);
  if (mode === 'table') {
    if (doc.itemGoals !== null && project.department) return null;
    return commandFor(project, 'department-table-mode', '分项绩效目标改为表格', { ...doc, itemGoals: doc.itemGoals ?? [blankDuty()] });
  }
  if (doc.itemGoals === null) return null;
  return commandFor(project, 'department-text-mode', '分项绩效目标改为文字', { ...doc, itemGoals: null });
}

function mapDuties(doc: DepartmentDocument, fn: (duties: DepartmentDuty[]) => DepartmentDuty[] | null): DepartmentDocument | null {
  if (!doc.itemGoals) return null;
  const next = fn(doc.itemGoals.slice());
  return next ? { ...doc, itemGoals: next } : null;
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

/**
 * Sets one cell of the 分项绩效目标 table: `value` cells are parsed by the 指标值 grammar; other
 * cells keep the text as typed. Null when the cell does not exist or holds this text already.
 */
export function setDepartmentCellCommand(project: Project, ref: DepartmentCellRef, text: string): Command | null {
  const next = mapDuties(docOf(project), (duties) => {
    const duty = duties[ref.duty];
    if (!duty) return null;
    if (ref.column === 'duty') return duty.duty === text ? null : replaceAt(duties, ref.duty, { ...duty, duty: text });
    const task = duty.tasks[ref.task ?? -1];
    if (!task) return null;
    if (ref.column === 'task') {
      return task.task === text ? null : replaceAt(duties, ref.duty, { ...duty, tasks: replaceAt(duty.tasks, ref.task!, { ...task, task: text }) });
    }
    const ind = task.indicators[ref.indicator ?? -1];
    if (!ind) return null;
    const changed = ref.column === 'indicator'
      ? (ind.name === text ? null : { ...ind, name: text })
      : (ind.value.raw === text ? null : { ...ind, value: parseIndicatorValue(text) });
    if (!changed) return null;
    const indicators = replaceAt(task.indicators, ref.indicator!, changed);
    return replaceAt(duties, ref.duty, { ...duty, tasks: replaceAt(duty.tasks, ref.task!, { ...task, indicators }) });
  });
  return next ? commandFor(project, 'set-department-cell', '编辑分项绩效目标', next) : null;
}

/** Inserts a blank duty (with one task and one indicator row) at `index` (0 … number of duties). */
export function insertDepartmentDutyCommand(project: Project, index: number): Command | null {
  const next = mapDuties(docOf(project), (duties) => {
    if (index < 0 || index > duties.length) return null;
    duties.splice(index, 0, blankDuty());
    return duties;
  });
  return next ? commandFor(project, 'insert-department-duty', '插入部门职责', next) : null;
}

/** Inserts a blank task (one blank indicator row) into duty `duty` at `index`. */
export function insertDepartmentTaskCommand(project: Project, duty: number, index: number): Command | null {
  const next = mapDuties(docOf(project), (duties) => {
    const d = duties[duty];
    if (!d || index < 0 || index > d.tasks.length) return null;
    const tasks = d.tasks.slice();
    tasks.splice(index, 0, blankTask());
    return replaceAt(duties, duty, { ...d, tasks });
  });
  return next ? commandFor(project, 'insert-department-task', '插入工作任务', next) : null;
}

/** Inserts a blank indicator row into task `task` of duty `duty` at `index`. */
export function insertDepartmentIndicatorCommand(project: Project, duty: number, task: number, index: number): Command | null {
  const next = mapDuties(docOf(project), (duties) => {
    const d = duties[duty];
    const t = d?.tasks[task];
    if (!d || !t || index < 0 || index > t.indicators.length) return null;
    const indicators = t.indicators.slice();
    indicators.splice(index, 0, { name: '', value: EMPTY_VALUE });
    return replaceAt(duties, duty, { ...d, tasks: replaceAt(d.tasks, task, { ...t, indicators }) });
  });
  return next ? commandFor(project, 'insert-department-indicator', '插入绩效指标', next) : null;
}

/** Removes a duty with all its tasks; the table keeps at least one duty. */
export function removeDepartmentDutyCommand(project: Project, duty: number): Command | null {
  const next = mapDuties(docOf(project), (duties) => {
    if (!duties[duty] || duties.length <= 1) return null;
    duties.splice(duty, 1);
    return duties;
  });
  return next ? commandFor(project, 'remove-department-duty', '删除部门职责', next) : null;
}

/** Removes a task with its indicators; a duty keeps at least one task. */
export function removeDepartmentTaskCommand(project: Project, duty: number, task: number): Command | null {
  const next = mapDuties(docOf(project), (duties) => {
    const d = duties[duty];
    if (!d || !d.tasks[task] || d.tasks.length <= 1) return null;
    return replaceAt(duties, duty, { ...d, tasks: d.tasks.filter((_, i) => i !== task) });
  });
  return next ? commandFor(project, 'remove-department-task', '删除工作任务', next) : null;
}

/** Removes an indicator row; a task keeps at least one row. */
export function removeDepartmentIndicatorCommand(project: Project, duty: number, task: number, indicator: number): Command | null {
  const next = mapDuties(docOf(project), (duties) => {
    const d = duties[duty];
    const t = d?.tasks[task];
    if (!d || !t || !t.indicators[indicator] || t.indicators.length <= 1) return null;
    const indicators = t.indicators.filter((_, i) => i !== indicator);
    return replaceAt(duties, duty, { ...d, tasks: replaceAt(d.tasks, task, { ...t, indicators }) });
  });
  return next ? commandFor(project, 'remove-department-indicator', '删除绩效指标', next) : null;
}
