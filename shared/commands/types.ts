
import type { Mutation } from '../model/mutations';

export type { Mutation } from '../model/mutations';

/**
 * What a command changes, as data the reducers read (never the command's `type`): the tables
 * whose content changes (their findings go stale), and whether the project's structure changes
 * (tables added, removed or moved, or the project meta: every table's index, title tokens and
 * cross-table findings may change).
 */
export interface CommandScope {
  /** Indices of the tables whose content the mutations change, ascending, without repeats. */
  readonly tables: readonly number[];
  /** True when the table list or the project meta changes. */
  readonly structure: boolean;
}

/** The scope of a list of mutations (`setDepartment` touches no table and no structure). */
export function scopeOf(mutations: readonly Mutation[]): CommandScope {
  const tables = new Set<number>();
  let structure = false;
  for (const m of mutations) {
    switch (m.type) {
      case 'set':
      case 'setEntry':
      case 'insertIndicators':
      case 'removeIndicators':
        tables.add(m.table);
        break;
      case 'replaceTable':
        tables.add(m.index);
        break;
      case 'insertTable':
      case 'removeTable':
      case 'moveTable':
      case 'setMeta':
        structure = true;
        break;
      case 'setDepartment':
        break;
    }
  }
  return { tables: [...tables].sort((a, b) => a - b), structure };
}

/**
 * One user intent, ready to execute: a Chinese label for the 编辑 menu (「撤销 插入指标行」),
 * the mutations, and which table the UI should show afterwards (and after undo).
 */
export interface Command {
  /** Stable id of the intent, e.g. `set-cells`, `insert-indicator`. */
  readonly type: string;
  /** Short Chinese description, e.g. 「插入指标行」. */
  readonly label: string;
  readonly mutations: readonly Mutation[];
  /** What the mutations change (derived from them by `makeCommand`). */
  readonly scope: CommandScope;
  /** Table to show after execute / redo (null: keep the current one). */
  readonly tableAfter: number | null;
  /** Table to show after undo (null: keep the current one). */
  readonly tableBefore: number | null;
}

/** Helper to build a command (its scope derived from the mutations); `tableBefore` defaults to `tableAfter`. */
export function makeCommand(
  type: string,
  label: string,
  mutations: readonly Mutation[],
  tableAfter: number | null,
  tableBefore: number | null = tableAfter,
): Command {
  return { type, label, mutations, scope: scopeOf(mutations), tableAfter, tableBefore };
}
