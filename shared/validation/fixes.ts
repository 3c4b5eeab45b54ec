import type { Mutation } from '../model/mutations';
import type { ModelPath } from '../model/paths';
import { parseIndicatorValue } from '../values/indicator-value';
import type { Fix } from './types';

/**
 * Builders of mechanical fixes (plain data: `set` mutations on table `table`, the finding's
 * table index). After a value fix, `value` equals `parseIndicatorValue(raw)` again.
 */

/** Fix that sets each path of table `table` to its value, in order (undefined removes a key). */
export function setPathsFix(label: string, table: number, changes: readonly (readonly [ModelPath, unknown])[]): Fix {
  return { label, mutations: changes.map(([path, value]): Mutation => ({ type: 'set', table, path, value })) };
}

/** Fix that replaces the 指标值 text of row `index` and re-parses it. */
export function setValueFix(label: string, table: number, index: number, raw: string): Fix {
  return setPathsFix(label, table, [[`indicators.${index}.value`, parseIndicatorValue(raw)]]);
}

/** Fix that sets a text field of the table (`goal`, `indicators.3.name`, …). */
export function setTextFix(label: string, table: number, path: ModelPath, text: string): Fix {
  return setPathsFix(label, table, [[path, text]]);
}
