import type { Project } from '../../../shared/model/types';
import { layoutOf } from './layout-cache';

/** The next cell (after the current selection, wrapping across tables) whose text contains `query`. */
export function findNext(project: Project, tableIndex: number, from: { row: number; col: number } | null, query: string): { table: number; row: number; col: number } | null {
  const q = query.trim();
  if (!q || project.tables.length === 0) return null;
  const n = project.tables.length;
  for (let k = 0; k <= n; k++) {
    const t = (tableIndex + k) % n;
    const cells = layoutOf(project.tables[t], project.meta).cells;
    for (const c of cells) {
      if (!c.text.includes(q)) continue;
      if (k === 0 && from && (c.row < from.row || (c.row === from.row && c.col <= from.col))) continue;
      return { table: t, row: c.row, col: c.col };
    }
  }
  return null;
}
