/**
 * 第一部分 of a published 绩效文本 read back into family F (shared/model/department.ts): the
 * sections are found by their headings (一、总体绩效目标 / 二、分项绩效目标 / 三、工作保障措施; the
 * last occurrence, so the 目录 lines before them are passed over); a section's text is its
 * non-empty paragraphs up to the next heading or 「第二部分」; a 部门职责 | 工作任务 | 绩效指标 |
 * 指标值 table inside 二、分项绩效目标 becomes the duty table. Also the cover's unit and year. Pure.
 */
import {
  DEPARTMENT_SECTION_HEADINGS, type DepartmentDocument, type DepartmentDuty, type DepartmentSectionKey,
} from '../model/department';
import { parseIndicatorValue } from '../values/indicator-value';
import { docxTableGrid, isDepartmentDutyTable } from './docx-to-raw';
import type { DocxBlock, DocxTable } from './types';

const KEYS: readonly DepartmentSectionKey[] = ['overallGoal', 'itemGoalsText', 'safeguards'];

function norm(text: string): string {
  return text.replace(/\s+/g, '').replace(/[：:。]+$/, '');
}

function isPartTwo(text: string): boolean {
  const t = norm(text);
  return t === '第二部分' || t.startsWith('第二部分预算项目') || t === '预算项目绩效目标';
}

/** Column of a header text in the duty table's header row, or -1. */
function columnOf(header: readonly string[], ...names: string[]): number {
  return header.findIndex((h) => names.some((n) => h.includes(n)));
}

/** The duties of a 分项绩效目标 table: merged (or repeated) duty and task cells group their rows. */
export function readDutyTable(table: DocxTable): DepartmentDuty[] {
  const grid = docxTableGrid(table);
  const text = (r: number, c: number): string => {
    const v = grid.rows[r]?.[c]?.value;
    return v == null ? '' : String(v).trim();
  };
  const headerRow = grid.rows.findIndex((_, r) => text(r, 0).replace(/\s+/g, '') === '部门职责' || grid.rows[r].some((_, c) => text(r, c).replace(/\s+/g, '') === '部门职责'));
  const header = grid.rows[headerRow].map((_, c) => text(headerRow, c).replace(/\s+/g, ''));
  const cDuty = columnOf(header, '部门职责');
  const cTask = columnOf(header, '工作任务');
  const cValue = columnOf(header, '指标值');
  const cName = columnOf(header, '绩效指标', '三级指标', '指标名称');
  /** Grid positions covered by a merge from above (not anchors). */
  const covered = new Set<string>();
  for (const m of grid.merges) {
    for (let r = m.row + 1; r < m.row + m.rowspan; r++) covered.add(`${r}:${m.col}`);
  }
  const duties: { duty: string; tasks: { task: string; indicators: { name: string; value: ReturnType<typeof parseIndicatorValue> }[] }[] }[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const dutyText = text(r, cDuty);
    const startsDuty = !covered.has(`${r}:${cDuty}`) && (duties.length === 0 || dutyText !== duties[duties.length - 1].duty);
    if (startsDuty) duties.push({ duty: dutyText, tasks: [] });
    const duty = duties[duties.length - 1];
    const taskText = cTask >= 0 ? text(r, cTask) : '';
    const lastTask = duty.tasks[duty.tasks.length - 1];
    if (!lastTask || (cTask >= 0 && !covered.has(`${r}:${cTask}`) && taskText !== lastTask.task)) duty.tasks.push({ task: taskText, indicators: [] });
    const name = cName >= 0 ? text(r, cName) : '';
    const value = cValue >= 0 ? text(r, cValue) : '';
    if (name !== '' || value !== '') duty.tasks[duty.tasks.length - 1].indicators.push({ name, value: parseIndicatorValue(value) });
  }
  return duties;
}

/**
 * Family F from a document body, or null when it has none of the three headings.
 */
export function readDepartmentNarrative(blocks: readonly DocxBlock[]): DepartmentDocument | null {
  const at = new Map<DepartmentSectionKey, number>();
  blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph') return;
    const t = norm(b.text);
    for (const key of KEYS) if (t === norm(DEPARTMENT_SECTION_HEADINGS[key])) at.set(key, i);
  });
  if (at.size === 0) return null;
  const starts = [...at.values()].sort((a, b) => a - b);
  const doc: { -readonly [K in keyof DepartmentDocument]: DepartmentDocument[K] } = { overallGoal: '', itemGoalsText: '', itemGoals: null, safeguards: '' };
  for (const key of KEYS) {
    const start = at.get(key);
    if (start === undefined) continue;
    const next = starts.find((s) => s > start) ?? blocks.length;
    const lines: string[] = [];
    for (let i = start + 1; i < next; i++) {
      const b = blocks[i];
      if (b.kind === 'table') {
        if (key === 'itemGoalsText' && isDepartmentDutyTable(b) && doc.itemGoals === null) {
          doc.itemGoals = readDutyTable(b);
          continue;
        }
        break;
      }
      if (isPartTwo(b.text)) break;
      for (const line of b.text.split('\n')) if (line.trim() !== '') lines.push(line.trim());
    }
    doc[key] = lines.join('\n');
  }
  return doc;
}

/** The cover: 单位名称 (the line above 「YYYY年…绩效文本」) and the year, when found in the first blocks. */
export function readCover(blocks: readonly DocxBlock[]): { unitName: string; fiscalYear: number | null } {
  const paras = blocks.slice(0, 40).filter((b) => b.kind === 'paragraph' && b.text.trim() !== '').map((b) => (b as { text: string }).text.trim());
  const i = paras.findIndex((t) => /(?:19|20)\d{2}\s*年.*绩效/.test(t));
  if (i < 0) return { unitName: '', fiscalYear: null };
  const year = Number(/((?:19|20)\d{2})\s*年/.exec(paras[i])![1]);
  const unit = i > 0 && paras[i - 1].length <= 40 ? paras[i - 1].replace(/\s+/g, '') : '';
  return { unitName: unit, fiscalYear: year };
}
