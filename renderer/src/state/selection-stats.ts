/**
 * 求和 / 计数 / 平均 of a selection for the status bar, as Excel shows them: 计数 counts non-empty
 * cells (merged cells once), 求和 and 平均 take the numeric ones (amounts and percents by their
 * number, other cells only when the text is a plain number). Summed exactly with decimal.js.
 */
import Decimal from 'decimal.js';
import { cellIndex } from '../../../shared/layout/cell-index';
import type { LayoutCell, SheetLayout } from '../../../shared/layout/types';

export interface SelectionStats {
  readonly count: number;
  readonly numbers: number;
  /** Exact decimal strings (no binary float rounding). */
  readonly sum: string;
  readonly average: string;
}

const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

function numberOf(cell: LayoutCell): Decimal | null {
  if (typeof cell.number === 'number' && Number.isFinite(cell.number)) return new Decimal(String(cell.number));
  const text = cell.text.trim().replace(/,/g, '');
  return PLAIN_NUMBER.test(text) ? new Decimal(text) : null;
}

/** Stats of the anchors in a range; null for a single cell or when no cell is numeric. */
export function selectionStats(layout: SheetLayout, range: { row: number; col: number; row2: number; col2: number }): SelectionStats | null {
  const index = cellIndex(layout);
  const seen = new Set<LayoutCell>();
  for (let r = range.row; r <= range.row2; r++) for (let c = range.col; c <= range.col2; c++) {
    const cell = index.at(r, c);
    if (cell) seen.add(cell);
  }
  if (seen.size < 2) return null;
  let count = 0;
  let numbers = 0;
  let sum = new Decimal(0);
  for (const cell of seen) {
    if (cell.text.trim() === '' || !cell.binding) continue;
    count++;
    const n = numberOf(cell);
    if (n) { numbers++; sum = sum.plus(n); }
  }
  if (numbers === 0) return null;
  return { count, numbers, sum: sum.toString(), average: sum.dividedBy(numbers).toDecimalPlaces(6).toString() };
}
