/**
 * 计量单位 whitelist for quantitative 指标值 (DOMAIN.md §2.4, VAL-02) and money units.
 * A unit is valid when it is a base unit, optionally with a 万/千/百/亿 multiplier, or a
 * compound such as `元/人·月`, `万元/个`, `元/台` whose parts are base units.
 */

/** Base units seen in the seeds and the 参考模板. */
export const BASE_UNITS: readonly string[] = [
  '%', '‰', '个', '人', '人次', '次', '元', '天', '日', '月', '个月', '年', '周', '季度', '小时', '分钟', '工作日',
  '亩', '公顷', '平方米', '㎡', '平方公里', '米', '公里', '千米', '立方米', 'm³', '吨', '公斤', '千克',
  '台', '套', '件', '份', '家', '座', '条', '户', '名', '项', '场', '期', '所', '处', '间', '辆', '本', '册',
  '篇', '批', '张', '村', '株', '棵', '例', '课时', '学时', '头', '只', '箱', '块', '盏', '部', '门', '栋',
  '幢', '支', '把', '组', '队', '届', '轮', '宗', '笔', '起', '单', '位', '班', '层', '片', '区', '镇', '点',
  '分', '万', '倍', '级', '星', '类', '种', '个村', '个社区', '所学校', '人/次', '人天', '车次', '架次', '根', '公里/小时',
];

const MULTIPLIERS = ['万', '千', '百', '亿', '十万', '百万'];
const BASE_SET = new Set(BASE_UNITS);

/** Words that are not units (VAL-02): 百分比 / 百分百 and similar. */
export const FORBIDDEN_UNIT_WORDS: readonly string[] = ['百分比', '百分百', '百分率', '百分之'];

function isBaseUnit(part: string): boolean {
  if (BASE_SET.has(part)) return true;
  return MULTIPLIERS.some((m) => part.startsWith(m) && BASE_SET.has(part.slice(m.length)));
}

/**
 * True when `unit` is an acceptable 计量单位: a whitelisted base unit (with an optional
 * multiplier) or a compound of them joined by `/` or `·` (e.g. `元/人·月`). `''` is not valid.
 */
export function isValidUnit(unit: string): boolean {
  const u = unit.trim().replace(/\s+/g, '');
  if (u === '') return false;
  if (FORBIDDEN_UNIT_WORDS.some((w) => u.includes(w))) return false;
  return u.split(/[/·／]/).every((part) => part !== '' && isBaseUnit(part));
}

/** Money units of an indicator value: 元, 万元, 亿元 (not unit costs). */
export type MoneyWord = '元' | '万元' | '亿元';

/**
 * Classifies the unit of a value as money: `total` for 元 / 万元 / 亿元, `unitCost` for a
 * money unit per something (`元/台`, `万元/个`, `元/人·月`), or null when not money.
 * `万` alone is ambiguous and returns null here (DOMAIN.md §6: decided by the 二级).
 */
export function moneyUnitOf(unit: string | null): { word: MoneyWord; kind: 'total' | 'unitCost' } | null {
  if (!unit) return null;
  const u = unit.replace(/\s+/g, '');
  const m = /^(亿元|万元|元)(\/.+)?$/.exec(u);
  if (!m) return null;
  return { word: m[1] as MoneyWord, kind: m[2] ? 'unitCost' : 'total' };
}

/** True for units of a rate or share (%, ‰). */
export function isPercentUnit(unit: string | null): boolean {
  return unit === '%' || unit === '‰' || unit === '％';
}
