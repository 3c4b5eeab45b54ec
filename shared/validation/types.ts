import type { FamilyId, PerformanceTable, Project } from '../model/types';

/** error: must be fixed before submission; warning: shown, export allowed; info: hint (DOMAIN.md §3). */
export type Severity = 'error' | 'warning' | 'info';

/** A mechanical fix: the new table, computed from the current one (applied as one undoable command). */
export interface Fix {
  /** What the fix does, in Chinese (e.g. 「将 >= 改为 ≥」). */
  readonly label: string;
  readonly apply: (table: PerformanceTable) => PerformanceTable;
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
