/**
 * 查找 / 替换 over the layouts of the project: every anchor cell counts once (a merged cell is one
 * match), in table order and then row by row. Replace and Replace All are each ONE command.
 */
import { applyMutations, cellEditMutations, makeCommand, type Command, type Mutation } from '../../../shared/commands';
import type { LayoutCell } from '../../../shared/layout/types';
import type { Project } from '../../../shared/model/types';
import { layoutOf } from './layout-cache';

/** Where 查找 looks. */
export type FindScope = 'table' | 'all';

/** One match: an anchor cell of a table's layout. */
export interface FindHit {
  readonly table: number;
  readonly row: number;
  readonly col: number;
  readonly cell: LayoutCell;
}

/** Every cell whose shown text contains `query`, in order (this table only, or all tables). */
export function findAll(project: Project, tableIndex: number, scope: FindScope, query: string): FindHit[] {
  if (query === '') return [];
  const tables = scope === 'table' ? [tableIndex] : project.tables.map((_, i) => i);
  const hits: FindHit[] = [];
  for (const t of tables) {
    const table = project.tables[t];
    if (!table) continue;
    for (const cell of layoutOf(table, project.meta).cells) {
      if (cell.text.includes(query)) hits.push({ table: t, row: cell.row, col: cell.col, cell });
    }
  }
  return hits;
}

const order = (a: { table: number; row: number; col: number }, b: { table: number; row: number; col: number }) =>
  a.table - b.table || a.row - b.row || a.col - b.col;

/**
 * The index in `hits` of the match after (or, backwards, before) `from`, wrapping around; -1 when
 * there is none. `from` is the last match shown (or the selected cell): a merged cell is left
 * as a whole, so the search always moves on.
 */
export function stepHit(hits: readonly FindHit[], from: { table: number; row: number; col: number } | null, backwards = false): number {
  if (hits.length === 0) return -1;
  if (!from) return backwards ? hits.length - 1 : 0;
  if (backwards) {
    for (let i = hits.length - 1; i >= 0; i--) if (order(hits[i], from) < 0) return i;
    return hits.length - 1;
  }
  const i = hits.findIndex((h) => order(h, from) > 0);
  return i >= 0 ? i : 0;
}

/** The editable text of a match after replacing every occurrence (null: a label, or nothing to change there). */
function replaced(hit: FindHit, query: string, replacement: string): string | null {
  if (!hit.cell.binding) return null;
  const source = hit.cell.editText ?? hit.cell.text;
  if (!source.includes(query)) return null;
  return source.split(query).join(replacement);
}

/**
 * One command replacing `query` in the given matches (one undo step across tables), with the
 * number of cells changed and of matches that cannot be replaced (fixed labels, titles).
 */
export function replaceCommand(project: Project, hits: readonly FindHit[], query: string, replacement: string, currentTable: number): { command: Command | null; changed: number; refused: number } {
  const mutations: Mutation[] = [];
  let current = project;
  let changed = 0;
  let refused = 0;
  for (const hit of hits) {
    const text = replaced(hit, query, replacement);
    if (text === null || !hit.cell.binding) { refused++; continue; }
    const ms = cellEditMutations(current.tables[hit.table], hit.table, { binding: hit.cell.binding, text });
    if (ms.length === 0) continue;
    mutations.push(...ms);
    current = applyMutations(current, ms).project;
    changed++;
  }
  if (mutations.length === 0) return { command: null, changed, refused };
  const label = hits.length > 1 ? `全部替换（${changed} 处）` : '替换';
  return { command: makeCommand('replace', label, mutations, currentTable), changed, refused };
}
