import { layout } from '../layout/layout';
import type { PerformanceTable, ProjectMeta } from '../model/types';

/** Position of a model path in the official layout: A1 ref plus 0-based row/col for sorting. */
export interface CellRef {
  readonly a1: string;
  readonly row: number;
  readonly col: number;
}

const cache = new WeakMap<PerformanceTable, ReadonlyMap<string, CellRef>>();

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Map of model path → cell of the official layout, from `layout(table, meta)` bindings
 * (cached per table object; the layout is pure). Rows are 1-based in the A1 ref.
 */
export function cellMap(table: PerformanceTable, meta: ProjectMeta): ReadonlyMap<string, CellRef> {
  let map = cache.get(table);
  if (!map) {
    const m = new Map<string, CellRef>();
    for (const cell of layout(table, meta).cells) {
      const path = cell.binding?.path;
      if (path && !m.has(path)) m.set(path, { a1: `${columnLetters(cell.col)}${cell.row + 1}`, row: cell.row, col: cell.col });
    }
    map = m;
    cache.set(table, map);
  }
  return map;
}

/**
 * The cell showing a finding's path: the bound cell itself; for an indicator part without a
 * cell of its own (a 一级/二级 label of a non-first row, or `indicators.3`), the row's 三级 cell,
 * else its value cell; for `amountTexts.funds.total`, the amount cell. undefined for ''.
 */
export function cellOf(table: PerformanceTable, meta: ProjectMeta, path: string): CellRef | undefined {
  if (path === '') return undefined;
  const map = cellMap(table, meta);
  const direct = map.get(path);
  if (direct) return direct;
  const ind = /^indicators\.(\d+)/.exec(path);
  if (ind) return map.get(`indicators.${ind[1]}.name`) ?? map.get(`indicators.${ind[1]}.value`);
  if (path.startsWith('amountTexts.')) return map.get(path.slice('amountTexts.'.length));
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  return parent ? map.get(parent) : undefined;
}
