/**
 * The 指标值 template of a library entry: what choosing a suggestion writes into the 指标值
 * cell, with the place of the number for the caret (`≥__%`, caret on `__`). Pure.
 */
import type { LibraryEntry } from './types';

/** The blank the clerk replaces with the figure. */
export const NUMBER_BLANK = '__';

/** A value template: the text, and the [start, end) range of the number blank (null: no blank). */
export interface ValueTemplate {
  readonly text: string;
  readonly blank: readonly [number, number] | null;
}

/**
 * The template of an entry: `≥__%` for a usual `≥95%`, `__个` for `21个`, `≤__万元` for a cost;
 * a 满意度 percent without an operator gets `≥` (VAL-06). A qualitative entry's template is its
 * example text (`显著`, `12月底前`) with no blank.
 */
export function valueTemplate(entry: Pick<LibraryEntry, 'valueKind' | 'operator' | 'unit' | 'example' | 'level2'>): ValueTemplate {
  if (entry.valueKind !== 'quantitative') return { text: entry.example, blank: null };
  let operator: string = entry.operator ?? '';
  if (operator === '' && entry.unit === '%' && entry.level2.includes('满意度')) operator = '≥';
  return { text: `${operator}${NUMBER_BLANK}${entry.unit}`, blank: [operator.length, operator.length + NUMBER_BLANK.length] };
}

/** The short form shown next to a suggestion: the template (`≥__%`), or the example for 定性 values. */
export function valueFormLabel(entry: Pick<LibraryEntry, 'valueKind' | 'operator' | 'unit' | 'example' | 'level2'>): string {
  return valueTemplate(entry).text;
}
