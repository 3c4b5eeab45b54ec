import type { Mutation } from '../model/mutations';
import type { FamilyId, Project } from '../model/types';

/** error: must be fixed before submission; warning: shown, export allowed; info: hint (DOMAIN.md §3). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A mechanical fix as plain data: a Chinese label and the mutations that make the change (`set`
 * at model paths of the finding's table, computed from the table the rule checked). Applied as
 * one undoable command (`applyFixCommand`, or many at once with `applyFixesCommand`); it can be
 * sent over IPC, and two fixes are the same when `plainEqual`.
 */
export interface Fix {
  /** What the fix does, in Chinese (e.g. 「将 >= 改为 ≥」). */
  readonly label: string;
  /** The changes, in order; every mutation names the finding's table. */
  readonly mutations: readonly Mutation[];
}

/** One problem found by a rule. */
export interface Finding {
  /** Rule id of DOMAIN.md §3, e.g. `COST-01`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Index of the table in `project.tables`. */
  readonly tableIndex: number;
  /** Model path in the table (`funds.total`, `indicators.3.value`), or '' for the whole table. */
  readonly path: string;
  /** A1 reference of the cell in the official layout, when the path is shown in one. */
  readonly cell?: string;
  /** What is wrong, where, and what a correct value looks like, in Chinese. */
  readonly message: string;
  readonly fix?: Fix;
}

/** Context every rule receives. */
export interface RuleContext {
  readonly project: Project;
  readonly familyId: FamilyId;
}
