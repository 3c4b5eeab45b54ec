/** Pick lists of the grid's autocomplete cells (依据, 项目属性, units…) by cell binding; free text stays allowed. */
import type { CellBinding } from '../../../shared/layout/types';

/** 指标值确定依据 pick-list (DOMAIN.md §2.2, QUA-08); free text stays allowed. */
export const BASIS_OPTIONS = ['计划标准', '行业标准', '历史标准', '其他'];

/** 项目属性 pick-list (HDR-01); free text stays allowed. */
export const PROJECT_ATTRIBUTE_OPTIONS = ['新增项目', '延续项目', '新增一次性项目', '续建项目', '上年延续性项目'];

/** 项目期 suggestions (HDR-02). */
export const PROJECT_PERIOD_OPTIONS = ['一年', '长期', '三年'];

/** Operators of a 指标值 (VAL-01 canonical glyphs). */
export const VALUE_OPERATORS = ['≥', '≤', '＝', '>', '<'];

/** Common 计量单位 (VAL-02 whitelist subset) for the 指标值 helper. */
export const COMMON_UNITS = ['%', '个', '人', '人次', '次', '户', '项', '天', '月', '万元', '元', '平方米', '公里', '亩', '台', '份'];

/**
 * The suggestion list of an editable cell, or null for a plain text editor. Autocomplete
 * editors run with `strict: false`: a suggestion never blocks typing something else.
 */
export function pickListFor(binding: CellBinding | undefined): string[] | null {
  if (!binding) return null;
  if (binding.part === 'basis') return BASIS_OPTIONS;
  if (binding.path === 'projectAttribute') return PROJECT_ATTRIBUTE_OPTIONS;
  if (binding.path === 'projectPeriod') return PROJECT_PERIOD_OPTIONS;
  return null;
}
