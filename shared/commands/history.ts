import type { Project } from '../model/types';
import { applyMutations } from '../model/mutations';
import type { Command, Mutation } from './types';

/**
 * Undo/redo history with an explicit undo-capture policy (STYLE.md practice 4):
 *
 * - Opening a file, importing xlsx, creating a new project or restoring a recovery copy:
 *   the history is RESET (`emptyHistory()`); the loaded project is the new baseline.
 * - A cell commit (Enter, Tab, leaving the editor, Delete on a selection) is ONE step.
 * - A paste or fill of many cells is ONE step (one `set-cells` command).
 * - Every structural intent (insert / delete / move rows, table operations, change family,
 *   convert money unit, apply a fix) is ONE step.
 * - Selection, scroll and the current table are view state: never in the history.
 * - A command whose mutations change nothing is not recorded (`capture: 'never'`).
 */

/** One undoable step: the command and its inverse mutations (computed before applying). */
export interface HistoryEntry {
  readonly command: Command;
  readonly inverse: readonly Mutation[];
}

/** Immutable undo/redo stacks; the last element is the most recent. */
export interface History {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

/** How a change enters the history. */
export type CapturePolicy = 'immediately' | 'never';

/** Maximum number of undo steps kept. */
export const HISTORY_LIMIT = 500;

/** A fresh history (after open / import / new). */
export function emptyHistory(): History {
  return { undo: [], redo: [] };
}

/** Result of executing, undoing or redoing: the new project and history, and the table to show. */
export interface HistoryResult {
  readonly project: Project;
  readonly history: History;
  /** Table the UI should show (null: keep the current one). */
  readonly table: number | null;
  readonly label: string;
}

/**
 * Executes a command and records it as one undo step (unless the policy is `never` or the
 * project did not change). Clears the redo stack when recorded.
 * @throws RangeError when the command refers to tables or rows that do not exist.
 */
export function execute(project: Project, history: History, command: Command, capture: CapturePolicy = 'immediately'): HistoryResult {
  const { project: next, inverse } = applyMutations(project, command.mutations);
  if (next === project || capture === 'never') {
    return { project: next, history, table: command.tableAfter, label: command.label };
  }
  const undo = [...history.undo, { command, inverse }];
  if (undo.length > HISTORY_LIMIT) undo.shift();
  return { project: next, history: { undo, redo: [] }, table: command.tableAfter, label: command.label };
}

/** Undoes the most recent step; null when there is nothing to undo. */
export function undo(project: Project, history: History): HistoryResult | null {
  const entry = history.undo[history.undo.length - 1];
  if (!entry) return null;
  const { project: prev } = applyMutations(project, entry.inverse);
  return {
    project: prev,
    history: { undo: history.undo.slice(0, -1), redo: [...history.redo, entry] },
    table: entry.command.tableBefore,
    label: entry.command.label,
  };
}

/** Redoes the most recently undone step; null when there is nothing to redo. */
export function redo(project: Project, history: History): HistoryResult | null {
  const entry = history.redo[history.redo.length - 1];
  if (!entry) return null;
  const { project: next, inverse } = applyMutations(project, entry.command.mutations);
  return {
    project: next,
    history: { undo: [...history.undo, { command: entry.command, inverse }], redo: history.redo.slice(0, -1) },
    table: entry.command.tableAfter,
    label: entry.command.label,
  };
}

/** Labels for the 编辑 menu: 「撤销 插入指标行」 / 「重做 …」, or null when unavailable. */
export function historyLabels(history: History): { undo: string | null; redo: string | null } {
  return {
    undo: history.undo[history.undo.length - 1]?.command.label ?? null,
    redo: history.redo[history.redo.length - 1]?.command.label ?? null,
  };
}
