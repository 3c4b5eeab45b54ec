import Decimal from 'decimal.js';
import type { MoneyUnit, PerformanceTable, Project } from '../model/types';
import { convertMoney, moneyEquals, moneyUnitLabel, sumMoney, toStoredAmount } from '../values/money';
import { carryoverCounts } from './settings';
import type { ProjectRuleFinding, Rule, RuleCheckContext, RuleFinding } from './rule';
import { setPathsFix, setValueFix } from './fixes';
import { formatNumber } from '../values/indicator-value';
import { PROJECT_FAMILIES } from './rule';
import { fieldLabel, money, num, tableName } from './text';
import type { Fix } from './types';

/** FUND-01..FUND-08: funding arithmetic and units (DOMAIN.md §3.2). Amounts compared exactly (decimal.js), tolerance 0.01 of the table unit. */

const FUND_KEYS = ['total', 'fiscal', 'other', 'carryover'] as const;

const FUNDS_BLOCKS = ['funds', 'ownLevelFunds'] as const;

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

/** The value at a dot path of the table (`funds.total`), or undefined (a missing step). */
function valueAt(table: PerformanceTable, path: string): unknown {
  let node: unknown = table;
  let start = 0;
  for (;;) {
    const dot = path.indexOf('.', start);
    node = (node as Record<string, unknown> | null | undefined)?.[dot < 0 ? path.slice(start) : path.slice(start, dot)];
    if (dot < 0) return node;
    start = dot + 1;
  }
}

function amountCellFindings(table: PerformanceTable, ctx: RuleCheckContext): RuleFinding[] {
  return Object.entries(table.amountTexts).map(([path, text]): RuleFinding => {
    const value = valueAt(table, path);
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

/** Per-project index of the compact project names and 资金用途 (FUND-08), built once per project object. */
interface ProjectTexts {
  readonly names: readonly string[];
  /** All compact names joined by NAME_SEPARATOR, and where each starts, for one indexOf over the project. */
  readonly joined: string;
  readonly starts: readonly number[];
  /** Tables by compact 资金用途, ascending. */
  readonly byUse: ReadonlyMap<string, readonly number[]>;
}
const NAME_SEPARATOR = '\u0000';
const textsCache = new WeakMap<Project, ProjectTexts>();

function projectTexts(project: Project): ProjectTexts {
  let texts = textsCache.get(project);
  if (!texts) {
    const names = project.tables.map((t) => t.projectName.replace(/\s+/g, ''));
    const byUse = new Map<string, number[]>();
    const starts: number[] = [];
    let offset = 0;
    project.tables.forEach((t, i) => {
      const use = t.fundUse.replace(/\s+/g, '');
      const list = byUse.get(use);
      if (list) list.push(i);
      else byUse.set(use, [i]);
      starts.push(offset);
      offset += names[i].length + NAME_SEPARATOR.length;
    });
    texts = { names, joined: names.join(NAME_SEPARATOR), starts, byUse };
    textsCache.set(project, texts);
  }
  return texts;
}

/** Index of the table whose name holds the character at `pos` of `joined` (binary search on starts). */
function tableAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first table ≠ self whose compact name contains `use` (one indexOf over all names), or -1. */
function firstNameContaining(texts: ProjectTexts, self: number, use: string): number {
  if (use.includes(NAME_SEPARATOR)) return texts.names.findIndex((name, i) => i !== self && name.includes(use));
  for (let from = 0; ;) {
    const pos = texts.joined.indexOf(use, from);
    if (pos < 0) return -1;
    const i = tableAt(texts.starts, pos);
    if (i !== self) return i;
    from = texts.starts[i] + texts.names[i].length + NAME_SEPARATOR.length; // skip own name
  }
}

/**
 * Another table whose project name contains `use` or whose 资金用途 equals it (and whose name differs
 * from `ownName`): the first such table, or -1 (FUND-08). Without comparing every pair of tables.
 */
function otherOwner(project: Project, self: number, use: string, ownName: string): number {
  const texts = projectTexts(project);
  const byName = firstNameContaining(texts, self, use);
  const byUse = (texts.byUse.get(use) ?? []).find((i) => i !== self && project.tables[i].projectName !== ownName) ?? -1;
  return byName < 0 ? byUse : byUse < 0 ? byName : Math.min(byName, byUse);
}

/** FUND-08 (C): 资金用途 present, not just the project name, not another project's name or purpose (S2 l.534). */
export const FUND_08: Rule = {
  id: 'FUND-08', severity: 'warning', families: ['hebei'], needs: ['fundUse'], title: '资金用途缺失或疑似复制',
  check: (table, ctx) => {
    const use = table.fundUse.trim();
    const where = `${tableName(table, ctx.tableIndex)}的资金用途`;
    if (use === '') return [{ path: 'fundUse', message: `${where}为空；应写明资金具体用于哪些支出` }];
    const compactUse = use.replace(/\s+/g, '');
    const ownName = table.projectName.replace(/\s+/g, '');
    if (ownName.includes(compactUse)) {
      return [{ path: 'fundUse', message: `${where}“${use}”只是项目名称的一部分；应写明资金具体用于哪些支出（如“用于支付…人员工资、…设备购置”）` }];
    }
    const other = compactUse.length >= 4 ? otherOwner(ctx.project, ctx.tableIndex, compactUse, table.projectName) : -1;
    if (other >= 0) {
      return [{ path: 'fundUse', message: `${where}“${use}”与另一个项目“${ctx.project.tables[other].projectName.trim()}”（第 ${other + 1} 张表）的名称或资金用途相同，疑似从其他项目复制；应写本项目的资金用途` }];
    }
    return [];
  },
};
