import Decimal from 'decimal.js';
import { getAtPath } from '../model/paths';
import type { MoneyUnit, PerformanceTable } from '../model/types';
import { formatNumber } from '../values/indicator-value';
import { moneyUnitLabel, sumMoney, toStoredAmount } from '../values/money';
import { setPathsFix, setValueFix } from './fixes';
import { FUNDS_BLOCKS } from './fund.rules';
import type { Rule, RuleCheckContext, RuleFinding } from './rule';
import { PROJECT_FAMILIES } from './rule';
import { fieldLabel, num, tableName } from './text';
import type { Fix } from './types';

/**
 * FUND-05 and FUND-06 (DOMAIN.md §3.2): amounts against their declared unit (万元 typed into a 元
 * table) and amount cells that were not plain numbers, with their mechanical fixes.
 */

const FUND_KEYS = ['total', 'fiscal', 'other', 'carryover'] as const;

/** Multiplies every amount of the funds blocks by `factor` (FUND-05 fix: 万元 typed into a 元 table). */
function scaleFundsFix(table: PerformanceTable, tableIndex: number, factor: number, unit: MoneyUnit): Fix {
  const changes: [string, number][] = [];
  for (const prefix of FUNDS_BLOCKS) {
    const funds = table[prefix];
    if (!funds) continue;
    for (const key of FUND_KEYS) {
      const v = funds[key];
      if (v != null) changes.push([`${prefix}.${key}`, toStoredAmount(new Decimal(v).times(factor))]);
    }
  }
  return setPathsFix(`将项目资金按万元换算为${moneyUnitLabel(unit)}（×${factor}）`, tableIndex, changes);
}

/** FUND-05: amount magnitude vs the declared unit (a 元 total < 1000; a 万元 total > 100000), cross-checked with 成本 money. */
export const FUND_05: Rule = {
  id: 'FUND-05', severity: 'error', families: PROJECT_FAMILIES, needs: ['funds.total'], title: '金额数量级与金额单位不符',
  check: (table, ctx) => {
    const total = table.funds.total;
    if (total == null || total <= 0) return [];
    const where = tableName(table, ctx.tableIndex);
    const label = fieldLabel(ctx.family, 'funds.total', '年度资金总额');
    const costs = ctx.facts.costItems.filter((c) => !c.perUnit);
    const costSum = sumMoney(costs.map((c) => c.amount));
    if (table.moneyUnit === 'yuan' && total < 1000) {
      const evidence = costs.length > 0 && costSum.greaterThan(new Decimal(total).times(10)) ? `，而成本指标写的是 ${costs.map((c) => c.written).join('、')}` : '';
      return [{
        path: 'funds.total',
        message: `${where}的「${label}」为 ${num(total)} 元，金额单位是“元”，数额明显过小${evidence}；疑为按万元填写，应为 ${num(new Decimal(total).times(10000))} 元`,
        fix: scaleFundsFix(table, ctx.tableIndex, 10000, 'yuan'),
      }];
    }
    if (table.moneyUnit === 'wanYuan' && total > 100000) {
      return [{ path: 'funds.total', message: `${where}的「${label}」为 ${num(total)} 万元（超过 10 亿元），对乡镇项目明显过大；疑为按元填写，应为 ${num(new Decimal(total).dividedBy(10000))} 万元` }];
    }
    return [];
  },
};

/** FUND-06: amount cells that were not plain numbers (`4万元`, `9,139.15`, `2.8万`); fix keeps the number, drops the text. */
export const FUND_06: Rule = {
  id: 'FUND-06', severity: 'warning', families: 'all', title: '金额单元格不是纯数字',
  check: (table, ctx) => [...amountCellFindings(table, ctx), ...bareWanCostFindings(table, ctx)],
};

/** 成本 values written with `万` but no `元` (S0 l.420 `2.8万`): fix appends 元 (DOMAIN.md §6). */
function bareWanCostFindings(table: PerformanceTable, ctx: RuleCheckContext): RuleFinding[] {
  return ctx.facts.costIndices.flatMap((i): RuleFinding[] => {
    const v = table.indicators[i].value;
    if (v.kind !== 'quantitative' || !/^万(\/|$)/.test(v.unit ?? '')) return [];
    const fixed = `${v.operator ?? ''}${formatNumber(v.number ?? 0)}万元${(v.unit ?? '').slice(1)}`;
    return [{
      path: `indicators.${i}.value`,
      message: `${ctx.tableName}的成本指标“${ctx.facts.indicators[i].label}”的金额“${v.raw.trim()}”单位不完整（“万”后缺少“元”），应写作“${fixed}”`,
      fix: setValueFix(`改为“${fixed}”`, ctx.tableIndex, i, fixed),
    }];
  });
}

function amountCellFindings(table: PerformanceTable, ctx: RuleCheckContext): RuleFinding[] {
  return Object.entries(table.amountTexts).map(([path, text]): RuleFinding => {
    const value = getAtPath(table, path);
    const unit = moneyUnitLabel(table.moneyUnit);
    const label = fieldLabel(ctx.family, path, path);
    const where = `${tableName(table, ctx.tableIndex)}的「${label}」`;
    if (typeof value !== 'number') {
      return { path, message: `${where}“${text}”无法读成金额；请只填写数字（单位为${unit}）` };
    }
    const incomplete = /万$/.test(text.trim()) ? '（“万”后缺少“元”）' : '';
    return {
      path,
      message: `${where}写作“${text}”${incomplete}；金额单位已在表头标明为“${unit}”，单元格应只填数字“${num(value)}”`,
      fix: { label: `改为纯数字 ${num(value)}`, mutations: [{ type: 'setEntry', table: ctx.tableIndex, path: 'amountTexts', key: path, value: undefined }] },
    };
  });
}
