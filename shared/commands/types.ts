import type { Indicator, PerformanceTable, ProjectMeta } from '../model/types';
import type { ModelPath } from '../model/paths';

/**
 * A serializable change to a Project (Univer-style MUTATION). Commands are built from user
 * intents as lists of mutations; undo replays the inverse mutations, which are computed
 * from the project BEFORE each mutation is applied. Table indices refer to `project.tables`.
 */
export type Mutation =
  /** Replace the value at a model path of a table (`funds.total`, `indicators.3.value`, `amountTexts`). */
  | { readonly type: 'set'; readonly table: number; readonly path: ModelPath; readonly value: unknown }
  /** Insert indicator rows at `index` (0 ≤ index ≤ indicators.length). */
  | { readonly type: 'insertIndicators'; readonly table: number; readonly index: number; readonly indicators: readonly Indicator[] }
  /** Remove `count` indicator rows starting at `index`. */
  | { readonly type: 'removeIndicators'; readonly table: number; readonly index: number; readonly count: number }
  /** Insert a table at `index`. */
  | { readonly type: 'insertTable'; readonly index: number; readonly table: PerformanceTable }
  /** Remove the table at `index`. */
  | { readonly type: 'removeTable'; readonly index: number }
  /** Move a table from one position to another (positions in the list before the move). */
  | { readonly type: 'moveTable'; readonly from: number; readonly to: number }
  /**
   * Set one entry of the record at `path` (`amountTexts`, whose keys are model paths and so cannot
   * be steps of a path); `value` undefined removes the entry.
   */
  | { readonly type: 'setEntry'; readonly table: number; readonly path: ModelPath; readonly key: string; readonly value: unknown }
  /** Replace a whole table (change family, convert money unit). */
  | { readonly type: 'replaceTable'; readonly index: number; readonly table: PerformanceTable }
  /** Replace the project meta (预算年度, 单位). */
  | { readonly type: 'setMeta'; readonly meta: ProjectMeta }
  /** Replace the family F document (`project.department`; undefined removes it). */
  | { readonly type: 'setDepartment'; readonly department: import('../model/department').DepartmentDocument | undefined };

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
