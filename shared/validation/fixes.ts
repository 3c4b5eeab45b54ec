import { setAtPath } from '../model/paths';
import type { Indicator, PerformanceTable } from '../model/types';
import { parseIndicatorValue } from '../values/indicator-value';
import type { Fix } from './types';

/**
 * Builders of mechanical fixes (`Fix.apply` is pure and returns a new table; the same table
 * when nothing changes). After a value fix, `value` equals `parseIndicatorValue(raw)` again.
 */

/** Fix that replaces the 指标值 text of row `index` and re-parses it. */
export function setValueFix(label: string, index: number, raw: string): Fix {
  return {
    label,
    apply: (table) => {
      const ind = table.indicators[index];
      if (!ind || ind.value.raw === raw) return table;
      return setAtPath(table, `indicators.${index}.value`, parseIndicatorValue(raw));
    },
  };
}

/** Fix that sets a text field of the table (`goal`, `indicators.3.name`, …). */
export function setTextFix(label: string, path: string, text: string): Fix {
  return { label, apply: (table) => setAtPath(table, path, text) };
}

/** Fix that rewrites every indicator through `map` (returns the same object to keep it). */
export function mapIndicatorsFix(label: string, map: (ind: Indicator, index: number) => Indicator): Fix {
  return {
    label,
    apply: (table) => {
      let changed = false;
      const indicators = table.indicators.map((ind, i) => {
        const next = map(ind, i);
        if (next !== ind) changed = true;
        return next;
      });
      return changed ? { ...table, indicators } : table;
    },
  };
}

/** Fix that replaces the whole indicator list (canonical order, STR-12). */
export function setIndicatorsFix(label: string, compute: (table: PerformanceTable) => readonly Indicator[]): Fix {
  return { label, apply: (table) => ({ ...table, indicators: compute(table) }) };
}
