/**
 * The value types the value code works on and the model stores: the money unit of a table and
 * the parsed 指标值. Re-exported by shared/model/types.ts.
 */

/** 金额单位: the unit every amount of a table is written in. */
export type MoneyUnit = 'yuan' | 'wanYuan';

/** Operators of a quantitative 指标值, in their canonical glyphs (VAL-01). */
export type ValueOperator = '≥' | '≤' | '＝' | '>' | '<';

/**
 * 指标值: always keeps `raw`, the text exactly as typed or imported.
 *
 * - `quantitative`: operator (or null when none was written) + number + unit
 *   (unit is `''` when the value is a bare number, e.g. `0.98`).
 * - `qualitative`: 定性 text; operator/number/unit are null.
 * - `empty`: nothing written; raw is `''`.
 *
 * Percent values keep `number` as written (95 for `≥95%`, unit `%`).
 */
export interface IndicatorValue {
  readonly raw: string;
  readonly kind: 'quantitative' | 'qualitative' | 'empty';
  readonly operator: ValueOperator | null;
  readonly number: number | null;
  readonly unit: string | null;
}
