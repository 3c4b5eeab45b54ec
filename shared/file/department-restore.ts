/**
 * restore() of the family F part (`project.department`): every 指标值 of the 分项绩效目标 table is
 * re-derived from its raw text, as for project tables; each change is reported in Chinese.
 */
import type { DepartmentDocument } from '../model/department';
import { parseIndicatorValue } from '../values/indicator-value';

/** The normalized document (the same object when nothing changed); pushes a warning per re-parsed value. */
export function restoreDepartment(doc: DepartmentDocument, warnings: string[]): DepartmentDocument {
  if (!doc.itemGoals) return doc;
  let changed = false;
  const itemGoals = doc.itemGoals.map((duty) => ({
    ...duty,
    tasks: duty.tasks.map((task) => ({
      ...task,
      indicators: task.indicators.map((ind) => {
        const parsed = parseIndicatorValue(ind.value.raw);
        const v = ind.value;
        if (parsed.kind === v.kind && parsed.operator === v.operator && parsed.number === v.number && parsed.unit === v.unit) return ind;
        changed = true;
        warnings.push(`部门整体绩效目标「${task.task}」的指标“${ind.name}”的指标值“${v.raw}”已按原文重新解析。`);
        return { ...ind, value: parsed };
      }),
    })),
  }));
  return changed ? { ...doc, itemGoals } : doc;
}
