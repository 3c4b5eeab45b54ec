/**
 * Cuts every value of an imported project that is beyond the project limits (shared/limits.ts),
 * so that import never produces a project that save, autosave or open would refuse.
 * Each cut is reported: the table, the field and the limit. Pure; the input is not modified.
 */
import { PROJECT_LIMITS as L } from '../limits';
import type { Indicator, PerformanceTable, Project, ProjectMeta } from '../model/types';
import type { ImportWarning } from './raw';

const TABLE_TEXT_FIELDS: readonly [keyof PerformanceTable, string][] = [
  ['title', '标题'], ['projectName', '项目名称'], ['projectCode', '项目编码'], ['supervisingDepartment', '主管部门'],
  ['implementingUnit', '实施单位'], ['projectAttribute', '项目属性'], ['projectPeriod', '项目期限'], ['fundUse', '资金用途'],
  ['goal', '绩效目标'], ['ownLevelGoal', '本级绩效目标'],
];

const INDICATOR_TEXT_FIELDS: readonly [keyof Indicator, string][] = [
  ['level1', '一级指标'], ['level2', '二级指标'], ['name', '三级指标'], ['description', '指标描述'], ['basis', '指标值确定依据'],
];

/** The first `max` characters (UTF-16 units), never ending inside a surrogate pair. */
function cut(text: string, max: number): string {
  let out = text.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

interface Clamp {
  readonly warnings: ImportWarning[];
  text(value: string, max: number, where: string, field: string): string;
}

function clamper(warnings: ImportWarning[]): Clamp {
  return {
    warnings,
    text(value, max, where, field) {
      if (value.length <= max) return value;
      warnings.push({ message: `${where}的「${field}」有 ${value.length} 个字符，超过上限 ${max}，已截断为前 ${max} 个字符：请核对并精简后保存` });
      return cut(value, max);
    },
  };
}

function clampIndicator(ind: Indicator, c: Clamp, where: string): Indicator {
  let out: Indicator = ind;
  for (const [key, label] of INDICATOR_TEXT_FIELDS) {
    const v = out[key];
    if (typeof v === 'string' && v.length > L.textChars) out = { ...out, [key]: c.text(v, L.textChars, where, label) };
  }
  const value = out.value;
  const raw = value.raw.length > L.textChars ? c.text(value.raw, L.textChars, where, '指标值') : value.raw;
  const unit = value.unit !== null && value.unit.length > L.valueUnitChars ? c.text(value.unit, L.valueUnitChars, where, '计量单位') : value.unit;
  if (raw !== value.raw || unit !== value.unit) out = { ...out, value: { ...value, raw, unit } };
  if (out.slotLabel !== undefined && out.slotLabel.length > L.slotLabelChars) out = { ...out, slotLabel: c.text(out.slotLabel, L.slotLabelChars, where, '指标序号') };
  return out;
}

function clampTable(table: PerformanceTable, n: number, c: Clamp): PerformanceTable {
  const where = `第${n}张表`;
  let out = table;
  for (const [key, label] of TABLE_TEXT_FIELDS) {
    const v = out[key];
    if (typeof v === 'string' && v.length > L.textChars) out = { ...out, [key]: c.text(v, L.textChars, where, label) };
  }
  const texts = Object.entries(out.amountTexts);
  if (texts.some(([, v]) => v.length > L.amountTextChars)) {
    out = { ...out, amountTexts: Object.fromEntries(texts.map(([k, v]) => [k, c.text(v, L.amountTextChars, where, `金额原文 ${k}`)])) };
  }
  if (out.indicators.length > L.indicatorsPerTable) {
    c.warnings.push({ message: `${where}有 ${out.indicators.length} 行指标，超过上限 ${L.indicatorsPerTable}，只导入前 ${L.indicatorsPerTable} 行` });
    out = { ...out, indicators: out.indicators.slice(0, L.indicatorsPerTable) };
  }
  const indicators = out.indicators.map((ind, i) => clampIndicator(ind, c, `${where}第${i + 1}行指标`));
  return indicators.some((ind, i) => ind !== out.indicators[i]) ? { ...out, indicators } : out;
}

function clampMeta(meta: ProjectMeta, c: Clamp): ProjectMeta {
  const unitCode = c.text(meta.unitCode, L.unitCodeChars, '项目', '单位编码');
  const unitName = c.text(meta.unitName, L.unitNameChars, '项目', '单位名称');
  let fiscalYear = meta.fiscalYear;
  if (fiscalYear !== null && (fiscalYear < L.fiscalYearMin || fiscalYear > L.fiscalYearMax)) {
    c.warnings.push({ message: `预算年度 ${fiscalYear} 不在 ${L.fiscalYearMin}–${L.fiscalYearMax} 之间，已留空：请在项目信息中填写正确的年度` });
    fiscalYear = null;
  }
  return unitCode === meta.unitCode && unitName === meta.unitName && fiscalYear === meta.fiscalYear ? meta : { ...meta, unitCode, unitName, fiscalYear };
}

/**
 * Returns the project cut to PROJECT_LIMITS (the same object when nothing was beyond them) and
 * appends one Chinese warning per cut value to `warnings`.
 */
export function clampProject(project: Project, warnings: ImportWarning[]): Project {
  const c = clamper(warnings);
  let tables = project.tables;
  if (tables.length > L.tablesPerProject) {
    warnings.push({ message: `工作簿中有 ${tables.length} 张表，超过上限 ${L.tablesPerProject}，只导入前 ${L.tablesPerProject} 张` });
    tables = tables.slice(0, L.tablesPerProject);
  }
  const clamped = tables.map((t, i) => clampTable(t, i + 1, c));
  const meta = clampMeta(project.meta, c);
  const same = meta === project.meta && clamped.length === project.tables.length && clamped.every((t, i) => t === project.tables[i]);
  return same ? project : { meta, tables: clamped };
}
