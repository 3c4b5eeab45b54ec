/**
 * QUA-13 (new, opt-in): an indicator whose 计量单位 differs from the usual unit the 指标库 knows
 * for the same 三级指标 name. It needs the library's units in the settings
 * (`ValidationSettings.usualUnits`, see shared/library `usualUnits`); without them it finds
 * nothing, so file-based validation (CLI, seed goldens) is unchanged unless a library is given.
 */
import { entryKey } from '../vocabulary/indicator-names';
import { formatNumber } from '../values/indicator-value';
import { isValidUnit, moneyUnitOf } from '../values/units';
import type { Rule } from './rule';
import { valueRule, where } from './val.rules';

/** A unit compared without blanks, with the full-width percent folded. */
function unitKey(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/％/g, '%');
}

/**
 * QUA-13: 计量单位 of a quantitative 指标值 ≠ the 指标库's usual unit for the same name under the
 * same 二级 (compared by `entryKey`: blanks, numbering and a bracketed unit ignored). Warning; info
 * when both units are money (元 / 万元: a magnitude choice, not a different quantity). Units that are
 * not valid at all are VAL-02's, not repeated here. No fix: the number may need changing with the
 * unit. Example: 「培训人数 50人次」 where the library has 「人」.
 */
export const QUA_13: Rule = valueRule({
  id: 'QUA-13', severity: 'warning', families: 'all', title: '计量单位与指标库常用单位不同',
  row: (ctx, f, v) => {
    const units = ctx.settings.usualUnits;
    if (!units || v.kind !== 'quantitative' || !v.unit || !isValidUnit(v.unit)) return undefined;
    const usual = units.get(entryKey(f.indicator.level2, f.indicator.name));
    if (!usual || unitKey(usual.unit) === unitKey(v.unit)) return undefined;
    const money = moneyUnitOf(v.unit) !== null && moneyUnitOf(usual.unit) !== null;
    return {
      path: `indicators.${f.index}.value`,
      severity: money ? 'info' : undefined,
      message: `${where(ctx, f)}的计量单位“${v.unit}”与指标库中同名指标的常用单位“${usual.unit}”不同；请核对单位（如“${v.operator ?? ''}${formatNumber(v.number ?? 0)}${usual.unit}”）或指标名称`,
    };
  },
});
