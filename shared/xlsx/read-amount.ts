/**
 * Reading raw cell values as amounts (in the table's money unit) or percents (0–100) for import,
 * keeping irregular text as written (FUND-06). Pure; reports nothing (read-amount-cell.ts warns).
 */
import type { MoneyUnit } from '../model/types';
import { parseAmount } from '../values/amount';
import { formatNumber } from '../values/indicator-value';
import { Decimal } from '../values/money';
import type { RawValue } from './raw';

/** An amount or percent read from a cell. */
export interface ReadNumber {
  /** The number in the table's unit (percent: 0–100), or null when blank or unreadable. */
  readonly value: number | null;
  /** The cell text when it was not a plain number (kept in `amountTexts`, FUND-06). */
  readonly irregularText?: string;
  /** True when the text could not be read as a number at all. */
  readonly unreadable: boolean;
}

const BLANK: ReadNumber = { value: null, unreadable: false };

/**
 * Reads an amount cell (项目资金, 预算数, 当年预算情况) in the table's money unit: numbers as
 * they are, text through `parseAmount` (`4万元`, `9,139.15`); irregular text is returned in
 * `irregularText` exactly as written (FUND-06). Never throws.
 */
export function readAmount(value: RawValue, unit: MoneyUnit): ReadNumber {
  if (value == null) return BLANK;
  if (typeof value === 'number') return { value: Number.isFinite(value) ? value : null, unreadable: !Number.isFinite(value) };
  if (value.trim() === '') return value === '' ? BLANK : { value: null, irregularText: value, unreadable: false };
  const parsed = parseAmount(value, unit);
  if (parsed.unreadable) return { value: null, irregularText: value, unreadable: true };
  return parsed.irregular ? { value: parsed.value, irregularText: value, unreadable: false } : { value: parsed.value, unreadable: false };
}

/**
 * Reads a percent cell (资金支出计划（%）, family C) as 0–100: `0.25` with a `%` number format
 * → 25, `25%` / `25％` / `25` text → 25. Text other than `N%` or `N` is kept in `irregularText`.
 */
export function readPercent(value: RawValue, numFmt?: string): ReadNumber {
  if (value == null) return BLANK;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { value: null, unreadable: true };
    return { value: numFmt && numFmt.includes('%') ? new Decimal(value).times(100).toDecimalPlaces(10).toNumber() : value, unreadable: false };
  }
  const text = value.trim();
  if (text === '') return value === '' ? BLANK : { value: null, irregularText: value, unreadable: false };
  const m = /^(-?\d+(?:\.\d+)?)\s*[%％]?$/.exec(text);
  if (!m) return { value: null, irregularText: value, unreadable: true };
  const n = Number(m[1]);
  const regular = value === `${formatNumber(n)}%` || value === formatNumber(n);
  return regular ? { value: n, unreadable: false } : { value: n, irregularText: value, unreadable: false };
}
