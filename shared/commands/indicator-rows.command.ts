import { familyOf } from '../families';
import { indicatorRuns, level2RunOf } from '../layout/indicator-runs';
import type { SheetLayout } from '../layout/types';
import { emptyIndicator } from '../model/create';
import { plainEqual } from '../model/plain-equal';
import type { Project } from '../model/types';
import { groupRun } from './set-cells.command';
import { makeCommand, type Command, type Mutation } from './types';

/** Where a new indicator row goes relative to its anchor row. */
export type InsertWhere = 'above' | 'below';

/**
 * Resolves a grid row of a layout to the indicator an insert should anchor on.
 * An indicator row anchors on itself; a family-A spacer row anchors BELOW the last indicator
 * of the 二级 above it (so the new row joins that 二级 group); header rows give null.
 */
export function insertAnchorForRow(layout: SheetLayout, row: number, where: InsertWhere): { index: number; where: InsertWhere } | null {
  if (row <= layout.matrixHeaderRow || row >= layout.rowCount) return null;
  const own = layout.rowIndicators[row];
  if (own != null) return { index: own, where };
  for (let r = row - 1; r > layout.matrixHeaderRow; r--) {
    const index = layout.rowIndicators[r];
    if (index != null) return { index, where: 'below' };
  }
  return null;
}

/**
 * Inserts `count` (default 1, as many as the rows selected) blank indicator rows above or below
 * indicator `anchorIndex`, in the same 一级 and 二级 (the layout's merges follow). When the
 * table has no indicators, the rows go under the family's first 一级 › 二级. Returns null when
 * the anchor does not exist.
 */
export function insertIndicatorCommand(project: Project, tableIndex: number, anchorIndex: number, where: InsertWhere, count = 1): Command | null {
  const table = project.tables[tableIndex];
  if (!table) return null;
  const n = Math.max(1, Math.floor(count));
  const rows = (level1: string, level2: string) => Array.from({ length: n }, () => emptyIndicator(level1, level2));
  const label = (base: string) => (n > 1 ? `${base}（${n} 行）` : base);
  if (table.indicators.length === 0) {
    const first = familyOf(table).categories[0];
    return makeCommand('insert-indicator', label('插入指标行'), [{ type: 'insertIndicators', table: tableIndex, index: 0, indicators: rows(first.name, first.level2[0]?.name ?? '') }], tableIndex);
  }
  const anchor = table.indicators[anchorIndex];
  if (!anchor) return null;
  const index = where === 'above' ? anchorIndex : anchorIndex + 1;
  const mutation: Mutation = { type: 'insertIndicators', table: tableIndex, index, indicators: rows(anchor.level1, anchor.level2) };
  return makeCommand('insert-indicator', label(where === 'above' ? '在上方插入指标行' : '在下方插入指标行'), [mutation], tableIndex);
}

/**
 * Deletes indicator rows. The last row of a 二级 group is cleared instead of removed, so the
 * form keeps every category the user had (the printed form shows the 二级 with a blank row).
 * Returns null when nothing changes.
 */
export function deleteIndicatorsCommand(project: Project, tableIndex: number, indices: readonly number[]): Command | null {
  const table = project.tables[tableIndex];
  if (!table) return null;
  const doomed = new Set(indices.filter((i) => i >= 0 && i < table.indicators.length));
  if (doomed.size === 0) return null;
  const keep = new Set<number>();
  for (const i of doomed) {
    const run = groupRun(table, i, true);
    if (run.every((k) => doomed.has(k))) keep.add(run[0]);
  }
  const mutations: Mutation[] = [];
  for (const i of [...keep].sort((a, b) => a - b)) {
    const ind = table.indicators[i];
    const blank = emptyIndicator(ind.level1, ind.level2);
    if (!plainEqual(blank, ind)) mutations.push({ type: 'set', table: tableIndex, path: `indicators.${i}`, value: blank });
  }
  const removals = [...doomed].filter((i) => !keep.has(i)).sort((a, b) => b - a);
  for (const i of removals) mutations.push({ type: 'removeIndicators', table: tableIndex, index: i, count: 1 });
  if (mutations.length === 0) return null;
  return makeCommand('delete-indicators', doomed.size > 1 ? `删除 ${doomed.size} 行指标` : '删除指标行', mutations, tableIndex);
}

/**
 * Moves an indicator one row up or down within its 二级 group (swaps with the neighbour).
 * Returns null at the edge of the group.
 */
export function moveIndicatorCommand(project: Project, tableIndex: number, index: number, direction: 'up' | 'down'): Command | null {
  const table = project.tables[tableIndex];
  const ind = table?.indicators[index];
  if (!ind) return null;
  const other = direction === 'up' ? index - 1 : index + 1;
  const nb = table.indicators[other];
  if (!nb || level2RunOf(indicatorRuns(table.indicators), other) !== level2RunOf(indicatorRuns(table.indicators), index)) return null;
  const mutations: Mutation[] = [
    { type: 'set', table: tableIndex, path: `indicators.${index}`, value: nb },
    { type: 'set', table: tableIndex, path: `indicators.${other}`, value: ind },
  ];
  return makeCommand('move-indicator', direction === 'up' ? '上移指标行' : '下移指标行', mutations, tableIndex);
}
