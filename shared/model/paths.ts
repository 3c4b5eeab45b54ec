/**
 * Model paths (`funds.total`, `indicators.3.value`): reading and immutably replacing the value at a
 * path of a table, and finding the indicator a path points into.
 */
import type { PerformanceTable } from './types';

/**
 * Model paths: dot-separated strings relative to a table, used by layout bindings,
 * findings (`Finding.path`) and commands. Examples: `projectName`, `funds.total`,
 * `spendingPlan.march`, `indicators.3.value`, `indicators.3.name`.
 */
export type ModelPath = string;

/** Reads the value at a path of a table (undefined when the path does not exist). */
export function getAtPath(table: PerformanceTable, path: ModelPath): unknown {
  let cur: unknown = table;
  for (const key of path.split('.')) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * Returns a copy of the table with the value at `path` replaced (structural sharing; the
 * same table object when the value is unchanged). Missing intermediate objects are created.
 */
export function setAtPath<T extends object>(root: T, path: ModelPath, value: unknown): T {
  const keys = path.split('.');
  const set = (node: unknown, i: number): unknown => {
    const key = keys[i];
    const isArray = Array.isArray(node);
    const container = (node ?? {}) as Record<string, unknown>;
    const current = container[key];
    const next = i === keys.length - 1 ? value : set(current, i + 1);
    if (Object.is(current, next)) return node;
    if (isArray) {
      const copy = (node as unknown[]).slice();
      copy[Number(key)] = next;
      return copy;
    }
    return { ...container, [key]: next };
  };
  return set(root, 0) as T;
}

/** Index of the indicator a path points into (`indicators.3.value` → 3), or null. */
export function indicatorIndexOf(path: ModelPath): number | null {
  const m = /^indicators\.(\d+)(\.|$)/.exec(path);
  return m ? Number(m[1]) : null;
}
