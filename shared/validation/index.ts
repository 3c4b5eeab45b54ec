import { familyOf } from '../families';
import type { PerformanceTable, Project } from '../model/types';
import { cellA1, cellCol, cellFinder, cellRow, type CellFinder } from './cells';
import { COST_01, COST_02, COST_03, COST_04 } from './cost.rules';
import { tableFacts } from './facts';
import { FUND_05, FUND_06 } from './fund-amounts.rules';
import { FUND_08 } from './fund-use.rules';
import { FUND_01, FUND_02, FUND_03, FUND_04, FUND_07 } from './fund.rules';
import { HDR_01, HDR_02, HDR_03, HDR_04, HDR_05, HDR_06 } from './hdr.rules';
import { QUA_13 } from './qua-library.rules';
import { QUA_02, QUA_04, QUA_05 } from './qua-project.rules';
import { QUA_01, QUA_03, QUA_06, QUA_07, QUA_08, QUA_09, QUA_10, QUA_11, QUA_12 } from './qua.rules';
import { appliesTo, type ProjectRuleFinding, type Rule, type RuleCheckContext, type RuleFinding } from './rule';
import { resolveSettings, type ResolvedSettings, type ValidationSettings } from './settings';
import { STR_08, STR_10, STR_11, STR_12, STR_13 } from './str-categories.rules';
import { STR_01, STR_02, STR_03, STR_04, STR_05, STR_06, STR_07, STR_09 } from './str.rules';
import { tableName } from './text';
import type { Finding, Severity } from './types';
import { VAL_06, VAL_07, VAL_08, VAL_09, VAL_10 } from './val-semantics.rules';
import { VAL_01, VAL_02, VAL_03, VAL_04, VAL_05 } from './val.rules';

export type { Finding, Fix, RuleContext, Severity } from './types';
export type { Rule, RuleFinding, RuleCheckContext } from './rule';
export { parseValidationSettings, validationSettingsSchema, type ValidationSettings, type RuleOverride, type UsualUnits } from './settings';

/** The whole DOMAIN.md §3 catalogue, in catalogue order. */
export const RULES: readonly Rule[] = [
  STR_01, STR_02, STR_03, STR_04, STR_05, STR_06, STR_07, STR_08, STR_09, STR_10, STR_11, STR_12, STR_13,
  FUND_01, FUND_02, FUND_03, FUND_04, FUND_05, FUND_06, FUND_07, FUND_08,
  COST_01, COST_02, COST_03, COST_04,
  VAL_01, VAL_02, VAL_03, VAL_04, VAL_05, VAL_06, VAL_07, VAL_08, VAL_09, VAL_10,
  QUA_01, QUA_02, QUA_03, QUA_04, QUA_05, QUA_06, QUA_07, QUA_08, QUA_09, QUA_10, QUA_11, QUA_12, QUA_13,
  HDR_01, HDR_02, HDR_03, HDR_04, HDR_05, HDR_06,
];

/** A rule by id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Chinese label of a severity: 错误 / 警告 / 提示. */
export function severityLabel(severity: Severity): '错误' | '警告' | '提示' {
  return severity === 'error' ? '错误' : severity === 'warning' ? '警告' : '提示';
}

/**
 * Findings of one table in the order the rules reported them, with the sort key of each:
 * severity, layout row, column, rule id packed into one exact number (see `sortKey`).
 */
interface TableFindings {
  readonly findings: Finding[];
  readonly keys: number[];
}

/** Rank of every rule id in string order (the last tiebreak of the sort). */
const RULE_RANK: ReadonlyMap<string, number> = new Map(RULES.map((r) => r.id).sort().map((id, rank) => [id, rank]));

/**
 * Sort key of a finding: severity, then row, column (both -1 without a cell) and rule id, packed
 * into an integer below 2^41: 2 bits of severity, 21 of row + 1, 11 of column + 1, 7 of rule rank.
 */
function sortKey(severity: Severity, position: number, ruleId: string): number {
  const row = position >= 0 ? cellRow(position) + 1 : 0;
  const col = position >= 0 ? cellCol(position) + 1 : 0;
  return ((SEVERITY_ORDER[severity] * 2 ** 21 + row) * 2 ** 11 + col) * 2 ** 7 + RULE_RANK.get(ruleId)!;
}

/** A rule switched on by the settings, with its forced severity (settings override), if any. */
interface ActiveRule { readonly rule: Rule; readonly forced: Severity | undefined }

/** The rules one validation runs, resolved once from the settings (not per table or per finding). */
interface Plan {
  readonly settings: ResolvedSettings;
  /** Enabled table rules applying to a family, in catalogue order. */
  readonly tableRules: (table: PerformanceTable) => readonly ActiveRule[];
  /** Enabled project-wide rules, in catalogue order. */
  readonly projectRules: readonly ActiveRule[];
}

function planOf(settings: ResolvedSettings): Plan {
  const active: ActiveRule[] = [];
  for (const rule of RULES) {
    const override = settings.rules[rule.id];
    if (override?.enabled !== false) active.push({ rule, forced: override?.severity });
  }
  const byLayout = new Map<string, readonly ActiveRule[]>();
  return {
    settings,
    tableRules: (table) => {
      const key = table.family === 'learned' ? `learned:${table.template?.templateId ?? ''}` : table.family;
      let list = byLayout.get(key);
      if (!list) {
        list = active.filter((a) => a.rule.check && appliesTo(a.rule, table));
        byLayout.set(key, list);
      }
      return list;
    },
    projectRules: active.filter((a) => a.rule.checkProject),
  };
}

/** The plan of the default settings, and of each settings object seen (settings are immutable). */
let defaultPlan: Plan | undefined;
const plans = new WeakMap<ValidationSettings, Plan>();

/** The plan of `settings`, made once per settings object (long-lived: no per-run closures for V8 to drop). */
function planFor(settings: ValidationSettings | undefined): Plan {
  if (!settings) return (defaultPlan ??= planOf(resolveSettings(undefined)));
  let plan = plans.get(settings);
  if (!plan) plans.set(settings, (plan = planOf(resolveSettings(settings))));
  return plan;
}

function addFinding(active: ActiveRule, cells: CellFinder, tableIndex: number, f: RuleFinding, into: TableFindings): void {
  const position = cells(f.path);
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId: active.rule.id, severity: active.forced ?? f.severity ?? active.rule.severity, tableIndex, path: f.path, message: f.message,
  };
  if (position >= 0) finding.cell = cellA1(position);
  if (f.fix) finding.fix = f.fix;
  into.findings.push(finding);
  into.keys.push(sortKey(finding.severity, position, finding.ruleId));
}

/**
 * Appends the findings of one table to `out`, sorted by severity, layout row, column and rule id.
 * Equal keys keep the order the rules reported them in (table rules, then project-wide rules).
 */
function sortTable({ findings, keys }: TableFindings, out: Finding[]): void {
  const order = findings.map((_, i) => i);
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  for (const i of order) out.push(findings[i]);
}

function checkTable(project: Project, tableIndex: number, plan: Plan): TableFindings {
  const table: PerformanceTable = project.tables[tableIndex];
  const ctx: RuleCheckContext = {
    project, familyId: table.family, tableIndex, tableName: tableName(table, tableIndex), family: familyOf(table), facts: tableFacts(table), settings: plan.settings,
  };
  const cells = cellFinder(table);
  const out: TableFindings = { findings: [], keys: [] };
  for (const active of plan.tableRules(table)) {
    const found = active.rule.check!(table, ctx);
    for (let k = 0; k < found.length; k++) addFinding(active, cells, tableIndex, found[k], out);
  }
  return out;
}

/**
 * Validates one table (`project.tables[tableIndex]`) with the table rules of DOMAIN.md §3
 * (project-wide rules QUA-02/04/05, FUND-04, HDR-06 run only in `validateProject`).
 * Findings are sorted by severity then layout row; each carries the A1 `cell` of its path.
 * Throws RangeError when the index is out of range.
 */
export function validateTable(project: Project, tableIndex: number, settings?: ValidationSettings): Finding[] {
  if (!project.tables[tableIndex]) throw new RangeError(`table index ${tableIndex} out of range`);
  const out: Finding[] = [];
  sortTable(checkTable(project, tableIndex, planFor(settings)), out);
  return out;
}

/**
 * Validates every table of a project plus the project-wide rules. Findings are sorted by table,
 * severity and layout row. Pure; the same project gives the same findings.
 */
export function validateProject(project: Project, settings?: ValidationSettings): Finding[] {
  const plan = planFor(settings);
  const perTable = project.tables.map((_, i) => checkTable(project, i, plan));
  const ctx = { project, settings: plan.settings };
  const finders = new Map<number, CellFinder>();
  for (const active of plan.projectRules) {
    for (const f of active.rule.checkProject!(project, ctx) as readonly ProjectRuleFinding[]) {
      const table = project.tables[f.tableIndex];
      if (!appliesTo(active.rule, table)) continue;
      let cells = finders.get(f.tableIndex);
      if (!cells) finders.set(f.tableIndex, (cells = cellFinder(table)));
      addFinding(active, cells, f.tableIndex, f, perTable[f.tableIndex]);
    }
  }
  const out: Finding[] = [];
  for (const items of perTable) sortTable(items, out);
  return out;
}
