import { cellLocator } from '../layout/locate-cell';
import type { PerformanceTable } from '../model/types';

/** Position of a model path in the official layout: A1 ref plus 0-based row/col for sorting. */
export interface CellRef {
  readonly a1: string;
  readonly row: number;
  readonly col: number;
}

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

/** Finds the cell showing a finding's path in one table (see `cellFinder`). */
export type CellFinder = (path: string) => CellRef | undefined;

const INDICATOR_PATH = /^indicators\.(\d+)/;

/**
 * A finder of the cells showing findings' paths in one table, from `cellLocator` (the positions of
 * `layout(table)`'s bindings, computed without building the layout). The cell of a path is the
 * bound cell itself; for an indicator part without a cell of its own (a 一级/二级 label of a
 * non-first row, or `indicators.3`), the row's 三级 cell, else its value cell; for
 * `amountTexts.funds.total`, the amount cell; else the parent path's cell. undefined for ''.
 * Rows are 1-based in the A1 ref.
 */
export function cellFinder(table: PerformanceTable): CellFinder {
  const locate = cellLocator(table);
  const at = (path: string): CellRef | undefined => {
    const p = locate(path);
    return p ? { a1: `${columnLetters(p.col)}${p.row + 1}`, row: p.row, col: p.col } : undefined;
  };
  return (path) => {
    if (path === '') return undefined;
    const direct = at(path);
    if (direct) return direct;
    const ind = INDICATOR_PATH.exec(path);
    if (ind) return at(`indicators.${ind[1]}.name`) ?? at(`indicators.${ind[1]}.value`);
    if (path.startsWith('amountTexts.')) return at(path.slice('amountTexts.'.length));
    const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    return parent ? at(parent) : undefined;
  };
}
