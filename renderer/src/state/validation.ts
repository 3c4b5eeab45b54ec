/**
 * The renderer's entry to validation: the installed validator, per-table and whole-project
 * checks that never throw, and severity ranking and names.
 */
import type { Project } from '../../../shared/model/types';
import type { Finding, Severity } from '../../../shared/validation/types';

/**
 * Adapter to shared/validation (`validateTable(project, tableIndex)` / `validateProject(project)`).
 * Findings are kept per table: as you type only the changed table is re-checked; open, import,
 * save and export run the full check (which also covers cross-table rules).
 */
type Validator = {
  validateTable: (project: Project, tableIndex: number) => Finding[];
  validateProject: (project: Project) => Finding[];
};

let validator: Validator | null = null;

/** Installs the validator (done once at start-up from shared/validation). */
export function setValidator(v: Validator): void {
  validator = v;
}

/** Findings of one table. Never throws: a crashing rule must not stop editing. */
export function checkTable(project: Project, tableIndex: number): Finding[] {
  if (!validator) return [];
  try {
    return validator.validateTable(project, tableIndex);
  } catch (e) {
    console.error('validateTable failed', e);
    return [];
  }
}

/** Findings of the whole project, grouped by table index. */
export function checkProject(project: Project): Finding[][] {
  const byTable: Finding[][] = project.tables.map(() => []);
  if (!validator) return byTable;
  try {
    for (const f of validator.validateProject(project)) byTable[f.tableIndex]?.push(f);
  } catch (e) {
    console.error('validateProject failed', e);
  }
  return byTable;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The worst severity of a list of findings, or null when empty. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (!worst || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/** Chinese name of a severity. */
export function severityLabel(s: Severity): string {
  return s === 'error' ? '错误' : s === 'warning' ? '警告' : '提示';
}
