/**
 * 指标值 split over three columns (101号-style layouts, DOMAIN.md §2.3 `pmkpi`: 符号 + 数值 +
 * 计量单位): 指标性质 (≥ ≤ ＝, or 正向 / 反向 / 定性), 指标值 (the bare number or 定性 text) and
 * 度量单位. The model keeps one `value` (so every VAL rule works) plus `nature` and
 * `measureUnit` as written; the layout shows the bare value again. Composition and
 * decomposition are inverse for every value recognition produces.
 */
import type { Indicator, IndicatorValue, ValueOperator } from '../model/types';
import { parseIndicatorValue } from '../values/indicator-value';

const NATURE_OPERATORS: readonly (readonly [RegExp, ValueOperator])[] = [
  [/^(≥|>=|≧|大于等于|大于或等于|不低于|不少于|正向(指标)?)$/, '≥'],
  [/^(≤|<=|≦|小于等于|小于或等于|不高于|不超过|反向(指标)?)$/, '≤'],
  [/^(＝|=|==|等于)$/, '＝'],
  [/^(>|＞|大于)$/, '>'],
  [/^(<|＜|小于)$/, '<'],
];

/** The operator a 指标性质 cell stands for (`≥`, `大于等于`, `正向` → ≥; `定性` → null). */
export function operatorOfNature(nature: string): ValueOperator | null {
  const t = nature.replace(/[\s\u3000]+/g, '');
  for (const [re, op] of NATURE_OPERATORS) if (re.test(t)) return op;
  return null;
}

const OPERATOR_START = /^(≥|≤|＝|>|<|>=|<=|=|＞|＜|≧|≦)/;
const NUMERIC = /^[-−]?\d[\d,]*(\.\d+)?$/;

/**
 * The full 指标值 text of a split row: operator from the 指标性质 (unless the value already
 * starts with one) + value + unit (only after a number). `('≥', '12', '场')` → `≥12场`;
 * `('定性', '达到预期', '')` → `达到预期`; `('', '', '场')` → `` (nothing written).
 */
export function composeValueRaw(nature: string, bare: string, measureUnit: string): string {
  const value = bare.trim();
  if (value === '') return '';
  const op = operatorOfNature(nature);
  const withOp = op && !OPERATOR_START.test(value) ? `${op}${value}` : value;
  const unit = measureUnit.trim();
  return unit !== '' && NUMERIC.test(value) && !value.endsWith(unit) ? `${withOp}${unit}` : withOp;
}

/** The value of a split row as a parsed IndicatorValue (`composeValueRaw` then the grammar). */
export function composeValue(nature: string, bare: string, measureUnit: string): IndicatorValue {
  return parseIndicatorValue(composeValueRaw(nature, bare, measureUnit));
}

/**
 * What the 指标值 column of a split layout shows: the value without the operator its
 * 指标性质 gives and without the unit its 度量单位 gives (`≥12场` with ≥ / 场 → `12`).
 */
export function bareValueText(ind: Pick<Indicator, 'value' | 'nature' | 'measureUnit'>): string {
  let text = ind.value.raw;
  const op = operatorOfNature(ind.nature ?? '');
  if (op && text.startsWith(op)) text = text.slice(op.length);
  const unit = (ind.measureUnit ?? '').trim();
  if (unit !== '' && text.endsWith(unit) && NUMERIC.test(text.slice(0, -unit.length))) text = text.slice(0, -unit.length);
  return text;
}
