/**
 * Exact money arithmetic (decimal.js): money is never compared in binary floating point.
 * Amounts in the model are numbers in the table's `moneyUnit`; convert them here before
 * adding or comparing.
 */
import Decimal from 'decimal.js';
import type { MoneyUnit } from '../model/types';
import type { MoneyWord } from './units';

export { Decimal };

/** 元 per unit: 元 = 1, 万元 = 10 000, 亿元 = 100 000 000. */
const YUAN_PER: Record<MoneyUnit | MoneyWord, number> = { yuan: 1, wanYuan: 10_000, 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** The Chinese word of a money unit: 元 / 万元. */
export function moneyUnitLabel(unit: MoneyUnit): '元' | '万元' {
  return unit === 'yuan' ? '元' : '万元';
}

/** Converts an amount exactly from one unit to another (e.g. 15.96 万元 → 159600 元). */
export function convertMoney(amount: number | Decimal, from: MoneyUnit | MoneyWord, to: MoneyUnit | MoneyWord): Decimal {
  const value = new Decimal(amount);
  return YUAN_PER[from] === YUAN_PER[to] ? value : value.times(YUAN_PER[from]).dividedBy(YUAN_PER[to]);
}

const ZERO = new Decimal(0);

/** Exact sum of amounts; null entries count as 0. */
export function sumMoney(amounts: readonly (number | Decimal | null | undefined)[]): Decimal {
  let sum: Decimal | undefined;
  for (const a of amounts) if (a != null) sum = sum ? sum.plus(a) : new Decimal(a);
  return sum ?? ZERO;
}

/** The default tolerance of money comparisons, 0.01 of the table's unit, and its negation. */
const CENT = new Decimal('0.01');
const MINUS_CENT = CENT.negated();

/** True when |a − b| ≤ tolerance (default 0.01 of the table's unit, as FUND-01 and COST-01 require). */
export function moneyEquals(a: number | Decimal, b: number | Decimal, tolerance: number | Decimal = CENT): boolean {
  const diff = new Decimal(a).minus(b);
  return tolerance === CENT ? diff.gte(MINUS_CENT) && diff.lte(CENT) : diff.abs().lte(tolerance);
}

/** Rounds to at most `places` decimals and returns a number for storage in the model. */
export function toStoredAmount(value: Decimal, places = 6): number {
  return value.toDecimalPlaces(places).toNumber();
}
