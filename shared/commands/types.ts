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
  /** Replace a whole table (change family, convert money unit, apply a validation fix). */
  | { readonly type: 'replaceTable'; readonly index: number; readonly table: PerformanceTable }
  /** Replace the project meta (预算年度, 单位). */
  | { readonly type: 'setMeta'; readonly meta: ProjectMeta }
  /** Replace the family F document (`project.department`; undefined removes it). */
  | { readonly type: 'setDepartment'; readonly department: import('../model/department').DepartmentDocument | undefined };

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
  /** Table to show after execute / redo (null: keep the current one). */
  readonly tableAfter: number | null;
  /** Table to show after undo (null: keep the current one). */
  readonly tableBefore: number | null;
}

/** Helper to build a command; `tableBefore` defaults to `tableAfter`. */
export function makeCommand(
  type: string,
  label: string,
  mutations: readonly Mutation[],
  tableAfter: number | null,
  tableBefore: number | null = tableAfter,
): Command {
  return { type, label, mutations, tableAfter, tableBefore };
}
