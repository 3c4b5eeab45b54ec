import Decimal from 'decimal.js';
import type { Project } from '../model/types';
import { convertMoney, moneyEquals, moneyUnitLabel, sumMoney } from '../values/money';
import { carryoverCounts } from './settings';
import type { ProjectRuleFinding, Rule, RuleFinding } from './rule';
import { PROJECT_FAMILIES } from './rule';
import { fieldLabel, money, num, tableName } from './text';

/**
 * FUND-01..FUND-04, FUND-07: funding arithmetic and the spending plan (DOMAIN.md §3.2). Amounts
 * compared exactly (decimal.js), tolerance 0.01 of the table unit. FUND-05/06 (amount magnitude
 * and cell texts) are in fund-amounts.rules.ts, FUND-08 (资金用途) in fund-use.rules.ts.
 */

/** The two funds blocks of a table: 含本级和市县 (all families) and 含本级 (family A). */
export const FUNDS_BLOCKS = ['funds', 'ownLevelFunds'] as const;

/** FUND-01: 年度资金总额 = 财政拨款 + 其他资金 (+ 上年结转 when configured; family D). */
export const FUND_01: Rule = {
  id: 'FUND-01', severity: 'error', families: PROJECT_FAMILIES, needs: ['funds.total'], title: '资金总额与分项之和不符',
  check: (table, ctx) => {
    const withCarry = carryoverCounts(ctx.settings, ctx.family) && table.funds.carryover !== undefined;
    const out: RuleFinding[] = [];
    for (const prefix of FUNDS_BLOCKS) {
      const funds = table[prefix];
      if (!funds) continue;
      const parts = [funds.fiscal, funds.other, ...(withCarry ? [funds.carryover ?? null] : [])];
      if (parts.every((p) => p == null)) continue;
      const sum = sumMoney(parts);
      if (funds.total != null && moneyEquals(funds.total, sum)) continue;
      const label = (key: string, fb: string) => fieldLabel(ctx.family, `${prefix}.${key}`, fb);
      const names = [label('fiscal', '财政拨款'), label('other', '其他资金'), ...(withCarry ? [label('carryover', '上年结转')] : [])];
      const terms = parts.map((p, i) => `${names[i]} ${p ?? 0}`).join(' + ');
      const total = funds.total == null ? '为空' : money(funds.total, table.moneyUnit);
      const carryOnly = withCarry && funds.total != null && moneyEquals(funds.total, sumMoney([funds.fiscal, funds.other]));
      out.push({
        path: `${prefix}.total`,
        severity: carryOnly ? 'warning' : undefined,
        message: `${tableName(table, ctx.tableIndex)}的「${label('total', '年度资金总额')}」${total}，而 ${terms} = ${money(sum, table.moneyUnit)}；应满足 ${label('total', '年度资金总额')} = ${names.join(' + ')}${carryOnly ? '（上年结转是否计入总额可在校验设置中调整）' : ''}`,
      });
    }
    return out;
  },
};

/** FUND-02: family A, 含本级 amount ≤ 含本级和市县 amount on each line. */
export const FUND_02: Rule = {
  id: 'FUND-02', severity: 'error', families: ['nx-2024'], title: '含本级资金大于含本级和市县资金',
  check: (table, ctx) => {
    const own = table.ownLevelFunds;
    if (!own) return [];
    return (['total', 'fiscal', 'other'] as const).flatMap((key): RuleFinding[] => {
      const all = table.funds[key];
      const mine = own[key];
      if (mine == null || all == null || new Decimal(mine).lessThanOrEqualTo(new Decimal(all).plus(0.01))) return [];
      const label = fieldLabel(ctx.family, `ownLevelFunds.${key}`, key);
      return [{ path: `ownLevelFunds.${key}`, message: `${tableName(table, ctx.tableIndex)}的含本级「${label}」${money(mine, table.moneyUnit)} 大于含本级和市县的 ${money(all, table.moneyUnit)}；含本级金额应不超过含本级和市县金额` }];
    });
  },
};

/** FUND-03: 部门整体 (E): 收入合计 = 财政拨款 + 其他经费; 支出合计 = 基本支出 + 项目支出; 收入 = 支出. */
export const FUND_03: Rule = {
  id: 'FUND-03', severity: 'error', families: ['jx-department'], title: '部门预算收支不平衡',
  check: (table, ctx) => {
    const b = table.departmentBudget;
    if (!b) return [];
    const u = table.moneyUnit;
    const where = tableName(table, ctx.tableIndex);
    const out: RuleFinding[] = [];
    const check = (path: string, total: number | null, parts: (number | null)[], text: string) => {
      if (total == null || parts.every((p) => p == null)) return;
      const sum = sumMoney(parts);
      if (!moneyEquals(total, sum)) out.push({ path, message: `${where}：${text} ${money(total, u)}，但分项之和为 ${parts.map((p) => p ?? 0).join(' + ')} = ${money(sum, u)}；两者应相等` });
    };
    check('departmentBudget.incomeTotal', b.incomeTotal, [b.incomeFiscal, b.incomeOther], '收入预算合计');
    check('departmentBudget.expenditureTotal', b.expenditureTotal, [b.expenditureBasic, b.expenditureProject], '支出预算合计');
    if (b.incomeTotal != null && b.expenditureTotal != null && !moneyEquals(b.incomeTotal, b.expenditureTotal)) {
      out.push({ path: 'departmentBudget.expenditureTotal', message: `${where}：收入预算合计 ${money(b.incomeTotal, u)} 与支出预算合计 ${money(b.expenditureTotal, u)} 不相等；收支应平衡` });
    }
    return out;
  },
};

/** FUND-04 (project-wide): Σ project 年度资金总额 (D) ≈ 部门整体 项目支出 (E), ±0.01 per table. */
export const FUND_04: Rule = {
  id: 'FUND-04', severity: 'warning', families: ['jx-2024', 'jx-department'], title: '项目资金合计与部门项目支出不符',
  checkProject: (project) => {
    const deptIndex = project.tables.findIndex((t) => t.family === 'jx-department' && t.departmentBudget?.expenditureProject != null);
    if (deptIndex < 0) return [];
    const dept = project.tables[deptIndex];
    const projects = project.tables.filter((t) => t.family === 'jx-2024' && t.funds.total != null);
    if (projects.length === 0) return [];
    const unit = dept.moneyUnit;
    const sum = sumMoney(projects.map((t) => convertMoney(t.funds.total ?? 0, t.moneyUnit, unit)));
    const expected = dept.departmentBudget?.expenditureProject ?? 0;
    if (moneyEquals(sum, expected, 0.01 * projects.length)) return [];
    const out: ProjectRuleFinding = {
      tableIndex: deptIndex, path: 'departmentBudget.expenditureProject',
      message: `${tableName(dept, deptIndex)}的项目支出 ${money(expected, unit)}，与本文件 ${projects.length} 张项目表的年度资金总额合计 ${money(sum, unit)} 相差 ${num(sum.minus(expected).abs())} ${moneyUnitLabel(unit)}；两者应一致（允许每张表 0.01 的舍入差）`,
    };
    return [out];
  },
};

const PLAN_KEYS = [['march', '3月底'], ['june', '6月底'], ['october', '10月底'], ['december', '12月底']] as const;

/** FUND-07 (C): 资金支出计划 cumulative % in 0–100, non-decreasing, 12月底 = 100 (error); blanks (warning). */
export const FUND_07: Rule = {
  id: 'FUND-07', severity: 'error', families: ['hebei'], needs: ['spendingPlan.march'], title: '资金支出计划不合理',
  check: (table, ctx) => {
    const plan = table.spendingPlan;
    if (!plan) return [];
    const where = `${tableName(table, ctx.tableIndex)}的资金支出计划`;
    const out: RuleFinding[] = [];
    let prev: number | null = null;
    for (const [key, label] of PLAN_KEYS) {
      const v = plan[key];
      const path = `spendingPlan.${key}`;
      if (v == null) {
        out.push({ path, severity: 'warning', message: `${where}“${label}”为空；应填写截至${label}的累计支出比例（如 25%、50%、75%、100%）` });
        continue;
      }
      if (v < 0 || v > 100) out.push({ path, message: `${where}“${label}”为 ${v}%，超出 0–100% 的范围` });
      else if (prev != null && v < prev) out.push({ path, message: `${where}“${label}”为 ${v}%，小于前一时点的 ${prev}%；累计比例应逐期不减` });
      prev = v;
    }
    if (plan.december != null && plan.december !== 100) {
      out.push({ path: 'spendingPlan.december', message: `${where}“12月底”为 ${plan.december}%，年底累计支出应为 100%` });
    }
    return out;
  },
};
