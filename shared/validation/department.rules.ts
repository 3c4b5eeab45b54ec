/**
 * Validation of family F (部门整体绩效目标, `project.department`): empty and placeholder sections,
 * blank cells of the 分项绩效目标 table and its 指标值 by the same grammar as project tables
 * (shared/values; the checks mirror VAL-01 / VAL-02 / VAL-03). Rule ids DEP-01 … DEP-06.
 */
import type { DepartmentDocument, DepartmentSectionKey } from '../model/department';
import { DEPARTMENT_SECTION_HEADINGS } from '../model/department';
import type { Project } from '../model/types';
import { nonCanonicalOperator, parseIndicatorValue } from '../values/indicator-value';
import { isDeadlineUnit } from '../values/qualitative';
import { FORBIDDEN_UNIT_WORDS, isValidUnit } from '../values/units';
import { isPlaceholderText } from './placeholders';
import type { Severity } from './types';
import { canonicalValueText } from './val.rules';

/** One problem of the family F part. */
export interface DepartmentFinding {
  /** DEP-01 空白章节, DEP-02 占位文字, DEP-03 表格空白单元格, DEP-04 指标值为空, DEP-05 指标值符号不规范, DEP-06 计量单位无效. */
  readonly ruleId: 'DEP-01' | 'DEP-02' | 'DEP-03' | 'DEP-04' | 'DEP-05' | 'DEP-06';
  readonly severity: Severity;
  /**
   * Where: `overallGoal` / `itemGoalsText` / `safeguards`, or a table cell
   * `itemGoals.<duty>.tasks.<task>.indicators.<i>.value` (`.name`, `…tasks.<t>.task`, `itemGoals.<d>.duty`).
   */
  readonly path: string;
  /** What is wrong and what to write, in Chinese. */
  readonly message: string;
}

const SECTIONS: readonly DepartmentSectionKey[] = ['overallGoal', 'itemGoalsText', 'safeguards'];

function sectionFindings(doc: DepartmentDocument): DepartmentFinding[] {
  const out: DepartmentFinding[] = [];
  for (const key of SECTIONS) {
    if (key === 'itemGoalsText' && doc.itemGoals !== null) continue;
    const heading = DEPARTMENT_SECTION_HEADINGS[key];
    const text = doc[key];
    if (text.trim() === '') {
      out.push({ ruleId: 'DEP-01', severity: 'error', path: key, message: `部门整体绩效目标「${heading}」没有内容，请填写本部门的${heading.slice(2)}。` });
      continue;
    }
    text.split('\n').forEach((line, i) => {
      if (isPlaceholderText(line)) {
        out.push({ ruleId: 'DEP-02', severity: 'error', path: key, message: `部门整体绩效目标「${heading}」第 ${i + 1} 行“${line.trim()}”是模板占位文字，请改为实际内容。` });
      }
    });
  }
  return out;
}

/** DEP-04..06 of one 指标值 (the checks of VAL-01..03 without the table context). */
function valueFindings(raw: string, where: string, path: string): DepartmentFinding[] {
  const v = parseIndicatorValue(raw);
  if (v.kind === 'empty') return [{ ruleId: 'DEP-04', severity: 'error', path, message: `${where}的指标值为空，请填写，例如“≥95%”或“按期完成”。` }];
  const out: DepartmentFinding[] = [];
  const spelling = nonCanonicalOperator(raw);
  const fixed = canonicalValueText(raw);
  if (spelling && fixed !== raw) {
    out.push({ ruleId: 'DEP-05', severity: 'warning', path, message: `${where}的指标值“${raw.trim()}”使用了“${spelling}”，应写作“${fixed}”。` });
  }
  if (v.kind === 'quantitative' && v.unit && !isValidUnit(v.unit) && !isDeadlineUnit(v.unit)) {
    const percent = FORBIDDEN_UNIT_WORDS.some((w) => v.unit!.includes(w));
    const hint = percent ? `应写作“${v.operator ?? ''}${v.number ?? ''}%”` : '应写作“符号+数值+单位”，单位如 %、个、人、次、天、万元';
    out.push({ ruleId: 'DEP-06', severity: 'error', path, message: `${where}的指标值“${raw.trim()}”的计量单位“${v.unit}”无效，${hint}。` });
  }
  if (v.kind === 'quantitative' && v.unit === '' && v.number !== null && v.number > 0 && v.number < 1) {
    out.push({ ruleId: 'DEP-06', severity: 'warning', path, message: `${where}的指标值“${raw.trim()}”没有计量单位；比率应写作百分数，例如“≥${Math.round(v.number * 100)}%”。` });
  }
  return out;
}

function tableFindings(doc: DepartmentDocument): DepartmentFinding[] {
  const out: DepartmentFinding[] = [];
  const blank = (path: string, what: string): void => {
    out.push({ ruleId: 'DEP-03', severity: 'warning', path, message: `分项绩效目标表中${what}为空，请填写或删除该行。` });
  };
  if (doc.itemGoals !== null && doc.itemGoals.length === 0) {
    out.push({ ruleId: 'DEP-01', severity: 'error', path: 'itemGoals', message: '部门整体绩效目标「二、分项绩效目标」的表格没有任何职责，请添加部门职责、工作任务和绩效指标。' });
  }
  (doc.itemGoals ?? []).forEach((duty, d) => {
    const dp = `itemGoals.${d}`;
    if (duty.duty.trim() === '') blank(`${dp}.duty`, `第 ${d + 1} 项部门职责`);
    else if (isPlaceholderText(duty.duty)) out.push({ ruleId: 'DEP-02', severity: 'error', path: `${dp}.duty`, message: `部门职责“${duty.duty}”是模板占位文字，请改为实际内容。` });
    duty.tasks.forEach((task, t) => {
      const tp = `${dp}.tasks.${t}`;
      if (task.task.trim() === '') blank(`${tp}.task`, `职责“${duty.duty || d + 1}”下第 ${t + 1} 项工作任务`);
      else if (isPlaceholderText(task.task)) out.push({ ruleId: 'DEP-02', severity: 'error', path: `${tp}.task`, message: `工作任务“${task.task}”是模板占位文字，请改为实际内容。` });
      task.indicators.forEach((ind, i) => {
        const ip = `${tp}.indicators.${i}`;
        if (ind.name.trim() === '') blank(`${ip}.name`, `任务“${task.task || t + 1}”下第 ${i + 1} 个绩效指标的名称`);
        out.push(...valueFindings(ind.value.raw, `工作任务“${task.task || t + 1}”的绩效指标“${ind.name || i + 1}”`, `${ip}.value`));
      });
    });
  });
  return out;
}

/**
 * Checks the family F part of a project. No department (`project.department` absent) → no findings.
 * Pure; findings in document order (sections, then table cells row by row).
 */
export function validateDepartment(project: Project): DepartmentFinding[] {
  const doc = project.department;
  if (!doc) return [];
  return [...sectionFindings(doc), ...tableFindings(doc)];
}
