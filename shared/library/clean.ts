/**
 * Cleaning of a table before its indicators enter the 指标库: validation's own mechanical
 * fixes are applied until none changes anything, then the rows that still carry an error or a
 * warning on their name or value are reported. Pure.
 */
import { applyMutations } from '../model/mutations';
import { plainEqual } from '../model/plain-equal';
import type { PerformanceTable, Project } from '../model/types';
import { validateTable } from '../validation';

/** Most fixes one table gets (each fix re-validates the table; real tables need a handful). */
const MAX_FIXES = 60;

/**
 * Rules whose finding on a row does not make its name or value a bad example: duplicates
 * within the table (STR-13) say nothing about the row itself.
 */
const NEUTRAL_RULES: ReadonlySet<string> = new Set(['STR-13']);

const ROW_PATH = /^indicators\.(\d+)\.(name|value)$/;

/**
 * Table `tableIndex` of `project` with every applicable validation fix applied (one at a time,
 * re-validating after each: fixes hold row indices), and the indices of its rows that still have
 * an error- or warning-level finding on their name or value.
 */
export function applyCleaningFixes(project: Project, tableIndex: number): { table: PerformanceTable; badRows: ReadonlySet<number> } {
  let current = project;
  for (let round = 0; round < MAX_FIXES; round++) {
    let changed = false;
    for (const f of validateTable(current, tableIndex)) {
      if (!f.fix) continue;
      let next: Project;
      try {
        next = applyMutations(current, f.fix.mutations).project;
      } catch {
        continue;
      }
      if (plainEqual(next, current)) continue;
      current = next;
      changed = true;
      break;
    }
    if (!changed) break;
  }
  const table = current.tables[tableIndex];
  const badRows = new Set<number>();
  for (const f of validateTable(current, tableIndex)) {
    if (f.severity === 'info' || NEUTRAL_RULES.has(f.ruleId)) continue;
    const m = ROW_PATH.exec(f.path);
    if (m) badRows.add(Number(m[1]));
  }
  return { table, badRows };
}
