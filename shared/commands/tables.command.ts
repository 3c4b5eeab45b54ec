import { createTable, createTableLike } from '../families/create-table';
import type { BuiltinFamilyId, FamilyId, MoneyUnit, Project, ProjectMeta } from '../model/types';
import { getAtPath } from '../model/paths';
import { plainEqual } from '../model/plain-equal';
import type { Fix } from '../validation/types';
import { applyMutations } from '../model/mutations';
import { makeCommand, type Command, type Mutation } from './types';

/** Adds a new empty table of a family at `at` (default: the end). Money unit: the family default unless given. */
export function addTableCommand(project: Project, family: BuiltinFamilyId, at = project.tables.length, moneyUnit?: MoneyUnit): Command {
  const index = Math.max(0, Math.min(at, project.tables.length));
  return makeCommand('add-table', '新建表', [{ type: 'insertTable', index, table: createTable(family, moneyUnit) }], index, null);
}

/**
 * Adds a new, empty table in the layout of table `likeIndex` (a learned layout's 新建表) at `at`.
 * Null when that table does not exist.
 */
export function addTableLikeCommand(project: Project, likeIndex: number, at = project.tables.length): Command | null {
  const like = project.tables[likeIndex];
  if (!like) return null;
  const index = Math.max(0, Math.min(at, project.tables.length));
  return makeCommand('add-table', '新建表', [{ type: 'insertTable', index, table: createTableLike(like) }], index, null);
}

/** Inserts a copy of a table right after it, named 「…（副本）」. Null when the table does not exist. */
export function duplicateTableCommand(project: Project, tableIndex: number): Command | null {
  const table = project.tables[tableIndex];
  if (!table) return null;
  const copy = { ...table, projectName: `${table.projectName}（副本）` };
  return makeCommand('duplicate-table', '复制表', [{ type: 'insertTable', index: tableIndex + 1, table: copy }], tableIndex + 1, tableIndex);
}

/** Renames a table (its 项目名称 / 部门名称). Null when unchanged. */
export function renameTableCommand(project: Project, tableIndex: number, name: string): Command | null {
  const table = project.tables[tableIndex];
  if (!table || table.projectName === name) return null;
  return makeCommand('rename-table', '重命名表', [{ type: 'set', table: tableIndex, path: 'projectName', value: name }], tableIndex);
}

/** Deletes a table; afterwards the neighbour is shown (null when none is left). */
export function deleteTableCommand(project: Project, tableIndex: number): Command | null {
  if (!project.tables[tableIndex]) return null;
  const after = project.tables.length === 1 ? null : Math.min(tableIndex, project.tables.length - 2);
  return makeCommand('delete-table', '删除表', [{ type: 'removeTable', index: tableIndex }], after, tableIndex);
}

/** Moves a table to another position in the list. Null when the move is a no-op or out of range. */
export function moveTableCommand(project: Project, from: number, to: number): Command | null {
  const n = project.tables.length;
  if (from === to || from < 0 || to < 0 || from >= n || to >= n) return null;
  return makeCommand('move-table', '调整表顺序', [{ type: 'moveTable', from, to }], to, from);
}

/** Replaces the project meta (预算年度, 单位编码, 单位名称, default money unit). Null when unchanged. */
export function setMetaCommand(project: Project, meta: ProjectMeta): Command | null {
  if (plainEqual(meta, project.meta)) return null;
  return makeCommand('set-meta', '修改项目信息', [{ type: 'setMeta', meta }], null);
}

/**
 * The project after a fix, or null when the fix no longer fits it (a stale fix naming a table,
 * row or field that is gone: nothing is created for it). Fixes only `set` paths and entries.
 */
function afterFix(project: Project, fix: Fix): Project | null {
  for (const m of fix.mutations) {
    if (m.type !== 'set' && m.type !== 'setEntry') return null;
    const table = project.tables[m.table];
    const dot = m.path.lastIndexOf('.');
    if (!table || (dot >= 0 && typeof getAtPath(table, m.path.slice(0, dot)) !== 'object')) return null;
  }
  return applyMutations(project, fix.mutations).project;
}

/**
 * Applies a validation finding's mechanical fix (its mutations) as one undoable step; the table
 * shown afterwards is `tableIndex` (the finding's). Null when it changes nothing or no longer fits.
 */
export function applyFixCommand(project: Project, tableIndex: number, fix: Fix): Command | null {
  if (!project.tables[tableIndex]) return null;
  const next = afterFix(project, fix);
  if (!next || plainEqual(next, project)) return null;
  return makeCommand('apply-fix', fix.label, fix.mutations, tableIndex);
}

/**
 * Applies many findings' fixes as ONE undo step (「全部修正」): in the order given, each fix's
 * mutations apply to the project as the previous ones left it; a fix that changes nothing
 * there is left out. Returns the command (null when nothing changes) and how many fixes changed
 * something. `label` names the batch (「全部修正（108 处）」 by default).
 */
export function applyFixesCommand(project: Project, fixes: readonly { readonly tableIndex: number; readonly fix: Fix }[], currentTable: number, label?: string): { command: Command | null; applied: number } {
  const mutations: Mutation[] = [];
  let current = project;
  let applied = 0;
  for (const { tableIndex, fix } of fixes) {
    if (!current.tables[tableIndex]) continue;
    const next = afterFix(current, fix);
    if (!next || plainEqual(next, current)) continue;
    current = next;
    mutations.push(...fix.mutations);
    applied++;
  }
  if (applied === 0) return { command: null, applied };
  return { command: makeCommand('apply-fixes', label ?? `全部修正（${applied} 处）`, mutations, currentTable), applied };
}

/**
 * Sets one column's width (Excel character units, ≥ 1) of table `tableIndex`'s layout as one undo
 * step (「调整列宽」): the table then keeps its own widths (PerformanceTable.columnWidths), starting
 * from `current` (the layout's widths). Null when nothing changes or the column does not exist.
 */
export function setColumnWidthCommand(project: Project, tableIndex: number, current: readonly number[], col: number, width: number): Command | null {
  const table = project.tables[tableIndex];
  if (!table || col < 0 || col >= current.length || !Number.isFinite(width)) return null;
  const w = Math.min(255, Math.max(1, Math.round(width * 2) / 2));
  if (current[col] === w) return null;
  const widths = current.slice();
  widths[col] = w;
  return makeCommand('set-column-width', '调整列宽', [{ type: 'set', table: tableIndex, path: 'columnWidths', value: widths }], tableIndex);
}
