import Decimal from 'decimal.js';
import type { IndicatorValue } from '../model/types';
import { formatNumber } from '../values/indicator-value';
import { isControlledQualitative, isMeasureWord, isNonAssessableTime, isTimeExpression } from '../values/qualitative';
import { isPercentUnit } from '../values/units';
import { setValueFix } from './fixes';
import type { IndicatorFacts } from './facts';
import type { Rule, RuleCheckContext, RuleFinding } from './rule';
import { clip, compact } from './text';
import { isPercentLike, valueRule, where } from './val.rules';

/** VAL-06..VAL-10: 指标值 semantics (DOMAIN.md §3.4). */


/** Path of a row's 指标值, built when a finding needs it. */
function valuePath(f: IndicatorFacts): string {
  return `indicators.${f.index}.value`;
}

/** 「…的指标“一级›二级›三级”的指标值“≥95%”」 for a message. */
function valueBase(ctx: RuleCheckContext, f: IndicatorFacts, v: IndicatorValue): string {
  return `${where(ctx, f)}的指标值“${v.raw.trim()}”`;
}

/** 「…的定性指标值“…”」 for a VAL-07 message. */
function qualitativeBase(ctx: RuleCheckContext, f: IndicatorFacts, text: string): string {
  return `${where(ctx, f)}的定性指标值“${clip(text, 30)}”`;
}

/** VAL-06: 满意度 values: `≥`/`＝` percent, typically 80–100%; decimals (fix → %) and text are flagged. */
export const VAL_06: Rule = valueRule({
  id: 'VAL-06', severity: 'warning', families: 'all', title: '满意度指标值不规范',
  row: (ctx, f, v) => {
    if (f.expects !== 'satisfaction' || v.raw.trim().includes('\n')) return undefined; // two cells in one: STR-09
    const path = `indicators.${f.index}.value`;
    const base = `${where(ctx, f)}的指标值“${v.raw.trim()}”`;
    if (v.kind === 'qualitative') return { path, message: `${base}是文字；满意度应写作百分比，如“≥90%”` };
    if (v.kind !== 'quantitative' || v.number == null) return undefined;
    if (v.unit === '') {
      const fixed = v.number > 0 && v.number <= 1
        ? `${v.operator ?? ''}${formatNumber(new Decimal(v.number).times(100).toNumber())}%`
        : `${v.operator ?? '≥'}${formatNumber(v.number)}%`;
      return { path, message: `${base}缺少百分号${v.number <= 1 ? '（小数形式的比率）' : ''}；满意度应写作“${fixed}”`, fix: setValueFix(`改为“${fixed}”`, ctx.tableIndex, f.index, fixed) };
    }
    if (!isPercentLike(v.unit)) return { path, message: `${base}不是百分比；满意度应写作如“≥90%”` };
    if (v.operator === '≤' || v.operator === '<') return { path, message: `${base}用了“${v.operator}”；满意度是越高越好的指标，应写作“≥${formatNumber(v.number)}%”` };
    if (isPercentUnit(v.unit) && v.number < 80) return { path, severity: 'info', message: `${base}低于常见的 80%–100% 区间；请确认目标值（通常为“≥85%”“≥90%”）` };
    return undefined;
  },
});

/** VAL-07: 定性 values from the controlled vocabulary, ≤ ~20 characters, not the 三级 name, not a unit word. */
export const VAL_07: Rule = valueRule({
  id: 'VAL-07', severity: 'warning', families: 'all', title: '定性指标值不规范',
  row: (ctx, f, v) => {
    if (v.kind !== 'qualitative' || f.expects === 'satisfaction' || v.raw.trim().includes('\n')) return undefined;
    if (f.expects === 'time' && isTimeExpression(v.raw)) return undefined;
    if (f.expects === 'money' && ctx.facts.costItems.some((c) => c.index === f.index)) return undefined;
    const text = v.raw.trim();
    const examples = '如“达到预期”“明显提升”“合格”“是”';
    if (compact(text) === compact(f.indicator.name)) return { path: valuePath(f), message: `${qualitativeBase(ctx, f, text)}与指标名称相同；应写预期达到的程度（${examples}）` };
    if (isMeasureWord(text)) return { path: valuePath(f), message: `${qualitativeBase(ctx, f, text)}是计量名称而不是指标值；应写目标值（如“≥95%”）或分级定性值（${examples}）` };
    if (text.length > 20) return { path: valuePath(f), message: `${qualitativeBase(ctx, f, text)}过长（${text.length} 字）；定性指标值应为简短的分级表述（${examples}），说明性文字可写入绩效目标` };
    if (!isControlledQualitative(text, ctx.settings.qualitativeVocabulary)) {
      return { path: valuePath(f), severity: 'info', message: `${qualitativeBase(ctx, f, text)}不是常用的分级表述，评价时难以判定；建议改为 ${examples} 等` };
    }
    return undefined;
  },
});

const YEAR = /((?:19|20)\d{2})\s*年/g;

const YEAR_BEFORE = /\d{4}\s*年/;

/** Cheap pre-check: a four-digit number followed by 年 (looked for only in texts holding 年). */
function mayMentionYear(text: string): boolean {
  return text.includes('年') && YEAR_BEFORE.test(text);
}

/** Years ≠ the budget year mentioned in a text, or []. */
function foreignYears(text: string, fiscalYear: number): number[] {
  if (!mayMentionYear(text)) return [];
  const years = new Set<number>();
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[1]);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index);
    if (y !== fiscalYear && !/[比较至到~\-—－]$/.test(before)) years.add(y);
  }
  return [...years];
}

/** VAL-08: years in goals and indicators must match the budget year (S1: 「2020 年全年」 in a 2022 table). */
export const VAL_08: Rule = {
  id: 'VAL-08', severity: 'warning', families: 'all', title: '年份与预算年度不符',
  check: (table, ctx) => {
    const fy = ctx.project.meta.fiscalYear;
    if (fy == null) return [];
    const out: RuleFinding[] = [];
    const check = (text: string, path: string, what: string) => {
      const years = foreignYears(text, fy);
      if (years.length > 0) out.push({ path, message: `${ctx.tableName}的${what}提到 ${years.map((y) => `${y}年`).join('、')}，与预算年度 ${fy} 年不符；应核对是否沿用了往年内容（如改为“${fy}年”）` });
    };
    check(table.goal, 'goal', '绩效目标');
    if (table.ownLevelGoal) check(table.ownLevelGoal, 'ownLevelGoal', '绩效目标（含本级）');
    check(table.fundUse, 'fundUse', '资金用途');
    for (const f of ctx.facts.indicators) {
      const ind = f.indicator;
      // paths and wording are built only for a row that mentions a year
      if (!mayMentionYear(ind.name) && !mayMentionYear(ind.value.raw) && !mayMentionYear(ind.description)) continue;
      check(ind.name, `indicators.${f.index}.name`, `指标“${f.label}”`);
      check(ind.value.raw, `indicators.${f.index}.value`, `指标“${f.label}”的指标值`);
      check(ind.description, `indicators.${f.index}.description`, `指标“${f.label}”的描述`);
    }
    return out;
  },
};

const NEGATIVE_RATE = /事故率|投诉率|损耗率|发生率|差错率|失误率|违规率|返工率|死亡率|失败率|流失率|误差率|破损率|不合格率|发案率|上访率|空置率|故障率/;
const COUNT_UNITS = new Set(['个', '人', '人次', '次', '台', '套', '件', '份', '家', '座', '条', '户', '名', '项', '场', '所', '处', '辆', '张', '村', '批', '期']);

/** `≤0%` → `＝0%` (VAL-09 fix). */
function zeroText(v: IndicatorValue): string {
  return `＝0${v.unit ?? ''}`;
}

/** VAL-09: direction sanity: negative rates take ≤ or ＝0; `≤0%` → `＝0%`; an upper bound on a 数量 is suspicious. */
export const VAL_09: Rule = valueRule({
  id: 'VAL-09', severity: 'warning', families: 'all', title: '指标方向可疑',
  row: (ctx, f, v) => {
    if (v.kind !== 'quantitative' || v.number == null) return undefined;
    if (v.number === 0 && (v.operator === '≤' || v.operator === '<')) {
      const fixed = zeroText(v);
      return { path: valuePath(f), message: `${valueBase(ctx, f, v)}表示不超过 0，应直接写作“${fixed}”`, fix: setValueFix(`改为“${fixed}”`, ctx.tableIndex, f.index, fixed) };
    }
    if ((v.operator === '≥' || v.operator === '>') && f.indicator.name.includes('率') && NEGATIVE_RATE.test(f.indicator.name)) { // every NEGATIVE_RATE word ends in 率
      return { path: valuePath(f), message: `${valueBase(ctx, f, v)}用了“${v.operator}”，但${f.indicator.name.match(NEGATIVE_RATE)?.[0]}越低越好；应写作上限（如“≤5%”）或“＝0%”` };
    }
    if (f.expects === 'count' && (v.operator === '≤' || v.operator === '<') && COUNT_UNITS.has(v.unit ?? '')) {
      return { path: valuePath(f), message: `${valueBase(ctx, f, v)}给数量指标设了上限；数量指标通常写下限“≥${formatNumber(v.number)}${v.unit}”或确数“＝${formatNumber(v.number)}${v.unit}”，请确认` };
    }
    return undefined;
  },
});

/** VAL-10: 时效 values must be assessable (date, deadline, 每月/每季度, ≤N天, %); 长期 / 长效机制 are not. */
export const VAL_10: Rule = valueRule({
  id: 'VAL-10', severity: 'warning', families: 'all', title: '时效指标值无法考核',
  row: (ctx, f, v) => {
    if (f.expects !== 'time' || v.kind !== 'qualitative' || v.raw.trim().includes('\n')) return undefined;
    const text = v.raw.trim();
    const path = `indicators.${f.index}.value`;
    const examples = '如“2024年12月底前”“每季度”“≤30天”“100%”';
    if (isNonAssessableTime(text)) return { path, message: `${where(ctx, f)}的指标值“${clip(text, 30)}”不是可考核的时效；时效指标应写完成时限或周期（${examples}）` };
    if (!isTimeExpression(text)) return { path, message: `${where(ctx, f)}的指标值“${clip(text, 30)}”没有时间要求，无法考核；时效指标应写完成时限或周期（${examples}）` };
    return undefined;
  },
});
