import Decimal from 'decimal.js';
import type { IndicatorValue } from '../model/types';
import { formatIndicatorValue, formatNumber, nonCanonicalOperator, parseIndicatorValue } from '../values/indicator-value';
import { hasHtmlMarkup, hasLatexMarkup, stripMarkup } from '../values/markup';
import { isDeadlineUnit } from '../values/qualitative';
import { FORBIDDEN_UNIT_WORDS, isPercentUnit, isValidUnit, moneyUnitOf } from '../values/units';
import type { IndicatorFacts } from './facts';
import { setValueFix } from './fixes';
import type { Rule, RuleCheckContext, RuleFinding } from './rule';

/** VAL-01..VAL-05: 指标值 format (DOMAIN.md §2.4, §3.4). VAL-06..VAL-10 are in val-semantics.rules.ts. */

/** The finding of one row with a value, or undefined (a VAL rule's row check). */
export type ValueRowCheck = (ctx: RuleCheckContext, f: IndicatorFacts, v: IndicatorValue) => RuleFinding | undefined;

/** Runs `row` on every row with a value and collects its findings. */
function eachValue(ctx: RuleCheckContext, row: ValueRowCheck): RuleFinding[] {
  const out: RuleFinding[] = [];
  const rows = ctx.facts.valued;
  for (let i = 0; i < rows.length; i++) {
    const finding = row(ctx, rows[i], rows[i].indicator.value);
    if (finding) out.push(finding);
  }
  return out;
}

/**
 * A table rule that checks every row with a value with `spec.row`. The row check is one function
 * made when the module loads, not a closure per table: V8 keeps the optimised code of a function
 * only while some instance of it lives, so per-call closures were re-optimised after every full GC.
 */
export function valueRule(spec: Omit<Rule, 'check' | 'checkProject'> & { readonly row: ValueRowCheck }): Rule {
  const { row, ...rule } = spec;
  return { ...rule, check: (_table, ctx) => eachValue(ctx, row) };
}

/** 「“AK替代专项经费”的指标“成本指标›经济成本指标›…”」 */
export function where(ctx: RuleCheckContext, f: IndicatorFacts): string {
  return `${ctx.tableName}的指标“${f.label}”`;
}

/** The canonical text of a value after removing markup: `$\leq 1000000$ 元` → `≤1000000元`, `不少于 10 次` → `≥10次`. */
export function canonicalValueText(raw: string): string {
  const clean = stripMarkup(raw);
  const parsed = parseIndicatorValue(clean);
  if (parsed.kind === 'quantitative') return formatIndicatorValue(parsed);
  const spelling = nonCanonicalOperator(clean);
  const glyph = spelling ? parseIndicatorValue(`${spelling}1`).operator : null;
  return spelling && glyph && clean.startsWith(spelling) ? `${glyph}${clean.slice(spelling.length).trim()}` : clean;
}

/** Cheap pre-check: characters of a non-canonical operator or of markup (VAL-01); the canonical ＝ alone is not one. */
const MAYBE_OPERATOR = /[<>=≧≦＞＜$\\不大小至最等超高低多]|以上|以下|以内/;

/** VAL-01: operator spellings (`>=` `≧` `不少于` `以上` `<=` `=`) and LaTeX/HTML remnants; fix rewrites to the canonical glyphs. */
export const VAL_01: Rule = valueRule({
  id: 'VAL-01', severity: 'warning', families: 'all', title: '指标值符号不规范',
  row: (ctx, f, v) => {
    if (!MAYBE_OPERATOR.test(v.raw)) return undefined;
    const markup = hasLatexMarkup(v.raw) || hasHtmlMarkup(v.raw);
    const spelling = nonCanonicalOperator(v.raw);
    if (!markup && !spelling) return undefined;
    const fixed = canonicalValueText(v.raw);
    if (fixed === v.raw) return undefined;
    const what = markup ? `含有排版残留（LaTeX/HTML）` : `使用了“${spelling}”`;
    const plainEquals = !markup && (spelling === '=' || spelling === '==');
    return {
      path: `indicators.${f.index}.value`,
      severity: plainEquals ? 'info' : undefined,
      message: `${where(ctx, f)}的指标值“${v.raw.trim()}”${what}，应写作“${fixed}”`,
      fix: setValueFix(`改为“${fixed}”`, ctx.tableIndex, f.index, fixed),
    };
  },
});

/** Colloquial spellings of whitelisted units (`3.75万平米`). */
const EXTRA_UNITS = /^(万)?平米$/;

/** unitOk() of the units seen (a small vocabulary; bounded in case of odd input). */
const unitOkMemo = new Map<string, boolean>();

/** A unit that is valid once a trailing 以内/内/左右 is dropped (`2小时内`). Pure, memoised per unit text. */
function unitOk(unit: string): boolean {
  let ok = unitOkMemo.get(unit);
  if (ok === undefined) {
    ok = isValidUnit(unit) || isValidUnit(unit.replace(/(以内|之内|内|左右)$/, '')) || isDeadlineUnit(unit) || EXTRA_UNITS.test(unit);
    if (unitOkMemo.size >= 4096) unitOkMemo.clear();
    unitOkMemo.set(unit, ok);
  }
  return ok;
}

/** A count unit followed by the counted noun (`个行政村`, `个网格员`): the unit part, or null. */
function leadingCountUnit(unit: string): string | null {
  const m = /^(个|名|座|人|户|次|台|套|件|份|家|条|项|处|所|辆|张)[\u4e00-\u9fa5]{1,5}$/.exec(unit);
  return m ? m[1] : null;
}

/** VAL-02: a quantitative value needs a valid 计量单位; not 百分比 / 百分百, not the indicator name. */
export const VAL_02: Rule = valueRule({
  id: 'VAL-02', severity: 'error', families: 'all', title: '计量单位无效',
  row: (ctx, f, v) => {
    if (v.kind !== 'quantitative' || !v.unit || unitOk(v.unit)) return undefined;
    const unit = v.unit;
    const percentWord = FORBIDDEN_UNIT_WORDS.some((w) => unit.includes(w)) || unit === '％';
    const path = `indicators.${f.index}.value`;
    if (percentWord) {
      const fixed = `${v.operator ?? ''}${formatNumber(v.number ?? 0)}%`;
      return { path, message: `${where(ctx, f)}的指标值“${v.raw.trim()}”的计量单位“${unit}”不是有效单位，应写作“${fixed}”`, fix: setValueFix(`改为“${fixed}”`, ctx.tableIndex, f.index, fixed) };
    }
    const count = leadingCountUnit(unit);
    if (count) {
      const fixed = `${v.operator ?? ''}${formatNumber(v.number ?? 0)}${count}`;
      return { path, severity: 'warning', message: `${where(ctx, f)}的指标值“${v.raw.trim()}”的计量单位应只写“${count}”，所计的对象已在指标名称中；应写作“${fixed}”`, fix: setValueFix(`改为“${fixed}”`, ctx.tableIndex, f.index, fixed) };
    }
    const isName = f.indicator.name.includes(unit);
    const why = isName ? '是指标名称而不是计量单位' : '不是有效的计量单位';
    return { path, message: `${where(ctx, f)}的指标值“${v.raw.trim()}”中“${unit}”${why}；应写作“符号+数值+单位”，单位如 %、个、人、次、天、万元（例：“≥${formatNumber(v.number ?? 0)}个”）` };
  },
});

/** Names carrying their unit in brackets: 「群众满意度(%)」, 「落实社区工作者公积金 (万元)」. */
const NAME_UNIT = /[（(]\s*([^（()）]{1,6})\s*[)）]\s*$/;

/** The value with a decimal ratio turned into a percent: `0.98` → `98%` (exact). */
function percentOf(v: IndicatorValue): string {
  return `${v.operator ?? ''}${formatNumber(new Decimal(v.number ?? 0).times(100).toNumber())}%`;
}

/** VAL-03: bare numbers without a unit, or a ratio written as a decimal (`0.98`); fix turns decimals into %. */
export const VAL_03: Rule = valueRule({
  id: 'VAL-03', severity: 'warning', families: 'all', title: '指标值缺少计量单位',
  row: (ctx, f, v) => {
    if (v.kind !== 'quantitative' || v.unit !== '' || f.expects === 'satisfaction') return undefined;
    const unitInName = NAME_UNIT.exec(f.indicator.name);
    if (unitInName && unitOk(unitInName[1])) return undefined;
    const n = v.number ?? 0;
    const path = `indicators.${f.index}.value`;
    if (n > 0 && n < 1) {
      const fixed = percentOf(v);
      return { path, message: `${where(ctx, f)}的指标值“${v.raw.trim()}”是小数形式的比率，应写作百分数“${fixed}”`, fix: setValueFix(`改为“${fixed}”`, ctx.tableIndex, f.index, fixed) };
    }
    const countUnit = /人数|人员/.test(f.indicator.name) ? '人' : /次数|次/.test(f.indicator.name) ? '次' : /户/.test(f.indicator.name) ? '户' : '个';
    const example = f.expects === 'count' ? `${formatNumber(n)}${countUnit}` : f.expects === 'money' ? `${formatNumber(n)}万元` : f.expects === 'time' ? `${formatNumber(n)}天` : `${formatNumber(n)}%`;
    return { path, message: `${where(ctx, f)}的指标值“${v.raw.trim()}”只有数字，缺少计量单位；应写作“符号+数值+单位”（如“≥${example}”）` };
  },
});

const COUNT_NAME = /数量|人数|次数|个数|户数|件数|台数|场次|家数|村数/;
const RATE_NAME = /率|度|比例|比重|占比|指数/;
const GROWTH_NAME = /增长|增幅|提高|提升|比上年|同比|环比/;

/** True for %, ‰ and the words 百分比 / 百分百. */
export function isPercentLike(unit: string | null): boolean {
  return isPercentUnit(unit) || FORBIDDEN_UNIT_WORDS.some((w) => (unit ?? '').includes(w));
}

/** VAL-04: percent between 0 and 100 (error); `%` on count-type indicators (warning). */
export const VAL_04: Rule = valueRule({
  id: 'VAL-04', severity: 'error', families: 'all', title: '百分比超出范围或用于数量',
  row: (ctx, f, v) => {
    if (v.kind !== 'quantitative' || !isPercentLike(v.unit) || v.number == null) return undefined;
    const name = f.indicator.name;
    const path = `indicators.${f.index}.value`;
    if ((v.number < 0 || v.number > 100) && !GROWTH_NAME.test(name)) {
      return { path, message: `${where(ctx, f)}的指标值“${v.raw.trim()}”超出 0–100% 的范围；百分比应在 0 到 100 之间` };
    }
    if (COUNT_NAME.test(name) || (f.expects === 'count' && !RATE_NAME.test(name))) {
      return { path, severity: 'warning', message: `${where(ctx, f)}是数量类指标，指标值却是百分比“${v.raw.trim()}”；应写实际数量（如“≥5个”“≥50人”），或把指标名改为比率（如“…完成率”）` };
    }
    return undefined;
  },
});

const TIME_UNITS = new Set(['天', '日', '月', '个月', '年', '周', '季度', '小时', '分钟', '工作日', '%', '％']);

/** A VAL-05 finding: the value does not fit the 二级, and what it should be. */
function mismatch(ctx: RuleCheckContext, f: IndicatorFacts, v: IndicatorValue, expected: string): RuleFinding {
  return { path: `indicators.${f.index}.value`, message: `${where(ctx, f)}的指标值“${v.raw.trim()}”与二级指标“${f.indicator.level2}”不符；${expected}` };
}

/** VAL-05: value kind per 二级: 数量 → count, 质量 → % or 定性, 时效 → date/period or %, 成本 → money. */
export const VAL_05: Rule = valueRule({
  id: 'VAL-05', severity: 'warning', families: 'all', title: '指标值类型与二级指标不符',
  row: (ctx, f, v) => {
    if (f.expects !== 'count' && f.expects !== 'quality' && f.expects !== 'time' && f.expects !== 'money') return undefined;
    const money = v.kind === 'quantitative' ? moneyUnitOf(v.unit) : null;
    switch (f.expects) {
      case 'count':
        if (money) return mismatch(ctx, f, v, '数量指标应写数量和计量单位（如“≥50人”），金额应放在成本指标下');
        if (v.kind === 'qualitative' && !v.raw.includes('按需')) return mismatch(ctx, f, v, '数量指标应写成“符号+数值+计量单位”（如“≥5个”）');
        return undefined;
      case 'quality':
        return money ? mismatch(ctx, f, v, '质量指标应为百分比（如“≥95%”）或定性等级（如“合格”），金额应放在成本指标下') : undefined;
      case 'time':
        if (money) return mismatch(ctx, f, v, '时效指标应为完成时限或比率（如“2024年12月底前”“≥95%”）');
        if (v.kind === 'quantitative' && v.unit && !TIME_UNITS.has(v.unit) && !isPercentLike(v.unit) && !isDeadlineUnit(v.unit)) return mismatch(ctx, f, v, '时效指标应为时限、周期或比率（如“≤30天”“每季度”“100%”）');
        return undefined;
      case 'money': {
        // Only an extra non-money row of a table that has money costs: a table without any is COST-02's.
        const isCost = /^(成本指标|经济成本指标)$/.test(f.level2Def?.name ?? '') && ctx.facts.costItems.length > 0;
        if (isCost && v.kind === 'quantitative' && !money && v.unit !== '' && !/^万(\/|$)/.test(v.unit ?? '')) {
          return mismatch(ctx, f, v, '成本指标应以金额表示（如“≤20万元”“≤8740元/台”）');
        }
        return undefined;
      }
      default:
        return undefined;
    }
  },
});
