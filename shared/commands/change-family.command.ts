import { getFamily } from '../families';
import type { FamilyDefinition, Level1Definition, Level2Definition } from '../families/types';
import { emptyIndicator } from '../model/create';
import { createTable } from '../families/create-table';
import { getAtPath } from '../model/paths';
import type { BuiltinFamilyId, FamilyId, Indicator, PerformanceTable, Project } from '../model/types';
import { makeCommand, type Command } from './types';

/** What a family change produces: the re-laid-out table and what could not be carried over (Chinese). */
export interface FamilyChangePlan {
  readonly table: PerformanceTable;
  /** One Chinese line per thing dropped or kept under a non-standard category; empty when lossless. */
  readonly lost: readonly string[];
}

const TEXT_FIELDS: readonly [string, string][] = [
  ['projectCode', '项目编码'], ['supervisingDepartment', '主管部门'], ['implementingUnit', '实施单位'],
  ['projectAttribute', '项目属性'], ['projectPeriod', '项目期'], ['fundUse', '资金用途'], ['goal', '绩效目标'],
];
const AMOUNT_FIELDS: readonly [string, string][] = [
  ['funds.total', '年度资金总额'], ['funds.fiscal', '财政拨款'], ['funds.other', '其他资金'], ['funds.carryover', '上年结转'],
];

const matches = (def: { name: string; aliases?: readonly string[] }, text: string): boolean =>
  def.name === text || (def.aliases ?? []).includes(text);

/**
 * Maps an indicator's 一级 › 二级 onto a family's category tree by name or alias (STR-11).
 * A 二级 found under another 一级 moves there (e.g. 产出 › 成本指标 → 成本指标 in family D);
 * a 二级 that is itself a 一级 of the new family goes to that 一级's first 二级.
 */
export function mapCategory(family: FamilyDefinition, level1: string, level2: string): { level1: string; level2: string } | null {
  const l1 = family.categories.find((c) => matches(c, level1));
  const inL1 = l1?.level2.find((d) => matches(d, level2));
  if (l1 && inL1) return { level1: l1.name, level2: inL1.name };
  for (const c of family.categories) {
    const d = c.level2.find((x) => matches(x, level2));
    if (d) return { level1: c.name, level2: d.name };
  }
  const asL1 = family.categories.find((c) => matches(c, level2));
  if (asL1 && asL1.level2[0]) return { level1: asL1.name, level2: asL1.level2[0].name };
  // 江西 成本指标 (一级) → 88号 产出 › 成本指标
  const cost = family.categories.flatMap((c) => c.level2.map((d) => [c, d] as [Level1Definition, Level2Definition]))
    .find(([, d]) => matches(d, level1));
  return cost ? { level1: cost[0].name, level2: cost[1].name } : null;
}

function isBlank(ind: Indicator): boolean {
  return ind.name === '' && ind.value.raw === '' && ind.description === '' && ind.basis === '';
}

function mapIndicators(table: PerformanceTable, family: FamilyDefinition, lost: string[]): Indicator[] {
  const columns = new Set(family.matrix.columns.map((c) => c.key));
  const mapped: Indicator[] = [];
  const unmatched: Indicator[] = [];
  let droppedDescriptions = 0;
  for (const ind of table.indicators) {
    if (isBlank(ind)) continue;
    const target = mapCategory(family, ind.level1, ind.level2);
    let next: Indicator = { ...ind };
    if (!columns.has('description') && ind.description !== '') { next = { ...next, description: '' }; droppedDescriptions++; }
    if (!columns.has('basis') && ind.basis !== '') { next = { ...next, basis: '' }; droppedDescriptions++; }
    if (!family.matrix.slotStyle && next.slotLabel !== undefined) {
      const { slotLabel: _drop, ...rest } = next;
      void _drop;
      next = rest;
    }
    if (target) mapped.push({ ...next, ...target });
    else {
      unmatched.push(next);
      lost.push(`指标「${ind.name || '（未命名）'}」的类别「${ind.level1} › ${ind.level2}」在新版式中没有对应项，已保留原类别名称，请手动调整。`);
    }
  }
  if (droppedDescriptions > 0) lost.push(`新版式没有「绩效指标描述」「指标值确定依据」两栏，${droppedDescriptions} 处内容无法保留。`);
  const result: Indicator[] = [];
  for (const l1 of family.categories) {
    for (const l2 of l1.level2) {
      const here = mapped.filter((i) => i.level1 === l1.name && i.level2 === l2.name);
      if (here.length > 0) result.push(...here);
      else for (let k = 0; k < family.matrix.slotsPerLevel2; k++) result.push(emptyIndicator(l1.name, l2.name));
    }
  }
  return [...result, ...unmatched];
}

function filled(value: unknown): boolean {
  if (value == null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return true;
  return Object.values(value as Record<string, unknown>).some(filled);
}

/**
 * Plans moving a table to another family: header fields the new family prints are carried
 * over, indicators are mapped by category name/alias and re-ordered in the new family's
 * category order (empty slots added for categories without rows), and everything that
 * cannot be carried over is listed in `lost` (Chinese). Money unit and title are kept.
 */
export function planFamilyChange(table: PerformanceTable, familyId: BuiltinFamilyId): FamilyChangePlan {
  const family = getFamily(familyId);
  const base = createTable(familyId, table.moneyUnit);
  const shown = new Set(family.header.map((h) => h.field).filter((f): f is NonNullable<typeof f> => !!f) as string[]);
  const lost: string[] = [];
  let next: PerformanceTable = { ...base, title: table.title, projectName: table.projectName };
  for (const [path, label] of TEXT_FIELDS) {
    const value = getAtPath(table, path) as string;
    if (shown.has(path)) next = { ...next, [path]: value };
    else if (filled(value)) lost.push(`${label}：「${value.length > 30 ? `${value.slice(0, 30)}…` : value}」`);
  }
  const funds: Record<string, number | null> = { ...next.funds };
  for (const [path, label] of AMOUNT_FIELDS) {
    const key = path.split('.')[1];
    const value = getAtPath(table, path) as number | null | undefined;
    if (shown.has(path)) funds[key] = value ?? null;
    else if (value != null) lost.push(`${label}：${value}`);
  }
  next = { ...next, funds: funds as unknown as PerformanceTable['funds'] };
  if (next.ownLevelFunds && table.ownLevelFunds) next = { ...next, ownLevelFunds: table.ownLevelFunds };
  else if (filled(table.ownLevelFunds)) lost.push('项目资金（含本级）一栏');
  if (next.ownLevelGoal !== null && table.ownLevelGoal !== null) next = { ...next, ownLevelGoal: table.ownLevelGoal };
  else if (filled(table.ownLevelGoal)) lost.push('年度绩效目标（含本级）');
  if (next.spendingPlan && table.spendingPlan) next = { ...next, spendingPlan: table.spendingPlan };
  else if (filled(table.spendingPlan)) lost.push('资金支出计划（%）');
  if (next.departmentBudget && table.departmentBudget) next = { ...next, departmentBudget: table.departmentBudget };
  else if (filled(table.departmentBudget)) lost.push('当年预算情况');
  const amountTexts = Object.fromEntries(Object.entries(table.amountTexts).filter(([path]) => shown.has(path)));
  lost.push(...learnedOnlyContent(table));
  return { table: { ...next, amountTexts, indicators: mapIndicators(table, family, lost) }, lost };
}

/** What only a learned layout holds (中期 block, 负责人, fund lines, extras, 备注/权重 …), listed when a built-in family drops it. */
function learnedOnlyContent(table: PerformanceTable): string[] {
  const lost: string[] = [];
  const texts: [string | undefined, string][] = [
    [table.longTermGoal, '中期目标'], [table.projectLeader, '项目负责人'], [table.contactPhone, '联系电话'],
    [table.projectStart, '项目开始时间'], [table.projectEnd, '项目结束时间'], [table.fillingUnit, '填报单位'],
  ];
  for (const [value, label] of texts) if (filled(value)) lost.push(`${label}：「${value!.length > 30 ? `${value!.slice(0, 30)}…` : value}」`);
  if (filled(table.longTermFunds)) lost.push('中期资金');
  if (table.longTermIndicators?.some((i) => i.name !== '' || i.value.raw !== '')) lost.push(`长期绩效指标 ${table.longTermIndicators.length} 行`);
  for (const line of table.fundLines ?? []) if (line.amount !== null) lost.push(`${line.label}：${line.amount}`);
  for (const [key, value] of Object.entries(table.extras ?? {})) if (value.trim() !== '') lost.push(`${key}：「${value.length > 30 ? `${value.slice(0, 30)}…` : value}」`);
  const parts = table.indicators.filter((i) => filled(i.remark) || filled(i.weight) || filled(i.measureUnit) || filled(i.nature)).length;
  if (parts > 0) lost.push(`${parts} 条指标的备注、权重、计量单位或指标性质`);
  return lost;
}

/** Changes a table's family as one undoable step (see planFamilyChange). Null when the family is the same. */
export function changeFamilyCommand(project: Project, tableIndex: number, familyId: FamilyId): { command: Command; lost: readonly string[] } | null {
  const table = project.tables[tableIndex];
  if (!table || table.family === familyId || familyId === 'learned') return null;
  const plan = planFamilyChange(table, familyId);
  const command = makeCommand('change-family', `更改版式为「${getFamily(familyId).displayName}」`,
    [{ type: 'replaceTable', index: tableIndex, table: plan.table }], tableIndex);
  return { command, lost: plan.lost };
}
