/**
 * Family F (河北 部门整体绩效目标, DOMAIN.md §1 Family F): the 第一部分 of a 部门预算绩效文本.
 *
 * Three narrative sections — 一、总体绩效目标, 二、分项绩效目标, 三、工作保障措施 — each a multi-line
 * text whose lines are numbered paragraphs (「1.…」). Some counties publish 二、分项绩效目标 as a
 * table instead: 部门职责 (duty) → 工作任务 (task) → 绩效指标 / 指标值; printed, the duty cell spans
 * the rows of its tasks and each task cell the rows of its indicators.
 *
 * Plain, immutable, JSON-serialisable data, held by `Project.department` (absent = no family F).
 */

import type { IndicatorValue } from './types';

/** One 绩效指标 of a task: its name and 指标值 (same grammar as project tables, shared/values). */
export interface DepartmentIndicator {
  readonly name: string;
  readonly value: IndicatorValue;
}

/** One 工作任务 of a duty, with at least one indicator row (possibly blank). */
export interface DepartmentTask {
  readonly task: string;
  readonly indicators: readonly DepartmentIndicator[];
}

/** One 部门职责, with at least one task. */
export interface DepartmentDuty {
  readonly duty: string;
  readonly tasks: readonly DepartmentTask[];
}

/** The three narrative sections, keyed as in `DepartmentDocument`. */
export type DepartmentSectionKey = 'overallGoal' | 'itemGoalsText' | 'safeguards';

/** 部门整体绩效目标 (family F). */
export interface DepartmentDocument {
  /** 一、总体绩效目标: lines separated by `\n`, each a numbered paragraph. */
  readonly overallGoal: string;
  /** 二、分项绩效目标 as text (used when `itemGoals` is null). */
  readonly itemGoalsText: string;
  /** 二、分项绩效目标 as a 职责/任务/指标 table; null = the text form. */
  readonly itemGoals: readonly DepartmentDuty[] | null;
  /** 三、工作保障措施 */
  readonly safeguards: string;
}

/** Headings of the sections, as printed and as recognized on import. */
export const DEPARTMENT_SECTION_HEADINGS: Readonly<Record<DepartmentSectionKey, string>> = {
  overallGoal: '一、总体绩效目标',
  itemGoalsText: '二、分项绩效目标',
  safeguards: '三、工作保障措施',
};

/** Column headings of the 分项绩效目标 table. */
export const DEPARTMENT_TABLE_HEADER = ['部门职责', '工作任务', '绩效指标', '指标值'] as const;

/** Which column of the 分项绩效目标 table a cell is. */
export type DepartmentColumn = 'duty' | 'task' | 'indicator' | 'value';

/** A blank family F document (text form of 分项绩效目标). */
export function emptyDepartment(): DepartmentDocument {
  return { overallGoal: '', itemGoalsText: '', itemGoals: null, safeguards: '' };
}

/**
 * The paragraphs of a section text: its non-blank lines, trimmed. A leading 「1.」/「1、」/「（1）」
 * numbering is kept as written (it is part of the published text).
 */
export function sectionParagraphs(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** One printed row of the 分项绩效目标 table: where it comes from and which cells start here. */
export interface DepartmentTableRow {
  readonly duty: number;
  readonly task: number;
  readonly indicator: number;
  /** Rows the duty cell spans when this row starts a duty, else 0. */
  readonly dutySpan: number;
  /** Rows the task cell spans when this row starts a task, else 0. */
  readonly taskSpan: number;
}

/**
 * The body rows of the 分项绩效目标 table (header not included), one per indicator; a task with
 * no indicators and a duty with no tasks still print one row. Spans give the merges.
 */
export function departmentTableRows(duties: readonly DepartmentDuty[]): DepartmentTableRow[] {
  const rows: DepartmentTableRow[] = [];
  duties.forEach((duty, d) => {
    const tasks = duty.tasks.length > 0 ? duty.tasks : [{ task: '', indicators: [] }];
    const dutySpan = tasks.reduce((n, t) => n + Math.max(1, t.indicators.length), 0);
    tasks.forEach((task, t) => {
      const taskSpan = Math.max(1, task.indicators.length);
      for (let i = 0; i < taskSpan; i++) {
        rows.push({
          duty: d, task: t, indicator: i,
          dutySpan: t === 0 && i === 0 ? dutySpan : 0,
          taskSpan: i === 0 ? taskSpan : 0,
        });
      }
    });
  });
  return rows;
}

/** The text of one cell of the 分项绩效目标 table at a body row ('' where absent). */
export function departmentCellText(duties: readonly DepartmentDuty[], row: DepartmentTableRow, column: DepartmentColumn): string {
  const duty = duties[row.duty];
  const task = duty?.tasks[row.task];
  const ind = task?.indicators[row.indicator];
  switch (column) {
    case 'duty': return duty?.duty ?? '';
    case 'task': return task?.task ?? '';
    case 'indicator': return ind?.name ?? '';
    case 'value': return ind?.value.raw ?? '';
  }
}

/** True when the document has no text and no table content at all. */
export function isDepartmentEmpty(doc: DepartmentDocument): boolean {
  const text = [doc.overallGoal, doc.itemGoalsText, doc.safeguards].join('').trim();
  return text === '' && (doc.itemGoals === null || doc.itemGoals.length === 0);
}
