/** Where findings show: the layout cell of a finding's model path, packed positions and their A1 names. */
import { PACKED_COLS, bindingIndex } from '../layout/locate-cell';
import type { PerformanceTable } from '../model/types';
import { cellRef } from '../layout/a1';

/** Finds the cell showing a finding's path in one table (see `cellFinder`): a packed position, or -1. */
export type CellFinder = (path: string) => number;

const INDICATOR_PATH = /^indicators\.(\d+)/;

/**
 * A finder of the cells showing findings' paths in one table, from `bindingIndex(table)` (the
 * positions of `layout(table)`'s bindings, computed without building the layout). The cell of a
 * path is the bound cell itself; for an indicator part without a cell of its own (a 一级/二级
 * label of a non-first row, or `indicators.3`), the row's 三级 cell, else its value cell; for
 * `amountTexts.funds.total`, the amount cell; else the parent path's cell. -1 for '' and for
 * paths without a cell. Positions are packed: `row * PACKED_COLS + col` (see `cellRow`, `cellA1`).
 */
export function cellFinder(table: PerformanceTable): CellFinder {
  const index = bindingIndex(table);
  const at = (path: string): number => index.packedOf(path);
  return (path) => {
    if (path === '') return -1;
    const direct = at(path);
    if (direct >= 0) return direct;
    const ind = INDICATOR_PATH.exec(path);
    if (ind) {
      const name = at(`indicators.${ind[1]}.name`);
      return name >= 0 ? name : at(`indicators.${ind[1]}.value`);
    }
    if (path.startsWith('amountTexts.')) return at(path.slice('amountTexts.'.length));
    const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    return parent ? at(parent) : -1;
  };
}

/** 0-based row of a packed position. */
export function cellRow(position: number): number {
  return Math.floor(position / PACKED_COLS);
}

/** 0-based column of a packed position. */
export function cellCol(position: number): number {
  return position % PACKED_COLS;
}

/** A1 reference of a packed position (rows 1-based): `D15`. */
export function cellA1(position: number): string {
  return cellRef(cellRow(position), cellCol(position));
}
