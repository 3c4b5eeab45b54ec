/**
 * Finding money amounts written inside free text (「费 3.58 万元、…」), for the 定性 cost check COST-01.
 * Keeps each amount in the unit it was written in; exact conversion is money.ts's job.
 */
import type { MoneyWord } from './units';

/**
 * Money written inside free text, e.g. the 定性 cost value of S1 l.48
 * 「费 3.58 万元、保养维修 4.54 万元、看护费 7.84 万元」 (COST-01) or 「经费 40 万元，每个社区每年 2 万元」.
 */
export interface MoneyMention {
  /** The amount as written (3.58 for 「3.58 万元」); convert with `convertMoney(amount, word, unit)`. */
  readonly amount: number;
  /** 元, 万元 or 亿元; a bare `万` (「2.8万」, 「3万/个」) is read as 万元 and marks `bareWan`. */
  readonly word: MoneyWord;
  /** True when the text wrote `万` without `元`. */
  readonly bareWan: boolean;
  /**
   * True for a rate rather than an amount: followed by `/x` (「3万/个」, 「20万元/年」) or preceded in
   * its clause by 每 / 各 / 人均 / 单价 / 标准 (「每人每年 2.5 万元」, 「水电费各 1 万元」).
   */
  readonly perUnit: boolean;
  /** The matched text, e.g. `3.58 万元`. */
  readonly text: string;
  /** Offset of the match in the input. */
  readonly index: number;
}

const MENTION = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|万|元)/g;
/** Characters after a bare 万 that make it a count (万人, 万亩 …), not money. */
const WAN_COUNT_FOLLOWER = /^[人亩吨册户次件个台套平公千米斤株棵头只份张]/;
const PER_UNIT_BEFORE = /(每|各|人均|户均|单价|标准|平均)[^，,、；;。]*$/;

/**
 * All money amounts mentioned in `text`, in order. Amounts keep the unit they were written
 * in; the caller converts exactly with shared/values/money.ts. Never throws; returns [] for
 * text without money. Implements the extraction COST-01 needs for 定性 cost values.
 */
export function extractMoneyMentions(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  if (!text) return out;
  for (const m of text.matchAll(MENTION)) {
    const index = m.index ?? 0;
    const after = text.slice(index + m[0].length);
    const bareWan = m[2] === '万';
    if (bareWan && WAN_COUNT_FOLLOWER.test(after)) continue;
    const before = text.slice(Math.max(0, index - 12), index);
    const clauseStart = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('、'), before.lastIndexOf('；'));
    const clause = before.slice(clauseStart + 1);
    const perUnit = /^\s*[/／]/.test(after) || PER_UNIT_BEFORE.test(clause);
    const amount = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(amount)) continue;
    const word: MoneyWord = bareWan ? '万元' : (m[2] as MoneyWord);
    out.push({ amount, word, bareWan, perUnit, text: m[0], index });
  }
  return out;
}
