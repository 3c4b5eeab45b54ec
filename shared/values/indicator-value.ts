/**
 * The 指标值 grammar (DOMAIN.md §2.4), shared by import, the editor and validation:
 * `operator + number + 计量单位`, or 定性 text. `raw` is always kept as written.
 */
import type { IndicatorValue, ValueOperator } from '../model/types';

/** The empty value. */
export const EMPTY_VALUE: IndicatorValue = { raw: '', kind: 'empty', operator: null, number: null, unit: null };

/** Operator spellings at the start of a value, longest first, mapped to the canonical glyph (VAL-01). */
const PREFIX_OPERATORS: readonly (readonly [string, ValueOperator])[] = [
  ['大于等于', '≥'], ['大于或等于', '≥'], ['不少于', '≥'], ['不低于', '≥'], ['不小于', '≥'], ['至少', '≥'],
  ['小于等于', '≤'], ['小于或等于', '≤'], ['不超过', '≤'], ['不高于', '≤'], ['不大于', '≤'], ['不多于', '≤'], ['最多', '≤'],
  ['>=', '≥'], ['≥', '≥'], ['≧', '≥'], ['＞＝', '≥'], ['＞=', '≥'],
  ['<=', '≤'], ['≤', '≤'], ['≦', '≤'], ['＜＝', '≤'], ['＜=', '≤'],
  ['==', '＝'], ['=', '＝'], ['＝', '＝'], ['等于', '＝'],
  ['>', '>'], ['＞', '>'], ['大于', '>'], ['高于', '>'], ['超过', '>'],
  ['<', '<'], ['＜', '<'], ['小于', '<'], ['低于', '<'],
];

/** Operator spellings after the unit (`95%以上`). */
const SUFFIX_OPERATORS: readonly (readonly [string, ValueOperator])[] = [
  ['及以上', '≥'], ['以上', '≥'], ['及以下', '≤'], ['以下', '≤'], ['以内', '≤'],
];

/** LaTeX / PDF artefacts: `$\geq 500$`, `$\leq 1000000$` (VAL-01, S3 l.205, l.207). */
const LATEX_OPERATORS: readonly (readonly [RegExp, string])[] = [
  [/\\geq?\b|\\geqslant\b/g, '≥'],
  [/\\leq?\b|\\leqslant\b/g, '≤'],
  [/\\neq?\b/g, '≠'],
];

/** True when the text has LaTeX or math-mode remnants such as `$\leq 1000000$`. */
export function hasLatexArtefacts(text: string): boolean {
  return /\$[^$]*\$|\\(geq?|leq?|geqslant|leqslant)\b/.test(text);
}

/** Removes LaTeX remnants: `$\geq 500$ 万元` → `≥500 万元`; `$\leq 20\%$` → `≤20%` (S3 l.206). */
export function stripLatex(text: string): string {
  let out = text.replace(/\\%/g, '%');
  for (const [re, glyph] of LATEX_OPERATORS) out = out.replace(re, glyph);
  return out.replace(/\$\s*([^$]*?)\s*\$/g, '$1').replace(/≥\s+/g, '≥').replace(/≤\s+/g, '≤');
}

/** Characters without which `stripLatex` finds no LaTeX remnant. */
const LATEX_CHARS = /[$\\]/;

const NUMBER_RE = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/**
 * Parses the text of a 指标值 cell. Never throws.
 *
 * - `''` (or only spaces) → kind `empty`.
 * - `≥95%`, `>=95%`, `≧95%`, `不少于 10 次`, `95%以上`, `$\geq 500$ 万元`, `9,139.15元`
 *   → `quantitative` with the canonical operator (or null), the number, and the unit text
 *   (`''` for a bare number). The unit is whatever follows the number, trimmed; it is
 *   checked against the whitelist by validation (VAL-02), not here.
 * - Anything else (`显著`, `2024年底`, `12月底前`, `4月—9月`, `费 3.58 万元、…`) → `qualitative`.
 *
 * Percent numbers stay as written (95 for `95%`); decimals such as `0.98` are not rescaled
 * (VAL-03 flags them).
 */
export function parseIndicatorValue(raw: string): IndicatorValue {
  const text = raw ?? '';
  const trimmed = text.trim();
  if (trimmed === '') return text === '' ? EMPTY_VALUE : { ...EMPTY_VALUE, raw: text };
  const qualitative: IndicatorValue = { raw: text, kind: 'qualitative', operator: null, number: null, unit: null };

  let rest = stripLatex(trimmed).replace(/\s+/g, ' ');
  let operator: ValueOperator | null = null;
  for (const [spelling, glyph] of PREFIX_OPERATORS) {
    if (rest.startsWith(spelling)) {
      operator = glyph;
      rest = rest.slice(spelling.length).trimStart();
      break;
    }
  }
  const match = NUMBER_RE.exec(rest);
  if (!match) return qualitative;
  const numberText = match[0].replace(/,/g, '').replace('−', '-');
  const number = Number(numberText);
  if (!Number.isFinite(number)) return qualitative;
  let unit = rest.slice(match[0].length).trim();
  for (const [spelling, glyph] of SUFFIX_OPERATORS) {
    if (unit.endsWith(spelling)) {
      if (operator === null) operator = glyph;
      unit = unit.slice(0, -spelling.length).trim();
      break;
    }
  }
  // A unit with further digits is a range or a sentence (`4月—9月`, `3.58 万元、保养维修 4.54 万元`);
  // a date (`2024年底`, `2024年12月`) is a deadline: both are 定性 text.
  if (/\d/.test(unit) || /[，,、；;。]/.test(unit)) return qualitative;
  if (operator === null && /^(19|20)\d{2}$/.test(numberText) && /^年/.test(unit)) return qualitative;
  // A deadline such as `12月底前`, `6月30日前`, `10月中旬` is a date, not a quantity of months.
  if (/^(个)?月(底|末|初|前|中旬|上旬|下旬|份)|^(日|号)(前|之前|内)?$|^年(底|末|前|初)/.test(unit)) return qualitative;
  unit = unit.replace(/^[（(]/, '').replace(/[)）]$/, '');
  return { raw: text, kind: 'quantitative', operator, number, unit };
}

/**
 * The canonical text of a parsed value: operator glyph + number + unit (`≥95%`), or the
 * trimmed text of a qualitative value. Used by the VAL-01 auto-fix.
 */
export function formatIndicatorValue(value: IndicatorValue): string {
  if (value.kind !== 'quantitative') return value.raw.trim();
  return `${value.operator ?? ''}${formatNumber(value.number ?? 0)}${value.unit ?? ''}`;
}

/** A number without float noise and without thousands separators (0.1 + 0.2 → `0.3`). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(Number(n.toPrecision(15)));
}

/**
 * The operator of a value in the spelling it was written with (`>=`, `≧`, `不少于`), or null
 * when the raw text already uses the canonical glyph or has none. Used by VAL-01.
 */
export function nonCanonicalOperator(raw: string): string | null {
  // without `$` or `\` stripLatex only drops blanks after ≥/≤, which no spelling below depends on
  const trimmed = raw.trim();
  const text = LATEX_CHARS.test(trimmed) ? stripLatex(trimmed) : trimmed;
  for (const [spelling, glyph] of PREFIX_OPERATORS) {
    if (text.startsWith(spelling)) return spelling === glyph ? null : spelling;
  }
  for (const [spelling] of SUFFIX_OPERATORS) {
    if (/\d/.test(text) && text.endsWith(spelling)) return spelling;
  }
  return null;
}
