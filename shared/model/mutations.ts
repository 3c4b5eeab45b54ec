/**
 * Mutations: the serialisable edits of a Project (set a path, insert/remove rows and tables, …),
 * applying them immutably and computing each one's inverse. Commands and validation fixes are
 * lists of these.
 */
import type { DepartmentDocument } from './department';
import { getAtPath, setAtPath, type ModelPath } from './paths';
import type { Indicator, PerformanceTable, Project, ProjectMeta } from './types';

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
  | { readonly type: 'setDepartment'; readonly department: DepartmentDocument | undefined };


/**
 * Applying mutations to the immutable Project, and computing their inverses.
 * Every function returns a new Project with structural sharing (untouched tables keep their
 * identity so per-table layouts stay memoized) or the same object when nothing changed.
 */

function tableAt(project: Project, index: number): PerformanceTable {
  const table = project.tables[index];
  if (!table) throw new RangeError(`no table at index ${index}`);
  return table;
}

function withTable(project: Project, index: number, table: PerformanceTable): Project {
  if (project.tables[index] === table) return project;
  const tables = project.tables.slice();
  tables[index] = table;
  return { ...project, tables };
}

/** The project with `department` replaced (the key is dropped when undefined, as in files without family F). */
function withDepartment(project: Project, department: Project['department']): Project {
  if (project.department === department) return project;
  if (department) return { ...project, department };
  const { department: _dropped, ...rest } = project;
  void _dropped;
  return rest;
}

/** The object without `key` (the same object when it has none). */
function withoutKey(node: Record<string, unknown>, key: string): Record<string, unknown> {
  if (!Object.prototype.hasOwnProperty.call(node, key)) return node;
  const { [key]: _dropped, ...rest } = node;
  void _dropped;
  return rest;
}

/**
 * The table with the value at `path` replaced; `undefined` removes an object's key (absent, as in
 * the project file: `indicators.3.slotLabel`) instead of storing it.
 */
function setOrRemove(table: PerformanceTable, path: string, value: unknown): PerformanceTable {
  if (value !== undefined) return setAtPath(table, path, value);
  const dot = path.lastIndexOf('.');
  const key = path.slice(dot + 1);
  const parent = dot < 0 ? table : getAtPath(table, path.slice(0, dot));
  if (parent == null || typeof parent !== 'object') return table;
  if (Array.isArray(parent)) return setAtPath(table, path, value);
  const next = withoutKey(parent as Record<string, unknown>, key);
  if (next === parent) return table;
  return dot < 0 ? (next as unknown as PerformanceTable) : setAtPath(table, path.slice(0, dot), next);
}

/** The table with entry `key` of the record at `path` set (undefined: removed). */
function setEntry(table: PerformanceTable, path: string, key: string, value: unknown): PerformanceTable {
  const record = (getAtPath(table, path) ?? {}) as Record<string, unknown>;
  if (value === undefined) {
    const next = withoutKey(record, key);
    return next === record ? table : setAtPath(table, path, next);
  }
  if (Object.is(record[key], value)) return table;
  return setAtPath(table, path, { ...record, [key]: value });
}

/**
 * Applies one mutation. Pure.
 * @throws RangeError when a table or indicator index does not exist (a bug in the caller).
 */
export function applyMutation(project: Project, m: Mutation): Project {
  switch (m.type) {
    case 'set': {
      const table = tableAt(project, m.table);
      return withTable(project, m.table, setOrRemove(table, m.path, m.value));
    }
    case 'setEntry': {
      const table = tableAt(project, m.table);
      return withTable(project, m.table, setEntry(table, m.path, m.key, m.value));
    }
    case 'insertIndicators': {
      const table = tableAt(project, m.table);
      if (m.index < 0 || m.index > table.indicators.length) throw new RangeError(`bad indicator index ${m.index}`);
      const indicators = [...table.indicators.slice(0, m.index), ...m.indicators, ...table.indicators.slice(m.index)];
      return withTable(project, m.table, { ...table, indicators });
    }
    case 'removeIndicators': {
      const table = tableAt(project, m.table);
      if (m.index < 0 || m.index + m.count > table.indicators.length) throw new RangeError(`bad indicator range ${m.index}+${m.count}`);
      const indicators = [...table.indicators.slice(0, m.index), ...table.indicators.slice(m.index + m.count)];
      return withTable(project, m.table, { ...table, indicators });
    }
    case 'insertTable': {
      if (m.index < 0 || m.index > project.tables.length) throw new RangeError(`bad table index ${m.index}`);
      return { ...project, tables: [...project.tables.slice(0, m.index), m.table, ...project.tables.slice(m.index)] };
    }
    case 'removeTable': {
      tableAt(project, m.index);
      return { ...project, tables: [...project.tables.slice(0, m.index), ...project.tables.slice(m.index + 1)] };
    }
    case 'moveTable': {
      const table = tableAt(project, m.from);
      if (m.to < 0 || m.to >= project.tables.length) throw new RangeError(`bad table index ${m.to}`);
      if (m.from === m.to) return project;
      const rest = [...project.tables.slice(0, m.from), ...project.tables.slice(m.from + 1)];
      return { ...project, tables: [...rest.slice(0, m.to), table, ...rest.slice(m.to)] };
    }
    case 'replaceTable':
      tableAt(project, m.index);
      return withTable(project, m.index, m.table);
    case 'setMeta':
      return project.meta === m.meta ? project : { ...project, meta: m.meta };
    case 'setDepartment':
      return withDepartment(project, m.department);
  }
}

/** The mutation that undoes `m`, computed from the project BEFORE `m` is applied. */
export function inverseOf(project: Project, m: Mutation): Mutation {
  switch (m.type) {
    case 'set':
      return { type: 'set', table: m.table, path: m.path, value: getAtPath(tableAt(project, m.table), m.path) };
    case 'setEntry': {
      const record = getAtPath(tableAt(project, m.table), m.path) as Record<string, unknown> | undefined;
      const old = record && Object.prototype.hasOwnProperty.call(record, m.key) ? record[m.key] : undefined;
      return { type: 'setEntry', table: m.table, path: m.path, key: m.key, value: old };
    }
    case 'insertIndicators':
      return { type: 'removeIndicators', table: m.table, index: m.index, count: m.indicators.length };
    case 'removeIndicators':
      return {
        type: 'insertIndicators', table: m.table, index: m.index,
        indicators: tableAt(project, m.table).indicators.slice(m.index, m.index + m.count),
      };
    case 'insertTable':
      return { type: 'removeTable', index: m.index };
    case 'removeTable':
      return { type: 'insertTable', index: m.index, table: tableAt(project, m.index) };
    case 'moveTable':
      return { type: 'moveTable', from: m.to, to: m.from };
    case 'replaceTable':
      return { type: 'replaceTable', index: m.index, table: tableAt(project, m.index) };
    case 'setMeta':
      return { type: 'setMeta', meta: project.meta };
    case 'setDepartment':
      return { type: 'setDepartment', department: project.department };
  }
}

/**
 * Applies mutations in order and returns the new project plus the inverse list (already in
 * undo order: applying it to the result gives back the original project).
 */
export function applyMutations(project: Project, mutations: readonly Mutation[]): { project: Project; inverse: Mutation[] } {
  const inverse: Mutation[] = [];
  let current = project;
  for (const m of mutations) {
    inverse.push(inverseOf(current, m));
    current = applyMutation(current, m);
  }
  inverse.reverse();
  return { project: current, inverse };
}
