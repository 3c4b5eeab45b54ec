import { createTable, createTableLike } from '../model/create';
import type { FamilyId, MoneyUnit, Project, ProjectMeta } from '../model/types';
import type { Fix } from '../validation/types';
import { makeCommand, type Command } from './types';

/** Adds a new empty table of a family at `at` (default: the end). Money unit: the family default unless given. */
export function addTableCommand(project: Project, family: FamilyId, at = project.tables.length, moneyUnit?: MoneyUnit): Command {
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
  if (JSON.stringify(meta) === JSON.stringify(project.meta)) return null;
  return makeCommand('set-meta', '修改项目信息', [{ type: 'setMeta', meta }], null);
}

/** Applies a validation finding's mechanical fix to its table as one undoable step. Null when it changes nothing. */
export function applyFixCommand(project: Project, tableIndex: number, fix: Fix): Command | null {
  const table = project.tables[tableIndex];
  if (!table) return null;
  const next = fix.apply(table);
  if (next === table || JSON.stringify(next) === JSON.stringify(table)) return null;
  return makeCommand('apply-fix', fix.label, [{ type: 'replaceTable', index: tableIndex, table: next }], tableIndex);
}
