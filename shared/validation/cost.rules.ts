import Decimal from 'decimal.js';
import type { PerformanceTable } from '../model/types';
import { moneyEquals, sumMoney } from '../values/money';
import type { CostItem } from './facts';
import type { Rule, RuleCheckContext, RuleFinding } from './rule';
import { PROJECT_FAMILIES } from './rule';
import { money, num, tableName } from './text';

/** COST-01..COST-04: 成本指标 versus the budget (DOMAIN.md §3.3). Money compared exactly in the table's unit, tolerance 0.01. */

const TOLERANCE = 0.01;

/** 「3.58万元 + 4.54万元 + 7.84万元 = 15.96 万元」, showing both figures when the written unit differs from the table's. */
function describeSum(items: readonly CostItem[], sum: Decimal, table: PerformanceTable): string {
  const terms = items.map((c) => c.written).join(' + ');
  return items.length > 1 || items[0]?.written.replace(/[\d.,]/g, '') !== (table.moneyUnit === 'yuan' ? '元' : '万元')
    ? `${terms} = ${money(sum, table.moneyUnit)}`
    : money(sum, table.moneyUnit);
}

/** Items COST-01 sums: totals (not unit costs) written with ≤, ＝, < or no operator. */
function summable(ctx: RuleCheckContext): CostItem[] {
  return ctx.facts.costItems.filter((c) => !c.perUnit && c.operator !== '≥' && c.operator !== '>');
}

/**
 * COST-01: Σ money of 成本 rows ≤ 年度资金总额 (error when above); equal when the items are meant
 * to be exhaustive (`=` or no operator) or a single `≤X` (warning when below). A row equal to the
 * total is read as the overall cap; the other rows are then its sub-items and must fit in it.
 */
export const COST_01: Rule = {
  id: 'COST-01', severity: 'error', families: PROJECT_FAMILIES, needs: ['funds.total'], title: '成本指标金额与年度资金总额不符',
  check: (table, ctx) => {
    const total = table.funds.total;
    const items = summable(ctx);
    if (total == null || items.length === 0) return [];
    const where = tableName(table, ctx.tableIndex);
    const totalText = money(total, table.moneyUnit);
    const cap = items.findIndex((c) => moneyEquals(c.amount, total));
    const path = `indicators.${items[0].index}.value`;
    if (cap >= 0) {
      const subs = items.filter((_, i) => i !== cap);
      const sum = sumMoney(subs.map((c) => c.amount));
      if (subs.length === 0 || sum.lessThanOrEqualTo(new Decimal(total).plus(TOLERANCE))) return [];
      return [{ path: `indicators.${subs[0].index}.value`, message: `${where}的成本分项 ${describeSum(subs, sum, table)}，超过年度资金总额 ${totalText}（成本总额一行已等于总额）；各分项之和不应超过年度资金总额` }];
    }
    const sum = sumMoney(items.map((c) => c.amount));
    if (sum.greaterThan(new Decimal(total).plus(TOLERANCE))) {
      return [{ path, message: `${where}的成本指标金额合计 ${describeSum(items, sum, table)}，超过年度资金总额 ${totalText}；成本指标之和不应超过项目资金，应核对金额或单位` }];
    }
    const exhaustive = items.every((c) => c.operator === '＝' || c.operator === null);
    const singleCap = items.length === 1 && (items[0].operator === '≤' || items[0].operator === '<');
    if ((exhaustive || singleCap) && sum.lessThan(new Decimal(total).minus(TOLERANCE))) {
      const hint = singleCap ? `应写作“≤${money(total, table.moneyUnit).replace(' ', '')}”或补全其余成本` : '应补全其余成本项，使成本之和等于年度资金总额';
      return [{ path, severity: 'warning', message: `${where}的成本指标金额合计 ${describeSum(items, sum, table)}，少于年度资金总额 ${totalText}；${hint}` }];
    }
    return [];
  },
};

/** COST-02: at least one 成本 row states money (元 / 万元 / a unit cost); `%`, `≥95`, 「控制在预算内」 alone are not costs. */
export const COST_02: Rule = {
  id: 'COST-02', severity: 'error', families: PROJECT_FAMILIES, needs: ['funds.total'], title: '成本指标没有金额',
  check: (table, ctx) => {
    if (ctx.facts.costItems.length > 0) return [];
    const rows = ctx.facts.costIndices.filter((i) => ctx.facts.indicators[i].filled);
    const where = tableName(table, ctx.tableIndex);
    const unit = table.moneyUnit === 'yuan' ? '元' : '万元';
    if (rows.length === 0) {
      const first = ctx.facts.costIndices[0];
      return [{ path: first === undefined ? 'indicators' : `indicators.${first}.name`, message: `${where}没有填写成本指标；应至少有一项以金额表示的成本（如“项目总成本 ≤${amountOrX(table.funds.total)}${unit}”）` }];
    }
    const written = rows.map((i) => `“${table.indicators[i].name.trim() || '（无名称）'}：${table.indicators[i].value.raw.trim()}”`).join('、');
    return [{ path: `indicators.${rows[0]}.value`, message: `${where}的成本指标 ${written} 都不是金额；成本指标应以${unit}表示（如“≤${amountOrX(table.funds.total)}${unit}”或单价“=3万元/个”）` }];
  },
};

/** An amount for a hint, or X when the total is blank. */
function amountOrX(v: number | null): string {
  return v == null ? 'X' : num(v);
}

const REVENUE = /收入|上缴|缴款|拆除款|收益|营收|创收|税收/;

/** COST-03: 成本 values should use ≤ or ＝; `≥` on a cost, or a revenue filed under 成本, is suspicious. */
export const COST_03: Rule = {
  id: 'COST-03', severity: 'warning', families: PROJECT_FAMILIES, needs: ['funds.total'], title: '成本指标方向可疑',
  check: (table, ctx) => ctx.facts.costIndices.flatMap((i): RuleFinding[] => {
    const ind = table.indicators[i];
    const where = () => `${tableName(table, ctx.tableIndex)}的成本指标“${ctx.facts.indicators[i].label}”`;
    if (ind.value.kind === 'quantitative' && (ind.value.operator === '≥' || ind.value.operator === '>')) {
      const revenue = REVENUE.test(ind.name) ? '，且名称像是收入而非成本' : '';
      return [{ path: `indicators.${i}.value`, message: `${where()}写作“${ind.value.raw.trim()}”，成本不应用“${ind.value.operator}”${revenue}；成本类指标应写作“≤金额”或“＝金额”（如“≤${ind.value.number}${ind.value.unit ?? ''}”）` }];
    }
    if (REVENUE.test(ind.name) && !/成本|支出|控制/.test(ind.name) && ctx.facts.costItems.some((c) => c.index === i)) {
      return [{ path: `indicators.${i}.name`, message: `${where()}看起来是收入而不是成本；收入类内容应放在效益指标下` }];
    }
    return [];
  }),
};

/** Count units that match the denominator of a unit cost (`元/人` ↔ `人`, `名`). */
const SAME_COUNT: Record<string, readonly string[]> = { 人: ['人', '名', '人次'], 个: ['个', '村', '所', '家', '处'], 村: ['个', '村'], 户: ['户'], 台: ['台'], 次: ['次'] };

/** Denominator of a unit cost: `元/人/年` → 人; `元/月/人` → 人 (×12); name 「每个村」 → 村. */
function perUnitOf(item: CostItem, name: string): { per: string; months: number } | undefined {
  const parts = (item.per ?? '').split(/[/·]/).filter((p) => p !== '');
  const months = parts.includes('月') ? 12 : 1;
  const count = parts.find((p) => p !== '年' && p !== '月');
  if (count) return { per: count, months };
  const m = /每(?:个)?([人户村台次个])/.exec(name);
  return m ? { per: m[1], months } : undefined;
}

/**
 * COST-04 (info): when a unit cost and a matching quantity both appear, unit cost × quantity
 * should be close to the total (S1 3万/个 × 16个 = 480000元; S3 3600元/人/年 × 255人 = 91.8万元).
 */
export const COST_04: Rule = {
  id: 'COST-04', severity: 'info', families: PROJECT_FAMILIES, needs: ['funds.total'], title: '单价×数量与总额不符',
  check: (table, ctx) => {
    const total = table.funds.total;
    if (total == null) return [];
    const products: { item: CostItem; text: string; value: Decimal }[] = [];
    for (const item of ctx.facts.costItems.filter((c) => c.perUnit)) {
      const unit = perUnitOf(item, table.indicators[item.index].name);
      if (!unit) continue;
      const accepted = SAME_COUNT[unit.per] ?? [unit.per];
      for (const q of ctx.facts.indicators) {
        const v = q.indicator.value;
        if (q.expects !== 'count' || v.kind !== 'quantitative' || v.number == null || !accepted.includes(v.unit ?? '')) continue;
        const value = item.amount.times(v.number).times(unit.months);
        products.push({ item, value, text: `${item.written} × ${v.number}${v.unit}${unit.months > 1 ? ' × 12个月' : ''} = ${money(value, table.moneyUnit)}` });
      }
    }
    if (products.length === 0) return [];
    const tolerance = Decimal.max(TOLERANCE, new Decimal(total).times(0.005));
    if (products.some((p) => moneyEquals(p.value, total, tolerance))) return [];
    return [{
      path: `indicators.${products[0].item.index}.value`,
      message: `${tableName(table, ctx.tableIndex)}：按单价和数量计算 ${products.slice(0, 3).map((p) => p.text).join('；')}，与年度资金总额 ${money(total, table.moneyUnit)} 不一致；请核对单价、数量或总额`,
    }];
  },
};
