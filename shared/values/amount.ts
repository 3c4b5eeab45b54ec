/**
 * Reading amount cells (项目资金, 预算数, …) written as numbers or text with inline units into the
 * table's money unit (FUND-06 irregular spellings). Arithmetic on the result lives in money.ts.
 */
import type { MoneyUnit } from '../model/types';
import { convertMoney, toStoredAmount } from './money';

/** Result of reading an amount cell (项目资金, 预算数, …). */
export interface ParsedAmount {
  /** The amount in the table's money unit, or null when blank or unreadable. */
  readonly value: number | null;
  /** True when the text was not a plain number (inline unit, thousands separator, …): FUND-06. */
  readonly irregular: boolean;
  /** True when the text could not be read as an amount at all. */
  readonly unreadable: boolean;
}

/**
 * Reads an amount written as a number or as text (`4万元`, `9,139.15`, `2.8万`, `106`, `40000元`)
 * into the table's `moneyUnit` (元 or 万元), converting exactly when the text names the other
 * unit. `万` alone is read as 万元. Never throws.
 */
export function parseAmount(input: string | number | null | undefined, tableUnit: MoneyUnit): ParsedAmount {
  if (input == null) return { value: null, irregular: false, unreadable: false };
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { value: input, irregular: false, unreadable: false } : { value: null, irregular: true, unreadable: true };
  }
  const text = input.trim();
  if (text === '') return { value: null, irregular: false, unreadable: false };
  const compact = text.replace(/\s+/g, '').replace(/，/g, ',').replace(/[¥￥]/g, '');
  const m = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万元|万|元|亿元)?$/.exec(compact);
  if (!m) return { value: null, irregular: true, unreadable: true };
  const n = Number(m[1].replace(/,/g, ''));
  const word = m[2] === '万' ? '万元' : (m[2] as '万元' | '元' | '亿元' | undefined);
  const value = word ? toStoredAmount(convertMoney(n, word, tableUnit)) : n;
  // `90.00` is a plain number; an inline unit, a thousands separator or stray characters are not (FUND-06).
  const irregular = m[2] !== undefined || m[1].includes(',') || text !== compact;
  return { value, irregular, unreadable: false };
}
