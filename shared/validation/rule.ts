import { boundFields } from '../families';
import type { FamilyDefinition } from '../families/types';
import type { FamilyId, PerformanceTable, Project } from '../model/types';
import type { IndicatorFacts, TableFacts } from './facts';
import type { ResolvedSettings } from './settings';
import type { Fix, RuleContext, Severity } from './types';

/**
 * A finding as a rule reports it: the path in the table, the Chinese message, and optionally a
 * severity that differs from the rule's default (e.g. COST-01 reports Σ > total as error and
 * Σ < total as warning) and a mechanical fix. `validateTable` adds rule id, table index and cell.
 */
export interface RuleFinding {
  /** Model path in the table (`funds.total`, `indicators.3.value`), or '' for the whole table. */
  readonly path: string;
  readonly message: string;
  readonly severity?: Severity;
  readonly fix?: Fix;
}

/** A RuleFinding of a project-wide rule, naming its table. */
export interface ProjectRuleFinding extends RuleFinding {
  readonly tableIndex: number;
}

/** What every table rule receives besides the table (extends the shared RuleContext). */
export interface RuleCheckContext extends RuleContext {
  readonly tableIndex: number;
  /** The table named for messages: 「“AK替代专项经费”」 or 「第 3 张表」. */
  readonly tableName: string;
  readonly family: FamilyDefinition;
  /** Per-table analysis shared by all rules (categories resolved, cost items, labels). */
  readonly facts: TableFacts;
  readonly settings: ResolvedSettings;
}

/** What a project-wide rule receives. */
export interface ProjectCheckContext {
  readonly project: Project;
  readonly settings: ResolvedSettings;
}

/**
 * One rule of the DOMAIN.md §3 catalogue. Table rules implement `check`; project-wide rules
 * (QUA-02, QUA-04, QUA-05, FUND-04, HDR-06) implement `checkProject` and run only in
 * `validateProject`. Rules are pure: same input, same findings.
 */
export interface Rule {
  /** DOMAIN.md id, e.g. `COST-01`. */
  readonly id: string;
  /** Default severity (a finding may carry its own; settings may override both). */
  readonly severity: Severity;
  /** Families the rule applies to, or 'all'. */
  readonly families: 'all' | readonly FamilyId[];
  /**
   * The fields the rule reads (header paths such as `funds.total`, or matrix column keys such as
   * `description`). A learned layout runs a family-specific rule when it binds all of them
   * (rules are keyed to fields, not to families); without `needs`, such a rule skips learned layouts.
   */
  readonly needs?: readonly string[];
  /** Short Chinese title for settings and the validation panel. */
  readonly title: string;
  readonly check?: (table: PerformanceTable, ctx: RuleCheckContext) => readonly RuleFinding[];
  readonly checkProject?: (project: Project, ctx: ProjectCheckContext) => readonly ProjectRuleFinding[];
}

/** True when the rule applies to a table: by its family, or for a learned layout by the fields it binds. */
export function appliesTo(rule: Rule, table: Pick<PerformanceTable, 'family' | 'template'>): boolean {
  if (rule.families === 'all') return true;
  if (table.family !== 'learned') return rule.families.includes(table.family);
  if (!rule.needs || !table.template) return false;
  const bound = boundFields(table.template);
  return rule.needs.every((f) => bound.has(f));
}

/** The project families A–D (every family with 成本指标 and 项目资金; E is 部门整体). */
export const PROJECT_FAMILIES: readonly FamilyId[] = ['nx-2024', 'nx-2022', 'hebei', 'jx-2024'];

/** Checks one indicator row (filled or not): its finding, or undefined when the row is fine. */
export type RowCheck = (ctx: RuleCheckContext, f: IndicatorFacts) => RuleFinding | undefined;

/**
 * A table rule that checks every indicator row with `spec.row`, in row order. Like `valueRule`,
 * the row check is one function made when the module loads, not a closure per table.
 */
export function rowRule(spec: Omit<Rule, 'check' | 'checkProject'> & { readonly row: RowCheck }): Rule {
  const { row, ...rule } = spec;
  return {
    ...rule,
    check: (_table, ctx) => {
      const out: RuleFinding[] = [];
      for (const f of ctx.facts.indicators) {
        const finding = row(ctx, f);
        if (finding) out.push(finding);
      }
      return out;
    },
  };
}

/**
 * Duplicate detection in one pass: the index first recorded under `key` in `seen`, or, when the
 * key is new, undefined after recording `index` under it.
 */
export function firstSeen(seen: Map<string, number>, key: string, index: number): number | undefined {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, index);
  return first;
}
