import { getFamily } from '../families';
import type { PerformanceTable, Project } from '../model/types';
import { cellFinder, type CellFinder } from './cells';
import { COST_01, COST_02, COST_03, COST_04 } from './cost.rules';
import { tableFacts } from './facts';
import { FUND_01, FUND_02, FUND_03, FUND_04, FUND_05, FUND_06, FUND_07, FUND_08 } from './fund.rules';
import { HDR_01, HDR_02, HDR_03, HDR_04, HDR_05, HDR_06 } from './hdr.rules';
import { QUA_02, QUA_04, QUA_05 } from './qua-project.rules';
import { QUA_01, QUA_03, QUA_06, QUA_07, QUA_08, QUA_09, QUA_10, QUA_11, QUA_12 } from './qua.rules';
import { appliesTo, type ProjectRuleFinding, type Rule, type RuleFinding } from './rule';
import { resolveSettings, type ResolvedSettings, type ValidationSettings } from './settings';
import { STR_08, STR_10, STR_11, STR_12, STR_13 } from './str-categories.rules';
import { STR_01, STR_02, STR_03, STR_04, STR_05, STR_06, STR_07, STR_09 } from './str.rules';
import { tableName } from './text';
import type { Finding, Severity } from './types';
import { VAL_06, VAL_07, VAL_08, VAL_09, VAL_10 } from './val-semantics.rules';
import { VAL_01, VAL_02, VAL_03, VAL_04, VAL_05 } from './val.rules';

export type { Finding, Fix, RuleContext, Severity } from './types';
export type { Rule, RuleFinding, RuleCheckContext } from './rule';
export { parseValidationSettings, validationSettingsSchema, type ValidationSettings, type RuleOverride } from './settings';

/** The whole DOMAIN.md §3 catalogue, in catalogue order. */
export const RULES: readonly Rule[] = [
  STR_01, STR_02, STR_03, STR_04, STR_05, STR_06, STR_07, STR_08, STR_09, STR_10, STR_11, STR_12, STR_13,
  FUND_01, FUND_02, FUND_03, FUND_04, FUND_05, FUND_06, FUND_07, FUND_08,
  COST_01, COST_02, COST_03, COST_04,
  VAL_01, VAL_02, VAL_03, VAL_04, VAL_05, VAL_06, VAL_07, VAL_08, VAL_09, VAL_10,
  QUA_01, QUA_02, QUA_03, QUA_04, QUA_05, QUA_06, QUA_07, QUA_08, QUA_09, QUA_10, QUA_11, QUA_12,
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

interface Sortable { readonly finding: Finding; readonly row: number; readonly col: number }

function toFinding(rule: Rule, settings: ResolvedSettings, cells: CellFinder, tableIndex: number, f: RuleFinding): Sortable {
  const cell = cells(f.path);
  const severity = settings.rules[rule.id]?.severity ?? f.severity ?? rule.severity;
  const finding: Finding = {
    ruleId: rule.id, severity, tableIndex, path: f.path, message: f.message,
    ...(cell ? { cell: cell.a1 } : {}), ...(f.fix ? { fix: f.fix } : {}),
  };
  return { finding, row: cell?.row ?? -1, col: cell?.col ?? -1 };
}

function enabled(rule: Rule, settings: ResolvedSettings): boolean {
  return settings.rules[rule.id]?.enabled !== false;
}

function sortFindings(items: Sortable[]): Finding[] {
  return items
    .sort((a, b) => a.finding.tableIndex - b.finding.tableIndex
      || SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity]
      || a.row - b.row || a.col - b.col
      || (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : 0))
    .map((s) => s.finding);
}

function checkTable(project: Project, tableIndex: number, settings: ResolvedSettings): Sortable[] {
  const table: PerformanceTable = project.tables[tableIndex];
  const family = getFamily(table.family);
  const ctx = { project, familyId: table.family, tableIndex, tableName: tableName(table, tableIndex), family, facts: tableFacts(table), settings };
  const cells = cellFinder(table);
  const out: Sortable[] = [];
  for (const rule of RULES) {
    if (!rule.check || !enabled(rule, settings) || !appliesTo(rule, table.family)) continue;
    for (const f of rule.check(table, ctx)) out.push(toFinding(rule, settings, cells, tableIndex, f));
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
  return sortFindings(checkTable(project, tableIndex, resolveSettings(settings)));
}

/**
 * Validates every table of a project plus the project-wide rules. Findings are sorted by table,
 * severity and layout row. Pure; the same project gives the same findings.
 */
export function validateProject(project: Project, settings?: ValidationSettings): Finding[] {
  const resolved = resolveSettings(settings);
  const out: Sortable[] = [];
  project.tables.forEach((_, i) => out.push(...checkTable(project, i, resolved)));
  const ctx = { project, settings: resolved, factsOf: (i: number) => tableFacts(project.tables[i]) };
  for (const rule of RULES) {
    if (!rule.checkProject || !enabled(rule, resolved)) continue;
    for (const f of rule.checkProject(project, ctx) as readonly ProjectRuleFinding[]) {
      if (appliesTo(rule, project.tables[f.tableIndex].family)) out.push(toFinding(rule, resolved, cellFinder(project.tables[f.tableIndex]), f.tableIndex, f));
    }
  }
  return sortFindings(out);
}
